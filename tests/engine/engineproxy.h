#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <condition_variable>
#include <list>
#include <mutex>
#include <thread>
#include <vector>

namespace Strata::Testing {

// A unix-socket relay in front of a test engine that lets a test decide, per request, whether
// it is forwarded, held until the test opens a gate, or dropped without an answer; it records
// every request line. With it, the engine tests see exactly which requests were sent and can
// stop a run at a known point without sleeps. One thread per connection; test use only.
class EngineProxy final
{
public:
    enum class Action { Forward, Hold, Drop };

    explicit EngineProxy(QString upstreamSocketPath);
    ~EngineProxy(); // releases held requests unanswered, stops every thread
    EngineProxy(const EngineProxy &) = delete;
    EngineProxy &operator=(const EngineProxy &) = delete;

    // Listens on a fresh socket under /tmp; false with a reason when that fails.
    bool start(QString *error);
    QString address() const { return QStringLiteral("unix://") + m_socketPath; }

    // Requests whose "METHOD path" starts with prefix get action; the first matching rule wins,
    // anything unmatched is forwarded.
    void addRule(const QByteArray &prefix, Action action);
    // Requests whose "METHOD path" starts with prefix are answered with this status, headers
    // and JSON body by the proxy itself, never reaching the engine: a fake engine for cases no
    // real one here can show (other API versions, Podman).
    void addCannedAnswer(const QByteArray &prefix, int status, const QByteArray &headers,
                         const QByteArray &body);
    // Held requests wait until the gate opens, then are forwarded.
    void openGate();
    int heldCount() const;
    // Stops accepting: later connects fail with ENOENT (socket removed) or ECONNREFUSED (kept).
    void stopListening(bool removeSocket);
    // "METHOD /path?query" of every request seen, in arrival order.
    QStringList requests() const;

private:
    void acceptLoop();
    void serve(int clientFd);
    bool admit(const QByteArray &head); // records, applies the rule; false: close the connection
    QByteArray cannedAnswerFor(const QByteArray &head) const;
    Action actionFor(const QByteArray &requestLine) const;

    QString m_upstreamSocketPath;
    QString m_directory;
    QString m_socketPath;
    int m_listenFd = -1;
    int m_wakePipe[2] = {-1, -1}; // written once on destruction: wakes every poll()
    int m_stopAcceptPipe[2] = {-1, -1};
    std::thread m_acceptThread;

    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<std::pair<QByteArray, Action>> m_rules;
    std::vector<std::pair<QByteArray, QByteArray>> m_cannedAnswers;
    std::list<std::thread> m_connections;
    QStringList m_requests;
    bool m_gateOpen = false;
    bool m_stopping = false;
    int m_held = 0;
};

} // namespace Strata::Testing
