#pragma once

#include "snapshot.h"

#include <QList>
#include <QString>

#include <memory>
#include <vector>

namespace Strata {

// The engine's image, reference and layer stores as the removal code sees them (SEMANTICS.md
// §2.1), built from a Snapshot and then changed request by request as a planner replays
// removals. Images, layers and containers are addressed by their index; deleted images keep
// their index and are marked dead.
//
// What removals never change (IDs, references, layer chains, containers) is built once and
// shared by every copy; what they change (liveness, parent links, child counts, removed
// references, layer holds) lives in flat arrays, so a copy costs a few memcpy calls. A planner
// copies the state it is given and replays on the copy.
class EngineState final
{
public:
    struct ImageReference
    {
        QString normalized; // "docker.io/library/busybox:latest": the store's key and sort key
        QString familiar;   // "busybox:latest": what records and listings show
        QString name;       // "docker.io/library/busybox": the repository
        bool isDigest = false;
    };

    struct Container
    {
        QString id;
        QString displayName; // first name, or the 12-hex ID when it has none
        bool running = false;
        int image = -1;      // -1 when its image is not in the snapshot
        int layer = -1;      // the layer its read-write layer sits on
    };

    // How an ID-prefix search came out (the engine's digest set lookup).
    struct PrefixMatch
    {
        int image = -1;
        bool ambiguous = false;
    };

    EngineState();
    explicit EngineState(const Snapshot &snapshot);

    ImageStoreKind storeKind() const;
    // Containers whose image is not in the snapshot: they hold layers nobody can see.
    bool hasHiddenLayerHolders() const;

    // Images. What removals do not change:
    int imageCount() const { return int(m_alive.size()); }
    const QString &imageId(int image) const;
    int topLayer(int image) const; // -1 when the rootfs is empty
    const QList<int> &runningContainers(int image) const; // running, paused or restarting
    const QList<int> &stoppedContainers(int image) const; // every other state
    // What they change:
    bool isAlive(int image) const { return m_alive[size_t(image)]; }
    int parent(int image) const { return m_parent[size_t(image)]; } // -1 when none
    int childCount(int image) const { return m_children[size_t(image)]; } // live children
    int referenceCount(int image) const { return m_referenceCount[size_t(image)]; }
    // The image's remaining references, sorted by byte order of `normalized`.
    QList<ImageReference> references(int image) const;

    // Layers, one per chain ID.
    int layerCount() const { return int(m_holds.size()); }
    int layerParent(int layer) const;
    // Holders, as the layer store counts them: images whose top layer this is, container
    // read-write layers on it, and child layers.
    int layerHolds(int layer) const { return m_holds[size_t(layer)]; }
    qint64 layerSize(int layer) const; // bytes, -1 when unknown
    // "sha256:…", hashed on first use: a plan names only the layers it deletes or keeps.
    QString chainId(int layer) const;
    // Bytes the deleted top part of an image's chain frees, from `top` down to (not including)
    // `keep`, or -1 when no exact figure follows from the snapshot.
    qint64 bytesAbove(int top, int keep) const;

    int containerCount() const;
    const Container &container(int index) const;

    // Index of the live image with this full ID, or -1.
    int indexOfImage(const QString &imageId) const;
    // Index of the image the snapshot listed with this full ID, deleted since or not, or -1.
    int listedImage(const QString &imageId) const;
    // The snapshot's references, by index: the remaining one the engine prints exactly as
    // `familiar` (a RepoTags or RepoDigests entry), or -1; and what it is.
    int referenceByFamiliar(const QString &familiar) const;
    const ImageReference &reference(int ref) const;
    int imageOfReference(int ref) const;
    // Index of the live image a normalised reference ("…:tag" or "…@digest") points at, or -1.
    int imageByReference(const QString &normalized) const;
    // Live images whose hex ID starts with hexPrefix; ambiguous when there are several.
    PrefixMatch findByIdPrefix(QStringView hexPrefix) const;
    // The layer indexes of an image, top first.
    QList<int> layerChain(int image) const;

    // Removes one reference; returns false when the image has no such reference.
    bool removeReference(int image, const QString &normalized);
    // Deletes an image from the image store: its references must be gone already. Returns the
    // layers released, top first; *stopLayer is the first layer still held, or -1.
    QList<int> deleteImage(int image, int *stopLayer);

private:
    struct Data;
    class Builder;

    std::shared_ptr<Data> m_data;
    std::vector<char> m_alive;
    std::vector<int> m_parent;
    std::vector<int> m_children;
    std::vector<int> m_referenceCount;
    std::vector<char> m_referenceRemoved; // per entry of the shared reference table
    std::vector<int> m_holds;
};

} // namespace Strata
