#include "snapshotloader.h"

#include "enginelog.h"

#include <QDateTime>

#include <utility>

namespace Strata::SnapshotLoader {

Result load(const Endpoint &endpoint)
{
    Result result;
    EngineClient client(endpoint);
    result.error = client.negotiate();
    if (result.error.isError())
        return result;
    result.info = client.info();

    QList<ImageRecord> images;
    QList<ContainerRecord> containers;
    result.error = client.listImages(&images);
    if (!result.error.isError())
        result.error = client.listContainers(&containers);
    if (result.error.isError()) {
        qCWarning(lcEngine).noquote() << "loading" << endpoint.address
                                      << "failed:" << result.error.detail;
        return result;
    }
    // Taken after listing, as the CLI takes "now" after its answer: no image in the snapshot
    // is younger than the snapshot, so ages are never negative.
    const QDateTime takenAt = QDateTime::currentDateTimeUtc();
    qCInfo(lcEngine).noquote() << "snapshot of" << endpoint.address << ":" << images.size()
                               << "images," << containers.size() << "containers";
    result.snapshot = Snapshot(std::move(images), std::move(containers), takenAt);
    return result;
}

} // namespace Strata::SnapshotLoader
