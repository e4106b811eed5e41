#include "imagesortproxy.h"

#include "imagetablemodel.h"

#include <QRegularExpression>

namespace Strata {

ImageSortProxy::ImageSortProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ImageTableModel::RawValueRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setFilterKeyColumn(-1);
}

bool ImageSortProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QPartialOrdering order
        = QVariant::compare(left.data(sortRole()), right.data(sortRole()));
    if (order == QPartialOrdering::Less)
        return true;
    if (order == QPartialOrdering::Greater)
        return false;
    // Equal keys keep the source order, which is the CLI's order, in either direction: for a
    // descending sort the proxy asks with the arguments swapped, so the tie-break flips too.
    return sortOrder() == Qt::AscendingOrder ? left.row() < right.row()
                                             : left.row() > right.row();
}

void ImageSortProxy::setFilterColumns(const QList<int> &columns)
{
    if (!m_allColumns && columns == m_filterColumns)
        return;
    m_filterColumns = columns;
    m_allColumns = false;
    invalidateRowsFilter();
}

void ImageSortProxy::setRowSet(const QSet<QString> &keys)
{
    if (m_rowSetActive && keys == m_rowSet)
        return;
    m_rowSet = keys;
    m_rowSetActive = true;
    invalidateRowsFilter();
}

void ImageSortProxy::clearRowSet()
{
    if (!m_rowSetActive)
        return;
    m_rowSet.clear();
    m_rowSetActive = false;
    invalidateRowsFilter();
}

QString ImageSortProxy::rowKey(const ImageListRow &row)
{
    return QStringLiteral("%1 %2 %3 %4 %5")
        .arg(row.imageId, row.repository, row.tag, row.digest)
        .arg(row.imageIndex);
}

bool ImageSortProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_rowSetActive) {
        const auto *model = qobject_cast<const ImageTableModel *>(sourceModel());
        if (model && !m_rowSet.contains(rowKey(model->rowAt(sourceRow))))
            return false;
    }
    if (m_allColumns)
        return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    const QRegularExpression pattern = filterRegularExpression();
    if (pattern.pattern().isEmpty())
        return true;
    for (const int column : m_filterColumns) {
        const QModelIndex index = sourceModel()->index(sourceRow, column, sourceParent);
        if (index.data(filterRole()).toString().contains(pattern))
            return true;
    }
    return false;
}

} // namespace Strata
