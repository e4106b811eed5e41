// SurvivalExplainer on the deep-sharing scenario of layerscenario.py (`layers` engine): every
// image's and every layer's reasons against facts read with the docker CLI (inspect of images
// and containers), the engine's own refusals for each kind of reason, and --no-prune through
// the planner followed by the real removal.
#include "dockercli.h"
#include "layerengine.h"
#include "removalplanner.h"
#include "survivalexplainer.h"
#include "whycommand.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <map>
#include <set>

using namespace Strata;
using namespace Qt::StringLiterals;

namespace {

using Facts = std::multiset<QString>;

QString kindName(SurvivalReason::Kind kind)
{
    switch (kind) {
    case SurvivalReason::Kind::Tag: return u"tag"_s;
    case SurvivalReason::Kind::Digest: return u"digest"_s;
    case SurvivalReason::Kind::ChildImage: return u"child"_s;
    case SurvivalReason::Kind::RunningContainer: return u"running"_s;
    case SurvivalReason::Kind::StoppedContainer: return u"stopped"_s;
    case SurvivalReason::Kind::SharedLayer: return u"image"_s;
    case SurvivalReason::Kind::ContainerLayer: return u"container"_s;
    case SurvivalReason::Kind::NoPrune: return u"noprune"_s;
    }
    return {};
}

Facts asFacts(const QList<SurvivalReason> &reasons)
{
    Facts facts;
    for (const SurvivalReason &reason : reasons)
        facts.insert(kindName(reason.kind) + u' ' + reason.subject);
    return facts;
}

struct EngineFacts
{
    std::map<QString, Facts> imageReasons;        // image ID -> what keeps it
    std::map<QString, QStringList> layers;        // image ID -> RootFS.Layers
    std::map<QString, QStringList> containersOn;  // image ID -> container names
};

EngineFacts readFacts(const QString &host)
{
    EngineFacts facts;
    const QStringList ids = Testing::runDocker(host, {u"image"_s, u"ls"_s, u"-aq"_s,
                                                      u"--no-trunc"_s}).outputLines();
    const QStringList images = Testing::runDocker(host, QStringList{u"image"_s, u"inspect"_s,
        // CLI 20.10 cannot `join` these: it sees []interface{}, not []string.
        u"--format"_s, u"{{.Id}}|{{.Parent}}|{{range .RepoTags}}{{.}} {{end}}|"
                       u"{{range .RepoDigests}}{{.}} {{end}}|"
                       u"{{range .RootFS.Layers}}{{.}} {{end}}"_s}
        + ids)
                                   .outputLines();
    for (const QString &line : images) {
        const QStringList parts = line.split(u'|');
        Facts &reasons = facts.imageReasons[parts.at(0)];
        for (const QString &tag : parts.at(2).split(u' ', Qt::SkipEmptyParts))
            reasons.insert(u"tag "_s + tag);
        for (const QString &digest : parts.at(3).split(u' ', Qt::SkipEmptyParts))
            reasons.insert(u"digest "_s + digest);
        if (!parts.at(1).isEmpty())
            facts.imageReasons[parts.at(1)].insert(u"child "_s + parts.at(0));
        facts.layers[parts.at(0)] = parts.at(4).split(u' ', Qt::SkipEmptyParts);
    }
    const QStringList containerIds
        = Testing::runDocker(host, {u"ps"_s, u"-aq"_s, u"--no-trunc"_s}).outputLines();
    const QStringList containers = Testing::runDocker(host, QStringList{u"container"_s,
        u"inspect"_s, u"--format"_s, u"{{.Name}} {{.State.Status}} {{.Image}}"_s}
        + containerIds).outputLines();
    for (const QString &line : containers) {
        const QStringList parts = line.split(u' ');
        const QString name = parts.at(0).mid(1);
        const bool running = parts.at(1) == QLatin1String("running")
            || parts.at(1) == QLatin1String("paused")
            || parts.at(1) == QLatin1String("restarting");
        facts.imageReasons[parts.at(2)].insert((running ? u"running "_s : u"stopped "_s) + name);
        facts.containersOn[parts.at(2)] << name;
    }
    return facts;
}

bool isPrefix(const QStringList &prefix, const QStringList &list)
{
    return prefix.size() <= list.size() && list.mid(0, prefix.size()) == prefix;
}

} // namespace

