#include "layerdetails.h"

#include "digest.h"

#include <QHash>
#include <QLoggingCategory>

#include <vector>

namespace Strata::LayerDetails {

namespace {

Q_LOGGING_CATEGORY(lcLayerDetails, "strata.core")

using namespace Qt::StringLiterals;

// reachable[i][k]: the first i entries can have made exactly the first k layers.
using Table = std::vector<std::vector<char>>;

bool fits(const HistoryEntry &entry, const LayerFacts &layer)
{
    if (layer.size < 0)
        return true;
    return entry.size == layer.size;
}

QHash<qsizetype, qsizetype> checkpointMap(const QList<Checkpoint> &checkpoints)
{
    QHash<qsizetype, qsizetype> layersAfter;
    for (const Checkpoint &checkpoint : checkpoints)
        layersAfter.insert(checkpoint.entries, checkpoint.layers);
    return layersAfter;
}

// Forward: which (entries, layers) prefixes have a pairing that fits.
Table forward(const QList<HistoryEntry> &history, const QList<LayerFacts> &layers,
              const QHash<qsizetype, qsizetype> &layersAfter)
{
    const qsizetype m = history.size();
    const qsizetype n = layers.size();
    Table reachable(size_t(m + 1), std::vector<char>(size_t(n + 1), 0));
    reachable[0][0] = layersAfter.value(0, 0) == 0;
    for (qsizetype i = 0; i < m; ++i) {
        for (qsizetype k = 0; k <= n; ++k) {
            if (!reachable[i][k])
                continue;
            if (history.at(i).size == 0) // may have made nothing
                reachable[i + 1][k] = 1;
            if (k < n && fits(history.at(i), layers.at(k)))
                reachable[i + 1][k + 1] = 1;
        }
        if (const auto it = layersAfter.constFind(i + 1); it != layersAfter.cend()) {
            for (qsizetype k = 0; k <= n; ++k)
                reachable[i + 1][k] = reachable[i + 1][k] && k == *it;
        }
    }
    return reachable;
}

// Backward: from entry i and layer k on, the rest of the history can make the rest of the
// layers.
Table backward(const QList<HistoryEntry> &history, const QList<LayerFacts> &layers,
               const QHash<qsizetype, qsizetype> &layersAfter)
{
    const qsizetype m = history.size();
    const qsizetype n = layers.size();
    Table completes(size_t(m + 1), std::vector<char>(size_t(n + 1), 0));
    completes[m][n] = layersAfter.value(m, n) == n;
    for (qsizetype i = m - 1; i >= 0; --i) {
        for (qsizetype k = 0; k <= n; ++k) {
            const bool skip = history.at(i).size == 0 && completes[i + 1][k];
            const bool make = k < n && fits(history.at(i), layers.at(k)) && completes[i + 1][k + 1];
            completes[i][k] = skip || make;
        }
        if (const auto it = layersAfter.constFind(i); it != layersAfter.cend()) {
            for (qsizetype k = 0; k <= n; ++k)
                completes[i][k] = completes[i][k] && k == *it;
        }
    }
    return completes;
}

// Parents whose history is a prefix of the image's: the classic builder adds one entry per
// step and links the result to the step before, so each such parent says how many layers
// its entries made. A parent whose history is not a prefix tells nothing.
QList<Checkpoint> parentCheckpoints(const Snapshot &snapshot, const ImageRecord &image)
{
    QList<Checkpoint> checkpoints;
    const ImageRecord *parent = snapshot.image(image.parentId);
    for (int guard = 0; parent && guard < 10000; ++guard) {
        const bool prefix = parent->history.size() <= image.history.size()
            && std::equal(parent->history.cbegin(), parent->history.cend(),
                          image.history.cbegin());
        if (prefix && !parent->history.isEmpty() && !parent->diffIds.isEmpty())
            checkpoints.append({parent->history.size(), parent->diffIds.size()});
        parent = snapshot.image(parent->parentId);
    }
    return checkpoints;
}

QList<qsizetype> otherUsers(const LayerGraph::Layer &layer, qsizetype imageIndex)
{
    QList<qsizetype> others = layer.users;
    others.removeAll(imageIndex);
    return others;
}

} // namespace

QList<QList<qsizetype>> candidateEntries(const QList<HistoryEntry> &history,
                                         const QList<LayerFacts> &layers,
                                         const QList<Checkpoint> &checkpoints)
{
    const QHash<qsizetype, qsizetype> layersAfter = checkpointMap(checkpoints);
    const Table reachable = forward(history, layers, layersAfter);
    const Table completes = backward(history, layers, layersAfter);
    QList<QList<qsizetype>> candidates(layers.size());
    for (qsizetype i = 0; i < history.size(); ++i) {
        for (qsizetype k = 0; k < layers.size(); ++k) {
            if (reachable[i][k] && fits(history.at(i), layers.at(k)) && completes[i + 1][k + 1])
                candidates[k].append(i);
        }
    }
    return candidates;
}

Details compute(const Snapshot &snapshot, const LayerGraph &graph, const QString &imageId)
{
    Details details;
    details.imageIndex = snapshot.indexOfImage(imageId);
    if (details.imageIndex < 0)
        return details;
    const ImageRecord &image = snapshot.images().at(details.imageIndex);
    const QList<qsizetype> chain = graph.chainOf(details.imageIndex);

    QList<LayerFacts> facts;
    for (const qsizetype index : chain)
        facts.append(LayerFacts{graph.layers().at(index).size});
    const QList<QList<qsizetype>> candidates
        = candidateEntries(image.history, facts, parentCheckpoints(snapshot, image));

    for (qsizetype k = 0; k < chain.size(); ++k) {
        const LayerGraph::Layer &node = graph.layers().at(chain.at(k));
        Layer layer;
        layer.graphIndex = chain.at(k);
        layer.diffId = node.diffId;
        layer.chainId = node.chainId;
        layer.size = node.size;
        layer.candidates = candidates.at(k);
        layer.sharedWith = otherUsers(node, details.imageIndex);
        if (layer.candidates.size() == 1) {
            layer.match = HistoryMatch::Exact;
            layer.historyIndex = layer.candidates.constFirst();
        } else {
            layer.match = layer.candidates.isEmpty() ? HistoryMatch::Unavailable
                                                     : HistoryMatch::Ambiguous;
        }
        details.layers.append(layer);
    }
    if (!chain.isEmpty() && candidates.constFirst().isEmpty()) {
        qCInfo(lcLayerDetails).noquote()
            << u"history of %1 (%2 entries) does not fit its %3 layers"_s
                   .arg(Digest::shortId(imageId)).arg(image.history.size()).arg(chain.size());
    }
    return details;
}

QString imageName(const ImageRecord &image)
{
    if (!image.repoTags.isEmpty())
        return image.repoTags.constFirst();
    if (!image.repoDigests.isEmpty()) {
        const QString &reference = image.repoDigests.constFirst();
        const qsizetype at = reference.indexOf(u'@');
        return reference.left(at + 1) + Digest::shortId(reference.mid(at + 1));
    }
    return Digest::shortId(image.id);
}

} // namespace Strata::LayerDetails
