#include "layergraph.h"
#include "layerspec.h"

#include <QTest>

using namespace Strata;
using namespace Qt::StringLiterals;

namespace {

QString path(const LayerGraph &graph, qsizetype index)
{
    QString text;
    for (; index >= 0; index = graph.layers().at(index).parent)
        text.prepend(graph.layers().at(index).diffId.back());
    return text;
}

QString letters(const Snapshot &snapshot, const QList<qsizetype> &images)
{
    QString text;
    for (const qsizetype image : images)
        text += snapshot.images().at(image).id.back();
    std::sort(text.begin(), text.end());
    return text;
}

QString names(const Snapshot &snapshot, const QList<qsizetype> &containers)
{
    QStringList list;
    for (const qsizetype container : containers)
        list << snapshot.containers().at(container).names.constFirst();
    return list.join(QLatin1Char(','));
}

// "ab[xy|y|c1] ..." per layer: its diff path from the base, users | tops | containers, sorted.
QString shape(const Snapshot &snapshot, const LayerGraph &graph)
{
    QStringList lines;
    for (qsizetype i = 0; i < graph.layers().size(); ++i) {
        const LayerGraph::Layer &layer = graph.layers().at(i);
        lines << QStringLiteral("%1[%2|%3|%4]")
                     .arg(path(graph, i), letters(snapshot, layer.users),
                          letters(snapshot, layer.topOf), names(snapshot, layer.containers));
    }
    lines.sort();
    return lines.join(QLatin1Char(' '));
}

// "ab=20/30": each layer's own size and chain size (? when unknown), sorted by path.
QString sizesOf(const LayerGraph &graph)
{
    const auto number = [](qint64 value) {
        return value < 0 ? QStringLiteral("?") : QString::number(value);
    };
    QStringList lines;
    for (qsizetype i = 0; i < graph.layers().size(); ++i) {
        const LayerGraph::Layer &layer = graph.layers().at(i);
        lines << path(graph, i) + QLatin1Char('=') + number(layer.size) + QLatin1Char('/')
                + number(layer.chainSize);
    }
    lines.sort();
    return lines.join(QLatin1Char(' '));
}

} // namespace

class TestLayerGraph final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void forest_data();
    void forest();
    void sizes_data();
    void sizes();
    void chainsAndLookups();
};

void TestLayerGraph::forest_data()
{
    QTest::addColumn<QStringList>("specs");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("roots");
    QTest::newRow("one image") << QStringList{u"x a.b.c 1.2.3 ="_s}
                               << u"a[x||] ab[x||] abc[x|x|]"_s << 1;
    QTest::newRow("shared base, two branches")
        << QStringList{u"x a.b 1.2 ="_s, u"y a.c 1.3 ="_s, u"z a 1 ="_s}
        << u"a[xyz|z|] ab[x|x|] ac[y|y|]"_s << 1;
    QTest::newRow("same diff at another depth is another layer")
        << QStringList{u"x a.b 1.2 ="_s, u"y b 2 ="_s} << u"a[x||] ab[x|x|] b[y|y|]"_s << 2;
    QTest::newRow("twins share every layer and both top it")
        << QStringList{u"x a.b 1.2 ="_s, u"y a.b 1.2 = ^x"_s, u"z a.b 1.2 ="_s}
        << u"a[xyz||] ab[xyz|xyz|]"_s << 1;
    QTest::newRow("parent chain with a metadata-only step")
        << QStringList{u"p a 1 ="_s, u"q a 1 = ^p"_s, u"r a.b 1.2 = ^q"_s}
        << u"a[pqr|pq|] ab[r|r|]"_s << 1;
    QTest::newRow("image never inspected has no layers")
        << QStringList{u"x - - 5"_s, u"y a 1 ="_s} << u"a[y|y|]"_s << 1;
    QTest::newRow("containers on the image's top layer")
        << QStringList{u"x a.b 1.2 ="_s, u"y a 1 ="_s, u"@run x running"_s, u"@old y exited"_s,
                       u"@gone f created"_s}
        << u"a[xy|y|old] ab[x|x|run]"_s << 1;
    QTest::newRow("deep forest, three roots")
        << QStringList{u"1 a.b.c.d 1.1.1.1 ="_s, u"2 a.b.e 1.1.1 ="_s, u"3 a.b.c.f 1.1.1.1 ="_s,
                       u"4 g.h 1.1 ="_s, u"5 i 1 ="_s}
        << u"a[123||] ab[123||] abc[13||] abcd[1|1|] abcf[3|3|] abe[2|2|] g[4||] gh[4|4|] i[5|5|]"_s
        << 3;
}

