#include "enginestate.h"

#include "digest.h"

#include <algorithm>
#include <array>
#include <bit>
#include <mutex>

#include <QHash>
#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <openssl/evp.h>

namespace Strata {

namespace {

Q_LOGGING_CATEGORY(lcState, "strata.core")

constexpr qsizetype IdPrefixLength = 7; // "sha256:"

QStringView hexOf(const QString &imageId)
{
    return QStringView(imageId).sliced(std::min(IdPrefixLength, imageId.size()));
}

// The first 16 hex digits of an ID as a number: sorting and prefix search on integers.
quint64 hexKey(QStringView hex, char16_t fill)
{
    quint64 key = 0;
    for (qsizetype i = 0; i < 16; ++i) {
        const char16_t c = i < hex.size() ? hex[i].unicode() : fill;
        const quint64 digit = c <= u'9' ? quint64(c - u'0') : quint64(c - u'a' + 10);
        key = (key << 4) | (digit & 0xf);
    }
    return key;
}

bool isLowerHex(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f');
    });
}

// Strings the loader parsed separately are equal by content; strings copied from one another
// share their data, which makes the common case a pointer comparison.
bool sameStrings(const QString &a, const QString &b)
{
    return a.size() == b.size() && (a.constData() == b.constData() || a == b);
}

bool startsWithList(const QStringList &list, const QStringList &prefix)
{
    return prefix.size() <= list.size()
        && std::equal(prefix.begin(), prefix.end(), list.begin(), sameStrings);
}

// A reference the engine printed, normalised as Reference::fromEngineString would (domain,
// "library/" for official images) with two allocations: snapshots carry thousands of them.
EngineState::ImageReference normalizedReference(const QString &familiar, bool isDigest)
{
    static constexpr QStringView defaultDomain = u"docker.io";
    const qsizetype slash = familiar.indexOf(QLatin1Char('/'));
    const QStringView first = QStringView(familiar).left(slash);
    const bool hasDomain = slash >= 0
        && (first.contains(QLatin1Char('.')) || first.contains(QLatin1Char(':'))
            || first == QLatin1String("localhost"));
    QStringView domain = hasDomain ? first : defaultDomain;
    const QStringView remainder = hasDomain ? QStringView(familiar).sliced(slash + 1)
                                            : QStringView(familiar);
    if (domain == QLatin1String("index.docker.io"))
        domain = defaultDomain;
    const bool official = domain == defaultDomain && !remainder.contains(QLatin1Char('/'));
    EngineState::ImageReference ref;
    ref.normalized = domain + QLatin1Char('/')
        + (official ? QStringView(u"library/") : QStringView()) + remainder;
    // The repository ends where the tag (after the last '/') or the digest begins.
    const qsizetype at = ref.normalized.indexOf(QLatin1Char('@'));
    const QStringView left = QStringView(ref.normalized).left(at);
    const qsizetype colon = left.indexOf(QLatin1Char(':'), left.lastIndexOf(QLatin1Char('/')) + 1);
    ref.name = colon >= 0 ? left.left(colon).toString() : left.toString();
    // Reference::fromEngineString refuses only a name with an empty path.
    if (ref.name.size() <= domain.size() + 1)
        return {};
    ref.familiar = familiar;
    ref.isDigest = isDigest;
    return ref;
}

QList<EngineState::ImageReference> referencesOf(const ImageRecord &record)
{
    QList<EngineState::ImageReference> references;
    references.reserve(record.repoTags.size() + record.repoDigests.size());
    auto add = [&references](const QString &familiar, bool isDigest) {
        EngineState::ImageReference ref = normalizedReference(familiar, isDigest);
        if (!ref.normalized.isEmpty())
            references.append(std::move(ref));
    };
    for (const QString &tag : record.repoTags)
        add(tag, false);
    for (const QString &digest : record.repoDigests)
        add(digest, true);
    // The store sorts by the normalised string (reference/store.go, lexicalRefs).
    std::sort(references.begin(), references.end(),
        [](const EngineState::ImageReference &a, const EngineState::ImageReference &b) {
            return a.normalized < b.normalized;
        });
    return references;
}

