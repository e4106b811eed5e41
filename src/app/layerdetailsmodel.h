#pragma once

#include "layerdetails.h"
#include "layergraph.h"
#include "snapshot.h"

#include <QAbstractTableModel>
#include <QString>
#include <QStringList>

namespace Strata {

// The layers of one image, base first, as a table: the history step that made each layer (or
// why that cannot be told), its size, IDs and the other images sharing it.
class LayerDetailsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LayerDetailsModel)

public:
    enum Column { CreatedByColumn, SizeColumn, CreatedColumn, DiffIdColumn, ChainIdColumn,
                  SharedWithColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        RawValueRole = Qt::UserRole, // bytes, Unix seconds, full IDs, counts
        ChainIdRole,                 // "sha256:…" of the row's layer
        ImageIdsRole,                // QStringList: every image using the layer, this one first
        HistoryMatchRole,            // int(LayerDetails::HistoryMatch)
    };
    Q_ENUM(Role)

    explicit LayerDetailsModel(QObject *parent = nullptr);

    // Shows the layers of `imageId`; an ID not in the snapshot shows nothing.
    void setImage(const Snapshot &snapshot, const LayerGraph &graph, const QString &imageId);
    QString imageId() const { return m_imageId; }
    const LayerDetails::Details &details() const { return m_details; }
    // The moment ages are measured from.
    void setNow(qint64 unixSeconds) { m_now = unixSeconds; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Re-reads headers and worded cells after a language change.
    void retranslate();

private:
    const HistoryEntry *entryOf(const LayerDetails::Layer &layer) const;
    QStringList imageIdsOf(const LayerDetails::Layer &layer) const;
    QString sharedWithText(const LayerDetails::Layer &layer) const;
    QVariant displayText(const LayerDetails::Layer &layer, int column) const;
    QVariant rawValue(const LayerDetails::Layer &layer, int column) const;
    QVariant toolTip(const LayerDetails::Layer &layer, int column) const;
    QString candidatesText(const LayerDetails::Layer &layer) const;

    Snapshot m_snapshot;
    QString m_imageId;
    LayerDetails::Details m_details;
    qint64 m_now = 0;
};

} // namespace Strata
