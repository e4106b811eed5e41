#pragma once

#include "containerrecord.h"
#include "imagerecord.h"

#include <QDateTime>
#include <QHash>
#include <QList>

namespace Strata {

// What kind of image store the engine keeps; removal semantics differ between them.
enum class ImageStoreKind {
    Graphdriver, // Docker's classic store (overlay2, vfs …): what the planner predicts exactly
    Containerd,  // Docker with the containerd image store
    Podman,      // Podman's Docker-compatible service
};

// An immutable picture of one engine's images and containers at one moment, with the indexes
// that make lookups cheap. Built once off the UI thread, then shared read-only by value.
class Snapshot final
{
public:
    Snapshot() = default;
    Snapshot(QList<ImageRecord> images, QList<ContainerRecord> containers, QDateTime takenAt,
             ImageStoreKind storeKind = ImageStoreKind::Graphdriver);

    const QList<ImageRecord> &images() const { return m_images; }
    const QList<ContainerRecord> &containers() const { return m_containers; }
    QDateTime takenAt() const { return m_takenAt; }
    ImageStoreKind storeKind() const { return m_storeKind; }
    bool isEmpty() const { return m_images.isEmpty() && m_containers.isEmpty(); }

    // Index into images() of the image with this full "sha256:…" ID, or -1.
    qsizetype indexOfImage(const QString &imageId) const;
    const ImageRecord *image(const QString &imageId) const;
    // Indexes of the images whose parent link names this image.
    QList<qsizetype> childrenOf(const QString &imageId) const;
    bool hasChildren(const QString &imageId) const;
    // Indexes into containers() of the containers created from this image.
    QList<qsizetype> containersOf(const QString &imageId) const;

private:
    QList<ImageRecord> m_images;
    QList<ContainerRecord> m_containers;
    QDateTime m_takenAt;
    ImageStoreKind m_storeKind = ImageStoreKind::Graphdriver;
    QHash<QString, qsizetype> m_imageIndexById;
    QHash<QString, QList<qsizetype>> m_childrenByParentId;
    QHash<QString, QList<qsizetype>> m_containersByImageId;
};

} // namespace Strata
