#include "plantext.h"

#include "digest.h"
#include "humanize.h"

namespace Strata {

QString PlanText::imageName(const Snapshot &snapshot, const QString &imageId)
{
    const ImageRecord *image = snapshot.image(imageId);
    const QString shortId = Digest::shortId(imageId);
    if (image && !image->repoTags.isEmpty())
        return QStringLiteral("%1 (%2)").arg(image->repoTags.constFirst(), shortId);
    if (image && !image->repoDigests.isEmpty())
        return QStringLiteral("%1 (%2)").arg(image->repoDigests.constFirst(), shortId);
    return QStringLiteral("<none> (%1)").arg(shortId);
}

QString PlanText::survivorTitle(const Snapshot &snapshot, const Survivor &survivor)
{
    if (survivor.kind == Survivor::Kind::Image)
        return tr("Image %1 stays").arg(imageName(snapshot, survivor.id));
    return tr("Layer %1 stays").arg(Digest::shortId(survivor.id));
}

QString PlanText::reason(const Snapshot &snapshot, const SurvivalReason &reason)
{
    switch (reason.kind) {
    case SurvivalReason::Kind::Tag:
        return tr("the tag %1 still points at it; remove that tag too, or force removal by ID")
            .arg(reason.subject);
    case SurvivalReason::Kind::Digest:
        return tr("the digest reference %1 still points at it").arg(reason.subject);
    case SurvivalReason::Kind::ChildImage:
        return tr("the image %1 is built on it; remove that image first")
            .arg(imageName(snapshot, reason.subject));
    case SurvivalReason::Kind::RunningContainer:
        return tr("the running container %1 uses it; stop and remove the container first")
            .arg(reason.subject);
    case SurvivalReason::Kind::StoppedContainer:
        return tr("the stopped container %1 uses it; remove the container, or force")
            .arg(reason.subject);
    case SurvivalReason::Kind::SharedLayer:
        return tr("the image %1 shares this layer").arg(imageName(snapshot, reason.subject));
    case SurvivalReason::Kind::ContainerLayer:
        return tr("the container %1 keeps its writable layer on it").arg(reason.subject);
    case SurvivalReason::Kind::NoPrune:
        return tr("untagged parents are kept (--no-prune)");
    }
    return {};
}

QStringList PlanText::reasons(const Snapshot &snapshot, const QList<SurvivalReason> &reasons)
{
    QStringList lines;
    QStringList sharingNames;
    int sharingUntagged = 0;
    for (const SurvivalReason &reason : reasons) {
        if (reason.kind != SurvivalReason::Kind::SharedLayer) {
            lines << PlanText::reason(snapshot, reason);
            continue;
        }
        const ImageRecord *image = snapshot.image(reason.subject);
        if (image && image->hasReferences())
            sharingNames << imageName(snapshot, reason.subject);
        else
            ++sharingUntagged;
    }
    if (sharingNames.isEmpty() && sharingUntagged > 0)
        lines << tr("%n untagged image(s) share this layer", nullptr, sharingUntagged);
    else if (!sharingNames.isEmpty() && sharingUntagged == 0)
        lines << tr("shared with %1").arg(sharingNames.join(QStringLiteral(", ")));
    else if (!sharingNames.isEmpty())
        lines << tr("shared with %1 and %n untagged image(s)", nullptr, sharingUntagged)
                     .arg(sharingNames.join(QStringLiteral(", ")));
    return lines;
}

QString PlanText::uncertainty(PlanUncertainty uncertainty)
{
    switch (uncertainty) {
    case PlanUncertainty::ConflictContainerChoice:
        return tr("Several containers use this image; the engine names one of them, and which "
                  "one may differ from the preview.");
    case PlanUncertainty::HiddenLayerHolders:
        return tr("Containers of already deleted images may hold layers that Strata cannot "
                  "see, so fewer layers may be deleted than shown.");
    case PlanUncertainty::UnsupportedEngine:
        return tr("This engine (containerd image store or Podman) removes images differently; "
                  "the preview is a best guess, not a promise.");
    }
    return {};
}

QString PlanText::explainError(const QString &engineMessage)
{
    if (engineMessage.contains(QLatin1String("image has dependent child images")))
        return tr("Other images are built on this one. Remove them first; force does not "
                  "help.");
    if (engineMessage.contains(QLatin1String("is being used by running container")))
        return tr("A running container uses this image. Stop and remove the container first; "
                  "force does not help.");
    if (engineMessage.contains(QLatin1String("is being used by stopped container"))
        || engineMessage.contains(QLatin1String("is using its referenced image")))
        return tr("A stopped container uses this image. Remove the container, or force the "
                  "removal (the container keeps working).");
    if (engineMessage.contains(QLatin1String("referenced in multiple repositories")))
        return tr("The image has several tags. Removing it by ID needs force, which removes "
                  "every tag; or remove the tags one by one.");
    if (engineMessage.startsWith(QLatin1String("No such image")))
        return tr("Nothing on this engine has that name or ID.");
    if (engineMessage.startsWith(QLatin1String("invalid reference format")))
        return tr("This is not a valid image name.");
    return {};
}

QString PlanText::summary(const RemovalPlan &plan)
{
    const QString size = plan.bytesFreed < 0 ? tr("an unknown amount")
                                             : Humanize::size(plan.bytesFreed);
    //: %1 is "N tags", %2 "N images", %3 "N layers", %4 a size such as 28.9MB.
    return tr("Removes %1, deletes %2 and %3, frees %4.")
        .arg(tr("%n tag(s)", nullptr, plan.tagsRemoved),
             tr("%n image(s)", nullptr, plan.imagesDeleted),
             tr("%n layer(s)", nullptr, plan.layersDeleted), size);
}

QString PlanText::command(const RemovalRequest &request)
{
    QString command = QStringLiteral("docker image rm");
    if (request.force)
        command += QStringLiteral(" -f");
    if (request.noPrune)
        command += QStringLiteral(" --no-prune");
    return command + QLatin1Char(' ') + request.reference;
}

} // namespace Strata
