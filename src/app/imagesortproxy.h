#pragma once

#include <QSortFilterProxyModel>

namespace Strata {

// Sorts the image table on raw values (bytes, seconds), never on display strings, so that
// "9.5MB" sorts below "10MB" and "2 weeks ago" below "3 days ago". Ties keep the engine's order.
// The free-text filter matches the shown text of the shown columns only, as a person reads it.
class ImageSortProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageSortProxy)

public:
    explicit ImageSortProxy(QObject *parent = nullptr);

    // The source columns the filter text is looked for in; all of them until this is called.
    void setFilterColumns(const QList<int> &columns);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QList<int> m_filterColumns;
    bool m_allColumns = true;
};

} // namespace Strata
