#pragma once

#include "snapshot.h"

#include <QHash>
#include <QList>
#include <QString>

namespace Strata {

// The layers of every image in a snapshot as a forest keyed by chain ID: a layer's children are
// the layers stacked directly on it, so a base shared by forty images is one node under which
// forty chains branch. Sharing is by chain ID, as Docker counts it. Immutable, built in O(n).
class LayerGraph final
{
public:
    struct Layer
    {
        QString chainId;             // "sha256:…"
        QString diffId;              // the layer's own content digest
        qsizetype parent = -1;       // index of the layer below, -1 for a base layer
        QList<qsizetype> children;   // indexes of the layers stacked on this one
        int depth = 0;               // 0 for a base layer
        qint64 size = -1;            // bytes of this layer alone (DiffSize), -1 when unknown
        // Bytes of this layer and every layer below it: the Size of an image whose top this is.
        // Often known where single sizes are not (an empty layer makes histories ambiguous).
        qint64 chainSize = -1;
        QList<qsizetype> users;      // snapshot image indexes whose chain includes this layer
        QList<qsizetype> topOf;      // snapshot image indexes whose top layer this is
        QList<qsizetype> containers; // snapshot container indexes whose image's top this is
    };

    LayerGraph() = default;
    explicit LayerGraph(const Snapshot &snapshot);

    const QList<Layer> &layers() const { return m_layers; }
    const QList<qsizetype> &roots() const { return m_roots; }
    // Index of the layer with this chain ID, or -1.
    qsizetype indexOf(const QString &chainId) const { return m_indexByChainId.value(chainId, -1); }
    // The layer indexes of one image, base first; empty when its diff IDs are unknown.
    QList<qsizetype> chainOf(qsizetype imageIndex) const;

private:
    void addImage(qsizetype imageIndex, const ImageRecord &image);
    // Sizes from the images' histories and, on the graphdriver store, from the images' totals
    // (an image's Size is the chain size of its top layer). What follows from neither stays -1.
    void fillSizes(const Snapshot &snapshot);
    bool propagateSizes(); // one pass down and one up; true when anything was learned

    QList<Layer> m_layers;
    QList<qsizetype> m_roots;
    QHash<QString, qsizetype> m_indexByChainId;
    QList<QList<qsizetype>> m_chainByImage;
};

} // namespace Strata
