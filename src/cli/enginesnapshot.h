#pragma once

#include "snapshotloader.h"

#include <QString>

class QTextStream;

namespace Strata {

// Every strata-cli command starts the same way: find the engine (--host, else DOCKER_HOST,
// else the local socket) and read a snapshot. On failure the reason goes to err, worded once
// for all commands, and the command exits with status 2.
bool loadEngineSnapshot(const QString &hostOption, QTextStream &err,
                        SnapshotLoader::Result *result);

} // namespace Strata