class TestSurvivalExplainerOnEngine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyImageMatchesTheEngine();
    void everyLayerMatchesTheEngine();
    void engineRefusesForEachKind_data();
    void engineRefusesForEachKind();
    void wordingNamesEverySubject();
    void noPruneThroughThePlanner(); // last: it removes leaf:1

private:
    void reload();

    QString m_host;
    QJsonObject m_ids; // scenario key -> image ID
    Snapshot m_snapshot;
    LayerGraph m_graph;
};

void TestSurvivalExplainerOnEngine::initTestCase()
{
    m_host = Testing::fixtureHost("layers");
    QVERIFY2(!m_host.isEmpty(), "STRATA_TEST_HOST_LAYERS is not set: run through ctest");
    QString error;
    const QByteArray ids = Testing::buildScenario(u"deep"_s, &error);
    QVERIFY2(!ids.isEmpty(), qPrintable(error));
    m_ids = QJsonDocument::fromJson(ids).object();
    reload();
}

void TestSurvivalExplainerOnEngine::reload()
{
    const SnapshotLoader::Result loaded = Testing::loadSnapshot(m_host);
    QVERIFY2(!loaded.error.isError(), qPrintable(loaded.error.detail));
    m_snapshot = loaded.snapshot;
    m_graph = LayerGraph(m_snapshot);
}

void TestSurvivalExplainerOnEngine::everyImageMatchesTheEngine()
{
    const EngineFacts facts = readFacts(m_host);
    QCOMPARE(size_t(m_snapshot.images().size()), facts.layers.size());
    std::set<QString> kinds;
    for (const ImageRecord &image : m_snapshot.images()) {
        const Facts ours
            = asFacts(SurvivalExplainer::imageReasons(m_snapshot, m_graph, image.id));
        const auto expected = facts.imageReasons.find(image.id);
        QVERIFY2(ours == (expected == facts.imageReasons.end() ? Facts() : expected->second),
                 qPrintable(image.id));
        for (const QString &fact : ours)
            kinds.insert(fact.section(u' ', 0, 0));
    }
    // The scenario must exercise every kind an image can have, or this test proves little.
    QCOMPARE(kinds, (std::set<QString>{u"child"_s, u"digest"_s, u"running"_s, u"stopped"_s,
                                       u"tag"_s}));
}

void TestSurvivalExplainerOnEngine::everyLayerMatchesTheEngine()
{
    const EngineFacts facts = readFacts(m_host);
    int shared = 0;
    for (const LayerGraph::Layer &layer : m_graph.layers()) {
        QStringList diffs; // this layer's diff IDs from the base, read back from the forest
        for (qsizetype i = m_graph.indexOf(layer.chainId); i >= 0;
             i = m_graph.layers().at(i).parent) {
            diffs.prepend(m_graph.layers().at(i).diffId);
        }
        Facts expected;
        for (const auto &[imageId, layers] : facts.layers) {
            if (!isPrefix(diffs, layers))
                continue;
            expected.insert(u"image "_s + imageId);
            const auto containers = facts.containersOn.find(imageId);
            if (containers == facts.containersOn.end())
                continue;
            for (const QString &name : containers->second)
                expected.insert(u"container "_s + name);
        }
        QVERIFY2(asFacts(SurvivalExplainer::layerReasons(m_snapshot, m_graph, layer.chainId))
                     == expected,
                 qPrintable(layer.chainId));
        shared += layer.users.size() > 1 ? 1 : 0;
    }
    QVERIFY(shared >= 5); // deep sharing: the base and the chain's layers
}

void TestSurvivalExplainerOnEngine::engineRefusesForEachKind_data()
{
    // The engine's own answer to a removal the first reason blocks; none of them changes
    // anything (409).
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("force");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("engineSays");
    QTest::newRow("child image") << u"s2"_s << true << u"child"_s
                                 << u"image has dependent child images"_s;
    QTest::newRow("running container") << u"s7"_s << true << u"running run-app"_s
                                       << u"image is being used by running container"_s;
    QTest::newRow("paused container counts as running") << u"b1"_s << true
        << u"running paused-branch"_s << u"image is being used by running container"_s;
    QTest::newRow("stopped container") << u"twin"_s << false << u"stopped done-twin"_s
                                       << u"image is being used by stopped container"_s;
    QTest::newRow("created container") << u"island"_s << false << u"stopped made-island"_s
                                       << u"image is being used by stopped container"_s;
    QTest::newRow("tag and digest") << u"c1"_s << false << u"digest pulled@sha256:"_s
                                    << u"image has dependent child images"_s;
}

