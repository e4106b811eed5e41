#include "removalpreviewdialog.h"

#include "ui_removalpreviewdialog.h"

#include "plantext.h"
#include "removalplanner.h"

#include <QEvent>
#include <QHeaderView>
#include <QPushButton>
#include <QStyle>

namespace Strata {

RemovalPreviewDialog::RemovalPreviewDialog(const Snapshot &snapshot,
                                           const QStringList &references, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::RemovalPreviewDialog>())
    , m_snapshot(snapshot)
    , m_references(references)
{
    m_ui->setupUi(this);
    m_ui->noticeLabel->hide();
    QPalette notice = m_ui->noticeLabel->palette();
    notice.setColor(QPalette::Window, QColor(0xfe, 0xf3, 0xc7));
    notice.setColor(QPalette::WindowText, QColor(0x5c, 0x3d, 0x00));
    m_ui->noticeLabel->setPalette(notice);
    m_ui->splitter->setStretchFactor(0, 3);
    m_ui->splitter->setStretchFactor(1, 2);
    for (QTreeWidget *tree : {m_ui->stepTree, m_ui->survivorTree}) {
        // Long engine messages scroll sideways instead of being cut off.
        tree->header()->setStretchLastSection(false);
        tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    }
    connect(m_ui->forceCheck, &QCheckBox::toggled, this, &RemovalPreviewDialog::replan);
    connect(m_ui->noPruneCheck, &QCheckBox::toggled, this, &RemovalPreviewDialog::replan);
    m_removeButton = m_ui->buttonBox->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_removeButton->setObjectName(QStringLiteral("removeButton"));
    m_removeButton->setDefault(true);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_plan = RemovalPlanner::plan(m_snapshot, requests());
    retranslate();
}

RemovalPreviewDialog::~RemovalPreviewDialog() = default;

void RemovalPreviewDialog::setForce(bool force)
{
    m_ui->forceCheck->setChecked(force);
}

void RemovalPreviewDialog::setNoPrune(bool noPrune)
{
    m_ui->noPruneCheck->setChecked(noPrune);
}

bool RemovalPreviewDialog::force() const
{
    return m_ui->forceCheck->isChecked();
}

bool RemovalPreviewDialog::noPrune() const
{
    return m_ui->noPruneCheck->isChecked();
}

void RemovalPreviewDialog::setNotice(const QString &notice)
{
    m_ui->noticeLabel->setText(notice);
    m_ui->noticeLabel->setVisible(!notice.isEmpty());
}

QList<RemovalRequest> RemovalPreviewDialog::requests() const
{
    QList<RemovalRequest> requests;
    requests.reserve(m_references.size());
    for (const QString &reference : m_references)
        requests.append({reference, force(), noPrune()});
    return requests;
}

void RemovalPreviewDialog::replan()
{
    // Planning is pure and takes milliseconds even for tens of thousands of images.
    m_plan = RemovalPlanner::plan(m_snapshot, requests());
    showPlan();
}

void RemovalPreviewDialog::showPlan()
{
    QString summary = PlanText::summary(m_plan);
    for (const PlanUncertainty uncertainty : std::as_const(m_plan.uncertainties))
        summary += QLatin1Char('\n') + PlanText::uncertainty(uncertainty);
    m_ui->summaryLabel->setText(summary);
    showSteps();
    showSurvivors();
    m_ui->commandLabel->setText(tr("Same as: %1").arg(equivalentCommand()));
    // Nothing to do when every request would fail; the user can still read why.
    const bool anySucceeds = std::any_of(m_plan.steps.cbegin(), m_plan.steps.cend(),
                                         [](const PlannedStep &step) { return step.succeeds(); });
    m_removeButton->setEnabled(anySucceeds);
}

void RemovalPreviewDialog::showSteps()
{
    m_ui->stepTree->clear();
    for (const PlannedStep &step : std::as_const(m_plan.steps))
        m_ui->stepTree->addTopLevelItem(stepItem(step));
    m_ui->stepTree->expandAll();
}

QTreeWidgetItem *RemovalPreviewDialog::stepItem(const PlannedStep &step) const
{
    auto *item = new QTreeWidgetItem({PlanText::command(step.request)});
    const QStyle::StandardPixmap icon
        = step.succeeds() ? QStyle::SP_DialogApplyButton : QStyle::SP_MessageBoxWarning;
    item->setIcon(0, style()->standardIcon(icon));
    for (const RemovalRecord &record : step.records)
        addLine(item, record.text());
    if (step.succeeds())
        return item;
    addLine(item, QStringLiteral("Error response from daemon: ") + step.errorMessage);
    const QString explanation = PlanText::explainError(step.errorMessage);
    if (!explanation.isEmpty())
        addLine(item, explanation);
    if (step.forceWouldHelp)
        addLine(item, tr("Force would remove it."));
    for (const PlanUncertainty uncertainty : step.uncertainties)
        addLine(item, PlanText::uncertainty(uncertainty));
    return item;
}

void RemovalPreviewDialog::showSurvivors()
{
    m_ui->survivorTree->clear();
    for (const Survivor &survivor : std::as_const(m_plan.survivors)) {
        auto *item = new QTreeWidgetItem({PlanText::survivorTitle(m_snapshot, survivor)});
        for (const QString &reason : PlanText::reasons(m_snapshot, survivor.reasons))
            addLine(item, reason);
        m_ui->survivorTree->addTopLevelItem(item);
    }
    m_ui->survivorTree->expandAll();
    m_ui->survivorTree->setVisible(!m_plan.survivors.isEmpty());
}

QString RemovalPreviewDialog::equivalentCommand() const
{
    // One docker invocation sends its arguments in order, like Strata; a long batch is cut
    // short here so the label never crowds out the preview.
    constexpr qsizetype MaxShown = 4;
    QString command = PlanText::command({m_references.mid(0, MaxShown).join(QLatin1Char(' ')),
                                         force(), noPrune()});
    if (m_references.size() > MaxShown)
        command += QLatin1Char(' ')
            + tr("… (%n more)", nullptr, int(m_references.size() - MaxShown));
    return command;
}

void RemovalPreviewDialog::addLine(QTreeWidgetItem *parent, const QString &text)
{
    // Engine messages are long; the tooltip shows the whole line wherever the view cuts it.
    auto *item = new QTreeWidgetItem(parent, {text});
    item->setToolTip(0, text);
}

void RemovalPreviewDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}

void RemovalPreviewDialog::retranslate()
{
    m_removeButton->setText(tr("&Remove"));
    m_ui->stepTree->setHeaderLabel(tr("What the engine will answer"));
    m_ui->survivorTree->setHeaderLabel(tr("What stays, and why"));
    showPlan();
}

} // namespace Strata
