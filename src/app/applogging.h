#pragma once

#include <QLoggingCategory>

namespace Strata {
Q_DECLARE_LOGGING_CATEGORY(lcApp)
} // namespace Strata
