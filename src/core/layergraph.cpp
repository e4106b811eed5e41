#include "layergraph.h"

#include "digest.h"

#include <QLoggingCategory>

namespace Strata {

Q_LOGGING_CATEGORY(lcLayerGraph, "strata.core")

namespace {

// An image's size on the graphdriver store is the sum of its layers' diff sizes
// (layer.Size() in moby), so one unknown layer of a chain whose other sizes are known follows
// exactly. Other stores report sizes that are not such sums, hence the check by the caller.
bool deriveOneSize(const ImageRecord &image, const QList<qsizetype> &chain,
                   QList<LayerGraph::Layer> &layers)
{
    qsizetype unknown = -1;
    qint64 known = 0;
    for (const qsizetype layer : chain) {
        if (layers.at(layer).size >= 0) {
            known += layers.at(layer).size;
        } else if (unknown >= 0) {
            return false; // two unknowns: the sum does not say how to split
        } else {
            unknown = layer;
        }
    }
    if (unknown < 0 || image.size - known < 0)
        return false;
    layers[unknown].size = image.size - known;
    return true;
}

} // namespace

LayerGraph::LayerGraph(const Snapshot &snapshot)
{
    const QList<ImageRecord> &images = snapshot.images();
    m_chainByImage.resize(images.size());
    for (qsizetype i = 0; i < images.size(); ++i)
        addImage(i, images.at(i));
    fillSizes(snapshot);
    const QList<ContainerRecord> &containers = snapshot.containers();
    for (qsizetype c = 0; c < containers.size(); ++c) {
        const qsizetype image = snapshot.indexOfImage(containers.at(c).imageId);
        if (image >= 0 && !m_chainByImage.at(image).isEmpty())
            m_layers[m_chainByImage.at(image).constLast()].containers.append(c);
    }
}

void LayerGraph::addImage(qsizetype imageIndex, const ImageRecord &image)
{
    const QStringList chainIds = Digest::chainIds(image.diffIds);
    QList<qsizetype> &chain = m_chainByImage[imageIndex];
    chain.reserve(chainIds.size());
    qsizetype parent = -1;
    for (qsizetype level = 0; level < chainIds.size(); ++level) {
        qsizetype index = m_indexByChainId.value(chainIds.at(level), -1);
        if (index < 0) {
            index = m_layers.size();
            Layer layer;
            layer.chainId = chainIds.at(level);
            layer.diffId = image.diffIds.at(level);
            layer.parent = parent;
            layer.depth = int(level);
            m_layers.append(std::move(layer));
            m_indexByChainId.insert(chainIds.at(level), index);
            if (parent < 0)
                m_roots.append(index);
            else
                m_layers[parent].children.append(index);
        }
        m_layers[index].users.append(imageIndex);
        chain.append(index);
        parent = index;
    }
    if (!chain.isEmpty())
        m_layers[chain.constLast()].topOf.append(imageIndex);
}

void LayerGraph::fillSizes(const Snapshot &snapshot)
{
    // A chain ID names the same bytes wherever it appears, so any image's history will do.
    const QList<ImageRecord> &images = snapshot.images();
    for (qsizetype i = 0; i < images.size(); ++i) {
        const ImageRecord &image = images.at(i);
        const QList<qsizetype> &chain = m_chainByImage.at(i);
        if (image.layerSizes.size() != chain.size())
            continue;
        for (qsizetype level = 0; level < chain.size(); ++level) {
            if (m_layers.at(chain.at(level)).size < 0)
                m_layers[chain.at(level)].size = image.layerSizes.at(level);
        }
    }
    if (snapshot.storeKind() != ImageStoreKind::Graphdriver)
        return;
    // Each pass can unlock another image's last unknown; a chain shorter than the number of
    // passes needed is rare, so loop until nothing changes.
    for (bool changed = true; changed;) {
        changed = false;
        for (qsizetype i = 0; i < images.size(); ++i) {
            if (!m_chainByImage.at(i).isEmpty()
                && deriveOneSize(images.at(i), m_chainByImage.at(i), m_layers)) {
                changed = true;
            }
        }
    }
    qsizetype unknown = 0;
    for (const Layer &layer : std::as_const(m_layers))
        unknown += layer.size < 0 ? 1 : 0;
    if (unknown > 0)
        qCInfo(lcLayerGraph) << unknown << "of" << m_layers.size() << "layer sizes unknown";
}

QList<qsizetype> LayerGraph::chainOf(qsizetype imageIndex) const
{
    if (imageIndex < 0 || imageIndex >= m_chainByImage.size())
        return {};
    return m_chainByImage.at(imageIndex);
}

} // namespace Strata
