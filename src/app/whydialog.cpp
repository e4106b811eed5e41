#include "whydialog.h"

#include "ui_whydialog.h"

#include "digest.h"
#include "humanize.h"
#include "plantext.h"
#include "survivalexplainer.h"

#include <QEvent>

namespace Strata {

WhyDialog::WhyDialog(QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::WhyDialog>())
{
    m_ui->setupUi(this);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

WhyDialog::~WhyDialog() = default;

void WhyDialog::explainImage(const Snapshot &snapshot, const LayerGraph &graph,
                             const QString &imageId)
{
    m_snapshot = snapshot;
    m_graph = graph;
    m_imageId = imageId;
    m_chainId.clear();
    refresh();
}

void WhyDialog::explainLayer(const Snapshot &snapshot, const LayerGraph &graph,
                             const QString &chainId)
{
    m_snapshot = snapshot;
    m_graph = graph;
    m_chainId = chainId;
    m_imageId.clear();
    refresh();
}

QStringList WhyDialog::reasons() const
{
    QStringList texts;
    for (int row = 0; row < m_ui->reasonList->count(); ++row)
        texts << m_ui->reasonList->item(row)->text();
    return texts;
}

void WhyDialog::refresh()
{
    if (!m_imageId.isEmpty()) {
        const QList<SurvivalReason> reasons
            = SurvivalExplainer::imageReasons(m_snapshot, m_graph, m_imageId);
        showReasons(
            tr("Image %1 stays as long as:").arg(PlanText::imageName(m_snapshot, m_imageId)),
            PlanText::reasons(m_snapshot, reasons));
    } else if (!m_chainId.isEmpty()) {
        const qsizetype index = m_graph.indexOf(m_chainId);
        const qint64 size = index < 0 ? -1 : m_graph.layers().at(index).size;
        const QString sizeText = size < 0 ? tr("size unknown") : Humanize::size(size);
        const QList<SurvivalReason> reasons
            = SurvivalExplainer::layerReasons(m_snapshot, m_graph, m_chainId);
        showReasons(
            tr("Layer %1 (%2) stays as long as:").arg(Digest::shortId(m_chainId), sizeText),
            PlanText::reasons(m_snapshot, reasons));
    }
}

void WhyDialog::showReasons(const QString &subject, const QStringList &reasons)
{
    m_ui->subjectLabel->setText(subject);
    m_ui->reasonList->clear();
    if (reasons.isEmpty()) {
        m_ui->reasonList->addItem(tr("Nothing keeps it: removing it deletes it."));
        return;
    }
    m_ui->reasonList->addItems(reasons);
}

void WhyDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        refresh();
    }
    QDialog::changeEvent(event);
}

} // namespace Strata