// A number that identifies a digest well enough to pick a hash slot: its first 16 hex digits,
// which are uniformly distributed for real digests, or Qt's string hash for anything else.
// Digit values of '0'-'9' and 'a'-'f'; 0x10 marks every other ASCII character.
constexpr std::array<quint8, 128> hexDigits = [] {
    std::array<quint8, 128> digits {};
    digits.fill(0x10);
    for (int c = 0; c < 10; ++c)
        digits[size_t('0' + c)] = quint8(c);
    for (int c = 0; c < 6; ++c)
        digits[size_t('a' + c)] = quint8(10 + c);
    return digits;
}();

quint64 digestKey(const QString &digest)
{
    constexpr qsizetype prefixLength = 7; // "sha256:"
    const char16_t *text = reinterpret_cast<const char16_t *>(digest.constData());
    if (digest.size() >= prefixLength + 16 && text[6] == u':' && text[0] == u's'
        && QStringView(text, prefixLength) == u"sha256:") {
        quint64 key = 0;
        unsigned invalid = 0;
        for (qsizetype i = prefixLength; i < prefixLength + 16; ++i) {
            const char16_t c = text[i];
            const unsigned digit = c < 128 ? hexDigits[c] : 0x10;
            invalid |= digit;
            key = (key << 4) | (digit & 0xf);
        }
        if (!(invalid & 0x10))
            return key;
    }
    return quint64(qHash(digest));
}

} // namespace

// Chain IDs, "sha256:" + hex(sha256(parent + " " + diffId)) as layer.CreateChainID computes
// them, with one OpenSSL context for all of them.
class ChainHasher final
{
public:
    ChainHasher()
        : m_md(EVP_MD_fetch(nullptr, "SHA256", nullptr))
        , m_context(EVP_MD_CTX_new())
    { }
    ~ChainHasher()
    {
        EVP_MD_CTX_free(m_context);
        EVP_MD_free(m_md);
    }
    Q_DISABLE_COPY_MOVE(ChainHasher)

    QString chainId(const QString &parent, const QString &diffId)
    {
        // IDs are ASCII, so their UTF-8 is one byte per character: no conversion needed.
        char buffer[256];
        const qsizetype size = parent.size() + 1 + diffId.size();
        const bool ascii = size <= qsizetype(sizeof buffer)
            && toAscii(parent, buffer) && toAscii(diffId, buffer + parent.size() + 1);
        if (!ascii)
            return Digest::sha256Of((parent + QLatin1Char(' ') + diffId).toUtf8());
        buffer[parent.size()] = ' ';
        unsigned char hash[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        if (!m_md || !m_context || EVP_DigestInit_ex2(m_context, m_md, nullptr) != 1
            || EVP_DigestUpdate(m_context, buffer, size_t(size)) != 1
            || EVP_DigestFinal_ex(m_context, hash, &length) != 1) {
            return Digest::sha256Of(QByteArray(buffer, size)); // says what went wrong
        }
        static const char16_t digits[] = u"0123456789abcdef";
        QString text(7 + 2 * qsizetype(length), Qt::Uninitialized);
        QChar *out = text.data();
        for (const char c : { 's', 'h', 'a', '2', '5', '6', ':' })
            *out++ = QLatin1Char(c);
        for (unsigned int i = 0; i < length; ++i) {
            *out++ = QChar(digits[hash[i] >> 4]);
            *out++ = QChar(digits[hash[i] & 0xf]);
        }
        return text;
    }

private:
    static bool toAscii(const QString &text, char *out)
    {
        for (const QChar c : text) {
            if (c.unicode() >= 0x80)
                return false;
            *out++ = char(c.unicode());
        }
        return true;
    }

    EVP_MD *m_md;
    EVP_MD_CTX *m_context;
};

struct EngineState::Data
{
    struct Layer
    {
        int parent = -1;
        // Into the snapshot's diff ID lists, which the shared data keeps and never changes:
        // no reference count to touch for tens of thousands of layers.
        const QString *diffId = nullptr;
        qint64 size = -1;
        qint64 cumulative = -1; // bytes of this layer and all below it, -1 when unknown
    };

