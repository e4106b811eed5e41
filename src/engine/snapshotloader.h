#pragma once

#include "engineclient.h"
#include "snapshot.h"
#include "snapshotcache.h"

#include <atomic>
#include <memory>

namespace Strata {

// Reads images, their layers and containers into one Snapshot. Blocking: the app runs it in
// QtConcurrent.
namespace SnapshotLoader {

// Up to this many inspect/history requests are in flight at once.
inline constexpr int MaxParallelRequests = 8;

struct Stats
{
    int attempts = 0;       // 2 when an image vanished during the first and the load was redone
    int inspected = 0;      // images read with inspect + history in the last attempt
    int cached = 0;         // images whose details came from the cache
    int sizesUnknown = 0;   // images whose history could not be mapped onto their layers
    qint64 elapsedMs = 0;
};

struct Result
{
    Snapshot snapshot;
    EngineInfo info;
    EngineError error;
    Stats stats;
};

// Negotiates with the engine, detects its image store, lists images (all=1) and containers,
// and fills every image's diff IDs, history and layer sizes, from the cache where it has them. The
// cache keeps what was read for the next load. (Not an overload of load(): callers take
// load's address for QtConcurrent::run.)
// Setting `cancel` abandons the load at once with EngineError::Code::Cancelled.
Result loadCached(const Endpoint &endpoint, SnapshotCache &cache,
                  std::shared_ptr<const std::atomic_bool> cancel = {});
// The same with a cache that lives for this one load.
Result load(const Endpoint &endpoint);

} // namespace SnapshotLoader

} // namespace Strata
