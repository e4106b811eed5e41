#include "enginestate.h"

#include "digest.h"
#include "reference.h"

#include <algorithm>
#include <numeric>

#include <QLoggingCategory>

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
    m_imageById.reserve(records.size());
    m_imageByReference.reserve(records.size() * 2);
    for (int i = 0; i < records.size(); ++i) {
        Image &image = m_images[i];
        image.id = records.at(i).id;
        image.references = referencesOf(records.at(i));
        for (const ImageReference &ref : std::as_const(image.references))
            m_imageByReference.insert(ref.normalized, i);
        m_imageById.insert(image.id, i);
    }
    for (int i = 0; i < records.size(); ++i) {
        const QString &parentId = records.at(i).parentId;
        if (parentId.isEmpty())
            continue;
        const int parent = m_imageById.value(parentId, -1);
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
    for (int i = 0; i < records.size(); ++i) {
        m_images[i].topLayer = topLayerOf(records, i, &layerState);
        if (m_images[i].topLayer >= 0)
            ++m_layers[m_images[i].topLayer].holds;
    }
    addContainers(snapshot.containers());

    m_imagesByHexId.resize(m_images.size());
    std::iota(m_imagesByHexId.begin(), m_imagesByHexId.end(), 0);
    std::sort(m_imagesByHexId.begin(), m_imagesByHexId.end(), [this](int a, int b) {
        return hexOf(m_images.at(a).id) < hexOf(m_images.at(b).id);
    });
}

// One layer per distinct chain: a layer is the same layer when its parent and diff ID are.
int EngineState::internLayer(int parent, const QString &diffId, qint64 size)
{
    const QString key = QString::number(parent) + QLatin1Char(' ') + diffId;
    const auto found = m_layerByKey.constFind(key);
    if (found != m_layerByKey.constEnd()) {
        Layer &layer = m_layers[found.value()];
        if (layer.size < 0)
            layer.size = size;
        return found.value();
    }
    Layer layer;
    layer.parent = parent;
    layer.size = size;
    layer.chainId = parent < 0
        ? diffId
        : Digest::sha256Of((m_layers.at(parent).chainId + QLatin1Char(' ') + diffId).toUtf8());
    if (parent >= 0)
        ++m_layers[parent].holds; // each layer holds its parent
    m_layers.append(layer);
    m_layerByKey.insert(key, int(m_layers.size() - 1));
    return int(m_layers.size() - 1);
}

// The top layer of image `index`. Ancestors are done first, so that an image whose diff IDs
// extend its parent's (every classic-builder step) only hashes its own new layers.
int EngineState::topLayerOf(const QList<ImageRecord> &records, int index,
                            std::vector<char> *state)
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
            layer = internLayer(layer, record.diffIds.at(k), sized ? record.layerSizes.at(k) : -1);
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
        container.image = m_imageById.value(record.imageId, -1);
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

int EngineState::indexOfImage(const QString &imageId) const
{
    const int index = m_imageById.value(imageId, -1);
    return index >= 0 && m_images.at(index).alive ? index : -1;
}

int EngineState::imageByReference(const QString &normalized) const
{
    return m_imageByReference.value(normalized, -1);
}

EngineState::PrefixMatch EngineState::findByIdPrefix(QStringView hexPrefix) const
{
    PrefixMatch match;
    if (hexPrefix.isEmpty())
        return match;
    auto it = std::lower_bound(m_imagesByHexId.cbegin(), m_imagesByHexId.cend(), hexPrefix,
        [this](int image, QStringView prefix) { return hexOf(m_images.at(image).id) < prefix; });
    for (; it != m_imagesByHexId.cend(); ++it) {
        const Image &image = m_images.at(*it);
        if (!hexOf(image.id).startsWith(hexPrefix))
            break;
        if (!image.alive)
            continue;
        if (match.image >= 0) {
            match.image = -1;
            match.ambiguous = true;
            return match;
        }
        match.image = *it;
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
