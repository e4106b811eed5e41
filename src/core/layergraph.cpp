#include "layergraph.h"

#include "digest.h"

#include <QLoggingCategory>

namespace Strata {

Q_LOGGING_CATEGORY(lcLayerGraph, "strata.core")

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
    // On the graphdriver store an image's Size is layer.Size(), the sum of its chain's diff
    // sizes; other stores count differently, so there only the histories count.
    if (snapshot.storeKind() == ImageStoreKind::Graphdriver) {
        for (qsizetype i = 0; i < images.size(); ++i) {
            if (!m_chainByImage.at(i).isEmpty())
                m_layers[m_chainByImage.at(i).constLast()].chainSize = images.at(i).size;
        }
    }
    while (propagateSizes()) {
    }
    qsizetype unknown = 0;
    for (const Layer &layer : std::as_const(m_layers))
        unknown += layer.size < 0 ? 1 : 0;
    if (unknown > 0)
        qCInfo(lcLayerGraph) << unknown << "of" << m_layers.size() << "layer sizes unknown";
}

bool LayerGraph::propagateSizes()
{
    // A parent always has a lower index than its children, so index order walks down.
    bool learned = false;
    for (Layer &layer : m_layers) {
        const qint64 below = layer.parent < 0 ? 0 : m_layers.at(layer.parent).chainSize;
        if (below < 0)
            continue;
        if (layer.chainSize < 0 && layer.size >= 0) {
            layer.chainSize = below + layer.size;
            learned = true;
        } else if (layer.size < 0 && layer.chainSize >= below) {
            layer.size = layer.chainSize - below;
            learned = true;
        }
    }
    for (qsizetype i = m_layers.size() - 1; i >= 0; --i) {
        const Layer &layer = m_layers.at(i);
        if (layer.parent < 0 || layer.chainSize < 0 || layer.size < 0)
            continue;
        Layer &parent = m_layers[layer.parent];
        if (parent.chainSize < 0 && layer.chainSize >= layer.size) {
            parent.chainSize = layer.chainSize - layer.size;
            learned = true;
        }
    }
    return learned;
}

QList<qsizetype> LayerGraph::chainOf(qsizetype imageIndex) const
{
    if (imageIndex < 0 || imageIndex >= m_chainByImage.size())
        return {};
    return m_chainByImage.at(imageIndex);
}

} // namespace Strata
