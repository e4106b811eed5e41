#include "enginestate.h"

#include "digest.h"
#include "reference.h"

#include <algorithm>

#include <QLoggingCategory>
#include <openssl/evp.h>

namespace Strata {

namespace {

Q_LOGGING_CATEGORY(lcState, "strata.core")

constexpr qsizetype IdPrefixLength = 7; // "sha256:"

QStringView hexOf(const QString &imageId)
{
    return QStringView(imageId).sliced(std::min(IdPrefixLength, imageId.size()));
}

QList<EngineState::ImageReference> referencesOf(const ImageRecord &record)
{
    QList<EngineState::ImageReference> references;
    references.reserve(record.repoTags.size() + record.repoDigests.size());
    auto add = [&references](const QString &familiar, bool isDigest) {
        const Reference ref = Reference::fromEngineString(familiar);
        if (!ref.isValid())
            return;
        references.append({ ref.normalizedString(), familiar, ref.normalizedName(), isDigest });
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

// Chain IDs for a whole snapshot: tens of thousands of sha256 over ~140 ASCII bytes, where
// Digest::sha256Of's one-shot EVP_Digest would fetch the algorithm anew each time.
} // namespace

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

    // "sha256:" + hex(sha256(parent + " " + diffId)), as layer.CreateChainID computes it.
    QString chainId(const QString &parent, const QString &diffId)
    {
        const QByteArray data = (parent + QLatin1Char(' ') + diffId).toUtf8();
        unsigned char hash[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        if (!m_md || !m_context || EVP_DigestInit_ex2(m_context, m_md, nullptr) != 1
            || EVP_DigestUpdate(m_context, data.constData(), size_t(data.size())) != 1
            || EVP_DigestFinal_ex(m_context, hash, &length) != 1) {
            return Digest::sha256Of(data); // the slow path says what went wrong
        }
        static const char digits[] = "0123456789abcdef";
        QString text(7 + 2 * qsizetype(length), Qt::Uninitialized);
        QChar *out = text.data();
        for (const char c : "sha256:")
            if (c)
                *out++ = QLatin1Char(c);
        for (unsigned int i = 0; i < length; ++i) {
            *out++ = QLatin1Char(digits[hash[i] >> 4]);
            *out++ = QLatin1Char(digits[hash[i] & 0xf]);
        }
        return text;
    }

private:
    EVP_MD *m_md;
    EVP_MD_CTX *m_context;
};

namespace {

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

bool startsWithList(const QStringList &list, const QStringList &prefix)
{
    return prefix.size() <= list.size() && std::equal(prefix.begin(), prefix.end(), list.begin());
}

} // namespace

EngineState::EngineState(const Snapshot &snapshot)
    : m_storeKind(snapshot.storeKind())
{
    const QList<ImageRecord> &records = snapshot.images();
    m_images.resize(records.size());
    m_imageByReference.reserve(records.size() * 2);
    for (int i = 0; i < records.size(); ++i) {
        Image &image = m_images[i];
        image.id = records.at(i).id;
        image.references = referencesOf(records.at(i));
        for (const ImageReference &ref : std::as_const(image.references))
            m_imageByReference.insert(ref.normalized, i);
    }
    // Sorted by ID first: the prefix search and every lookup by ID use it.
    m_imagesByHexKey.reserve(m_images.size());
    for (int i = 0; i < m_images.size(); ++i)
        m_imagesByHexKey.append({ hexKey(hexOf(m_images.at(i).id), u'0'), i });
    std::sort(m_imagesByHexKey.begin(), m_imagesByHexKey.end());
    for (int i = 0; i < records.size(); ++i) {
        const QString &parentId = records.at(i).parentId;
        if (parentId.isEmpty())
            continue;
        const int parent = findImage(parentId);
        // TODO: a parent link to an image missing from the listing makes the engine fail the
        // prune with a storage error; a consistent listing never has one, so it is dropped.
        if (parent < 0) {
            qCWarning(lcState) << "parent" << parentId << "of" << records.at(i).id << "unknown";
            continue;
        }
        m_images[i].parent = parent;
        ++m_images[parent].children;
    }

    std::vector<char> layerState(records.size(), 0);
    ChainHasher hasher;
    m_layers.reserve(records.size() + 64);
    m_layerByChainId.reserve(records.size() + 64);
    for (int i = 0; i < records.size(); ++i) {
        m_images[i].topLayer = topLayerOf(records, i, &layerState, &hasher);
        if (m_images[i].topLayer >= 0)
            ++m_layers[m_images[i].topLayer].holds;
    }
    addContainers(snapshot.containers());
}

// One layer per chain ID, as the layer store keys them.
int EngineState::internLayer(ChainHasher *hasher, int parent, const QString &diffId,
                             qint64 size)
{
    const QString chainId
        = parent < 0 ? diffId : hasher->chainId(m_layers.at(parent).chainId, diffId);
    const auto found = m_layerByChainId.constFind(chainId);
    if (found != m_layerByChainId.constEnd()) {
        Layer &layer = m_layers[found.value()];
        if (layer.size < 0)
            layer.size = size;
        return found.value();
    }
    if (parent >= 0)
        ++m_layers[parent].holds; // each layer holds its parent
    m_layers.append({ chainId, parent, 0, size });
    m_layerByChainId.insert(chainId, int(m_layers.size() - 1));
    return int(m_layers.size() - 1);
}

// The top layer of image `index`. Ancestors are done first, so that an image whose diff IDs
// extend its parent's (every classic-builder step) only hashes its own new layers.
int EngineState::topLayerOf(const QList<ImageRecord> &records, int index,
                            std::vector<char> *state, ChainHasher *hasher)
{
    QList<int> pending;
    for (int i = index; i >= 0 && !(*state)[i]; i = m_images.at(i).parent)
        pending.append(i);
    for (auto it = pending.crbegin(); it != pending.crend(); ++it) {
        const ImageRecord &record = records.at(*it);
        const int parent = m_images.at(*it).parent;
        int layer = -1;
        qsizetype start = 0;
        if (parent >= 0 && startsWithList(record.diffIds, records.at(parent).diffIds)) {
            layer = m_images.at(parent).topLayer;
            start = records.at(parent).diffIds.size();
        }
        const bool sized = record.layerSizes.size() == record.diffIds.size();
        for (qsizetype k = start; k < record.diffIds.size(); ++k)
            layer = internLayer(hasher, layer, record.diffIds.at(k),
                sized ? record.layerSizes.at(k) : -1);
        // Not yet counted as a holder: the caller adds the image's own hold.
        m_images[*it].topLayer = layer;
        (*state)[*it] = 1;
    }
    return m_images.at(index).topLayer;
}

void EngineState::addContainers(const QList<ContainerRecord> &containers)
{
    m_containers.reserve(containers.size());
    for (const ContainerRecord &record : containers) {
        Container container;
        container.id = record.id;
        container.displayName
            = record.names.isEmpty() ? Digest::shortId(record.id) : record.names.constFirst();
        container.running = record.isRunning();
        container.image = findImage(record.imageId);
        const int index = int(m_containers.size());
        if (container.image < 0) {
            m_hiddenLayerHolders = true;
        } else {
            Image &image = m_images[container.image];
            (container.running ? image.runningContainers : image.stoppedContainers).append(index);
            container.layer = image.topLayer;
            if (container.layer >= 0)
                ++m_layers[container.layer].holds;
        }
        m_containers.append(container);
    }
}

int EngineState::findImage(const QString &imageId) const
{
    if (!imageId.startsWith(QLatin1String("sha256:")))
        return -1;
    const quint64 key = hexKey(hexOf(imageId), u'0');
    auto it = std::lower_bound(m_imagesByHexKey.cbegin(), m_imagesByHexKey.cend(),
        std::pair<quint64, int>(key, -1));
    for (; it != m_imagesByHexKey.cend() && it->first == key; ++it) {
        if (m_images.at(it->second).id == imageId)
            return it->second;
    }
    return -1;
}

int EngineState::indexOfImage(const QString &imageId) const
{
    const int index = findImage(imageId);
    return index >= 0 && m_images.at(index).alive ? index : -1;
}

int EngineState::imageByReference(const QString &normalized) const
{
    return m_imageByReference.value(normalized, -1);
}

EngineState::PrefixMatch EngineState::findByIdPrefix(QStringView hexPrefix) const
{
    PrefixMatch match;
    // Stored IDs are lowercase hex, so nothing else can be a prefix of one.
    if (hexPrefix.isEmpty() || !isLowerHex(hexPrefix))
        return match;
    const quint64 last = hexKey(hexPrefix, u'f');
    auto it = std::lower_bound(m_imagesByHexKey.cbegin(), m_imagesByHexKey.cend(),
        std::pair<quint64, int>(hexKey(hexPrefix, u'0'), -1));
    for (; it != m_imagesByHexKey.cend() && it->first <= last; ++it) {
        const Image &image = m_images.at(it->second);
        if (!image.alive || !hexOf(image.id).startsWith(hexPrefix))
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
    for (int layer = m_images.at(image).topLayer; layer >= 0; layer = m_layers.at(layer).parent)
        chain.append(layer);
    return chain;
}

bool EngineState::removeReference(int image, const QString &normalized)
{
    QList<ImageReference> &references = m_images[image].references;
    for (qsizetype i = 0; i < references.size(); ++i) {
        if (references.at(i).normalized == normalized) {
            references.removeAt(i);
            m_imageByReference.remove(normalized);
            return true;
        }
    }
    return false;
}

QList<int> EngineState::deleteImage(int index, int *stopLayer)
{
    Image &image = m_images[index];
    image.alive = false;
    for (const ImageReference &ref : std::as_const(image.references))
        m_imageByReference.remove(ref.normalized);
    image.references.clear();
    if (image.parent >= 0)
        --m_images[image.parent].children;
    // Children lose their parent link (image/store.go Delete); only force-free paths get here
    // with children, which the hard conflict check prevents, so this scan is rare.
    if (image.children > 0) {
        for (Image &other : m_images) {
            if (other.parent == index)
                other.parent = -1;
        }
        image.children = 0;
    }

    // layer_store.go releaseLayer: drop one hold, delete while nothing else holds, go down.
    QList<int> released;
    *stopLayer = -1;
    for (int layer = image.topLayer; layer >= 0; layer = m_layers.at(layer).parent) {
        if (--m_layers[layer].holds > 0) {
            *stopLayer = layer;
            break;
        }
        released.append(layer);
    }
    return released;
}

} // namespace Strata
