#include "enginelog.h"

namespace Strata {

// Per-request lines are debug output, off unless QT_LOGGING_RULES="strata.engine.debug=true".
Q_LOGGING_CATEGORY(lcEngine, "strata.engine", QtInfoMsg)

} // namespace Strata
