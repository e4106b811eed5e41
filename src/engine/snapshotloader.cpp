#include "snapshotloader.h"

#include "enginelog.h"
#include "layersizes.h"

#include <atomic>
#include <utility>

#include <QDateTime>
#include <QElapsedTimer>
#include <QMutex>
#include <QMutexLocker>
#include <QSet>
#include <QThreadPool>

namespace Strata::SnapshotLoader {

namespace {

using namespace Qt::StringLiterals;

bool isNotFound(const EngineError &error)
{
    return error.code == EngineError::Code::HttpError && error.httpStatus == 404;
}

QString storeName(ImageStoreKind kind)
{
    switch (kind) {
    case ImageStoreKind::Graphdriver:
        return u"graphdriver"_s;
    case ImageStoreKind::Containerd:
        return u"containerd"_s;
    case ImageStoreKind::Podman:
        return u"podman"_s;
    }
    return {};
}

// Inspect and history (oldest first) of one image. A history that cannot be mapped onto the
// layers is no error: the sizes stay unknown and the planner says so.
EngineError readDetails(EngineClient &client, const QString &imageId,
                        SnapshotCache::Entry *entry)
{
    if (EngineError error = client.inspectDiffIds(imageId, &entry->diffIds); error.isError())
        return error;
    if (EngineError error = client.history(imageId, &entry->history); error.isError())
        return error;
    const QList<qint64> sizes = EngineClient::sizesNewestFirstOf(entry->history);
    QString why;
    if (auto layerSizes = LayerSizes::fromHistory(sizes, entry->diffIds.size(), &why)) {
        entry->layerSizes = std::move(*layerSizes);
    } else {
        qCInfo(lcEngine).noquote() << "layer sizes of" << imageId.mid(7, 12)
                                   << "unknown:" << why;
    }
    return {};
}

// Fills diff IDs, history and layer sizes of every image, from the cache or from the engine
// with MaxParallelRequests requests in flight. Stops sending at the first error and returns it.
EngineError fillDetails(EngineClient &client, QList<ImageRecord> *images, SnapshotCache &cache,
                        Stats *stats)
{
    ImageRecord *records = images->data(); // detached here, before any worker writes
    QList<qsizetype> missing;
    for (qsizetype i = 0; i < images->size(); ++i) {
        if (const auto entry = cache.find(records[i].id)) {
            records[i].diffIds = entry->diffIds;
            records[i].layerSizes = entry->layerSizes;
            records[i].history = entry->history;
        } else {
            missing.append(i);
        }
    }
    stats->cached = int(images->size() - missing.size());
    stats->inspected = int(missing.size());

    QThreadPool pool;
    pool.setMaxThreadCount(MaxParallelRequests);
    std::atomic_bool failed = false;
    QMutex errorMutex;
    EngineError firstError;
    for (const qsizetype index : std::as_const(missing)) {
        pool.start([&, index] {
            if (failed.load())
                return;
            SnapshotCache::Entry entry;
            if (EngineError error = readDetails(client, records[index].id, &entry);
                error.isError()) {
                const QMutexLocker locker(&errorMutex);
                if (!failed.exchange(true))
                    firstError = error;
                return;
            }
            cache.insert(records[index].id, entry);
            records[index].diffIds = std::move(entry.diffIds);
            records[index].layerSizes = std::move(entry.layerSizes);
            records[index].history = std::move(entry.history);
        });
    }
    pool.waitForDone();
    for (const ImageRecord &image : std::as_const(*images))
        stats->sizesUnknown += !image.diffIds.isEmpty() && image.layerSizes.isEmpty();
    return firstError;
}

// One pass: list, then read details. Containers are listed after the images, so a container
// never names an image the listing could not have seen.
EngineError loadOnce(EngineClient &client, SnapshotCache &cache, QList<ImageRecord> *images,
                     QList<ContainerRecord> *containers, Stats *stats)
{
    if (EngineError error = client.listImages(images); error.isError())
        return error;
    if (EngineError error = client.listContainers(containers); error.isError())
        return error;
    return fillDetails(client, images, cache, stats);
}

} // namespace

Result loadCached(const Endpoint &endpoint, SnapshotCache &cache,
                  std::shared_ptr<const std::atomic_bool> cancel)
{
    QElapsedTimer timer;
    timer.start();
    Result result;
    EngineClient client(endpoint);
    client.setCancelFlag(std::move(cancel));
    ImageStoreKind storeKind = ImageStoreKind::Graphdriver;
    result.error = client.negotiate();
    if (!result.error.isError())
        result.error = client.detectStoreKind(&storeKind);
    result.info = client.info();

    QList<ImageRecord> images;
    QList<ContainerRecord> containers;
    // An image removed between the listing and its inspect gives a 404; the engine moved on,
    // so load again once rather than show a snapshot that never existed.
    for (int attempt = 1; attempt <= 2 && !result.error.isError(); ++attempt) {
        result.stats = Stats{attempt, 0, 0, 0, 0};
        result.error = loadOnce(client, cache, &images, &containers, &result.stats);
        if (!isNotFound(result.error) || attempt == 2)
            break;
        qCInfo(lcEngine).noquote() << "an image vanished while loading" << endpoint.address
                                   << "(" << result.error.detail << "); loading again";
        result.error = {};
    }
    result.stats.elapsedMs = timer.elapsed();
    if (result.error.isError()) {
        qCWarning(lcEngine).noquote() << "loading" << endpoint.address
                                      << "failed:" << result.error.detail;
        return result;
    }

    QSet<QString> listed;
    for (const ImageRecord &image : std::as_const(images))
        listed.insert(image.id);
    cache.retainOnly(listed);
    // Taken after listing, as the CLI takes "now" after its answer: no image in the snapshot
    // is younger than the snapshot, so ages are never negative.
    const QDateTime takenAt = QDateTime::currentDateTimeUtc();
    qCInfo(lcEngine).noquote()
        << u"snapshot of %1 in %2 ms: %3 images (%4 inspected, %5 cached, %6 without layer "
           "sizes), %7 containers, %8 store, attempt %9"_s
               .arg(endpoint.address).arg(result.stats.elapsedMs).arg(images.size())
               .arg(result.stats.inspected).arg(result.stats.cached)
               .arg(result.stats.sizesUnknown).arg(containers.size())
               .arg(storeName(storeKind)).arg(result.stats.attempts);
    result.snapshot = Snapshot(std::move(images), std::move(containers), takenAt, storeKind);
    return result;
}

Result load(const Endpoint &endpoint)
{
    SnapshotCache cache;
    return loadCached(endpoint, cache);
}

} // namespace Strata::SnapshotLoader
