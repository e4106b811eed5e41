#pragma once

#include "reference.h"

#include <QString>

namespace Strata {

class EngineState;

// How the engine resolves the argument of `docker image rm X` (SEMANTICS.md §1.3, §1.4).
struct Resolution
{
    enum class Status { Found, NotFound, Invalid };

    Status status = Status::NotFound;
    QString imageId;        // when found
    int imageIndex = -1;    // the image's index in the EngineState, when found
    bool byId = false;      // §1.4: the raw input is a prefix of the ID ("ID mode")
    // The parsed input, when it was parsed as a reference. An input that is verbatim one of
    // the snapshot's RepoTags or RepoDigests entries is not parsed: referenceIndex names that
    // reference in the EngineState instead, and `reference` stays invalid.
    Reference reference;
    int referenceIndex = -1;
    int httpStatus = 0;     // 400 or 404 when not found
    QString errorMessage;   // the engine's exact text when not found
};

// Resolves against a mutable EngineState, so that a planner can resolve each request against
// what the requests before it left behind.
class Resolver final
{
public:
    explicit Resolver(const EngineState &state);
    Resolution resolve(const QString &input) const;
    // isImageIDPrefix: the raw input is a string prefix of "sha256:<hex>" or of "<hex>".
    static bool isIdPrefix(const QString &imageId, const QString &input);

private:
    Resolution found(int image, const QString &input) const;

    const EngineState &m_state;
};

} // namespace Strata
