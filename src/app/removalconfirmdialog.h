#pragma once

#include "removalrecord.h"

#include <QDialog>
#include <QList>

#include <memory>

namespace Ui {
class RemovalConfirmDialog;
}

namespace Strata {

// Names exactly what will be sent to the engine, one DELETE per line, before anything happens.
// TODO: issue #3 replaces this with a preview that predicts every record and conflict.
class RemovalConfirmDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemovalConfirmDialog)

public:
    RemovalConfirmDialog(const QStringList &references, QWidget *parent = nullptr);
    ~RemovalConfirmDialog() override;

    bool force() const;
    bool noPrune() const;
    void setForce(bool force);
    QList<RemovalRequest> requests() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateCommand();

    std::unique_ptr<Ui::RemovalConfirmDialog> m_ui;
    QStringList m_references;
};

} // namespace Strata
