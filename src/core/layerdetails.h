#pragma once

#include "imagerecord.h"
#include "layergraph.h"
#include "snapshot.h"

#include <QList>
#include <QString>

namespace Strata {

// The layers of one image, base first, each with the history step that made it and the other
// images that share it: what the details panel shows.
//
// The engine pairs history with layers by walking the image config's history oldest first and
// giving every entry not marked empty_layer the next layer of RootFS (moby v20.10
// daemon/images/image_history.go). The API leaves empty_layer out, so we only know that an
// entry with a size > 0 made a layer; a 0-byte entry made either nothing or a layer without
// bytes. We pair a layer with an entry only when every pairing consistent with what is known
// agrees; otherwise the layer says so and lists the entries it may come from.
namespace LayerDetails {

enum class HistoryMatch {
    Exact,       // exactly one history entry can have made this layer
    Ambiguous,   // several can; `candidates` lists them
    Unavailable, // the history cannot describe the layers at all (not read, or does not fit)
};

struct Layer
{
    qsizetype graphIndex = -1;        // into LayerGraph::layers()
    QString diffId;
    QString chainId;
    qint64 size = -1;                 // bytes, -1 when unknown
    HistoryMatch match = HistoryMatch::Unavailable;
    qsizetype historyIndex = -1;      // into ImageRecord::history (oldest first) when Exact
    QList<qsizetype> candidates;      // history indexes this layer may come from
    QList<qsizetype> sharedWith;      // snapshot indexes of the other images using this layer
};

struct Details
{
    qsizetype imageIndex = -1; // -1 when the image is not in the snapshot
    QList<Layer> layers;       // base first
};

// What is known about each layer, base first, for pairing it with history entries.
struct LayerFacts
{
    qint64 size = -1; // the layer's diff size when some image's history told it, else -1
};

// A point where the count of layers is known: the first `entries` history entries made
// exactly `layers` layers. A parent image whose history is a prefix of the child's gives one.
struct Checkpoint
{
    qsizetype entries = 0;
    qsizetype layers = 0;
};

// For each layer, the history entries (oldest-first indexes) it may have come from under every
// pairing that fits: an entry with size > 0 always makes a layer, and only a layer of that size;
// a 0-byte entry may make a layer whose size is 0 or unknown; the checkpoints hold. An empty
// list for every layer means that no pairing fits.
QList<QList<qsizetype>> candidateEntries(const QList<HistoryEntry> &history,
                                         const QList<LayerFacts> &layers,
                                         const QList<Checkpoint> &checkpoints = {});

// The layers of the image with this ID, base first, paired with its history; layer sizes
// come from the graph (any image's history that tells them) and checkpoints from the image's
// parent chain in the snapshot.
Details compute(const Snapshot &snapshot, const LayerGraph &graph, const QString &imageId);

// How people name an image in a list: its first tag, else its first digest reference, else
// its short ID.
QString imageName(const ImageRecord &image);

} // namespace LayerDetails

} // namespace Strata
