#include "imagesortproxy.h"

#include "imagetablemodel.h"

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

} // namespace Strata
