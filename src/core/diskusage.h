#pragma once

#include "layergraph.h"
#include "snapshot.h"

#include <QList>

namespace Strata {

// Disk usage of images as `docker system df -v` reports it on Docker 20.10: per image SIZE,
// SHARED SIZE (bytes of its layers that other listed images also use), UNIQUE SIZE and
// CONTAINERS, and a total that counts every layer once. Computed from the layer data of the
// snapshot, not from /system/df, following moby v20.10 daemon/images/images.go (Images with
// withExtraAttrs), images/service.go (LayerDiskUsage) and docker/cli v20.10
// formatter/disk_usage.go.
namespace DiskUsage {

struct ImageUsage
{
    qsizetype imageIndex = -1;
    qint64 size = 0;         // the image's Size: every layer of its chain
    qint64 sharedSize = -1;  // -1 when the size of a shared layer is unknown
    qint64 uniqueSize = -1;  // size - sharedSize, -1 with it
    int containers = 0;      // containers whose ImageID is this image, in any state
};

struct Report
{
    // The images `docker system df -v` lists: tagged or digested images and heads (images
    // without children), newest first. The engine leaves ties of one creation second in map
    // order; ours breaks them by ID.
    QList<ImageUsage> images;
    // Every layer of the listed images' chains counted once ("Images" SIZE of `docker system
    // df`); -1 when a layer's size is unknown.
    qint64 layersSize = 0;
    // The CLI's RECLAIMABLE: layersSize less the unique sizes of images that have containers
    // (so layers such an image shares still count as reclaimable); -1 with layersSize.
    qint64 reclaimable = 0;
    int activeImages = 0;    // listed images with at least one container ("ACTIVE")
};

Report compute(const Snapshot &snapshot, const LayerGraph &graph);

} // namespace DiskUsage

} // namespace Strata
