#include "enginesnapshot.h"

#include "endpoint.h"

#include <QTextStream>

namespace Strata {

bool loadEngineSnapshot(const QString &hostOption, QTextStream &err,
                        SnapshotLoader::Result *result)
{
    Endpoint endpoint;
    EngineError error;
    if (!Endpoint::fromEnvironment(hostOption, &endpoint, &error)) {
        err << "strata-cli: " << error.detail << Qt::endl;
        return false;
    }
    *result = SnapshotLoader::load(endpoint);
    if (result->error.isError()) {
        err << "strata-cli: cannot read the engine at " << endpoint.address << ": "
            << result->error.detail << Qt::endl;
        return false;
    }
    return true;
}

} // namespace Strata
