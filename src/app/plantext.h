#pragma once

#include "removalplan.h"
#include "snapshot.h"

#include <QCoreApplication>
#include <QString>

namespace Strata {

// Words for a person about a RemovalPlan: survivors and their reasons, uncertainties, and what
// the common engine conflicts mean. The engine's own records and messages are never changed;
// these texts stand beside them.
class PlanText final
{
    Q_DECLARE_TR_FUNCTIONS(Strata::PlanText)

public:
    // "redis:alpine (999296fbb423)" or "<none> (ee2f0247d204)" for an image of the snapshot.
    static QString imageName(const Snapshot &snapshot, const QString &imageId);
    static QString survivorTitle(const Snapshot &snapshot, const Survivor &survivor);
    static QString reason(const Snapshot &snapshot, const SurvivalReason &reason);
    // One line per reason, except that the images sharing a layer are named together, tagged
    // ones by name and untagged ones counted: a base layer may be shared by hundreds.
    static QStringList reasons(const Snapshot &snapshot, const QList<SurvivalReason> &reasons);
    static QString uncertainty(PlanUncertainty uncertainty);
    // A translated explanation of an engine error message, or empty when there is none.
    static QString explainError(const QString &engineMessage);
    // "Removes 2 tags, deletes 1 image and 3 layers, frees 12.3MB."
    static QString summary(const RemovalPlan &plan);
    // The docker CLI command that sends the same request.
    static QString command(const RemovalRequest &request);
};

} // namespace Strata
