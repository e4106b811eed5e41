#include "enginesession.h"

#include "applogging.h"

#include <QtConcurrent>

#include <utility>

namespace Strata {

EngineSession::EngineSession(Endpoint endpoint, QObject *parent)
    : QObject(parent)
    , m_endpoint(std::move(endpoint))
{
    connect(&m_watcher, &QFutureWatcher<SnapshotLoader::Result>::finished, this,
            &EngineSession::finishLoad);
}

EngineSession::~EngineSession()
{
    // Abandon a load in flight instead of waiting for a hung engine's timeout.
    m_cancelLoad->store(true);
    m_watcher.waitForFinished();
}

void EngineSession::setConfigurationError(const EngineError &error)
{
    m_configurationError = error;
}

void EngineSession::reload()
{
    if (m_configurationError.isError()) {
        Q_EMIT loadFailed(m_configurationError);
        return;
    }
    // A load already under way may be stuck on a silent engine: abandon it and start over.
    // setFuture() below detaches the watcher from it, so its result never arrives.
    m_cancelLoad->store(true);
    m_cancelLoad = std::make_shared<std::atomic_bool>(false);
    qCInfo(lcApp) << "loading images from" << m_endpoint.address;
    // The cache and the flag outlive this call even if the session goes first: the task holds
    // shares of both.
    m_watcher.setFuture(QtConcurrent::run(
        [endpoint = m_endpoint, cache = m_cache, cancel = m_cancelLoad] {
            return SnapshotLoader::loadCached(endpoint, *cache, cancel);
        }));
    Q_EMIT loadStarted();
}

void EngineSession::finishLoad()
{
    const SnapshotLoader::Result result = m_watcher.result();
    if (result.error.isError()) {
        qCWarning(lcApp) << "loading failed:" << result.error.detail;
        Q_EMIT loadFailed(result.error);
        return;
    }
    m_info = result.info;
    m_snapshot = result.snapshot;
    qCInfo(lcApp) << "loaded" << m_snapshot.images().size() << "images and"
                  << m_snapshot.containers().size() << "containers in"
                  << result.stats.elapsedMs << "ms," << result.stats.cached << "from the cache";
    Q_EMIT snapshotLoaded(m_snapshot);
}

} // namespace Strata
