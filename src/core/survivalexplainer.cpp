#include "survivalexplainer.h"

#include "digest.h"
#include "reference.h"

#include <algorithm>

namespace Strata::SurvivalExplainer {

namespace {

QString containerName(const ContainerRecord &container)
{
    return container.names.isEmpty() ? Digest::shortId(container.id)
                                     : container.names.constFirst();
}

// Tags and digests together in the order of their normalised names, as the engine's reference
// store returns them and as the planner lists them.
QList<SurvivalReason> referenceReasons(const ImageRecord &image)
{
    QList<std::pair<QString, SurvivalReason>> keyed;
    for (const QString &tag : image.repoTags) {
        keyed.append({Reference::fromEngineString(tag).normalizedString(),
                      {SurvivalReason::Kind::Tag, tag}});
    }
    for (const QString &digest : image.repoDigests) {
        keyed.append({Reference::fromEngineString(digest).normalizedString(),
                      {SurvivalReason::Kind::Digest, digest}});
    }
    std::stable_sort(keyed.begin(), keyed.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<SurvivalReason> reasons;
    for (const auto &entry : std::as_const(keyed))
        reasons.append(entry.second);
    return reasons;
}

// Running (running, paused, restarting) before stopped, each in container order, as the
// planner lists them.
QList<SurvivalReason> containerReasons(const Snapshot &snapshot, QList<qsizetype> containers,
                                       bool asLayerHolders)
{
    std::sort(containers.begin(), containers.end());
    QList<SurvivalReason> running;
    QList<SurvivalReason> stopped;
    for (const qsizetype index : std::as_const(containers)) {
        const ContainerRecord &container = snapshot.containers().at(index);
        if (asLayerHolders) {
            running.append({SurvivalReason::Kind::ContainerLayer, containerName(container)});
        } else if (container.isRunning()) {
            running.append({SurvivalReason::Kind::RunningContainer, containerName(container)});
        } else {
            stopped.append({SurvivalReason::Kind::StoppedContainer, containerName(container)});
        }
    }
    return running + stopped;
}

} // namespace

QList<SurvivalReason> imageReasons(const Snapshot &snapshot, const LayerGraph &graph,
                                   const QString &imageId)
{
    Q_UNUSED(graph) // an image's own reasons do not depend on its layers
    const ImageRecord *image = snapshot.image(imageId);
    if (!image)
        return {};
    QList<SurvivalReason> reasons = referenceReasons(*image);
    for (const qsizetype child : snapshot.childrenOf(imageId))
        reasons.append({SurvivalReason::Kind::ChildImage, snapshot.images().at(child).id});
    reasons += containerReasons(snapshot, snapshot.containersOf(imageId), false);
    return reasons;
}

QList<SurvivalReason> layerReasons(const Snapshot &snapshot, const LayerGraph &graph,
                                   const QString &chainId)
{
    const qsizetype index = graph.indexOf(chainId);
    if (index < 0)
        return {};
    QList<SurvivalReason> reasons;
    QList<qsizetype> containers;
    for (const qsizetype user : graph.layers().at(index).users) {
        const ImageRecord &image = snapshot.images().at(user);
        reasons.append({SurvivalReason::Kind::SharedLayer, image.id});
        containers += snapshot.containersOf(image.id);
    }
    return reasons + containerReasons(snapshot, containers, true);
}

} // namespace Strata::SurvivalExplainer
