#pragma once

#include "enginestate.h"
#include "removalplan.h"
#include "snapshot.h"

#include <QList>

namespace Strata {

// Predicts, with no I/O, what the engine answers when the requests are sent to it in order,
// as `docker image rm` would send them (SEMANTICS.md §2). Each request sees the state the
// requests before it leave behind.
namespace RemovalPlanner {

RemovalPlan plan(const Snapshot &snapshot, const QList<RemovalRequest> &requests);
// The same over a state built once: re-planning (force or noprune toggled) skips the build,
// which hashes every layer chain.
RemovalPlan plan(const EngineState &state, const QList<RemovalRequest> &requests);

// Go's %q (strconv.Quote), as the engine quotes the input in its reference conflict message.
QString goQuoted(const QString &text);

} // namespace RemovalPlanner

} // namespace Strata
