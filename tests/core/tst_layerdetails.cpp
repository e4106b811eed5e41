#include "digest.h"
#include "layerdetails.h"
#include "layergraph.h"

#include <QTest>

#include <numeric>

using namespace Strata;
using namespace Qt::StringLiterals;

namespace {

using Sizes = QList<qint64>;

QString id(char c)
{
    return u"sha256:"_s + QString(64, QLatin1Char(c));
}

QString diff(const char *name)
{
    return Digest::sha256Of(QByteArray(name));
}

// History entries, oldest first, with these sizes and "step N" as command.
QList<HistoryEntry> history(const Sizes &sizes)
{
    QList<HistoryEntry> entries;
    for (qsizetype i = 0; i < sizes.size(); ++i)
        entries.append({1600000000 + i, u"step %1"_s.arg(i), sizes.at(i), QString()});
    return entries;
}

ImageRecord image(char c, const QStringList &diffIds, const Sizes &historySizes,
                  const QStringList &tags = {}, char parent = 0)
{
    ImageRecord record;
    record.id = id(c);
    record.parentId = parent ? id(parent) : QString();
    record.repoTags = tags;
    record.diffIds = diffIds;
    record.history = history(historySizes);
    // The engine's image size is the sum of its layers, which is the sum of its history.
    record.size = std::accumulate(historySizes.cbegin(), historySizes.cend(), qint64(0));
    return record;
}

// "0|1,2|3": the candidates of each layer, '|' between layers.
QString format(const QList<QList<qsizetype>> &candidates)
{
    QStringList layers;
    for (const QList<qsizetype> &entries : candidates) {
        QStringList indexes;
        for (qsizetype entry : entries)
            indexes.append(QString::number(entry));
        layers.append(indexes.join(u','));
    }
    return layers.join(u'|');
}

} // namespace

Q_DECLARE_METATYPE(QList<LayerDetails::Checkpoint>)

class TestLayerDetails final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void candidateEntries_data();
    void candidateEntries();
    void computeUsesGraphSizesAndSharing();
    void computeUsesParentHistory();
    void computeUnknownImage();
    void imageName_data();
    void imageName();
};

void TestLayerDetails::candidateEntries_data()
{
    using Checkpoints = QList<LayerDetails::Checkpoint>;
    QTest::addColumn<Sizes>("history");     // oldest first
    QTest::addColumn<Sizes>("layerSizes");  // base first, -1 unknown
    QTest::addColumn<Checkpoints>("checkpoints");
    QTest::addColumn<QString>("expected");

    QTest::newRow("metadata steps are zero") << Sizes{7, 0, 5, 0} << Sizes{-1, -1}
                                             << Checkpoints{} << u"0|2"_s;
    QTest::newRow("every zero is a layer") << Sizes{0, 5, 0} << Sizes{-1, -1, -1}
                                           << Checkpoints{} << u"0|1|2"_s;
    QTest::newRow("empty layer in a gap of two") << Sizes{3, 0, 0, 9} << Sizes{-1, -1, -1}
                                                 << Checkpoints{} << u"0|1,2|3"_s;
    QTest::newRow("empty layer in one of two gaps") << Sizes{3, 0, 9, 0} << Sizes{-1, -1, -1}
                                                    << Checkpoints{} << u"0|1,2|2,3"_s;
    QTest::newRow("a known empty layer decides") << Sizes{3, 0, 9, 0} << Sizes{-1, 0, -1}
                                                 << Checkpoints{} << u"0|1|2"_s;
    QTest::newRow("a known full layer decides") << Sizes{3, 0, 9, 0} << Sizes{-1, 9, -1}
                                                << Checkpoints{} << u"0|2|3"_s;
    QTest::newRow("a parent's count decides") << Sizes{3, 0, 9, 0} << Sizes{-1, -1, -1}
                                              << Checkpoints{{2, 2}} << u"0|1|2"_s;
    QTest::newRow("the parent made one layer") << Sizes{3, 0, 9, 0} << Sizes{-1, -1, -1}
                                               << Checkpoints{{2, 1}, {1, 1}} << u"0|2|3"_s;
    QTest::newRow("equal sizes stay apart") << Sizes{4, 4} << Sizes{4, 4} << Checkpoints{}
                                            << u"0|1"_s;
    QTest::newRow("too many non-empty entries") << Sizes{1, 2, 3} << Sizes{-1, -1}
                                                << Checkpoints{} << u"|"_s;
    QTest::newRow("too few entries") << Sizes{1, 0} << Sizes{-1, -1, -1} << Checkpoints{}
                                     << u"||"_s;
    QTest::newRow("size disagrees") << Sizes{5} << Sizes{6} << Checkpoints{} << u""_s;
    QTest::newRow("no history") << Sizes{} << Sizes{-1} << Checkpoints{} << u""_s;
    QTest::newRow("checkpoint beyond the layers") << Sizes{5, 0} << Sizes{-1}
                                                  << Checkpoints{{2, 2}} << u""_s;
    // redis:alpine of the sandbox: ADD, CMD, RUN, RUN, ENV, RUN, mkdir (0 B layer), VOLUME,
    // WORKDIR, COPY, ENTRYPOINT, EXPOSE, CMD; 6 layers. Only the base is certain: each other
    // layer shifts by one entry depending on which zero-byte step made the empty layer.
    QTest::newRow("redis") << Sizes{300, 0, 2, 450, 0, 1200, 0, 0, 0, 30, 0, 0, 0}
                           << Sizes{300, -1, -1, -1, -1, -1} << Checkpoints{}
                           << u"0|1,2|2,3|3,4,5|5,6,7,8,9|9,10,11,12"_s;
}

