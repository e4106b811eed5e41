#include "removalexecutor.h"

#include "engineclient.h"
#include "enginelog.h"
#include "removalplanner.h"
#include "snapshotloader.h"

#include <algorithm>
#include <utility>

#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

namespace Strata {

namespace {

// The engine's possible messages for a step, in any order: which container a conflict names
// may be listed as the main message or as an alternative.
QSet<QString> messagesOf(const PlannedStep &step)
{
    QSet<QString> messages(step.alternativeErrorMessages.cbegin(),
                           step.alternativeErrorMessages.cend());
    messages.insert(step.errorMessage);
    return messages;
}

// The first request whose predicted answer differs between two plans, or -1 when they
// promise the same answers, request by request.
qsizetype firstDifference(const RemovalPlan &a, const RemovalPlan &b)
{
    const qsizetype common = std::min(a.steps.size(), b.steps.size());
    for (qsizetype i = 0; i < common; ++i) {
        const PlannedStep &x = a.steps.at(i);
        const PlannedStep &y = b.steps.at(i);
        if (x.request != y.request || x.httpStatus != y.httpStatus || x.records != y.records
            || messagesOf(x) != messagesOf(y))
            return i;
    }
    return a.steps.size() == b.steps.size() ? -1 : common;
}

} // namespace

RemovalExecutor::RemovalExecutor(QObject *parent)
    : QObject(parent)
    , m_cancelRequested(std::make_shared<std::atomic_bool>(false))
{
    qRegisterMetaType<Strata::Endpoint>();
    qRegisterMetaType<Strata::RemovalRequest>();
    qRegisterMetaType<Strata::RemovalOutcome>();
    qRegisterMetaType<QList<Strata::RemovalRequest>>();
    qRegisterMetaType<Strata::Snapshot>();
    qRegisterMetaType<Strata::RemovalPlan>();
    qRegisterMetaType<Strata::PlannedStep>();
    qRegisterMetaType<Strata::RemovalExecutor::Ending>();
    // The watcher reports in this thread after every posted outcome, so finished() comes last
    // and isRunning() is already false when it arrives.
    connect(&m_watcher, &QFutureWatcher<Ending>::finished, this,
            [this] { Q_EMIT finished(m_watcher.result()); });
}

RemovalExecutor::~RemovalExecutor()
{
    m_cancelRequested->store(true);
    m_watcher.disconnect(this);
    m_watcher.waitForFinished();
}

bool RemovalExecutor::isRunning() const
{
    return m_watcher.isRunning();
}

void RemovalExecutor::setSnapshotCache(std::shared_ptr<SnapshotCache> cache)
{
    m_cache = std::move(cache);
}

void RemovalExecutor::start(const Endpoint &endpoint, const QList<RemovalRequest> &requests)
{
    launch(Run{endpoint, requests, std::nullopt, std::nullopt, nullptr, nullptr});
}

void RemovalExecutor::start(const Endpoint &endpoint, const Snapshot &snapshot,
                            const QList<RemovalRequest> &requests, const RemovalPlan &plan)
{
    std::shared_ptr<SnapshotCache> cache = m_cache ? m_cache : std::make_shared<SnapshotCache>();
    cache->seed(snapshot);
    launch(Run{endpoint, requests, snapshot, plan, std::move(cache), nullptr});
}

void RemovalExecutor::launch(Run run)
{
    if (isRunning()) {
        qCWarning(lcEngine) << "removal run already in progress; start ignored";
        return;
    }
    // A fresh flag per run: a late cancel() of the previous run must not stop this one.
    m_cancelRequested = std::make_shared<std::atomic_bool>(false);
    run.cancelRequested = m_cancelRequested;
    qCInfo(lcEngine).noquote() << "removing" << run.requests.size() << "references at"
                               << run.endpoint.address << (run.plan ? "as planned" : "");
    m_watcher.setFuture(QtConcurrent::run([this, run = std::move(run)] { return execute(run); }));
}

void RemovalExecutor::cancel()
{
    if (isRunning())
        qCInfo(lcEngine) << "removal run cancel requested";
    m_cancelRequested->store(true);
}

template<typename Function>
void RemovalExecutor::post(Function &&function)
{
    QMetaObject::invokeMethod(this, std::forward<Function>(function), Qt::QueuedConnection);
}

RemovalExecutor::Ending RemovalExecutor::execute(const Run &run)
{
    const int total = int(run.requests.size());
    post([this, total] { Q_EMIT progressChanged(0, total); });
    if (run.plan) {
        if (const std::optional<Ending> ending = checkPlan(run))
            return *ending;
    }
    return send(run);
}

// Loads the engine as it is now and plans again; an ending when the run must not go on.
std::optional<RemovalExecutor::Ending> RemovalExecutor::checkPlan(const Run &run)
{
    const SnapshotLoader::Result fresh = SnapshotLoader::loadCached(run.endpoint, *run.cache);
    if (fresh.error.isError()) {
        if (!run.requests.isEmpty())
            reportUnsent(run.requests.first(), fresh.error.detail);
        return Ending::Failed;
    }
    if (run.cancelRequested->load())
        return Ending::Cancelled;
    const RemovalPlan freshPlan = RemovalPlanner::plan(fresh.snapshot, run.requests);
    const qsizetype difference = firstDifference(*run.plan, freshPlan);
    if (difference < 0)
        return std::nullopt;
    qCInfo(lcEngine) << "the engine changed since the preview (request" << difference
                     << "would be answered differently); nothing sent";
    post([this, snapshot = fresh.snapshot, freshPlan] {
        Q_EMIT planStale(snapshot, freshPlan);
    });
    return Ending::Stale;
}

void RemovalExecutor::reportUnsent(const RemovalRequest &request, const QString &message)
{
    RemovalOutcome outcome;
    outcome.request = request;
    outcome.errorMessage = message;
    post([this, request] { Q_EMIT requestStarted(0, request); });
    post([this, outcome] { Q_EMIT outcomeReady(0, outcome); });
}

RemovalExecutor::Ending RemovalExecutor::send(const Run &run)
{
    const int total = int(run.requests.size());
    EngineClient client(run.endpoint);
    EngineError error;
    for (int index = 0; index < total; ++index) {
        if (run.cancelRequested->load())
            return Ending::Cancelled;
        const RemovalRequest &request = run.requests.at(index);
        post([this, index, request] { Q_EMIT requestStarted(index, request); });

        RemovalOutcome outcome;
        outcome.request = request;
        // Negotiated once for the run, on the first request, so that an unreachable engine is
        // reported as that request's outcome.
        if (index == 0)
            error = client.negotiate();
        if (error.isError())
            outcome.errorMessage = error.detail;
        else
            error = client.removeImage(request, &outcome);

        qCInfo(lcEngine).noquote() << "DELETE" << request.reference << "->"
                                   << outcome.httpStatus << outcome.errorMessage;
        post([this, index, outcome] { Q_EMIT outcomeReady(index, outcome); });
        post([this, index, total] { Q_EMIT progressChanged(index + 1, total); });
        if (error.isError())
            return Ending::Failed;
        if (run.plan && index < run.plan->steps.size()
            && !run.plan->steps.at(index).matches(outcome)
            && !run.plan->steps.at(index).isWithinUncertainty(outcome, *run.snapshot)) {
            qCWarning(lcEngine).noquote() << "answer to" << request.reference
                                          << "differs from the preview; stopping";
            post([this, index, step = run.plan->steps.at(index), outcome] {
                Q_EMIT diverged(index, step, outcome);
            });
            return Ending::Diverged;
        }
    }
    return Ending::Completed;
}

} // namespace Strata
