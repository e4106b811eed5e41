#pragma once

#include "layergraph.h"
#include "removalplan.h"
#include "snapshot.h"

#include <QList>

namespace Strata {

// "Why is this still here?" for any image or layer, outside any removal plan: every reason it
// exists that would keep it through a removal, where Docker names only the first blocker.
// Reasons use the planner's vocabulary so the app words them the same way everywhere.
namespace SurvivalExplainer {

// Tags, digests, child images, running and stopped containers of the image.
QList<SurvivalReason> imageReasons(const Snapshot &snapshot, const LayerGraph &graph,
                                   const QString &imageId);
// Images whose chain includes the layer (SharedLayer) and containers whose writable layer sits
// on it (ContainerLayer).
QList<SurvivalReason> layerReasons(const Snapshot &snapshot, const LayerGraph &graph,
                                   const QString &chainId);

} // namespace SurvivalExplainer

} // namespace Strata