void TestLayerDetails::candidateEntries()
{
    QFETCH(Sizes, history);
    QFETCH(Sizes, layerSizes);
    QFETCH(QList<LayerDetails::Checkpoint>, checkpoints);
    QFETCH(QString, expected);

    QList<LayerDetails::LayerFacts> facts;
    for (qint64 size : std::as_const(layerSizes))
        facts.append(LayerDetails::LayerFacts{size});
    const auto candidates = LayerDetails::candidateEntries(::history(history), facts,
                                                           checkpoints);
    QCOMPARE(candidates.size(), layerSizes.size());
    QCOMPARE(format(candidates), expected);
}

// x has an empty layer somewhere among its zeros; y, sharing x's first two layers, has a
// history that tells their sizes, and through the graph that decides x's pairing.
void TestLayerDetails::computeUsesGraphSizesAndSharing()
{
    ImageRecord x = image('x', {diff("a"), diff("b"), diff("c")}, {3, 0, 9, 0}, {u"x:1"_s});
    ImageRecord y = image('y', {diff("a"), diff("b")}, {3, 0}, {u"y:1"_s});
    y.layerSizes = {3, 0};
    ImageRecord z = image('z', {diff("a")}, {3}, {});
    z.layerSizes = {3};
    const Snapshot snapshot({x, y, z}, {}, QDateTime::currentDateTimeUtc());
    const LayerGraph graph(snapshot);

    const LayerDetails::Details details = LayerDetails::compute(snapshot, graph, x.id);
    QCOMPARE(details.imageIndex, qsizetype(0));
    QCOMPARE(details.layers.size(), 3);
    const QStringList chain = Digest::chainIds(x.diffIds);
    const QList<qsizetype> expectedHistory{0, 1, 2};
    const QList<QList<qsizetype>> expectedSharing{{1, 2}, {1}, {}};
    for (qsizetype k = 0; k < 3; ++k) {
        const LayerDetails::Layer &layer = details.layers.at(k);
        QCOMPARE(layer.diffId, x.diffIds.at(k));
        QCOMPARE(layer.chainId, chain.at(k));
        QCOMPARE(graph.layers().at(layer.graphIndex).chainId, chain.at(k));
        QCOMPARE(layer.match, LayerDetails::HistoryMatch::Exact);
        QCOMPARE(layer.historyIndex, expectedHistory.at(k));
        QCOMPARE(layer.sharedWith, expectedSharing.at(k));
    }
    QCOMPARE(details.layers.at(0).size, qint64(3));
    QCOMPARE(details.layers.at(1).size, qint64(0));

    // Without y, nothing tells where x's empty layer is: said per layer, never guessed.
    const Snapshot alone({x}, {}, QDateTime::currentDateTimeUtc());
    const LayerDetails::Details unsure = LayerDetails::compute(alone, LayerGraph(alone), x.id);
    QCOMPARE(unsure.layers.at(0).match, LayerDetails::HistoryMatch::Exact);
    QCOMPARE(unsure.layers.at(1).match, LayerDetails::HistoryMatch::Ambiguous);
    QCOMPARE(unsure.layers.at(1).historyIndex, qsizetype(-1));
    QCOMPARE(unsure.layers.at(1).candidates, (QList<qsizetype>{1, 2}));
    QCOMPARE(unsure.layers.at(2).match, LayerDetails::HistoryMatch::Ambiguous);
}

