#pragma once

#include "engineerror.h"

#include <QMetaType>
#include <QString>

namespace Strata {

// Where the engine listens. Chosen in this order: the --host option, DOCKER_HOST, then the
// default local socket unix:///var/run/docker.sock. Only unix:// and plain tcp:// are spoken.
// TODO: TLS (DOCKER_TLS_VERIFY, DOCKER_CERT_PATH, tcp on 2376) needs certificate handling in
// the transport; until then tcp:// is plain HTTP.
// TODO: ssh:// needs a `docker system dial-stdio` tunnel; npipe:// is Windows only.
// TODO: Docker contexts (DOCKER_CONTEXT, ~/.docker/contexts) and Podman's sockets
// ($XDG_RUNTIME_DIR/podman/podman.sock) are not discovered yet.
struct Endpoint
{
    enum class Kind { Unix, Tcp };

    Kind kind = Kind::Unix;
    QString address;    // as given: "unix:///var/run/docker.sock", "tcp://127.0.0.1:2375"
    QString socketPath; // for Unix
    QString host;       // for Tcp, without brackets: "127.0.0.1", "::1"
    int port = 0;       // for Tcp
    QString baseUrl;    // "http://localhost" for Unix, "http://host:port" for Tcp
    QString origin;     // where the address came from: "--host", "DOCKER_HOST" or "default"

    static constexpr auto DefaultAddress = "unix:///var/run/docker.sock";
    static constexpr int DefaultTcpPort = 2375;

    // Parses an address; on failure returns false and fills error (code InvalidAddress, the
    // address, and a detail saying what is wrong with it).
    static bool parse(const QString &address, Endpoint *endpoint, EngineError *error);
    // Applies the precedence above; hostOption may be empty. An empty DOCKER_HOST counts as
    // unset, as it does for the Docker CLI.
    static bool fromEnvironment(const QString &hostOption, Endpoint *endpoint,
                                EngineError *error);

    friend bool operator==(const Endpoint &, const Endpoint &) = default;
};

} // namespace Strata

Q_DECLARE_METATYPE(Strata::Endpoint)
