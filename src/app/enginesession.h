#pragma once

#include "endpoint.h"
#include "engineclient.h"
#include "snapshot.h"
#include "snapshotcache.h"
#include "snapshotloader.h"

#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <memory>

namespace Strata {

// The app's connection to one engine: where it is, and the latest snapshot read from it.
// Loading runs on a worker thread; the UI thread only receives the finished snapshot.
class EngineSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineSession)

public:
    explicit EngineSession(Endpoint endpoint, QObject *parent = nullptr);
    ~EngineSession() override;

    const Endpoint &endpoint() const { return m_endpoint; }
    const EngineInfo &info() const { return m_info; }
    const Snapshot &snapshot() const { return m_snapshot; }
    // What inspect and history told about each image, kept across loads and shared with the
    // removal executor's last-moment check.
    std::shared_ptr<SnapshotCache> cache() const { return m_cache; }
    bool isLoading() const { return m_watcher.isRunning(); }
    // Whether this engine is the throwaway sandbox started by scripts/sandbox-engine, as the
    // engine itself says (a daemon label), so the window never calls a real engine a sandbox.
    bool isSandbox() const { return m_info.isStrataSandbox; }
    // An address that could not be understood: every load fails with this error, so the
    // window can say what is wrong instead of the program exiting before it shows.
    void setConfigurationError(const EngineError &error);

public Q_SLOTS:
    // Starts reading a fresh snapshot; a load already under way is abandoned.
    void reload();

Q_SIGNALS:
    void loadStarted();
    void snapshotLoaded(const Strata::Snapshot &snapshot);
    void loadFailed(const Strata::EngineError &error);

private:
    void finishLoad();

    Endpoint m_endpoint;
    EngineInfo m_info;
    Snapshot m_snapshot;
    std::shared_ptr<SnapshotCache> m_cache = std::make_shared<SnapshotCache>();
    EngineError m_configurationError;
    std::shared_ptr<std::atomic_bool> m_cancelLoad = std::make_shared<std::atomic_bool>(false);
    QFutureWatcher<SnapshotLoader::Result> m_watcher;
};

} // namespace Strata
