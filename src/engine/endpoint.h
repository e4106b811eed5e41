#pragma once

#include "engineerror.h"

#include <QString>

namespace Strata {

// Where the engine listens. Chosen in this order: the --host option, DOCKER_HOST, then the
// default local socket unix:///var/run/docker.sock.
// TODO: Docker contexts, TLS, SSH and Podman's sockets come with a later issue.
struct Endpoint
{
    enum class Kind { Unix, Tcp };

    Kind kind = Kind::Unix;
    QString address;    // as given: "unix:///var/run/docker.sock", "tcp://127.0.0.1:2375"
    QString socketPath; // for Unix
    QString baseUrl;    // "http://localhost" for Unix, "http://host:port" for Tcp
    QString origin;     // where the address came from: "--host", "DOCKER_HOST" or "default"

    static constexpr auto DefaultAddress = "unix:///var/run/docker.sock";

    // Parses an address; on failure returns false and fills error (code InvalidAddress).
    static bool parse(const QString &address, Endpoint *endpoint, EngineError *error);
    // Applies the precedence above; hostOption may be empty.
    static bool fromEnvironment(const QString &hostOption, Endpoint *endpoint,
                                EngineError *error);
};

} // namespace Strata
