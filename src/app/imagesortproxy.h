#pragma once

#include <QSortFilterProxyModel>

namespace Strata {

// Sorts the image table on raw values (bytes, seconds), never on display strings, so that
// "9.5MB" sorts below "10MB" and "2 weeks ago" below "3 days ago". Ties keep the engine's order.
class ImageSortProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImageSortProxy)

public:
    explicit ImageSortProxy(QObject *parent = nullptr);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace Strata
