#pragma once

#include "snapshot.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

namespace Strata {

class ChainHasher;

// The engine's image, reference and layer stores as the removal code sees them (SEMANTICS.md
// §2.1), built from a Snapshot and then changed request by request as a planner replays
// removals. Images, layers and containers are addressed by their index; deleted images keep
// their index and are marked dead. Copying is cheap until the copy is changed.
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

    struct Image
    {
        QString id;                       // "sha256:…"
        int parent = -1;                  // index of the parent image, -1 when none
        int topLayer = -1;                // index of the top layer, -1 when the rootfs is empty
        int children = 0;                 // live images whose parent this is
        QList<ImageReference> references; // sorted by byte order of `normalized`
        QList<int> runningContainers;     // running, paused or restarting
        QList<int> stoppedContainers;     // every other state
        bool alive = true;
    };

    struct Layer
    {
        QString chainId;
        int parent = -1;
        // Holders, as the layer store counts them: images whose top layer this is, container
        // read-write layers on it, and child layers.
        int holds = 0;
        qint64 size = -1; // bytes, -1 when unknown
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

    EngineState() = default;
    explicit EngineState(const Snapshot &snapshot);

    ImageStoreKind storeKind() const { return m_storeKind; }
    int imageCount() const { return int(m_images.size()); }
    const Image &image(int index) const { return m_images.at(index); }
    int layerCount() const { return int(m_layers.size()); }
    const Layer &layer(int index) const { return m_layers.at(index); }
    int containerCount() const { return int(m_containers.size()); }
    const Container &container(int index) const { return m_containers.at(index); }
    // Containers whose image is not in the snapshot: they hold layers nobody can see.
    bool hasHiddenLayerHolders() const { return m_hiddenLayerHolders; }

    // Index of the live image with this full ID, or -1.
    int indexOfImage(const QString &imageId) const;
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
    int internLayer(ChainHasher *hasher, int parent, const QString &diffId, qint64 size);
    int topLayerOf(const QList<ImageRecord> &records, int index, std::vector<char> *state,
                   ChainHasher *hasher);
    void addContainers(const QList<ContainerRecord> &containers);
    int findImage(const QString &imageId) const; // dead images too

    ImageStoreKind m_storeKind = ImageStoreKind::Graphdriver;
    QList<Image> m_images;
    QList<Layer> m_layers;
    QList<Container> m_containers;
    QHash<QString, int> m_imageByReference;
    QHash<QString, int> m_layerByChainId;
    // (first 16 hex digits of the ID, image index), sorted: the prefix search's index.
    QList<std::pair<quint64, int>> m_imagesByHexKey;
    bool m_hiddenLayerHolders = false;
};

} // namespace Strata
