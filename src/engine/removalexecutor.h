#pragma once

#include "endpoint.h"
#include "removalrecord.h"

#include <QFutureWatcher>
#include <QList>
#include <QMetaType>
#include <QObject>

#include <atomic>
#include <memory>

namespace Strata {

// Sends removal requests one by one on a worker thread (Qt Concurrent), never on the caller's.
// Every signal is emitted in the executor's own thread, in the order things happened.
// Cancellation is checked between requests; a run ends exactly once with finished().
class RemovalExecutor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemovalExecutor)

public:
    enum class Ending { Completed, Cancelled, Failed };
    Q_ENUM(Ending)

    explicit RemovalExecutor(QObject *parent = nullptr);
    ~RemovalExecutor() override; // cancels and waits for the worker; finished() is not emitted

    bool isRunning() const;

public Q_SLOTS:
    // Starts a run; ignored while one is running.
    void start(const Strata::Endpoint &endpoint, const QList<Strata::RemovalRequest> &requests);
    // The request in flight is completed and reported; no later request is sent.
    void cancel();

Q_SIGNALS:
    void requestStarted(int index, const Strata::RemovalRequest &request);
    void outcomeReady(int index, const Strata::RemovalOutcome &outcome);
    void progressChanged(int done, int total);
    // Failed means the engine could not be reached (the failing request's outcome, with status
    // 0 and the transport's message, comes first); engine refusals (404, 409) are outcomes.
    void finished(Strata::RemovalExecutor::Ending ending);

private:
    Ending run(const Endpoint &endpoint, const QList<RemovalRequest> &requests,
               const std::shared_ptr<std::atomic_bool> &cancelRequested);
    // Posts a call to this object's thread; the destructor's wait keeps `this` alive meanwhile.
    template<typename Function>
    void post(Function &&function);

    std::shared_ptr<std::atomic_bool> m_cancelRequested;
    QFutureWatcher<Ending> m_watcher;
};

} // namespace Strata

Q_DECLARE_METATYPE(Strata::RemovalRequest)
Q_DECLARE_METATYPE(Strata::RemovalOutcome)