void TestSurvivalExplainerOnEngine::engineRefusesForEachKind()
{
    QFETCH(QString, key);
    QFETCH(bool, force);
    QFETCH(QString, reason);
    QFETCH(QString, engineSays);
    const QString id = m_ids.value(key).toString();
    QVERIFY(!id.isEmpty());
    bool found = false;
    for (const QString &fact :
         asFacts(SurvivalExplainer::imageReasons(m_snapshot, m_graph, id))) {
        found = found || fact.startsWith(reason);
    }
    QVERIFY2(found, qPrintable(reason));
    QStringList arguments{u"image"_s, u"rm"_s};
    if (force)
        arguments << u"-f"_s;
    const Testing::DockerRun run = Testing::runDocker(m_host, arguments << id);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(QString::fromUtf8(run.standardError).contains(engineSays),
             run.standardError.constData());
}

void TestSurvivalExplainerOnEngine::wordingNamesEverySubject()
{
    int lines = 0;
    for (const ImageRecord &image : m_snapshot.images()) {
        for (const SurvivalReason &reason :
             SurvivalExplainer::imageReasons(m_snapshot, m_graph, image.id)) {
            const QString text = WhyCommand::reasonText(m_snapshot, reason);
            const QString named = reason.kind == SurvivalReason::Kind::ChildImage
                ? reason.subject.mid(7, 12)
                : reason.subject;
            QVERIFY2(text.contains(named), qPrintable(text));
            ++lines;
        }
    }
    QVERIFY(lines > 10);
    const WhyCommand::Explanation why = WhyCommand::explain(m_snapshot, m_graph, u"app:1"_s);
    QVERIFY(why.found);
    QVERIFY(why.lines.join(u'\n').contains(u"running container run-app"_s));
    QVERIFY(!WhyCommand::explain(m_snapshot, m_graph, u"nosuch"_s).found);
}

void TestSurvivalExplainerOnEngine::noPruneThroughThePlanner()
{
    const QString parent = m_ids.value(u"e1"_s).toString();
    const RemovalPlan pruning = RemovalPlanner::plan(m_snapshot, {{u"leaf:1"_s, false, false}});
    QVERIFY(pruning.steps.constFirst().succeeds());
    for (const Survivor &survivor : pruning.survivors)
        QVERIFY(survivor.id != parent); // without --no-prune the parent goes too

    const RemovalPlan plan = RemovalPlanner::plan(m_snapshot, {{u"leaf:1"_s, false, true}});
    QList<SurvivalReason> reasons;
    for (const Survivor &survivor : plan.survivors) {
        if (survivor.id == parent)
            reasons = survivor.reasons;
    }
    QCOMPARE(asFacts(reasons), Facts{u"noprune "_s});
    QVERIFY(!WhyCommand::reasonText(m_snapshot, reasons.constFirst()).isEmpty());

    const Testing::DockerRun run = Testing::runDocker(m_host, {u"image"_s, u"rm"_s,
                                                               u"--no-prune"_s, u"leaf:1"_s});
    QCOMPARE(run.exitCode, 0);
    QStringList planned;
    for (const RemovalRecord &record : plan.steps.constFirst().records)
        planned << record.text();
    QCOMPARE(run.outputLines(), planned);
    reload();
    QVERIFY(m_snapshot.image(parent)); // kept, as the plan said, and now nothing keeps it
    QVERIFY(SurvivalExplainer::imageReasons(m_snapshot, m_graph, parent).isEmpty());
    QVERIFY(WhyCommand::explain(m_snapshot, m_graph, parent).lines.constFirst()
                .contains(u"nothing keeps it"_s));
}

QTEST_GUILESS_MAIN(TestSurvivalExplainerOnEngine)
#include "tst_survivalexplainer_engine.moc"
