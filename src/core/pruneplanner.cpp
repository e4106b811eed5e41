#include "pruneplanner.h"

#include "enginestate.h"
#include "humanize.h"
#include "removalplanner.h"

#include <QLoggingCategory>

#include <algorithm>
#include <numeric>
#include <optional>

namespace Strata::PrunePlanner {

namespace {

Q_LOGGING_CATEGORY(lcPrune, "strata.core")

constexpr qint64 NanosPerSecond = 1000000000;

struct Criteria
{
    bool danglingOnly = true;
    std::optional<qint64> untilNs; // keep images created at or before this time
    QStringList labels;
    QStringList notLabels; // label!
};

ImageFilter::Error engineError(int status, const QString &message)
{
    return {ImageFilter::Error::Source::Engine, status, message};
}

// pruneFilters.Validate(imagesAcceptedFilters), then dangling as M20 reads it for prune
// (ExactMatch "false" or "0" first, so false wins over true, unlike the listing).
ImageFilter::Error readKeysAndDangling(const ImageFilter &filters, Criteria *criteria)
{
    const QStringList accepted{QStringLiteral("dangling"), QStringLiteral("label"),
                               QStringLiteral("label!"), QStringLiteral("until")};
    for (const QString &key : filters.keys()) { // byte order: the engine's likeliest
        if (!accepted.contains(key))
            return engineError(400, QStringLiteral("Invalid filter '%1'").arg(key));
    }
    const QStringList dangling = filters.values(QStringLiteral("dangling"));
    if (dangling.contains(QLatin1String("false")) || dangling.contains(QLatin1String("0"))) {
        criteria->danglingOnly = false;
    } else if (!dangling.contains(QLatin1String("true"))
               && !dangling.contains(QLatin1String("1"))) {
        return engineError(400, QStringLiteral("Invalid filter 'dangling=[%1]'")
                                    .arg(dangling.join(u' ')));
    }
    return {};
}

// getUntilFromPruneFilters: at most one value; its errors are unclassified (500).
ImageFilter::Error readUntil(const ImageFilter &filters, qint64 now, Criteria *criteria)
{
    const QStringList until = filters.values(QStringLiteral("until"));
    if (until.isEmpty())
        return {};
    if (until.size() > 1)
        return engineError(500, QStringLiteral("more than one until filter specified"));
    qint64 nanos = 0;
    QString error;
    if (!ImageFilter::parseTimestamp(until.constFirst(), now, &nanos, &error))
        return engineError(500, error);
    criteria->untilNs = nanos;
    return {};
}

bool isCandidate(const Snapshot &snapshot, const ImageRecord &image, const Criteria &criteria)
{
    const bool hasChildren = snapshot.hasChildren(image.id);
    if ((criteria.danglingOnly && hasChildren) || (!image.hasReferences() && hasChildren))
        return false;
    if (criteria.untilNs && image.created * NanosPerSecond > *criteria.untilNs)
        return false;
    // matchLabels: every label filter must match, and not all the label! filters may.
    if (!ImageFilter::matchesLabels(criteria.labels, image.labels))
        return false;
    return criteria.notLabels.isEmpty()
        || !ImageFilter::matchesLabels(criteria.notLabels, image.labels);
}

// Newest first, ties by ID: one fixed stand-in for the engine's map order.
QList<qsizetype> candidateOrder(const Snapshot &snapshot, const Criteria &criteria)
{
    const QList<ImageRecord> &images = snapshot.images();
    QList<qsizetype> order;
    for (qsizetype i = 0; i < images.size(); ++i) {
        if (isCandidate(snapshot, images.at(i), criteria))
            order.append(i);
    }
    std::sort(order.begin(), order.end(), [&images](qsizetype a, qsizetype b) {
        const ImageRecord &left = images.at(a);
        const ImageRecord &right = images.at(b);
        return left.created != right.created ? left.created > right.created : left.id < right.id;
    });
    return order;
}

// The DELETE calls the engine makes for one candidate.
QList<RemovalRequest> requestsFor(const EngineState &state, int image, bool danglingOnly)
{
    const QList<EngineState::ImageReference> references = state.references(image);
    if (references.isEmpty()) {
        const QString &id = state.imageId(image);
        return {{id.sliced(id.indexOf(u':') + 1), false, false}};
    }
    const bool hasTag
        = std::any_of(references.cbegin(), references.cend(),
                      [](const EngineState::ImageReference &ref) { return !ref.isDigest; });
    if (danglingOnly && hasTag)
        return {};
    QList<RemovalRequest> requests;
    for (const EngineState::ImageReference &reference : references)
        requests.append({reference.normalized, false, false});
    return requests;
}

} // namespace

Result plan(const Snapshot &snapshot, const Options &options)
{
    Result result;
    ImageFilter filters = options.filters;
    filters.add(QStringLiteral("dangling"),
                options.all ? QStringLiteral("false") : QStringLiteral("true"));
    Criteria criteria;
    criteria.labels = filters.values(QStringLiteral("label"));
    criteria.notLabels = filters.values(QStringLiteral("label!"));
    result.error = readKeysAndDangling(filters, &criteria);
    if (!result.error.isError())
        result.error = readUntil(filters, options.nowUnixSeconds, &criteria);
    if (result.error.isError())
        return result;

    const EngineState state(snapshot);
    for (const qsizetype index : candidateOrder(snapshot, criteria)) {
        const QString &id = snapshot.images().at(index).id;
        result.candidates.append(id);
        result.requests += requestsFor(state, state.indexOfImage(id), criteria.danglingOnly);
    }
    result.plan = RemovalPlanner::plan(state, result.requests);
    for (const PlannedStep &step : std::as_const(result.plan.steps)) {
        if (step.succeeds())
            result.records += step.records;
    }
    result.spaceReclaimed = result.plan.bytesFreed;
    qCDebug(lcPrune) << "prune:" << result.candidates.size() << "candidates,"
                     << result.requests.size() << "calls," << result.records.size() << "records";
    return result;
}

QString cliText(const Result &result)
{
    QString text;
    if (!result.records.isEmpty()) {
        text = QStringLiteral("Deleted Images:\n");
        for (const RemovalRecord &record : result.records) {
            text += (record.kind == RemovalRecord::Kind::Untagged ? QStringLiteral("untagged: ")
                                                                   : QStringLiteral("deleted: "))
                + record.value + QLatin1Char('\n');
        }
        // The CLI prints the section with Println, whose newline follows the section's own.
        text += QLatin1Char('\n');
    }
    // The engine's figure counts only when something was deleted; unknown sizes are ours.
    const qint64 bytes = result.records.isEmpty() ? 0 : result.spaceReclaimed;
    text += QStringLiteral("Total reclaimed space: ")
        + (bytes < 0 ? QStringLiteral("N/A") : Humanize::sizeWithPrecision(bytes, 4))
        + QLatin1Char('\n');
    return text;
}

} // namespace Strata::PrunePlanner
