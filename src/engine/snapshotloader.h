#pragma once

#include "engineclient.h"
#include "snapshot.h"

namespace Strata {

// Reads images and containers into one Snapshot. Blocking: the app runs it in QtConcurrent.
namespace SnapshotLoader {

struct Result
{
    Snapshot snapshot;
    EngineInfo info;
    EngineError error;
};

// Negotiates with the engine, then lists images (all=1) and containers.
// TODO: inspect for diff IDs, cached by image ID, comes with the layer work of issue 4.
Result load(const Endpoint &endpoint);

} // namespace SnapshotLoader

} // namespace Strata
