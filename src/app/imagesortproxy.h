#pragma once

#include "imagelisting.h"

#include <QSet>
#include <QSortFilterProxyModel>

namespace Strata {

// Sorts the image table on raw values (bytes, seconds), never on display strings, so that
// "9.5MB" sorts below "10MB" and "2 weeks ago" below "3 days ago". Ties keep the engine's order.
// The free-text filter matches the shown text of the shown columns only, as a person reads it.
// A row set (the rows Docker's --filter terms keep) narrows it further: a row must be in both.
class ImageSortProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageSortProxy)

public:
    explicit ImageSortProxy(QObject *parent = nullptr);

    // The source columns the filter text is looked for in; all of them until this is called.
    void setFilterColumns(const QList<int> &columns);
    // Only rows whose rowKey() is in keys pass; clearRowSet() lets every row through again.
    void setRowSet(const QSet<QString> &keys);
    void clearRowSet();
    bool hasRowSet() const { return m_rowSetActive; }
    // Names a row by everything `docker image ls` prints for it, so that a row the reference
    // filter trimmed away (another tag of the same image) is a different row.
    static QString rowKey(const ImageListRow &row);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QList<int> m_filterColumns;
    bool m_allColumns = true;
    QSet<QString> m_rowSet;
    bool m_rowSetActive = false;
};

} // namespace Strata
