#include "removalconfirmdialog.h"

#include "ui_removalconfirmdialog.h"

#include <QEvent>
#include <QPushButton>

namespace Strata {

RemovalConfirmDialog::RemovalConfirmDialog(const QStringList &references, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::RemovalConfirmDialog>())
    , m_references(references)
{
    m_ui->setupUi(this);
    m_ui->requestList->addItems(m_references);
    connect(m_ui->forceCheck, &QCheckBox::toggled, this, &RemovalConfirmDialog::updateCommand);
    connect(m_ui->noPruneCheck, &QCheckBox::toggled, this, &RemovalConfirmDialog::updateCommand);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    retranslate();
}

RemovalConfirmDialog::~RemovalConfirmDialog() = default;

bool RemovalConfirmDialog::force() const
{
    return m_ui->forceCheck->isChecked();
}

bool RemovalConfirmDialog::noPrune() const
{
    return m_ui->noPruneCheck->isChecked();
}

void RemovalConfirmDialog::setForce(bool force)
{
    m_ui->forceCheck->setChecked(force);
}

QList<RemovalRequest> RemovalConfirmDialog::requests() const
{
    QList<RemovalRequest> requests;
    requests.reserve(m_references.size());
    for (const QString &reference : m_references)
        requests.append({reference, force(), noPrune()});
    return requests;
}

void RemovalConfirmDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        retranslate();
    }
    QDialog::changeEvent(event);
}

void RemovalConfirmDialog::retranslate()
{
    m_ui->introLabel->setText(
        tr("Strata will send %n removal request(s) to the engine, one after another, in this "
           "order. Tagged images are removed by name, so other tags of the same image stay.",
           nullptr, int(m_references.size())));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Remove"));
    updateCommand();
}

void RemovalConfirmDialog::updateCommand()
{
    QString command = QStringLiteral("docker image rm");
    if (force())
        command += QStringLiteral(" -f");
    if (noPrune())
        command += QStringLiteral(" --no-prune");
    command += QLatin1Char(' ') + m_references.join(QLatin1Char(' '));
    m_ui->commandLabel->setText(tr("Same as: %1").arg(command));
}

} // namespace Strata
