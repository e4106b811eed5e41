#include "layertreemodel.h"

#include "digest.h"
#include "humanize.h"
#include "layerdetails.h"

namespace Strata {

LayerTreeModel::LayerTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{
}

void LayerTreeModel::setSnapshot(const Snapshot &snapshot, const LayerGraph &graph)
{
    beginResetModel();
    m_snapshot = snapshot;
    m_graph = graph;
    m_rowInParent.fill(0, m_graph.layers().size());
    for (qsizetype root = 0; root < m_graph.roots().size(); ++root)
        m_rowInParent[m_graph.roots().at(root)] = int(root);
    for (const LayerGraph::Layer &layer : m_graph.layers()) {
        for (qsizetype child = 0; child < layer.children.size(); ++child)
            m_rowInParent[layer.children.at(child)] = int(child);
    }
    endResetModel();
}

QModelIndex LayerTreeModel::indexOfLayer(const QString &chainId, int column) const
{
    const qsizetype layer = m_graph.indexOf(chainId);
    if (layer < 0 || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(m_rowInParent.at(layer), column, quintptr(layer));
}

QStringList LayerTreeModel::imageIdsOf(qsizetype layer) const
{
    QStringList ids;
    for (const qsizetype image : m_graph.layers().at(layer).users)
        ids.append(m_snapshot.images().at(image).id);
    return ids;
}

const LayerGraph::Layer &LayerTreeModel::layerAt(const QModelIndex &index) const
{
    return m_graph.layers().at(qsizetype(index.internalId()));
}

QModelIndex LayerTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    const QList<qsizetype> &rows = parent.isValid()
        ? m_graph.layers().at(qsizetype(parent.internalId())).children
        : m_graph.roots();
    return createIndex(row, column, quintptr(rows.at(row)));
}

QModelIndex LayerTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const qsizetype parent = layerAt(child).parent;
    if (parent < 0)
        return {};
    return createIndex(m_rowInParent.at(parent), 0, quintptr(parent));
}

int LayerTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_graph.roots().size());
    if (parent.column() != 0)
        return 0;
    return int(layerAt(parent).children.size());
}

int LayerTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant LayerTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const LayerGraph::Layer &layer = layerAt(index);
    switch (role) {
    case Qt::DisplayRole:
        return displayText(layer, index.column());
    case Qt::ToolTipRole:
        return toolTip(layer, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn || index.column() == UsersColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RawValueRole:
        return rawValue(layer, index.column());
    case ChainIdRole:
        return layer.chainId;
    case ImageIdsRole:
        return imageIdsOf(qsizetype(index.internalId()));
    default:
        return {};
    }
}

QString LayerTreeModel::imageNames(const QList<qsizetype> &imageIndexes) const
{
    QStringList names;
    for (const qsizetype image : imageIndexes)
        names.append(LayerDetails::imageName(m_snapshot.images().at(image)));
    return names.join(QLatin1String(", "));
}

QVariant LayerTreeModel::displayText(const LayerGraph::Layer &layer, int column) const
{
    switch (column) {
    case ChainIdColumn:
        return Digest::shortId(layer.chainId);
    case SizeColumn:
        //: Size of a layer that the engine's history did not tell
        return layer.size < 0 ? tr("unknown") : Humanize::size(layer.size);
    case ImagesColumn:
        return imageNames(layer.topOf);
    case UsersColumn:
        return QString::number(layer.users.size());
    default:
        return {};
    }
}

QVariant LayerTreeModel::rawValue(const LayerGraph::Layer &layer, int column) const
{
    switch (column) {
    case ChainIdColumn:
        return layer.chainId;
    case SizeColumn:
        return layer.size;
    case UsersColumn:
        return layer.users.size();
    default:
        return displayText(layer, column);
    }
}

QVariant LayerTreeModel::toolTip(const LayerGraph::Layer &layer, int column) const
{
    switch (column) {
    case ChainIdColumn:
        return tr("Chain ID: %1\nDiff ID: %2").arg(layer.chainId, layer.diffId);
    case SizeColumn:
        return layer.size < 0 ? QVariant() : tr("%L1 bytes").arg(layer.size);
    case ImagesColumn:
        return tr("%n container(s) run on this layer", "", int(layer.containers.size()));
    case UsersColumn:
        return imageNames(layer.users);
    default:
        return {};
    }
}

QVariant LayerTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case ChainIdColumn:
        return tr("LAYER");
    case SizeColumn:
        return tr("SIZE");
    case ImagesColumn:
        //: Images whose top layer this is
        return tr("IMAGES ENDING HERE");
    case UsersColumn:
        //: How many images include this layer
        return tr("USED BY");
    default:
        return {};
    }
}

void LayerTreeModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    // "unknown" sizes are words too; nothing moves, so a layout change repaints every row
    // without losing what the tree view has expanded.
    Q_EMIT layoutAboutToBeChanged();
    Q_EMIT layoutChanged();
}

} // namespace Strata
