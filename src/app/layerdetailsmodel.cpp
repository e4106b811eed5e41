#include "layerdetailsmodel.h"

#include "agetext.h"
#include "digest.h"
#include "humanize.h"

#include <QDateTime>
#include <QFont>

namespace Strata {

using HistoryMatch = LayerDetails::HistoryMatch;

LayerDetailsModel::LayerDetailsModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_now(QDateTime::currentSecsSinceEpoch())
{
}

void LayerDetailsModel::setImage(const Snapshot &snapshot, const LayerGraph &graph,
                                 const QString &imageId)
{
    beginResetModel();
    m_snapshot = snapshot;
    m_imageId = imageId;
    m_details = LayerDetails::compute(snapshot, graph, imageId);
    endResetModel();
}

int LayerDetailsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_details.layers.size());
}

int LayerDetailsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const HistoryEntry *LayerDetailsModel::entryOf(const LayerDetails::Layer &layer) const
{
    if (layer.match != HistoryMatch::Exact)
        return nullptr;
    return &m_snapshot.images().at(m_details.imageIndex).history.at(layer.historyIndex);
}

QStringList LayerDetailsModel::imageIdsOf(const LayerDetails::Layer &layer) const
{
    QStringList ids{m_imageId};
    for (const qsizetype image : layer.sharedWith)
        ids.append(m_snapshot.images().at(image).id);
    return ids;
}

QVariant LayerDetailsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LayerDetails::Layer &layer = m_details.layers.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(layer, index.column());
    case Qt::ToolTipRole:
        return toolTip(layer, index.column());
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::FontRole:
        if (index.column() == CreatedByColumn && layer.match != HistoryMatch::Exact) {
            QFont font;
            font.setItalic(true); // our words, not the engine's command
            return font;
        }
        return {};
    case RawValueRole:
        return rawValue(layer, index.column());
    case ChainIdRole:
        return layer.chainId;
    case ImageIdsRole:
        return imageIdsOf(layer);
    case HistoryMatchRole:
        return int(layer.match);
    default:
        return {};
    }
}

QString LayerDetailsModel::sharedWithText(const LayerDetails::Layer &layer) const
{
    QStringList names;
    for (const qsizetype image : layer.sharedWith)
        names.append(LayerDetails::imageName(m_snapshot.images().at(image)));
    return names.join(QLatin1String(", "));
}

QVariant LayerDetailsModel::displayText(const LayerDetails::Layer &layer, int column) const
{
    const HistoryEntry *entry = entryOf(layer);
    switch (column) {
    case CreatedByColumn:
        if (entry)
            return entry->createdBy.simplified();
        if (layer.match == HistoryMatch::Ambiguous)
            return tr("One of %n history steps; the engine does not say which", "",
                      int(layer.candidates.size()));
        return tr("The image's history does not describe this layer");
    case SizeColumn:
        //: Size of a layer that the engine's history did not tell
        return layer.size < 0 ? tr("unknown") : Humanize::size(layer.size);
    case CreatedColumn:
        return entry ? AgeText::age(entry->created, m_now) : QString();
    case SharedWithColumn:
        return sharedWithText(layer);
    case DiffIdColumn:
        return Digest::shortId(layer.diffId);
    case ChainIdColumn:
        return Digest::shortId(layer.chainId);
    default:
        return {};
    }
}

QVariant LayerDetailsModel::rawValue(const LayerDetails::Layer &layer, int column) const
{
    const HistoryEntry *entry = entryOf(layer);
    switch (column) {
    case SizeColumn:
        return layer.size;
    case CreatedColumn:
        return entry ? QVariant(entry->created) : QVariant();
    case SharedWithColumn:
        return layer.sharedWith.size();
    case DiffIdColumn:
        return layer.diffId;
    case ChainIdColumn:
        return layer.chainId;
    default:
        return displayText(layer, column);
    }
}

QString LayerDetailsModel::candidatesText(const LayerDetails::Layer &layer) const
{
    const ImageRecord &image = m_snapshot.images().at(m_details.imageIndex);
    QStringList lines;
    for (const qsizetype candidate : layer.candidates)
        lines.append(image.history.at(candidate).createdBy.simplified());
    return lines.join(QLatin1Char('\n'));
}

QVariant LayerDetailsModel::toolTip(const LayerDetails::Layer &layer, int column) const
{
    const HistoryEntry *entry = entryOf(layer);
    switch (column) {
    case CreatedByColumn:
        if (entry)
            return entry->comment.isEmpty() ? entry->createdBy
                                            : tr("%1\n\nComment: %2")
                                                  .arg(entry->createdBy, entry->comment);
        if (layer.match == HistoryMatch::Ambiguous)
            return tr("Steps that may have made this layer:\n%1").arg(candidatesText(layer));
        return tr("The history lists fewer or other steps than the image has layers.");
    case SizeColumn:
        return layer.size < 0 ? QVariant() : tr("%L1 bytes").arg(layer.size);
    case CreatedColumn:
        return entry ? QDateTime::fromSecsSinceEpoch(entry->created).toString(Qt::ISODate)
                     : QVariant();
    case DiffIdColumn:
        return layer.diffId;
    case ChainIdColumn:
        return layer.chainId;
    default:
        return {};
    }
}

QVariant LayerDetailsModel::headerData(int section, Qt::Orientation orientation,
                                       int role) const
{
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (orientation == Qt::Vertical)
        return section + 1; // layers counted from the base, as RootFS lists them
    switch (section) {
    case CreatedByColumn:
        return tr("CREATED BY");
    case SizeColumn:
        return tr("SIZE");
    case CreatedColumn:
        return tr("CREATED");
    case SharedWithColumn:
        return tr("SHARED WITH");
    case DiffIdColumn:
        return tr("DIFF ID");
    case ChainIdColumn:
        return tr("CHAIN ID");
    default:
        return {};
    }
}

void LayerDetailsModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_details.layers.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

} // namespace Strata
