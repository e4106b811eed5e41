#include "snapshotcache.h"

#include <QMutexLocker>

namespace Strata {

std::optional<SnapshotCache::Entry> SnapshotCache::find(const QString &imageId) const
{
    const QMutexLocker locker(&m_mutex);
    const auto it = m_entries.constFind(imageId);
    if (it == m_entries.cend())
        return std::nullopt;
    return *it;
}

void SnapshotCache::insert(const QString &imageId, const Entry &entry)
{
    const QMutexLocker locker(&m_mutex);
    m_entries.insert(imageId, entry);
}

void SnapshotCache::seed(const Snapshot &snapshot)
{
    const QMutexLocker locker(&m_mutex);
    for (const ImageRecord &image : snapshot.images()) {
        // An image without diff IDs was not inspected (or has no layers): ask again.
        if (!image.diffIds.isEmpty() && !m_entries.contains(image.id))
            m_entries.insert(image.id, Entry{image.diffIds, image.layerSizes, image.history});
    }
}

void SnapshotCache::retainOnly(const QSet<QString> &imageIds)
{
    const QMutexLocker locker(&m_mutex);
    m_entries.removeIf([&imageIds](QHash<QString, Entry>::iterator it) {
        return !imageIds.contains(it.key());
    });
}

qsizetype SnapshotCache::size() const
{
    const QMutexLocker locker(&m_mutex);
    return m_entries.size();
}

void SnapshotCache::clear()
{
    const QMutexLocker locker(&m_mutex);
    m_entries.clear();
}

} // namespace Strata
