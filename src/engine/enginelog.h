#pragma once

#include <QLoggingCategory>

namespace Strata {

// strata.engine: connections, negotiation, every request and its status.
Q_DECLARE_LOGGING_CATEGORY(lcEngine)

} // namespace Strata
