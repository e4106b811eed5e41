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
    // Sizes from the images' histories; on the graphdriver store, a chain's one unknown size
    // also follows from the image's total. Sizes that follow from neither stay -1.
    void fillSizes(const Snapshot &snapshot);

    QList<Layer> m_layers;
    QList<qsizetype> m_roots;
    QHash<QString, qsizetype> m_indexByChainId;
    QList<QList<qsizetype>> m_chainByImage;
};

} // namespace Strata