    Snapshot snapshot; // owns the IDs and diff IDs
    // Open addressing over image indexes by (digest key of the ID, index), -1 when empty:
    // every request by ID, parent link and container looks an image up.
    std::vector<std::pair<quint64, int>> imageTable;
    std::vector<int> topLayer;
    std::vector<int> referenceBegin; // image i's references are [begin[i], begin[i + 1])
    std::vector<ImageReference> references;
    std::vector<int> referenceImage;
    QHash<QString, int> referenceByKey;
    QHash<QString, int> referenceByFamiliar;
    std::vector<QList<int>> running;
    std::vector<QList<int>> stopped;
    std::vector<Layer> layers;
    std::vector<int> layerParent; // layers[i].parent, packed for the walks down a chain
    std::vector<Container> containers;
    bool hiddenLayerHolders = false;

    // (first 16 hex digits of the ID, image index), sorted: the prefix search's index, built
    // by the first search (most plans name images by tag or full ID and never search).
    std::once_flag prefixIndexBuilt;
    std::vector<std::pair<quint64, int>> imagesByHexKey;

    // Chain IDs are hashed when a plan first names a layer; copies of a state share them.
    QMutex chainMutex;
    std::vector<QString> chainIds;
    std::unique_ptr<ChainHasher> hasher;

    void buildPrefixIndex();
    void buildImageTable();
    int findImage(const QString &imageId) const; // dead images too
};

namespace {

quint64 slotHash(quint64 key, int parent)
{
    return (key ^ (quint64(quint32(parent)) * 0x9e3779b97f4a7c15ULL)) * 0xff51afd7ed558ccdULL;
}

} // namespace

void EngineState::Data::buildImageTable()
{
    const QList<ImageRecord> &images = snapshot.images();
    imageTable.assign(std::bit_ceil(size_t(2 * images.size() + 16)), { 0, -1 });
    const size_t mask = imageTable.size() - 1;
    for (qsizetype i = 0; i < images.size(); ++i) {
        const quint64 key = digestKey(images.at(i).id);
        size_t slot = size_t(slotHash(key, 0) >> 20) & mask;
        while (imageTable[slot].second >= 0)
            slot = (slot + 1) & mask;
        imageTable[slot] = { key, int(i) };
    }
}

int EngineState::Data::findImage(const QString &imageId) const
{
    if (imageTable.empty())
        return -1;
    const QList<ImageRecord> &images = snapshot.images();
    const quint64 key = digestKey(imageId);
    const size_t mask = imageTable.size() - 1;
    for (size_t slot = size_t(slotHash(key, 0) >> 20) & mask; imageTable[slot].second >= 0;
         slot = (slot + 1) & mask) {
        const auto &[slotKey, index] = imageTable[slot];
        if (slotKey == key && sameStrings(images.at(index).id, imageId))
            return index;
    }
    return -1;
}

void EngineState::Data::buildPrefixIndex()
{
    const QList<ImageRecord> &images = snapshot.images();
    imagesByHexKey.reserve(size_t(images.size()));
    for (qsizetype i = 0; i < images.size(); ++i)
        imagesByHexKey.emplace_back(hexKey(hexOf(images.at(i).id), u'0'), int(i));
    std::sort(imagesByHexKey.begin(), imagesByHexKey.end());
}

// Builds the shared data and the initial mutable arrays of one EngineState.
class EngineState::Builder final
{
public:
    Builder(EngineState *state, const Snapshot &snapshot)
        : m_state(state)
        , m_data(*state->m_data)
        , m_records(snapshot.images())
        , m_done(size_t(m_records.size()), 0)
    { }

    void build(const QList<ContainerRecord> &containers);

private:
    void addImages();
    void addParents();
    int internLayer(int parent, const QString &diffId, qint64 size);
    void addLayersOf(int index);
    void addContainers(const QList<ContainerRecord> &containers);
    void recoverSizes();
    bool propagateSizes();

    int *findSlot(int parent, const QString &diffId, quint64 key);
    void growTable();