// Classic-builder chain: each parent's history is a prefix, and its layer count says which of
// the child's zero-byte steps made a layer.
void TestLayerDetails::computeUsesParentHistory()
{
    const ImageRecord p1 = image('p', {diff("a")}, {3, 0});
    const ImageRecord p2 = image('q', {diff("a"), diff("b")}, {3, 0, 0}, {}, 'p');
    const ImageRecord child = image('r', {diff("a"), diff("b"), diff("c")}, {3, 0, 0, 9},
                                    {u"r:1"_s}, 'q');
    const Snapshot snapshot({p1, p2, child}, {}, QDateTime::currentDateTimeUtc());
    const LayerDetails::Details details = LayerDetails::compute(snapshot, LayerGraph(snapshot),
                                                                child.id);
    QCOMPARE(details.layers.size(), 3);
    QCOMPARE(details.layers.at(1).match, LayerDetails::HistoryMatch::Exact);
    QCOMPARE(details.layers.at(1).historyIndex, qsizetype(2));
    QCOMPARE(details.layers.at(2).historyIndex, qsizetype(3));

    // A parent whose history is not a prefix tells nothing: were its count of 2 layers in 2
    // entries taken, the zero-byte entry 1 would be the empty layer.
    ImageRecord stranger = image('s', {diff("a"), diff("b")}, {3, 0});
    stranger.history[1].createdBy = u"something else"_s;
    ImageRecord orphan = child;
    orphan.parentId = stranger.id;
    const Snapshot other({stranger, orphan}, {}, QDateTime::currentDateTimeUtc());
    const LayerDetails::Details unsure = LayerDetails::compute(other, LayerGraph(other),
                                                               orphan.id);
    QCOMPARE(unsure.layers.at(1).match, LayerDetails::HistoryMatch::Ambiguous);
}

void TestLayerDetails::computeUnknownImage()
{
    const Snapshot snapshot({image('x', {diff("a")}, {1})}, {}, QDateTime::currentDateTimeUtc());
    const LayerDetails::Details details = LayerDetails::compute(snapshot, LayerGraph(snapshot),
                                                                id('y'));
    QCOMPARE(details.imageIndex, qsizetype(-1));
    QVERIFY(details.layers.isEmpty());

    // History not read: every layer says so.
    ImageRecord unread = image('u', {diff("a"), diff("b")}, {});
    const Snapshot noHistory({unread}, {}, QDateTime::currentDateTimeUtc());
    const auto layers = LayerDetails::compute(noHistory, LayerGraph(noHistory), unread.id).layers;
    QCOMPARE(layers.size(), 2);
    for (const LayerDetails::Layer &layer : layers)
        QCOMPARE(layer.match, LayerDetails::HistoryMatch::Unavailable);
}

void TestLayerDetails::imageName_data()
{
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<QStringList>("digests");
    QTest::addColumn<QString>("name");

    const QString digest = u"sha256:7670d80c1ed1"_s + QString(52, u'0');
    QTest::newRow("tag first") << QStringList{u"redis:alpine"_s, u"redis:6"_s}
                               << QStringList{u"redis@"_s + digest} << u"redis:alpine"_s;
    QTest::newRow("digest only") << QStringList{} << QStringList{u"redis@"_s + digest}
                                 << u"redis@7670d80c1ed1"_s;
    QTest::newRow("nothing") << QStringList{} << QStringList{} << u"aaaaaaaaaaaa"_s;
}

void TestLayerDetails::imageName()
{
    QFETCH(QStringList, tags);
    QFETCH(QStringList, digests);
    QFETCH(QString, name);

    ImageRecord record = image('a', {}, {}, tags);
    record.repoDigests = digests;
    QCOMPARE(LayerDetails::imageName(record), name);
}

QTEST_GUILESS_MAIN(TestLayerDetails)
#include "tst_layerdetails.moc"
