#pragma once

#include "removalplan.h"
#include "snapshot.h"

#include <QDialog>
#include <QStringList>

#include <memory>

class QPushButton;
class QTreeWidgetItem;

namespace Ui {
class RemovalPreviewDialog;
}

namespace Strata {

// Shows, before anything is removed, what the engine will answer to each request: the records
// in Docker's words, conflicts with the engine's message and whether force would help, what
// survives and why, and the totals. Toggling force or --no-prune plans again at once.
class RemovalPreviewDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemovalPreviewDialog)

public:
    RemovalPreviewDialog(const Snapshot &snapshot, const QStringList &references,
                         QWidget *parent = nullptr);
    ~RemovalPreviewDialog() override;

    void setForce(bool force);
    void setNoPrune(bool noPrune);
    bool force() const;
    bool noPrune() const;
    // Shown above the preview, e.g. when the engine changed since the last preview.
    void setNotice(const QString &notice);

    const Snapshot &snapshot() const { return m_snapshot; }
    const RemovalPlan &plan() const { return m_plan; }
    QList<RemovalRequest> requests() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void replan();
    void showPlan();
    void showSteps();
    void showSurvivors();
    QTreeWidgetItem *stepItem(const PlannedStep &step) const;
    static void addLine(QTreeWidgetItem *parent, const QString &text);
    QString equivalentCommand() const;
    void retranslate();

    std::unique_ptr<Ui::RemovalPreviewDialog> m_ui;
    Snapshot m_snapshot;
    QStringList m_references;
    RemovalPlan m_plan;
    // Not the standard Ok button: QDialogButtonBox gives standard buttons Qt's words back on
    // every language change, after this dialog has named it.
    QPushButton *m_removeButton = nullptr;
};

} // namespace Strata
