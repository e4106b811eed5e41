// DiskUsage and LayerGraph against the engine itself: per image Size, SharedSize and
// Containers and the total LayersSize from GET /system/df (what `docker system df -v` prints),
// and the layer forest against one derived here from `docker image inspect` RootFS.Layers.
// On the seeded sandbox (read-only) and on the `layers` engine: the deep-sharing scenario of
// layerscenario.py and random graphgen graphs.
#include "diskusage.h"
#include "dockercli.h"
#include "engineclient.h"
#include "layerengine.h"
#include "layergraph.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <map>
#include <set>

using namespace Strata;
using namespace Qt::StringLiterals;

namespace {

struct Row
{
    qint64 created = 0;
    QString line; // "id size shared containers"
};

QStringList ordered(QList<Row> rows)
{
    // The engine sorts by Created with no tie-break; ours breaks ties by ID.
    std::stable_sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        return a.created != b.created ? a.created > b.created : a.line < b.line;
    });
    QStringList lines;
    for (const Row &row : std::as_const(rows))
        lines << row.line;
    return lines;
}

QJsonObject systemDf(const QString &host)
{
    Endpoint endpoint;
    EngineError error;
    if (!Endpoint::fromEnvironment(host, &endpoint, &error))
        return {};
    EngineClient client(endpoint);
    HttpResponse response;
    if (client.negotiate().isError()
        || client.request("GET", u"/system/df"_s, &response).isError() || response.status != 200)
        return {};
    return QJsonDocument::fromJson(response.body).object();
}

// chain ID -> (parent chain ID, user image IDs), computed here without the core's Digest.
struct ExpectedForest
{
    std::map<QString, QString> parent;
    std::map<QString, std::set<QString>> users;
};

ExpectedForest forestFromInspect(const QString &host)
{
    ExpectedForest forest;
    const QStringList ids = Testing::runDocker(host, {u"image"_s, u"ls"_s, u"-aq"_s,
                                                      u"--no-trunc"_s}).outputLines();
    if (ids.isEmpty())
        return forest;
    const QStringList lines = Testing::runDocker(host, QStringList{u"image"_s, u"inspect"_s,
        u"--format"_s, u"{{.Id}} {{range .RootFS.Layers}}{{.}} {{end}}"_s} + ids).outputLines();
    for (const QString &line : lines) {
        const QStringList parts = line.split(u' ', Qt::SkipEmptyParts);
        QString chain;
        for (const QString &diff : parts.mid(1)) {
            const QString below = chain;
            chain = chain.isEmpty()
                ? diff
                : u"sha256:"_s + QString::fromLatin1(QCryptographicHash::hash(
                      (chain + u' ' + diff).toUtf8(), QCryptographicHash::Sha256).toHex());
            forest.parent[chain] = below;
            forest.users[chain].insert(parts.at(0));
        }
    }
    return forest;
}

} // namespace

class TestDiskUsageOnEngine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void matchesEngine_data();
    void matchesEngine();

private:
    void compareUsage(const QString &host, const Snapshot &snapshot, const LayerGraph &graph);
    void compareForest(const QString &host, const Snapshot &snapshot, const LayerGraph &graph);
};

void TestDiskUsageOnEngine::initTestCase()
{
    QVERIFY2(!Testing::fixtureHost("sandbox").isEmpty() && !Testing::fixtureHost("layers")
                                                                 .isEmpty(),
             "STRATA_TEST_HOST_SANDBOX / _LAYERS are not set: run through ctest");
}

void TestDiskUsageOnEngine::matchesEngine_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::newRow("sandbox") << u"sandbox"_s;
    for (const QString &name : Testing::scenarios())
        QTest::newRow(qPrintable(name)) << name;
}

