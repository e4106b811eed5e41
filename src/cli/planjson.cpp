#include "planjson.h"

#include <QJsonArray>

namespace Strata::PlanJson {

namespace {

QString uncertaintyName(PlanUncertainty uncertainty)
{
    switch (uncertainty) {
    case PlanUncertainty::ConflictContainerChoice:
        return QStringLiteral("conflict-container-choice");
    case PlanUncertainty::HiddenLayerHolders:
        return QStringLiteral("hidden-layer-holders");
    case PlanUncertainty::UnsupportedEngine:
        return QStringLiteral("unsupported-engine");
    }
    return {};
}

QString reasonName(SurvivalReason::Kind kind)
{
    switch (kind) {
    case SurvivalReason::Kind::Tag:
        return QStringLiteral("tag");
    case SurvivalReason::Kind::Digest:
        return QStringLiteral("digest");
    case SurvivalReason::Kind::ChildImage:
        return QStringLiteral("child-image");
    case SurvivalReason::Kind::RunningContainer:
        return QStringLiteral("running-container");
    case SurvivalReason::Kind::StoppedContainer:
        return QStringLiteral("stopped-container");
    case SurvivalReason::Kind::SharedLayer:
        return QStringLiteral("shared-layer");
    case SurvivalReason::Kind::ContainerLayer:
        return QStringLiteral("container-layer");
    case SurvivalReason::Kind::NoPrune:
        return QStringLiteral("no-prune");
    }
    return {};
}

QJsonArray uncertaintiesJson(const QList<PlanUncertainty> &uncertainties)
{
    QJsonArray array;
    for (const PlanUncertainty uncertainty : uncertainties)
        array.append(uncertaintyName(uncertainty));
    return array;
}

QJsonObject stepJson(const PlannedStep &step)
{
    QJsonObject object{{QStringLiteral("reference"), step.request.reference},
                       {QStringLiteral("force"), step.request.force},
                       {QStringLiteral("noPrune"), step.request.noPrune},
                       {QStringLiteral("status"), step.httpStatus}};
    if (step.succeeds()) {
        QJsonArray records;
        for (const RemovalRecord &record : step.records) {
            const bool untagged = record.kind == RemovalRecord::Kind::Untagged;
            records.append(QJsonObject{{untagged ? QStringLiteral("Untagged")
                                                 : QStringLiteral("Deleted"),
                                        record.value}});
        }
        object.insert(QStringLiteral("records"), records);
    } else {
        object.insert(QStringLiteral("error"), step.errorMessage);
        object.insert(QStringLiteral("alternativeErrors"),
                      QJsonArray::fromStringList(step.alternativeErrorMessages));
        object.insert(QStringLiteral("forceWouldHelp"), step.forceWouldHelp);
    }
    object.insert(QStringLiteral("uncertainties"), uncertaintiesJson(step.uncertainties));
    return object;
}

QJsonObject survivorJson(const Survivor &survivor)
{
    QJsonArray reasons;
    for (const SurvivalReason &reason : survivor.reasons)
        reasons.append(QJsonObject{{QStringLiteral("kind"), reasonName(reason.kind)},
                                   {QStringLiteral("subject"), reason.subject}});
    const bool image = survivor.kind == Survivor::Kind::Image;
    return {{QStringLiteral("kind"), image ? QStringLiteral("image") : QStringLiteral("layer")},
            {QStringLiteral("id"), survivor.id},
            {QStringLiteral("reasons"), reasons}};
}

} // namespace

QJsonObject toJson(const RemovalPlan &plan)
{
    QJsonArray steps;
    for (const PlannedStep &step : plan.steps)
        steps.append(stepJson(step));
    QJsonArray survivors;
    for (const Survivor &survivor : plan.survivors)
        survivors.append(survivorJson(survivor));
    const QJsonObject totals{{QStringLiteral("tagsRemoved"), plan.tagsRemoved},
                             {QStringLiteral("imagesDeleted"), plan.imagesDeleted},
                             {QStringLiteral("layersDeleted"), plan.layersDeleted},
                             {QStringLiteral("bytesFreed"), plan.bytesFreed}};
    return {{QStringLiteral("steps"), steps},
            {QStringLiteral("survivors"), survivors},
            {QStringLiteral("totals"), totals},
            {QStringLiteral("predictable"), plan.isPredictable()},
            {QStringLiteral("uncertainties"), uncertaintiesJson(plan.uncertainties)}};
}

} // namespace Strata::PlanJson
