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
    // The loader holds no pointer to us, but the watcher must not outlive its future's signal.
    m_watcher.waitForFinished();
}

void EngineSession::reload()
{
    if (m_watcher.isRunning())
        return;
    qCInfo(lcApp) << "loading images from" << m_endpoint.address;
    Q_EMIT loadStarted();
    // The cache outlives this call even if the session goes first: the task holds a share.
    m_watcher.setFuture(QtConcurrent::run(
        [endpoint = m_endpoint, cache = m_cache] {
            return SnapshotLoader::loadCached(endpoint, *cache);
        }));
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
