#include "planfingerprint.h"

#include "digest.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace Strata::PlanFingerprint {

namespace {

QString uncertaintiesText(const QList<PlanUncertainty> &uncertainties)
{
    QStringList numbers;
    for (const PlanUncertainty uncertainty : uncertainties)
        numbers.append(QString::number(int(uncertainty)));
    return numbers.join(u',');
}

void dumpStep(const PlannedStep &step, QStringList *lines)
{
    const RemovalRequest &request = step.request;
    lines->append(u"request "_s + request.reference + (request.force ? u" force"_s : u""_s)
        + (request.noPrune ? u" noprune"_s : u""_s));
    lines->append(u"  status "_s + QString::number(step.httpStatus) + u" forceWouldHelp "_s
        + QString::number(int(step.forceWouldHelp)) + u" uncertain "_s
        + uncertaintiesText(step.uncertainties));
    for (const RemovalRecord &record : step.records)
        lines->append(u"  "_s + record.text());
    if (!step.errorMessage.isEmpty())
        lines->append(u"  error "_s + step.errorMessage);
    for (const QString &message : step.alternativeErrorMessages)
        lines->append(u"  or "_s + message);
}

} // namespace

QString dump(const RemovalPlan &plan)
{
    QStringList lines;
    for (const PlannedStep &step : plan.steps)
        dumpStep(step, &lines);
    for (const Survivor &survivor : plan.survivors) {
        lines.append((survivor.kind == Survivor::Kind::Image ? u"survivor image "_s
                                                             : u"survivor layer "_s)
            + survivor.id);
        for (const SurvivalReason &reason : survivor.reasons)
            lines.append(u"  reason "_s + QString::number(int(reason.kind)) + u' '
                + reason.subject);
    }
    lines.append(u"totals tags %1 images %2 layers %3 bytes %4 uncertain %5"_s
                     .arg(plan.tagsRemoved)
                     .arg(plan.imagesDeleted)
                     .arg(plan.layersDeleted)
                     .arg(plan.bytesFreed)
                     .arg(uncertaintiesText(plan.uncertainties)));
    return lines.join(u'\n') + u'\n';
}

QString of(const RemovalPlan &plan)
{
    return Digest::sha256Of(dump(plan).toUtf8());
}

} // namespace Strata::PlanFingerprint