void TestDiskUsageOnEngine::matchesEngine()
{
    QFETCH(QString, scenario);
    const bool sandbox = scenario == QLatin1String("sandbox");
    const QString host = Testing::fixtureHost(sandbox ? "sandbox" : "layers");
    if (!sandbox) {
        QString error;
        QVERIFY2(!Testing::buildScenario(scenario, &error).isEmpty(), qPrintable(error));
    }
    const SnapshotLoader::Result loaded = Testing::loadSnapshot(host);
    QVERIFY2(!loaded.error.isError(), qPrintable(loaded.error.detail));
    const LayerGraph graph(loaded.snapshot);
    compareUsage(host, loaded.snapshot, graph);
    compareForest(host, loaded.snapshot, graph);
}

void TestDiskUsageOnEngine::compareUsage(const QString &host, const Snapshot &snapshot,
                                         const LayerGraph &graph)
{
    const DiskUsage::Report report = DiskUsage::compute(snapshot, graph);
    const QJsonObject df = systemDf(host);
    QVERIFY(df.contains(u"LayersSize"_s));

    QList<Row> engineRows;
    qint64 used = 0;
    for (const QJsonValue &value : df.value(u"Images"_s).toArray()) {
        const QJsonObject image = value.toObject();
        const qint64 size = image.value(u"Size"_s).toInteger();
        const qint64 shared = image.value(u"SharedSize"_s).toInteger();
        const qint64 containers = image.value(u"Containers"_s).toInteger();
        engineRows.append({image.value(u"Created"_s).toInteger(),
                           u"%1 %2 %3 %4"_s.arg(image.value(u"Id"_s).toString()).arg(size)
                               .arg(shared).arg(containers)});
        used += containers != 0 ? size - shared : 0; // formatter/disk_usage.go Reclaimable
    }
    QList<Row> ourRows;
    for (const DiskUsage::ImageUsage &usage : report.images) {
        const ImageRecord &image = snapshot.images().at(usage.imageIndex);
        ourRows.append({image.created, u"%1 %2 %3 %4"_s.arg(image.id).arg(usage.size)
                                           .arg(usage.sharedSize).arg(usage.containers)});
    }
    const QStringList ours = ordered(ourRows);
    QCOMPARE(ours, ordered(engineRows));
    QStringList ourOrder; // our own order, not re-sorted, must already be the sorted one
    for (const Row &row : std::as_const(ourRows))
        ourOrder << row.line;
    QCOMPARE(ourOrder, ours);
    QCOMPARE(report.layersSize, df.value(u"LayersSize"_s).toInteger());
    QCOMPARE(report.reclaimable, df.value(u"LayersSize"_s).toInteger() - used);
    qInfo("%lld images listed, LayersSize %lld, %lld layers in the forest",
          qlonglong(report.images.size()), qlonglong(report.layersSize),
          qlonglong(graph.layers().size()));
}

void TestDiskUsageOnEngine::compareForest(const QString &host, const Snapshot &snapshot,
                                          const LayerGraph &graph)
{
    const ExpectedForest expected = forestFromInspect(host);
    QVERIFY(!expected.parent.empty());
    QCOMPARE(size_t(graph.layers().size()), expected.parent.size());
    qsizetype roots = 0;
    for (const LayerGraph::Layer &layer : graph.layers()) {
        const auto parent = expected.parent.find(layer.chainId);
        QVERIFY2(parent != expected.parent.end(), qPrintable(layer.chainId));
        QCOMPARE(layer.parent < 0 ? QString() : graph.layers().at(layer.parent).chainId,
                 parent->second);
        roots += parent->second.isEmpty() ? 1 : 0;
        std::set<QString> users;
        for (const qsizetype user : layer.users)
            users.insert(snapshot.images().at(user).id);
        QVERIFY2(users == expected.users.at(layer.chainId), qPrintable(layer.chainId));
        QCOMPARE(layer.users.size(), qsizetype(users.size())); // no image counted twice
    }
    QCOMPARE(graph.roots().size(), roots);
}

QTEST_GUILESS_MAIN(TestDiskUsageOnEngine)
#include "tst_diskusage_engine.moc"
