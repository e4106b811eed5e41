#pragma once

#include "removalplan.h"
#include "snapshot.h"

#include <QList>

namespace Strata {

// Predicts, with no I/O, what the engine answers when the requests are sent to it in order,
// as `docker image rm` would send them (SEMANTICS.md §2). Each request sees the state the
// requests before it leave behind.
namespace RemovalPlanner {

RemovalPlan plan(const Snapshot &snapshot, const QList<RemovalRequest> &requests);

} // namespace RemovalPlanner

} // namespace Strata
