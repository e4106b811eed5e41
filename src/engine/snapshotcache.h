#pragma once

#include "snapshot.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace Strata {

// What inspect and history told us about an image. Images are content-addressed: for one ID
// the diff IDs, history and layer sizes never change, so they are read once per session,
// whatever the tags and containers around the image do. Thread-safe: the loader's workers
// share one.
class SnapshotCache final
{
public:
    struct Entry
    {
        QStringList diffIds;
        QList<qint64> layerSizes; // empty when history could not be mapped onto the layers
        QList<HistoryEntry> history; // oldest first, every entry the engine listed
    };

    SnapshotCache() = default;
    Q_DISABLE_COPY_MOVE(SnapshotCache)

    std::optional<Entry> find(const QString &imageId) const;
    void insert(const QString &imageId, const Entry &entry);
    // Takes what a loaded snapshot already knows (images with diff IDs).
    void seed(const Snapshot &snapshot);
    // Forgets images that are no longer listed, so the cache never outgrows the engine.
    void retainOnly(const QSet<QString> &imageIds);
    qsizetype size() const;
    void clear();

private:
    mutable QMutex m_mutex;
    QHash<QString, Entry> m_entries;
};

} // namespace Strata