void TestLayerGraph::forest()
{
    QFETCH(QStringList, specs);
    QFETCH(QString, expected);
    QFETCH(int, roots);
    const Snapshot snapshot = Testing::snapshotFromSpec(specs);
    const LayerGraph graph(snapshot);
    QCOMPARE(shape(snapshot, graph), expected);
    QCOMPARE(graph.roots().size(), qsizetype(roots));
    for (const LayerGraph::Layer &layer : graph.layers()) {
        QCOMPARE(layer.depth, layer.parent < 0 ? 0 : graph.layers().at(layer.parent).depth + 1);
        for (const qsizetype child : layer.children)
            QCOMPARE(graph.layers().at(child).parent, graph.indexOf(layer.chainId));
    }
}

void TestLayerGraph::sizes_data()
{
    QTest::addColumn<QStringList>("specs");
    QTest::addColumn<QString>("expected");
    QTest::newRow("from history") << QStringList{u"x a.b 10.20 ="_s} << u"a=10/10 ab=20/30"_s;
    QTest::newRow("a size known by one image applies to all")
        << QStringList{u"x a.b - 30"_s, u"y a.c 10.5 ="_s} << u"a=10/10 ab=20/30 ac=5/15"_s;
    QTest::newRow("ambiguous history: the image's total gives the one unknown")
        << QStringList{u"x a.b.c 10.?.0 40"_s, u"y a.b 10.30 ="_s}
        << u"a=10/10 ab=30/40 abc=0/40"_s;
    QTest::newRow("an unread middle layer follows from the totals around it")
        << QStringList{u"x a - 10"_s, u"y a.b.c - 100"_s, u"z a.b 10.? 60"_s}
        << u"a=10/10 ab=50/60 abc=40/100"_s;
    QTest::newRow("two unknowns in one step stay unknown, their chain sizes do not")
        << QStringList{u"x a 10 ="_s, u"y a.b.c - 100"_s} << u"a=10/10 ab=?/? abc=?/100"_s;
    QTest::newRow("nothing known") << QStringList{u"x a.b - 0"_s} << u"a=?/? ab=?/0"_s;
}

void TestLayerGraph::sizes()
{
    QFETCH(QStringList, specs);
    QFETCH(QString, expected);
    const Snapshot snapshot = Testing::snapshotFromSpec(specs);
    QCOMPARE(sizesOf(LayerGraph(snapshot)), expected);
}

void TestLayerGraph::chainsAndLookups()
{
    const Snapshot snapshot = Testing::snapshotFromSpec({u"x a.b 1.2 ="_s, u"y - - 0"_s});
    const LayerGraph graph(snapshot);
    const QList<qsizetype> chain = graph.chainOf(0);
    QCOMPARE(chain.size(), qsizetype(2));
    QCOMPARE(graph.layers().at(chain.at(0)).chainId, Testing::diffId(QLatin1Char('a')));
    QCOMPARE(graph.indexOf(graph.layers().at(chain.at(1)).chainId), chain.at(1));
    QCOMPARE(graph.indexOf(Testing::diffId(QLatin1Char('b'))), qsizetype(-1));
    QVERIFY(graph.chainOf(1).isEmpty());
    QVERIFY(graph.chainOf(7).isEmpty());
    QVERIFY(LayerGraph().layers().isEmpty());
}

QTEST_GUILESS_MAIN(TestLayerGraph)
#include "tst_layergraph.moc"
