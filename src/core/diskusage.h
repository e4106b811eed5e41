#pragma once

#include "layergraph.h"
#include "snapshot.h"

#include <QList>

namespace Strata {

// Disk usage of images as `docker system df -v` reports it: per image SIZE, SHARED SIZE (bytes
// of its layers that other images also use), UNIQUE SIZE and CONTAINERS, and a total that
// counts every layer once. Computed from the layer data of the snapshot, not from /system/df.
namespace DiskUsage {

struct ImageUsage
{
    qsizetype imageIndex = -1;
    qint64 size = 0;
    qint64 sharedSize = -1; // -1 when a layer size is unknown
    qint64 uniqueSize = -1;
    int containers = 0;
};

struct Report
{
    QList<ImageUsage> images;  // the images `docker system df -v` lists, in its order
    qint64 layersSize = 0;     // every layer counted once ("Images" SIZE of `docker system df`)
    qint64 reclaimable = 0;    // bytes of layers no container needs ("RECLAIMABLE")
};

Report compute(const Snapshot &snapshot, const LayerGraph &graph);

} // namespace DiskUsage

} // namespace Strata
