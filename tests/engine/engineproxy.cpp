#include "engineproxy.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <QDir>
#include <QFile>

namespace Strata::Testing {

namespace {

bool fillAddress(const QString &path, sockaddr_un *address)
{
    const QByteArray bytes = QFile::encodeName(path);
    if (bytes.size() >= qsizetype(sizeof(address->sun_path)))
        return false;
    std::memset(address, 0, sizeof(*address));
    address->sun_family = AF_UNIX;
    std::memcpy(address->sun_path, bytes.constData(), size_t(bytes.size()));
    return true;
}

int connectTo(const QString &path)
{
    sockaddr_un address;
    if (!fillAddress(path, &address))
        return -1;
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

bool writeAll(int fd, const char *data, size_t size)
{
    while (size > 0) {
        const ssize_t written = ::send(fd, data, size, MSG_NOSIGNAL);
        if (written <= 0)
            return false;
        data += written;
        size -= size_t(written);
    }
    return true;
}

} // namespace

EngineProxy::EngineProxy(QString upstreamSocketPath)
    : m_upstreamSocketPath(std::move(upstreamSocketPath))
{
}

EngineProxy::~EngineProxy()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    if (m_wakePipe[1] >= 0)
        (void)::write(m_wakePipe[1], "x", 1);
    stopListening(true);
    std::list<std::thread> connections;
    {
        std::lock_guard lock(m_mutex);
        connections.swap(m_connections);
    }
    for (std::thread &connection : connections)
        connection.join();
    for (int fd : {m_wakePipe[0], m_wakePipe[1], m_stopAcceptPipe[0], m_stopAcceptPipe[1]}) {
        if (fd >= 0)
            ::close(fd);
    }
    if (!m_directory.isEmpty())
        QDir().rmdir(m_directory);
}

bool EngineProxy::start(QString *error)
{
    char pattern[] = "/tmp/strata-proxy-XXXXXX";
    if (!::mkdtemp(pattern) || ::pipe2(m_wakePipe, O_CLOEXEC) != 0
        || ::pipe2(m_stopAcceptPipe, O_CLOEXEC) != 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    m_directory = QFile::decodeName(pattern);
    m_socketPath = m_directory + QStringLiteral("/p.sock");
    sockaddr_un address;
    fillAddress(m_socketPath, &address);
    m_listenFd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_listenFd < 0
        || ::bind(m_listenFd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) != 0
        || ::listen(m_listenFd, 16) != 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    m_acceptThread = std::thread([this] { acceptLoop(); });
    return true;
}

void EngineProxy::addRule(const QByteArray &prefix, Action action)
{
    std::lock_guard lock(m_mutex);
    m_rules.emplace_back(prefix, action);
}

void EngineProxy::addCannedAnswer(const QByteArray &prefix, int status,
                                  const QByteArray &headers, const QByteArray &body)
{
    const QByteArray answer = "HTTP/1.1 " + QByteArray::number(status) + " Canned\r\n" + headers
        + "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: close\r\n\r\n" + body;
    std::lock_guard lock(m_mutex);
    m_cannedAnswers.emplace_back(prefix, answer);
}

QByteArray EngineProxy::cannedAnswerFor(const QByteArray &head) const
{
    std::lock_guard lock(m_mutex);
    for (const auto &[prefix, answer] : m_cannedAnswers) {
        if (head.startsWith(prefix))
            return answer;
    }
    return {};
}

void EngineProxy::openGate()
{
    {
        std::lock_guard lock(m_mutex);
        m_gateOpen = true;
    }
    m_changed.notify_all();
}

int EngineProxy::heldCount() const
{
    std::lock_guard lock(m_mutex);
    return m_held;
}

QStringList EngineProxy::requests() const
{
    std::lock_guard lock(m_mutex);
    return m_requests;
}

void EngineProxy::stopListening(bool removeSocket)
{
    if (m_acceptThread.joinable()) {
        (void)::write(m_stopAcceptPipe[1], "x", 1);
        m_acceptThread.join();
        ::close(m_listenFd);
        m_listenFd = -1;
    }
    if (removeSocket && !m_socketPath.isEmpty())
        ::unlink(QFile::encodeName(m_socketPath).constData());
}

void EngineProxy::acceptLoop()
{
    for (;;) {
        pollfd fds[2] = {{m_listenFd, POLLIN, 0}, {m_stopAcceptPipe[0], POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0 && errno != EINTR)
            return;
        if (fds[1].revents != 0)
            return;
        if (fds[0].revents & POLLIN) {
            const int clientFd = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
            if (clientFd < 0)
                continue;
            std::lock_guard lock(m_mutex);
            m_connections.emplace_back([this, clientFd] { serve(clientFd); });
        }
    }
}

EngineProxy::Action EngineProxy::actionFor(const QByteArray &requestLine) const
{
    for (const auto &[prefix, action] : m_rules) {
        if (requestLine.startsWith(prefix))
            return action;
    }
    return Action::Forward;
}

// Relays both ways until either side closes. Each request head the client sends is recorded
// and its rule applied before it goes on; a client sends the next request only after the
// previous answer, and our requests have no body (GET, HEAD, DELETE), so heads are all there is.
void EngineProxy::serve(int clientFd)
{
    int upstreamFd = -1;
    QByteArray pending;
    char buffer[65536];
    for (bool open = true; open;) {
        pollfd fds[3] = {{m_wakePipe[0], POLLIN, 0}, {clientFd, POLLIN, 0},
                         {upstreamFd, POLLIN, 0}};
        if (::poll(fds, upstreamFd < 0 ? 2 : 3, -1) < 0 && errno != EINTR)
            break;
        if (fds[0].revents != 0)
            break;
        if (upstreamFd >= 0 && fds[2].revents != 0) {
            const ssize_t got = ::recv(upstreamFd, buffer, sizeof(buffer), 0);
            open = got > 0 && writeAll(clientFd, buffer, size_t(got));
        }
        if (open && fds[1].revents != 0) {
            const ssize_t got = ::recv(clientFd, buffer, sizeof(buffer), 0);
            open = got > 0;
            pending.append(buffer, open ? got : 0);
            for (qsizetype end; open && (end = pending.indexOf("\r\n\r\n")) >= 0;) {
                const QByteArray head = pending.left(end + 4);
                pending.remove(0, end + 4);
                if (const QByteArray canned = cannedAnswerFor(head); !canned.isEmpty()) {
                    std::lock_guard lock(m_mutex);
                    m_requests.append(QString::fromLatin1(head.left(head.indexOf(" HTTP/"))));
                    writeAll(clientFd, canned.constData(), size_t(canned.size()));
                    open = false;
                    break;
                }
                open = admit(head);
                if (open && upstreamFd < 0)
                    upstreamFd = connectTo(m_upstreamSocketPath);
                open = open && upstreamFd >= 0
                    && writeAll(upstreamFd, head.constData(), size_t(head.size()));
            }
        }
    }
    if (upstreamFd >= 0)
        ::close(upstreamFd);
    ::close(clientFd);
}

bool EngineProxy::admit(const QByteArray &head)
{
    const QList<QByteArray> words = head.left(head.indexOf("\r\n")).split(' ');
    const QByteArray requestLine = words.size() >= 2 ? words.at(0) + ' ' + words.at(1) : head;
    std::unique_lock lock(m_mutex);
    m_requests.append(QString::fromLatin1(requestLine));
    const Action action = actionFor(requestLine);
    if (action == Action::Hold) {
        ++m_held;
        m_changed.wait(lock, [this] { return m_gateOpen || m_stopping; });
        --m_held;
    }
    return action != Action::Drop && !m_stopping;
}

} // namespace Strata::Testing
