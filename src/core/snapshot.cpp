#include "snapshot.h"

#include <utility>

namespace Strata {

Snapshot::Snapshot(QList<ImageRecord> images, QList<ContainerRecord> containers,
                   QDateTime takenAt, ImageStoreKind storeKind)
    : m_images(std::move(images))
    , m_containers(std::move(containers))
    , m_takenAt(std::move(takenAt))
    , m_storeKind(storeKind)
{
    m_imageIndexById.reserve(m_images.size());
    for (qsizetype i = 0; i < m_images.size(); ++i) {
        const ImageRecord &record = m_images.at(i);
        m_imageIndexById.insert(record.id, i);
        if (!record.parentId.isEmpty())
            m_childrenByParentId[record.parentId].append(i);
    }
    for (qsizetype i = 0; i < m_containers.size(); ++i)
        m_containersByImageId[m_containers.at(i).imageId].append(i);
}

qsizetype Snapshot::indexOfImage(const QString &imageId) const
{
    return m_imageIndexById.value(imageId, -1);
}

const ImageRecord *Snapshot::image(const QString &imageId) const
{
    const qsizetype index = indexOfImage(imageId);
    return index < 0 ? nullptr : &m_images.at(index);
}

QList<qsizetype> Snapshot::childrenOf(const QString &imageId) const
{
    return m_childrenByParentId.value(imageId);
}

bool Snapshot::hasChildren(const QString &imageId) const
{
    return m_childrenByParentId.contains(imageId);
}

QList<qsizetype> Snapshot::containersOf(const QString &imageId) const
{
    return m_containersByImageId.value(imageId);
}

} // namespace Strata
