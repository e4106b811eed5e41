#include "removalplan.h"

namespace Strata {

bool PlannedStep::matches(const RemovalOutcome &outcome) const
{
    if (outcome.httpStatus != httpStatus)
        return false;
    if (succeeds())
        return outcome.records == records;
    return outcome.errorMessage == errorMessage
        || alternativeErrorMessages.contains(outcome.errorMessage);
}

} // namespace Strata
