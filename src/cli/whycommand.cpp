#include "whycommand.h"

#include "digest.h"
#include "endpoint.h"
#include "enginesnapshot.h"
#include "enginestate.h"
#include "humanize.h"
#include "resolver.h"
#include "snapshotloader.h"
#include "survivalexplainer.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <algorithm>

namespace Strata {

namespace {

// What a person types to name the image: its first tag, else its first digest, else the
// short ID.
QString typedName(const Snapshot &snapshot, const QString &imageId)
{
    const ImageRecord *image = snapshot.image(imageId);
    if (image && !image->repoTags.isEmpty())
        return image->repoTags.constFirst();
    if (image && !image->repoDigests.isEmpty())
        return image->repoDigests.constFirst();
    return Digest::shortId(imageId);
}

QString sizeText(qint64 bytes)
{
    return bytes < 0 ? QStringLiteral("size unknown") : Humanize::sizeWithPrecision(bytes, 4);
}

// "a, b, c and 4 more": a base layer can have hundreds of users.
QString nameList(const Snapshot &snapshot, const QList<qsizetype> &images)
{
    constexpr qsizetype Shown = 5;
    QStringList names;
    for (qsizetype i = 0; i < images.size() && i < Shown; ++i)
        names << WhyCommand::imageName(snapshot, snapshot.images().at(images.at(i)).id);
    QString text = names.join(QStringLiteral(", "));
    if (images.size() > Shown)
        text += QStringLiteral(" and %1 more").arg(images.size() - Shown);
    return text;
}

// Untagged images on the image's own parent chain: its build steps, which a removal of the
// image prunes with it, so they are not what keeps its layers.
QList<qsizetype> untaggedAncestors(const Snapshot &snapshot, qsizetype image)
{
    QList<qsizetype> ancestors;
    qsizetype current = snapshot.indexOfImage(snapshot.images().at(image).parentId);
    while (current >= 0 && !ancestors.contains(current)
           && !snapshot.images().at(current).hasReferences()) {
        ancestors.append(current);
        current = snapshot.indexOfImage(snapshot.images().at(current).parentId);
    }
    return ancestors;
}

// The other images using a layer, named ones first.
QList<qsizetype> otherUsers(const Snapshot &snapshot, const LayerGraph::Layer &layer,
                            qsizetype image, const QList<qsizetype> &ignored)
{
    QList<qsizetype> others;
    for (const qsizetype user : layer.users) {
        if (user != image && !ignored.contains(user))
            others.append(user);
    }
    std::stable_partition(others.begin(), others.end(), [&snapshot](qsizetype user) {
        return snapshot.images().at(user).hasReferences();
    });
    return others;
}

// Layers of the image that other images use too: they stay on disk when this image goes.
QStringList sharedLayerLines(const Snapshot &snapshot, const LayerGraph &graph, qsizetype image)
{
    QStringList lines;
    const QList<qsizetype> chain = graph.chainOf(image);
    const QList<qsizetype> ancestors = untaggedAncestors(snapshot, image);
    for (qsizetype level = 0; level < chain.size(); ++level) {
        const LayerGraph::Layer &layer = graph.layers().at(chain.at(level));
        const QList<qsizetype> others = otherUsers(snapshot, layer, image, ancestors);
        if (others.isEmpty())
            continue;
        lines << QStringLiteral("- its layer %1 of %2 (%3, %4) is also used by %5; removing "
                                "this image leaves that layer on disk until they go too")
                     .arg(level + 1)
                     .arg(chain.size())
                     .arg(Digest::shortId(layer.chainId), sizeText(layer.size),
                          nameList(snapshot, others));
    }
    return lines;
}

QStringList imageLines(const Snapshot &snapshot, const LayerGraph &graph,
                       const QString &imageId)
{
    const QList<SurvivalReason> reasons
        = SurvivalExplainer::imageReasons(snapshot, graph, imageId);
    const QString name = WhyCommand::imageName(snapshot, imageId);
    QStringList lines;
    if (reasons.isEmpty()) {
        lines << QStringLiteral("%1: nothing keeps it; `docker image rm %2` deletes it")
                     .arg(name, Digest::shortId(imageId));
    } else {
        lines << QStringLiteral("%1 stays because:").arg(name);
        for (const SurvivalReason &reason : reasons)
            lines << QStringLiteral("- ") + WhyCommand::reasonText(snapshot, reason);
    }
    return lines + sharedLayerLines(snapshot, graph, snapshot.indexOfImage(imageId));
}

// A layer named by its chain ID: "sha256:" and a prefix of the hex, or 12 hex or more without
// it (shorter bare words are more likely a mistyped image name). Returns the layer index, -1
// when none matches, -2 when several do.
qsizetype findLayer(const LayerGraph &graph, const QString &text)
{
    const bool prefixed = text.startsWith(QLatin1String("sha256:"));
    const QString hex = prefixed ? text.mid(7) : text;
    const bool isHex = std::all_of(hex.cbegin(), hex.cend(), [](QChar c) {
        return (c >= QLatin1Char('0') && c <= QLatin1Char('9'))
            || (c >= QLatin1Char('a') && c <= QLatin1Char('f'));
    });
    if (hex.isEmpty() || !isHex || (!prefixed && hex.size() < 12))
        return -1;
    qsizetype found = -1;
    for (qsizetype i = 0; i < graph.layers().size(); ++i) {
        if (!QStringView(graph.layers().at(i).chainId).mid(7).startsWith(hex))
            continue;
        if (found >= 0)
            return -2;
        found = i;
    }
    return found;
}

QStringList layerLines(const Snapshot &snapshot, const LayerGraph &graph, qsizetype index)
{
    const LayerGraph::Layer &layer = graph.layers().at(index);
    QStringList lines{QStringLiteral("Layer %1 (%2, depth %3) stays because:")
                          .arg(layer.chainId, sizeText(layer.size))
                          .arg(layer.depth)};
    for (const SurvivalReason &reason :
         SurvivalExplainer::layerReasons(snapshot, graph, layer.chainId)) {
        lines << QStringLiteral("- ") + WhyCommand::reasonText(snapshot, reason);
    }
    return lines;
}

} // namespace

QString WhyCommand::imageName(const Snapshot &snapshot, const QString &imageId)
{
    const ImageRecord *image = snapshot.image(imageId);
    const QString shortId = Digest::shortId(imageId);
    if (image && !image->repoTags.isEmpty())
        return QStringLiteral("%1 (%2)").arg(image->repoTags.constFirst(), shortId);
    if (image && !image->repoDigests.isEmpty())
        return QStringLiteral("%1 (%2)").arg(image->repoDigests.constFirst(), shortId);
    return QStringLiteral("<none> (%1)").arg(shortId);
}

QString WhyCommand::reasonText(const Snapshot &snapshot, const SurvivalReason &reason)
{
    const QString &subject = reason.subject;
    switch (reason.kind) {
    case SurvivalReason::Kind::Tag:
        return QStringLiteral("the tag %1 points at it; `docker image rm %1` removes the tag, "
                              "and the image with it once nothing else keeps it")
            .arg(subject);
    case SurvivalReason::Kind::Digest:
        return QStringLiteral("the digest reference %1 points at it; `docker image rm %1` "
                              "removes that reference")
            .arg(subject);
    case SurvivalReason::Kind::ChildImage:
        return QStringLiteral("the image %1 is built on it; remove that image first (`docker "
                              "image rm %2`): not even -f removes an image that has children")
            .arg(imageName(snapshot, subject), typedName(snapshot, subject));
    case SurvivalReason::Kind::RunningContainer:
        return QStringLiteral("the running container %1 was created from it; `docker rm -f %1` "
                              "stops and removes it (`docker image rm -f` refuses while it runs)")
            .arg(subject);
    case SurvivalReason::Kind::StoppedContainer:
        return QStringLiteral("the stopped container %1 was created from it; `docker rm %1` "
                              "removes it (`docker image rm -f` would delete the image anyway "
                              "and leave the container holding its layers)")
            .arg(subject);
    case SurvivalReason::Kind::SharedLayer:
        return QStringLiteral("the image %1 uses this layer; it stays until that image is "
                              "removed too (`docker image rm %2`)")
            .arg(imageName(snapshot, subject), typedName(snapshot, subject));
    case SurvivalReason::Kind::ContainerLayer:
        return QStringLiteral("the container %1 has its writable layer on this layer; it stays "
                              "until `docker rm %1`")
            .arg(subject);
    case SurvivalReason::Kind::NoPrune:
        return QStringLiteral("the removal asked to keep untagged parents (--no-prune); remove "
                              "it by its ID, or repeat the removal without --no-prune");
    }
    return {};
}

WhyCommand::Explanation WhyCommand::explain(const Snapshot &snapshot, const LayerGraph &graph,
                                            const QString &reference)
{
    Explanation explanation;
    const EngineState state(snapshot);
    const Resolution resolution = Resolver(state).resolve(reference);
    if (resolution.status == Resolution::Status::Found) {
        explanation.found = true;
        explanation.lines = imageLines(snapshot, graph, resolution.imageId);
        return explanation;
    }
    const qsizetype layer = findLayer(graph, reference);
    if (layer >= 0) {
        explanation.found = true;
        explanation.lines = layerLines(snapshot, graph, layer);
        return explanation;
    }
    explanation.errorMessage = layer == -2
        ? QStringLiteral("%1 names more than one layer; give more of the chain ID")
              .arg(reference)
        : resolution.errorMessage;
    return explanation;
}

int WhyCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption host({QStringLiteral("H"), QStringLiteral("host")},
                                  QStringLiteral("Engine address"), QStringLiteral("address"));
    parser.addOption(host);
    if (!parser.parse(QStringList{QStringLiteral("strata-cli why")} + arguments)
        || parser.positionalArguments().size() != 1) {
        err << "strata-cli why: " << (parser.errorText().isEmpty()
                                          ? QStringLiteral("requires exactly 1 argument")
                                          : parser.errorText())
            << "\nUsage: strata-cli why [--host H] IMAGE|LAYER" << Qt::endl;
        return 2;
    }
    SnapshotLoader::Result loaded;
    if (!loadEngineSnapshot(parser.value(host), err, &loaded))
        return 2;
    const LayerGraph graph(loaded.snapshot);
    const Explanation explanation
        = explain(loaded.snapshot, graph, parser.positionalArguments().constFirst());
    if (!explanation.found) {
        err << "Error response from daemon: " << explanation.errorMessage << Qt::endl;
        return 1;
    }
    for (const QString &line : explanation.lines)
        out << line << '\n';
    out.flush();
    return 0;
}

} // namespace Strata
