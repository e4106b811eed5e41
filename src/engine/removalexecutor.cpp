#include "removalexecutor.h"

#include "engineclient.h"
#include "enginelog.h"

#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace Strata {

RemovalExecutor::RemovalExecutor(QObject *parent)
    : QObject(parent)
    , m_cancelRequested(std::make_shared<std::atomic_bool>(false))
{
    qRegisterMetaType<Strata::Endpoint>();
    qRegisterMetaType<Strata::RemovalRequest>();
    qRegisterMetaType<Strata::RemovalOutcome>();
    qRegisterMetaType<QList<Strata::RemovalRequest>>();
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

void RemovalExecutor::start(const Endpoint &endpoint, const QList<RemovalRequest> &requests)
{
    if (isRunning()) {
        qCWarning(lcEngine) << "removal run already in progress; start ignored";
        return;
    }
    // A fresh flag per run: a late cancel() of the previous run must not stop this one.
    m_cancelRequested = std::make_shared<std::atomic_bool>(false);
    qCInfo(lcEngine).noquote() << "removing" << requests.size() << "references at"
                               << endpoint.address;
    m_watcher.setFuture(QtConcurrent::run(
        [this, endpoint, requests, cancelRequested = m_cancelRequested] {
            return run(endpoint, requests, cancelRequested);
        }));
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

RemovalExecutor::Ending RemovalExecutor::run(
    const Endpoint &endpoint, const QList<RemovalRequest> &requests,
    const std::shared_ptr<std::atomic_bool> &cancelRequested)
{
    const int total = int(requests.size());
    EngineClient client(endpoint);
    EngineError error;
    post([this, total] { Q_EMIT progressChanged(0, total); });
    for (int index = 0; index < total; ++index) {
        if (cancelRequested->load())
            return Ending::Cancelled;
        const RemovalRequest &request = requests.at(index);
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
    }
    return Ending::Completed;
}

} // namespace Strata
