#pragma once

#include "layergraph.h"
#include "snapshot.h"

#include <QDialog>

#include <memory>

namespace Ui {
class WhyDialog;
}

namespace Strata {

// "Why is this still here?": every reason an image or a layer exists, each with what the user
// could do about it. Docker names only the first blocker it meets; this names all of them.
class WhyDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WhyDialog)

public:
    explicit WhyDialog(QWidget *parent = nullptr);
    ~WhyDialog() override;

    void explainImage(const Snapshot &snapshot, const LayerGraph &graph, const QString &imageId);
    void explainLayer(const Snapshot &snapshot, const LayerGraph &graph, const QString &chainId);
    QStringList reasons() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void showReasons(const QString &subject, const QStringList &reasons);
    void refresh();

    std::unique_ptr<Ui::WhyDialog> m_ui;
    Snapshot m_snapshot;
    LayerGraph m_graph;
    QString m_imageId;
    QString m_chainId;
};

} // namespace Strata
