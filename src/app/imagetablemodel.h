#pragma once

#include "diskusage.h"
#include "imagelisting.h"
#include "layergraph.h"
#include "snapshot.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace Strata {

// The rows of `docker image ls` over one immutable Snapshot. The model only reads the
// snapshot; loading and removing happen elsewhere and hand it a new snapshot when done.
class ImageTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageTableModel)

public:
    enum Column { RepositoryColumn, TagColumn, DigestColumn, ImageIdColumn, CreatedColumn,
                  SizeColumn, SharedSizeColumn, UniqueSizeColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        RawValueRole = Qt::UserRole, // what sorting compares: bytes, Unix seconds, text
        RemovalReferenceRole,        // what removing this row sends to the engine
        FullImageIdRole,             // "sha256:…"
    };
    Q_ENUM(Role)

    explicit ImageTableModel(QObject *parent = nullptr);

    void setSnapshot(const Snapshot &snapshot);
    void setOptions(const ImageListOptions &options);
    // The moment ages are measured from; the view advances it so "1 minute ago" stays true.
    void setNow(qint64 unixSeconds);

    const Snapshot &snapshot() const { return m_snapshot; }
    // The layer forest and `docker system df -v` figures of the current snapshot.
    const LayerGraph &layerGraph() const { return m_graph; }
    const DiskUsage::Report &diskUsage() const { return m_usage; }
    const ImageListOptions &options() const { return m_options; }
    const ImageListRow &rowAt(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Re-reads the header texts after a language change.
    void retranslate();

private:
    void rebuildRows();
    QVariant displayText(const ImageListRow &row, int column) const;
    QVariant rawValue(const ImageListRow &row, int column) const;
    QVariant toolTip(const ImageListRow &row, int column) const;
    QVariant usageText(const ImageListRow &row, int column) const;

    const DiskUsage::ImageUsage *usageOf(const ImageListRow &row) const;

    Snapshot m_snapshot;
    LayerGraph m_graph;
    DiskUsage::Report m_usage;
    QHash<qsizetype, qsizetype> m_usageByImageIndex;
    ImageListOptions m_options;
    QList<ImageListRow> m_rows;
    qint64 m_now = 0;
};

} // namespace Strata
