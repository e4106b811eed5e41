#pragma once

#include "removalplan.h"

#include <QJsonObject>

namespace Strata::PlanJson {

// The whole plan as JSON for scripts: steps with records or errors, survivors with reasons,
// totals and uncertainties. Field names are stable; values keep the engine's words.
QJsonObject toJson(const RemovalPlan &plan);

} // namespace Strata::PlanJson
