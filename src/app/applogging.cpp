#include "applogging.h"

namespace Strata {
Q_LOGGING_CATEGORY(lcApp, "strata.app")
} // namespace Strata
