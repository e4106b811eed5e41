#include "diskusage.h"

#include <algorithm>
#include <vector>

namespace Strata::DiskUsage {

namespace {

// Docker 20.10 lists what `docker image ls` shows without -a: an image with no tag or digest
// is left out when other images name it as their parent.
QList<qsizetype> listedImages(const Snapshot &snapshot)
{
    const QList<ImageRecord> &images = snapshot.images();
    QList<qsizetype> listed;
    listed.reserve(images.size());
    for (qsizetype i = 0; i < images.size(); ++i) {
        const ImageRecord &image = images.at(i);
        if (image.hasReferences() || !snapshot.hasChildren(image.id))
            listed.append(i);
    }
    std::sort(listed.begin(), listed.end(), [&images](qsizetype a, qsizetype b) {
        const ImageRecord &left = images.at(a);
        const ImageRecord &right = images.at(b);
        if (left.created != right.created)
            return left.created > right.created;
        return left.id < right.id;
    });
    return listed;
}

// Bytes of the layers of one chain that more than one listed image uses, or -1 when unknown.
// Every image that uses a layer uses the layers below it too, so the shared layers are the
// base of the chain and their bytes are the chain size of the highest of them, which is known
// more often than each layer's own size. An image whose layers were never read is unknown
// unless its size says it has none.
qint64 sharedSize(const ImageRecord &image, const QList<qsizetype> &chain,
                  const LayerGraph &graph, const std::vector<int> &references)
{
    if (chain.isEmpty())
        return image.size == 0 ? 0 : -1;
    qsizetype shared = 0;
    while (shared < chain.size() && references[size_t(chain.at(shared))] > 1)
        ++shared;
    return shared == 0 ? 0 : graph.layers().at(chain.at(shared - 1)).chainSize;
}

// Bytes of every layer some listed image uses, each once. The used layers form subtrees of the
// forest whose leaves are the listed images' tops; their bytes are the sums of the steps
// between layers of known chain size, which covers every layer exactly once as long as no
// layer of unknown chain size has two used children. -1 otherwise.
qint64 layersSize(const LayerGraph &graph, const std::vector<int> &references)
{
    const QList<LayerGraph::Layer> &layers = graph.layers();
    std::vector<int> usedChildren(size_t(layers.size()), 0);
    for (qsizetype i = 0; i < layers.size(); ++i) {
        if (references[size_t(i)] > 0 && layers.at(i).parent >= 0)
            ++usedChildren[size_t(layers.at(i).parent)];
    }
    qint64 total = 0;
    for (qsizetype i = 0; i < layers.size(); ++i) {
        const LayerGraph::Layer &layer = layers.at(i);
        if (references[size_t(i)] == 0)
            continue;
        if (layer.chainSize < 0) {
            if (usedChildren[size_t(i)] != 1)
                return -1;
            continue;
        }
        qsizetype below = layer.parent;
        while (below >= 0 && layers.at(below).chainSize < 0)
            below = layers.at(below).parent;
        total += layer.chainSize - (below < 0 ? 0 : layers.at(below).chainSize);
    }
    return total;
}

} // namespace

Report compute(const Snapshot &snapshot, const LayerGraph &graph)
{
    Report report;
    const QList<qsizetype> listed = listedImages(snapshot);

    // moby v20.10 counts layer references over the listed images only (v23 and later count
    // every image), so the layers of a hidden intermediate do not make a layer "shared".
    std::vector<int> references(size_t(graph.layers().size()), 0);
    for (const qsizetype image : listed) {
        for (const qsizetype layer : graph.chainOf(image))
            ++references[size_t(layer)];
    }

    report.images.reserve(listed.size());
    for (const qsizetype index : listed) {
        const ImageRecord &image = snapshot.images().at(index);
        ImageUsage usage;
        usage.imageIndex = index;
        usage.size = image.size;
        usage.sharedSize = sharedSize(image, graph.chainOf(index), graph, references);
        usage.uniqueSize = usage.sharedSize < 0 ? -1 : image.size - usage.sharedSize;
        usage.containers = int(snapshot.containersOf(image.id).size());
        report.activeImages += usage.containers > 0 ? 1 : 0;
        report.images.append(usage);
    }

    report.layersSize = layersSize(graph, references);
    // An image with layers never read has no chain here, yet its layers count in the engine's
    // total; without them the total would be too small, so it is unknown.
    for (const ImageUsage &usage : std::as_const(report.images)) {
        if (graph.chainOf(usage.imageIndex).isEmpty() && usage.size != 0)
            report.layersSize = -1;
    }

    if (report.layersSize < 0) {
        report.reclaimable = -1;
        return report;
    }
    // formatter/disk_usage.go skips an image whose SharedSize is -1, but the engine always
    // sends one; ours is -1 only when we lack a size, so the figure is then unknown.
    qint64 used = 0;
    for (const ImageUsage &usage : std::as_const(report.images)) {
        if (usage.containers == 0)
            continue;
        if (usage.sharedSize < 0) {
            report.reclaimable = -1;
            return report;
        }
        used += usage.size - usage.sharedSize;
    }
    report.reclaimable = report.layersSize - used;
    return report;
}

} // namespace Strata::DiskUsage