    EngineState *m_state;
    Data &m_data;
    const QList<ImageRecord> &m_records;
    std::vector<char> m_done;
    std::vector<int> m_pending;
    // Open addressing over layer indexes (-1 empty), keyed by (parent, digest key): finding
    // a layer compares two integers per probe and one diff ID on a hit.
    std::vector<int> m_table;
    std::vector<quint64> m_layerKeys; // digestKey of each layer's diff ID
};

void EngineState::Builder::build(const QList<ContainerRecord> &containers)
{
    m_data.buildImageTable();
    addImages();
    addParents();
    const size_t count = size_t(m_records.size());
    m_data.topLayer.assign(count, -1);
    m_data.layers.reserve(count + 64);
    m_layerKeys.reserve(count + 64);
    m_table.assign(std::bit_ceil(2 * count + 64), -1);
    for (size_t i = 0; i < count; ++i) {
        addLayersOf(int(i));
        if (m_data.topLayer[i] >= 0)
            ++m_state->m_holds[size_t(m_data.topLayer[i])];
    }
    addContainers(containers);
    recoverSizes();
    m_data.chainIds.resize(m_data.layers.size());
    m_data.layerParent.reserve(m_data.layers.size());
    for (const Data::Layer &layer : m_data.layers)
        m_data.layerParent.push_back(layer.parent);
}

void EngineState::Builder::addImages()
{
    const size_t count = size_t(m_records.size());
    m_state->m_alive.assign(count, 1);
    m_state->m_referenceCount.assign(count, 0);
    m_data.referenceBegin.reserve(count + 1);
    qsizetype referenceCount = 0;
    for (const ImageRecord &record : m_records)
        referenceCount += record.repoTags.size() + record.repoDigests.size();
    m_data.references.reserve(size_t(referenceCount));
    m_data.referenceImage.reserve(size_t(referenceCount));
    m_data.referenceByKey.reserve(referenceCount);
    m_data.referenceByFamiliar.reserve(referenceCount);
    for (size_t i = 0; i < count; ++i) {
        const ImageRecord &record = m_records.at(qsizetype(i));
        m_data.referenceBegin.push_back(int(m_data.references.size()));
        if (record.hasReferences()) {
            const QList<ImageReference> references = referencesOf(record);
            for (const ImageReference &ref : references) {
                m_data.referenceByKey.insert(ref.normalized, int(m_data.references.size()));
                m_data.referenceByFamiliar.insert(ref.familiar, int(m_data.references.size()));
                m_data.references.push_back(ref);
                m_data.referenceImage.push_back(int(i));
            }
            m_state->m_referenceCount[i] = int(references.size());
        }
    }
    m_data.referenceBegin.push_back(int(m_data.references.size()));
    m_state->m_referenceRemoved.assign(m_data.references.size(), 0);
}

void EngineState::Builder::addParents()
{
    const size_t count = size_t(m_records.size());
    m_state->m_parent.assign(count, -1);
    m_state->m_children.assign(count, 0);
    for (size_t i = 0; i < count; ++i) {
        const QString &parentId = m_records.at(qsizetype(i)).parentId;
        if (parentId.isEmpty())
            continue;
        const int parent = m_data.findImage(parentId);
        // TODO: a parent link to an image missing from the listing makes the engine fail the
        // prune with a storage error; a consistent listing never has one, so it is dropped.
        if (parent < 0) {
            qCWarning(lcState) << "parent" << parentId << "of" << m_records.at(qsizetype(i)).id
                               << "unknown";
            continue;
        }
        m_state->m_parent[i] = parent;
        ++m_state->m_children[size_t(parent)];
    }
}


// The slot holding layer (parent, diffId), or the empty slot where it belongs.
int *EngineState::Builder::findSlot(int parent, const QString &diffId, quint64 key)
{
    const size_t mask = m_table.size() - 1;
    for (size_t i = size_t(slotHash(key, parent) >> 20) & mask;; i = (i + 1) & mask) {
        int &slot = m_table[i];
        if (slot < 0)
            return &slot;
        const Data::Layer &layer = m_data.layers[size_t(slot)];
        if (m_layerKeys[size_t(slot)] == key && layer.parent == parent
            && sameStrings(*layer.diffId, diffId)) {
            return &slot;
        }
    }
}

void EngineState::Builder::growTable()
{
    m_table.assign(m_table.size() * 2, -1);
    for (size_t layer = 0; layer < m_data.layers.size(); ++layer) {
        const Data::Layer &entry = m_data.layers[layer];
        *findSlot(entry.parent, *entry.diffId, m_layerKeys[layer]) = int(layer);
    }
}

// One layer per chain ID, as the layer store keys them.
int EngineState::Builder::internLayer(int parent, const QString &diffId, qint64 size)
{
    const quint64 key = digestKey(diffId);
    int *slot = findSlot(parent, diffId, key);
    if (*slot >= 0) {
        Data::Layer &layer = m_data.layers[size_t(*slot)];
        if (layer.size < 0)
            layer.size = size; // a layer's size belongs to its chain ID, whoever reports it
        return *slot;
    }
    if (parent >= 0)
        ++m_state->m_holds[size_t(parent)]; // each layer holds its parent
    const int index = int(m_data.layers.size());
    *slot = index;
    m_data.layers.push_back({ parent, &diffId, size, -1 });
    m_layerKeys.push_back(key);
    m_state->m_holds.push_back(0);
    if (2 * m_data.layers.size() > m_table.size())
        growTable();
    return index;
}

// The layers of image `index`. Ancestors are done first, so that an image whose diff IDs
// extend its parent's (every classic-builder step) only interns its own new layers.
void EngineState::Builder::addLayersOf(int index)
{
    m_pending.clear();
    for (int i = index; i >= 0 && !m_done[size_t(i)]; i = m_state->m_parent[size_t(i)])
        m_pending.push_back(i);
    for (auto it = m_pending.crbegin(); it != m_pending.crend(); ++it) {
        const ImageRecord &record = m_records.at(*it);
        const int parent = m_state->m_parent[size_t(*it)];
        int layer = -1;
        qsizetype start = 0;
        if (parent >= 0 && startsWithList(record.diffIds, m_records.at(parent).diffIds)) {
            layer = m_data.topLayer[size_t(parent)];
            start = m_records.at(parent).diffIds.size();
        }
        const bool sized = record.layerSizes.size() == record.diffIds.size();
        for (qsizetype k = start; k < record.diffIds.size(); ++k)
            layer = internLayer(layer, record.diffIds.at(k), sized ? record.layerSizes.at(k) : -1);
        // Not yet counted as a holder: build() adds the image's own hold.
        m_data.topLayer[size_t(*it)] = layer;
        m_done[size_t(*it)] = 1;
    }
}

void EngineState::Builder::addContainers(const QList<ContainerRecord> &containers)
{
    const size_t count = size_t(m_records.size());
    m_data.running.resize(count);
    m_data.stopped.resize(count);
    m_data.containers.reserve(size_t(containers.size()));
    for (const ContainerRecord &record : containers) {
        Container container;
        container.id = record.id;
        container.displayName
            = record.names.isEmpty() ? Digest::shortId(record.id) : record.names.constFirst();
        container.running = record.isRunning();
        container.image = m_data.findImage(record.imageId);
        const int index = int(m_data.containers.size());
        if (container.image < 0) {
            m_data.hiddenLayerHolders = true;
        } else {
            const size_t image = size_t(container.image);
            (container.running ? m_data.running : m_data.stopped)[image].append(index);
            container.layer = m_data.topLayer[image];
            if (container.layer >= 0)
                ++m_state->m_holds[size_t(container.layer)];
        }
        m_data.containers.push_back(container);
    }
}

// The loader leaves an image's layer sizes out when the engine's history cannot be mapped
// onto its layers; exact sizes often still follow. An image's size is the sum of its chain's
// layers, so it is the cumulative size at its top layer; a layer's size is the difference of
// the cumulative sizes at it and at its parent. Both rules are applied until nothing changes.
void EngineState::Builder::recoverSizes()
{
    std::vector<Data::Layer> &layers = m_data.layers;
    const bool allKnown = std::all_of(layers.cbegin(), layers.cend(),
        [](const Data::Layer &layer) { return layer.size >= 0; });
    for (Data::Layer &layer : layers) {
        // Parents come before children, so one pass sums every fully known chain.
        const qint64 below = layer.parent < 0 ? 0 : layers[size_t(layer.parent)].cumulative;
        layer.cumulative = below >= 0 && layer.size >= 0 ? below + layer.size : -1;
    }
    if (allKnown)
        return;
    for (qsizetype i = 0; i < m_records.size(); ++i) {
        const int top = m_data.topLayer[size_t(i)];
        const qint64 size = m_records.at(i).size;
        if (top >= 0 && size >= 0 && layers[size_t(top)].cumulative < 0)
            layers[size_t(top)].cumulative = size;
    }
    while (propagateSizes()) { }
}

// One pass of the two rules over every layer; true when something new became known.
bool EngineState::Builder::propagateSizes()
{
    std::vector<Data::Layer> &layers = m_data.layers;
    bool changed = false;
    for (Data::Layer &layer : layers) {
        qint64 *below = layer.parent < 0 ? nullptr : &layers[size_t(layer.parent)].cumulative;
        const qint64 belowValue = below ? *below : 0;
        if (layer.size < 0 && layer.cumulative >= 0 && belowValue >= 0
            && layer.cumulative >= belowValue) {
            layer.size = layer.cumulative - belowValue;
            changed = true;
        } else if (layer.cumulative < 0 && layer.size >= 0 && belowValue >= 0) {
            layer.cumulative = belowValue + layer.size;
            changed = true;
        } else if (below && *below < 0 && layer.cumulative >= 0 && layer.size >= 0
                   && layer.cumulative >= layer.size) {
            *below = layer.cumulative - layer.size;
            changed = true;
        }
    }
    return changed;
}

EngineState::EngineState()
    : m_data(std::make_shared<Data>())
{ }

EngineState::EngineState(const Snapshot &snapshot)
    : m_data(std::make_shared<Data>())
{
    m_data->snapshot = snapshot;
    Builder(this, m_data->snapshot).build(snapshot.containers());
}

ImageStoreKind EngineState::storeKind() const
{
    return m_data->snapshot.storeKind();
}

bool EngineState::hasHiddenLayerHolders() const
{
    return m_data->hiddenLayerHolders;
}

const QString &EngineState::imageId(int image) const
{
    return m_data->snapshot.images().at(image).id;
}

int EngineState::topLayer(int image) const
{
    return m_data->topLayer[size_t(image)];
}

const QList<int> &EngineState::runningContainers(int image) const
{
    return m_data->running[size_t(image)];
}

const QList<int> &EngineState::stoppedContainers(int image) const
{
    return m_data->stopped[size_t(image)];
}

QList<EngineState::ImageReference> EngineState::references(int image) const
{
    QList<ImageReference> references;
    if (m_referenceCount[size_t(image)] == 0)
        return references;
    references.reserve(m_referenceCount[size_t(image)]);
    const int end = m_data->referenceBegin[size_t(image) + 1];
    for (int i = m_data->referenceBegin[size_t(image)]; i < end; ++i) {
        if (!m_referenceRemoved[size_t(i)])
            references.append(m_data->references[size_t(i)]);
    }
    return references;
}

int EngineState::layerParent(int layer) const
{
    return m_data->layerParent[size_t(layer)];
}

qint64 EngineState::layerSize(int layer) const
{
    return m_data->layers[size_t(layer)].size;
}

QString EngineState::chainId(int layer) const
{
    Data &data = *m_data;
    QMutexLocker locker(&data.chainMutex);
    if (!data.chainIds[size_t(layer)].isEmpty())
        return data.chainIds[size_t(layer)];
    QList<int> pending; // the layer and its ancestors not hashed yet, top first
    for (int l = layer; l >= 0 && data.chainIds[size_t(l)].isEmpty(); l = layerParent(l))
        pending.append(l);
    if (!data.hasher)
        data.hasher = std::make_unique<ChainHasher>();
    for (auto it = pending.crbegin(); it != pending.crend(); ++it) {
        const Data::Layer &entry = data.layers[size_t(*it)];
        data.chainIds[size_t(*it)] = entry.parent < 0
            ? *entry.diffId // the first layer's chain ID is its diff ID
            : data.hasher->chainId(data.chainIds[size_t(entry.parent)], *entry.diffId);
    }
    return data.chainIds[size_t(layer)];
}

qint64 EngineState::bytesAbove(int top, int keep) const
{
    const std::vector<Data::Layer> &layers = m_data->layers;
    qint64 sum = 0;
    for (int layer = top; layer >= 0 && layer != keep; layer = layers[size_t(layer)].parent) {
        if (layers[size_t(layer)].size < 0) {
            sum = -1;
            break;
        }
        sum += layers[size_t(layer)].size;
    }
    if (sum >= 0 || top < 0)
        return sum;
    // Some layer's own size is unknown, but the chain's totals at both ends may be.
    const qint64 upper = layers[size_t(top)].cumulative;
    const qint64 lower = keep < 0 ? 0 : layers[size_t(keep)].cumulative;
    return upper >= 0 && lower >= 0 && upper >= lower ? upper - lower : -1;
}

int EngineState::containerCount() const
{
    return int(m_data->containers.size());
}

const EngineState::Container &EngineState::container(int index) const
{
    return m_data->containers[size_t(index)];
}

int EngineState::indexOfImage(const QString &imageId) const
{
    const int index = m_data->findImage(imageId);
    return index >= 0 && isAlive(index) ? index : -1;
}

int EngineState::listedImage(const QString &imageId) const
{
    return m_data->findImage(imageId);
}

int EngineState::referenceByFamiliar(const QString &familiar) const
{
    const int ref = m_data->referenceByFamiliar.value(familiar, -1);
    return ref >= 0 && !m_referenceRemoved[size_t(ref)] ? ref : -1;
}

const EngineState::ImageReference &EngineState::reference(int ref) const
{
    return m_data->references[size_t(ref)];
}

int EngineState::imageOfReference(int ref) const
{
    return m_data->referenceImage[size_t(ref)];
}

int EngineState::imageByReference(const QString &normalized) const
{
    const int ref = m_data->referenceByKey.value(normalized, -1);
    return ref >= 0 && !m_referenceRemoved[size_t(ref)] ? m_data->referenceImage[size_t(ref)]
                                                        : -1;
}

EngineState::PrefixMatch EngineState::findByIdPrefix(QStringView hexPrefix) const
{
    PrefixMatch match;
    // Stored IDs are lowercase hex, so nothing else can be a prefix of one.
    if (hexPrefix.isEmpty() || !isLowerHex(hexPrefix))
        return match;
    std::call_once(m_data->prefixIndexBuilt, [this] { m_data->buildPrefixIndex(); });
    const std::vector<std::pair<quint64, int>> &index = m_data->imagesByHexKey;
    const quint64 last = hexKey(hexPrefix, u'f');
    auto it = std::lower_bound(index.cbegin(), index.cend(),
        std::pair<quint64, int>(hexKey(hexPrefix, u'0'), -1));
    for (; it != index.cend() && it->first <= last; ++it) {
        if (!isAlive(it->second) || !hexOf(imageId(it->second)).startsWith(hexPrefix))
            continue;
        if (match.image >= 0) {
            match.image = -1;
            match.ambiguous = true;
            return match;
        }
        match.image = it->second;
    }
    return match;
}

QList<int> EngineState::layerChain(int image) const
{
    QList<int> chain;
    for (int layer = topLayer(image); layer >= 0; layer = layerParent(layer))
        chain.append(layer);
    return chain;
}

bool EngineState::removeReference(int image, const QString &normalized)
{
    const int end = m_data->referenceBegin[size_t(image) + 1];
    for (int i = m_data->referenceBegin[size_t(image)]; i < end; ++i) {
        if (!m_referenceRemoved[size_t(i)]
            && m_data->references[size_t(i)].normalized == normalized) {
            m_referenceRemoved[size_t(i)] = 1;
            --m_referenceCount[size_t(image)];
            return true;
        }
    }
    return false;
}

QList<int> EngineState::deleteImage(int image, int *stopLayer)
{
    const size_t index = size_t(image);
    m_alive[index] = 0;
    const int end = m_data->referenceBegin[index + 1];
    for (int i = m_data->referenceBegin[index]; i < end; ++i)
        m_referenceRemoved[size_t(i)] = 1;
    m_referenceCount[index] = 0;
    if (m_parent[index] >= 0)
        --m_children[size_t(m_parent[index])];
    // Children lose their parent link (image/store.go Delete); only force-free paths get here
    // with children, which the hard conflict check prevents, so this scan is rare.
    if (m_children[index] > 0) {
        std::replace(m_parent.begin(), m_parent.end(), image, -1);
        m_children[index] = 0;
    }

    // layer_store.go releaseLayer: drop one hold, delete while nothing else holds, go down.
    QList<int> released;
    *stopLayer = -1;
    for (int layer = topLayer(image); layer >= 0; layer = layerParent(layer)) {
        if (--m_holds[size_t(layer)] > 0) {
            *stopLayer = layer;
            break;
        }
        released.append(layer);
    }
    return released;
}

} // namespace Strata
