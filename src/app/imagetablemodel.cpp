#include "imagetablemodel.h"

#include "digest.h"
#include "humanize.h"

#include <QDateTime>

namespace Strata {

ImageTableModel::ImageTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_now(QDateTime::currentSecsSinceEpoch())
{
}

void ImageTableModel::setSnapshot(const Snapshot &snapshot)
{
    m_snapshot = snapshot;
    rebuildRows();
}

void ImageTableModel::setOptions(const ImageListOptions &options)
{
    if (options.all == m_options.all && options.digests == m_options.digests)
        return;
    m_options = options;
    rebuildRows();
}

void ImageTableModel::setNow(qint64 unixSeconds)
{
    if (unixSeconds == m_now)
        return;
    m_now = unixSeconds;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, CreatedColumn), index(rowCount() - 1, CreatedColumn),
                           {Qt::DisplayRole});
}

void ImageTableModel::rebuildRows()
{
    beginResetModel();
    m_rows = ImageListing::rows(m_snapshot, m_options);
    endResetModel();
}

int ImageTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ImageTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImageTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ImageListRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, index.column());
    case Qt::ToolTipRole:
        return toolTip(row, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case RawValueRole:
        return rawValue(row, index.column());
    case RemovalReferenceRole:
        return row.removalReference();
    case FullImageIdRole:
        return row.imageId;
    default:
        return {};
    }
}

QVariant ImageTableModel::displayText(const ImageListRow &row, int column) const
{
    switch (column) {
    case RepositoryColumn:
        return row.repository;
    case TagColumn:
        return row.tag;
    case DigestColumn:
        return row.digest;
    case ImageIdColumn:
        return Digest::shortId(row.imageId);
    case CreatedColumn:
        // TODO: ages read in English as the CLI prints them; translated ages come with the
        // localisation issue (#5).
        return Humanize::age(row.created, m_now);
    case SizeColumn:
        return Humanize::size(row.size);
    default:
        return {};
    }
}

QVariant ImageTableModel::rawValue(const ImageListRow &row, int column) const
{
    switch (column) {
    case CreatedColumn:
        return row.created;
    case SizeColumn:
        return row.size;
    case ImageIdColumn:
        return row.imageId;
    default:
        return displayText(row, column);
    }
}

QVariant ImageTableModel::toolTip(const ImageListRow &row, int column) const
{
    switch (column) {
    case ImageIdColumn:
        return row.imageId;
    case CreatedColumn:
        return QDateTime::fromSecsSinceEpoch(row.created).toString(Qt::ISODate);
    case SizeColumn:
        return tr("%L1 bytes").arg(row.size);
    default:
        return {};
    }
}

QVariant ImageTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case RepositoryColumn:
        return tr("REPOSITORY");
    case TagColumn:
        return tr("TAG");
    case DigestColumn:
        return tr("DIGEST");
    case ImageIdColumn:
        return tr("IMAGE ID");
    case CreatedColumn:
        return tr("CREATED");
    case SizeColumn:
        return tr("SIZE");
    default:
        return {};
    }
}

void ImageTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

} // namespace Strata
