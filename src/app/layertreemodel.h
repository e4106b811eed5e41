#pragma once

#include "layergraph.h"
#include "snapshot.h"

#include <QAbstractItemModel>
#include <QList>
#include <QStringList>

namespace Strata {

// The layers of every image as a tree: a node is a layer (by chain ID), its children are the
// layers stacked directly on it, so a base shared by many images is one node under which their
// chains branch. Only reads the snapshot and its layer graph.
class LayerTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayerTreeModel)

public:
    enum Column { ChainIdColumn, SizeColumn, ImagesColumn, UsersColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        RawValueRole = Qt::UserRole, // what sorting compares: bytes, counts, full IDs
        ChainIdRole,                 // "sha256:…" of the layer
        ImageIdsRole,                // QStringList: every image whose chain includes the layer
    };
    Q_ENUM(Role)

    explicit LayerTreeModel(QObject *parent = nullptr);

    void setSnapshot(const Snapshot &snapshot, const LayerGraph &graph);
    const Snapshot &snapshot() const { return m_snapshot; }
    const LayerGraph &graph() const { return m_graph; }

    // The index of the layer with this chain ID in the given column, or an invalid index.
    QModelIndex indexOfLayer(const QString &chainId, int column = ChainIdColumn) const;
    // Image IDs of the images whose chain includes the layer at graph index `layer`.
    QStringList imageIdsOf(qsizetype layer) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Re-reads the header texts after a language change.
    void retranslate();

private:
    const LayerGraph::Layer &layerAt(const QModelIndex &index) const;
    QString imageNames(const QList<qsizetype> &imageIndexes) const;
    QVariant displayText(const LayerGraph::Layer &layer, int column) const;
    QVariant rawValue(const LayerGraph::Layer &layer, int column) const;
    QVariant toolTip(const LayerGraph::Layer &layer, int column) const;

    Snapshot m_snapshot;
    LayerGraph m_graph;
    QList<int> m_rowInParent; // per graph layer: its row under its parent (or among roots)
};

} // namespace Strata
