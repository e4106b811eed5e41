#pragma once

#include "removalplan.h"

#include <QString>

namespace Strata::PlanFingerprint {

// Every field of a plan as text, one fact a line, in the plan's order: what two plans must
// share to be the same prediction.
QString dump(const RemovalPlan &plan);
// "sha256:…" of dump(plan): a short handle for a whole plan, for regression tests.
QString of(const RemovalPlan &plan);

} // namespace Strata::PlanFingerprint
