#include "imagetablemodel.h"

#include "agetext.h"
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
    m_graph = LayerGraph(m_snapshot);
    m_usage = DiskUsage::compute(m_snapshot, m_graph);
    m_usageByImageIndex.clear();
    for (qsizetype i = 0; i < m_usage.images.size(); ++i)
        m_usageByImageIndex.insert(m_usage.images.at(i).imageIndex, i);
    rebuildRows();
}

const DiskUsage::ImageUsage *ImageTableModel::usageOf(const ImageListRow &row) const
{
    const qsizetype index = m_usageByImageIndex.value(row.imageIndex, -1);
    return index < 0 ? nullptr : &m_usage.images.at(index);
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
        if (index.column() >= SizeColumn)
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
        // In English exactly as the CLI prints it, so the table can be compared with it.
        return AgeText::age(row.created, m_now);
    case SizeColumn:
        return Humanize::size(row.size);
    case SharedSizeColumn:
    case UniqueSizeColumn:
        return usageText(row, column);
    default:
        return {};
    }
}

QVariant ImageTableModel::usageText(const ImageListRow &row, int column) const
{
    // As `docker system df -v` prints them: four significant digits, N/A when unknown. That
    // command lists no intermediate images, so their cells stay empty.
    const DiskUsage::ImageUsage *usage = usageOf(row);
    if (!usage)
        return {};
    const qint64 bytes = column == SharedSizeColumn ? usage->sharedSize : usage->uniqueSize;
    if (bytes >= 0)
        return Humanize::sizeWithPrecision(bytes, 4);
    //: A size the engine does not know (docker system df -v prints N/A).
    return tr("N/A");
}

QVariant ImageTableModel::rawValue(const ImageListRow &row, int column) const
{
    switch (column) {
    case CreatedColumn:
        return row.created;
    case SizeColumn:
        return row.size;
    case SharedSizeColumn:
    case UniqueSizeColumn: {
        const DiskUsage::ImageUsage *usage = usageOf(row);
        if (!usage)
            return qint64(-2); // sorts below unknown (-1) and every real size
        return column == SharedSizeColumn ? usage->sharedSize : usage->uniqueSize;
    }
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
    case SharedSizeColumn:
        return tr("Bytes of this image's layers that other images also use");
    case UniqueSizeColumn:
        return tr("Bytes only this image uses: what removing it alone would free");
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
    case SharedSizeColumn:
        return tr("SHARED SIZE");
    case UniqueSizeColumn:
        return tr("UNIQUE SIZE");
    default:
        return {};
    }
}

void ImageTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    // Ages, unknown sizes and tooltips are words too.
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

} // namespace Strata
