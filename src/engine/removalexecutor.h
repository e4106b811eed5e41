#pragma once

#include "endpoint.h"
#include "removalrecord.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>

#include <atomic>
#include <memory>

namespace Strata {

// Sends removal requests one by one on a worker thread (Qt Concurrent), never on the caller's.
// Cancellation is checked between requests; a run ends exactly once with finished().
class RemovalExecutor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemovalExecutor)

public:
    enum class Ending { Completed, Cancelled, Failed };
    Q_ENUM(Ending)

    explicit RemovalExecutor(QObject *parent = nullptr);
    ~RemovalExecutor() override; // cancels and waits for the worker

    bool isRunning() const;

public Q_SLOTS:
    // Starts a run; ignored while one is running.
    void start(const Strata::Endpoint &endpoint, const QList<Strata::RemovalRequest> &requests);
    void cancel();

Q_SIGNALS:
    void requestStarted(int index, const Strata::RemovalRequest &request);
    void outcomeReady(int index, const Strata::RemovalOutcome &outcome);
    void progressChanged(int done, int total);
    // Failed means the engine became unreachable; engine refusals (404, 409) are outcomes.
    void finished(Strata::RemovalExecutor::Ending ending);

private:
    std::shared_ptr<std::atomic_bool> m_cancelRequested;
    QFutureWatcher<void> m_watcher;
};

} // namespace Strata
