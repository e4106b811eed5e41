#pragma once

#include <QString>

namespace Strata {

// Why a call to the engine failed, as a value. The app turns the code into translated advice;
// `detail` keeps the transport's or the engine's own words for the log and for searching.
struct EngineError
{
    enum class Code {
        None,
        InvalidAddress,    // DOCKER_HOST or --host could not be understood
        Unreachable,       // nothing listens at the address (socket missing, refused, DNS)
        PermissionDenied,  // the socket exists but this user may not open it
        Timeout,
        ProtocolError,     // an answer that is not the Docker API (bad JSON, wrong shape)
        ApiVersion,        // no API version both sides support
        HttpError,         // the engine answered with an error status; detail is its message
        Cancelled,
    };

    Code code = Code::None;
    QString address;   // the address that was tried, as the user would write it
    QString detail;    // transport text or the engine's message, verbatim
    int httpStatus = 0;

    bool isError() const { return code != Code::None; }
};

} // namespace Strata
