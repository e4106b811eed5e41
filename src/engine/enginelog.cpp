#include "enginelog.h"

namespace Strata {

Q_LOGGING_CATEGORY(lcEngine, "strata.engine")

} // namespace Strata
