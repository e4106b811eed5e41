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

// Bytes of the layers of one chain that more than one listed image uses, or -1 when one of
// them has no known size. An image whose layers were never read counts as unknown unless its
// size says it has none.
qint64 sharedSize(const ImageRecord &image, const QList<qsizetype> &chain,
                  const LayerGraph &graph, const std::vector<int> &references)
{
    if (chain.isEmpty())
        return image.size == 0 ? 0 : -1;
    qint64 shared = 0;
    for (const qsizetype layer : chain) {
        if (references[size_t(layer)] < 2)
            continue;
        const qint64 size = graph.layers().at(layer).size;
        if (size < 0)
            return -1;
        shared += size;
    }
    return shared;
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

    for (qsizetype layer = 0; layer < graph.layers().size() && report.layersSize >= 0; ++layer) {
        if (references[size_t(layer)] == 0)
            continue;
        const qint64 size = graph.layers().at(layer).size;
        report.layersSize = size < 0 ? -1 : report.layersSize + size;
    }
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
