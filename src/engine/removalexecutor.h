#pragma once

#include "endpoint.h"
#include "removalplan.h"
#include "removalrecord.h"
#include "snapshot.h"
#include "snapshotcache.h"

#include <QFutureWatcher>
#include <QList>
#include <QMetaType>
#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

namespace Strata {

// Sends removal requests one by one on a worker thread (Qt Concurrent), never on the caller's.
// Every signal is emitted in the executor's own thread, in the order things happened.
// Cancellation is checked between requests; a run ends exactly once with finished().
//
// A planned run keeps the preview's promise: right before sending, it loads a fresh snapshot
// and plans again; if the engine would now answer anything the preview did not show, it sends
// nothing (Stale). While sending, it compares every answer with its prediction and stops at
// the first difference (Diverged), so nothing happens after the first surprise.
class RemovalExecutor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemovalExecutor)

public:
    enum class Ending { Completed, Cancelled, Failed, Stale, Diverged };
    Q_ENUM(Ending)

    explicit RemovalExecutor(QObject *parent = nullptr);
    ~RemovalExecutor() override; // cancels and waits for the worker; finished() is not emitted

    bool isRunning() const;
    // The session's cache, so that the check before a planned run inspects only new images.
    // Without one, each planned run uses a cache seeded from the snapshot it is given.
    void setSnapshotCache(std::shared_ptr<SnapshotCache> cache);

public Q_SLOTS:
    // Starts a run; ignored while one is running.
    void start(const Strata::Endpoint &endpoint, const QList<Strata::RemovalRequest> &requests);
    // Starts a planned run of plan, which RemovalPlanner::plan made for requests from snapshot.
    void start(const Strata::Endpoint &endpoint, const Strata::Snapshot &snapshot,
               const QList<Strata::RemovalRequest> &requests, const Strata::RemovalPlan &plan);
    // The request in flight is completed and reported; no later request is sent.
    void cancel();

Q_SIGNALS:
    void requestStarted(int index, const Strata::RemovalRequest &request);
    void outcomeReady(int index, const Strata::RemovalOutcome &outcome);
    void progressChanged(int done, int total);
    // Before finished(Stale): the engine changed since the preview; nothing was sent. The
    // fresh snapshot and its plan are what the preview should show now.
    void planStale(const Strata::Snapshot &snapshot, const Strata::RemovalPlan &plan);
    // Before finished(Diverged), after that request's outcomeReady: the engine answered
    // differently from the prediction; no later request was sent.
    void diverged(int index, const Strata::PlannedStep &predicted,
                  const Strata::RemovalOutcome &actual);
    // Failed means the engine could not be reached (the failing request's outcome, with status
    // 0 and the transport's message, comes first; in a planned run a failed check is reported
    // as the first request's); engine refusals (404, 409) are outcomes.
    void finished(Strata::RemovalExecutor::Ending ending);

private:
    struct Run
    {
        Endpoint endpoint;
        QList<RemovalRequest> requests;
        std::optional<Snapshot> snapshot; // set for planned runs, with plan
        std::optional<RemovalPlan> plan;
        std::shared_ptr<SnapshotCache> cache;
        std::shared_ptr<std::atomic_bool> cancelRequested;
    };

    void launch(Run run);
    Ending execute(const Run &run);
    std::optional<Ending> checkPlan(const Run &run);
    Ending send(const Run &run);
    void reportUnsent(const RemovalRequest &request, const QString &message);
    // Posts a call to this object's thread; the destructor's wait keeps `this` alive meanwhile.
    template<typename Function>
    void post(Function &&function);

    std::shared_ptr<std::atomic_bool> m_cancelRequested;
    std::shared_ptr<SnapshotCache> m_cache;
    QFutureWatcher<Ending> m_watcher;
};

} // namespace Strata

Q_DECLARE_METATYPE(Strata::RemovalRequest)
Q_DECLARE_METATYPE(Strata::RemovalOutcome)
