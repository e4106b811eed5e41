#include "endpoint.h"

#include <algorithm>
#include <cctype>

#include <sys/un.h>

#include <QtGlobal>

namespace Strata {

namespace {

using namespace Qt::StringLiterals;

bool fail(const QString &address, const QString &detail, EngineError *error)
{
    if (error)
        *error = EngineError{EngineError::Code::InvalidAddress, address, detail, 0};
    return false;
}

// sun_path holds the path and its terminating NUL.
constexpr qsizetype MaxSocketPathBytes = sizeof(sockaddr_un::sun_path) - 1;

bool parseUnix(const QString &address, const QString &rest, Endpoint *endpoint,
               EngineError *error)
{
    if (rest.isEmpty())
        return fail(address, u"the socket path is missing after unix://"_s, error);
    if (!rest.startsWith(u'/'))
        return fail(address, u"the socket path must be absolute (unix:///path/to/socket)"_s,
                    error);
    if (rest.toLocal8Bit().size() > MaxSocketPathBytes)
        return fail(address,
                    u"the socket path is longer than %1 bytes, the limit of a unix socket"_s
                        .arg(MaxSocketPathBytes),
                    error);
    endpoint->kind = Endpoint::Kind::Unix;
    endpoint->socketPath = rest;
    endpoint->baseUrl = u"http://localhost"_s;
    return true;
}

bool isIpv6Literal(const QString &host)
{
    for (const QChar c : host) {
        const bool hex = c.unicode() < 128 && std::isxdigit(c.unicode());
        if (!hex && c != u':' && c != u'.')
            return false;
    }
    return host.count(u':') >= 2;
}

// Splits "host", "host:port", "[v6]" or "[v6]:port"; port stays empty when not given.
bool splitHostPort(const QString &authority, QString *host, QString *port)
{
    if (authority.startsWith(u'[')) {
        const qsizetype close = authority.indexOf(u']');
        if (close < 0)
            return false;
        *host = authority.mid(1, close - 1);
        const QString after = authority.mid(close + 1);
        if (!after.isEmpty() && (!after.startsWith(u':') || after.size() == 1))
            return false;
        *port = after.mid(1);
        return isIpv6Literal(*host);
    }
    const qsizetype colon = authority.indexOf(u':');
    *host = colon < 0 ? authority : authority.left(colon);
    *port = colon < 0 ? QString() : authority.mid(colon + 1);
    return colon < 0 || (!port->isEmpty() && !port->contains(u':'));
}

bool isHostName(const QString &host)
{
    if (host.isEmpty())
        return false;
    for (const QChar c : host) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'.' && c != u'-')
            return false;
    }
    return true;
}

bool parseTcp(const QString &address, QString rest, Endpoint *endpoint, EngineError *error)
{
    if (rest.endsWith(u'/'))
        rest.chop(1);
    if (rest.contains(u'/') || rest.contains(u'?') || rest.contains(u'#'))
        return fail(address, u"a path, query or fragment after the host is not supported"_s,
                    error);
    if (rest.contains(u'@'))
        return fail(address, u"user information is not supported in a tcp:// address"_s, error);

    QString host;
    QString portText;
    if (!splitHostPort(rest, &host, &portText))
        return fail(address, u"expected tcp://host:port (IPv6 as tcp://[::1]:port)"_s, error);
    if (!host.contains(u':') && !isHostName(host))
        return fail(address, u"the host is missing or not a valid host name"_s, error);

    int port = Endpoint::DefaultTcpPort;
    if (!portText.isEmpty()) {
        const bool digits = std::all_of(portText.cbegin(), portText.cend(),
                                        [](QChar c) { return c >= u'0' && c <= u'9'; });
        port = digits && portText.size() <= 5 ? portText.toInt() : 0;
        if (port < 1 || port > 65535)
            return fail(address, u"the port \"%1\" is not a number from 1 to 65535"_s
                                     .arg(portText), error);
    }
    endpoint->kind = Endpoint::Kind::Tcp;
    endpoint->host = host;
    endpoint->port = port;
    const QString urlHost = host.contains(u':') ? u'[' + host + u']' : host;
    endpoint->baseUrl = u"http://%1:%2"_s.arg(urlHost).arg(port);
    return true;
}

} // namespace

bool Endpoint::parse(const QString &address, Endpoint *endpoint, EngineError *error)
{
    const QString trimmed = address.trimmed();
    if (trimmed.isEmpty())
        return fail(address, u"the address is empty"_s, error);
    const qsizetype sep = trimmed.indexOf(u"://"_s);
    if (sep <= 0)
        return fail(address, u"expected unix:///path/to/socket or tcp://host:port"_s, error);

    const QString scheme = trimmed.left(sep);
    const QString rest = trimmed.mid(sep + 3);
    Endpoint parsed;
    parsed.address = trimmed;
    bool ok = false;
    if (scheme == u"unix"_s) {
        ok = parseUnix(address, rest, &parsed, error);
    } else if (scheme == u"tcp"_s) {
        ok = parseTcp(address, rest, &parsed, error);
    } else if (scheme == u"ssh"_s) {
        return fail(address, u"ssh:// addresses are not supported yet"_s, error);
    } else if (scheme == u"npipe"_s) {
        return fail(address, u"npipe:// addresses only exist on Windows"_s, error);
    } else if (scheme == u"fd"_s) {
        return fail(address, u"fd:// addresses are for the daemon, not for clients"_s, error);
    } else {
        return fail(address, u"unsupported scheme \"%1\": use unix:// or tcp://"_s.arg(scheme),
                    error);
    }
    if (ok && endpoint)
        *endpoint = parsed;
    return ok;
}

bool Endpoint::fromEnvironment(const QString &hostOption, Endpoint *endpoint,
                               EngineError *error)
{
    QString address = hostOption.trimmed();
    QString origin = u"--host"_s;
    if (address.isEmpty()) {
        address = qEnvironmentVariable("DOCKER_HOST").trimmed();
        origin = u"DOCKER_HOST"_s;
    }
    if (address.isEmpty()) {
        address = QString::fromLatin1(DefaultAddress);
        origin = u"default"_s;
    }
    Endpoint parsed;
    if (!parse(address, &parsed, error)) {
        if (error)
            error->detail = origin + u": "_s + error->detail;
        return false;
    }
    parsed.origin = origin;
    if (endpoint)
        *endpoint = parsed;
    return true;
}

} // namespace Strata
