#include "endpoint.h"
#include "engineclient.h"
#include "removalplanner.h"
#include "snapshotloader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMap>
#include <QProcess>
#include <QTest>

#include <cstdio>

using namespace Strata;
using namespace Qt::StringLiterals;

namespace {

// CI's share: 30 graphs of 12 requests. STRATA_DIFF_SEEDS ("1-30", "7", "3,9,200-250") and
// STRATA_DIFF_REQUESTS override both for longer runs by hand.
const QString DefaultSeeds = u"1-30"_s;
constexpr int DefaultRequests = 12;
constexpr int GraphgenTimeoutMs = 120000;

// One generated graph: the requests scripts/graphgen made for it and a few words about it.
struct Graph
{
    int seed = 0;
    QList<RemovalRequest> requests;
    QStringList kinds;  // graphgen's name for how each reference was made ("prefix", …)
    QString summary;
};

QList<int> parseSeeds(const QString &text)
{
    QList<int> seeds;
    for (const QString &part : text.split(u',', Qt::SkipEmptyParts)) {
        const QStringList range = part.trimmed().split(u'-');
        const int first = range.first().toInt();
        const int last = range.size() > 1 ? range.last().toInt() : first;
        for (int seed = first; seed <= last; ++seed)
            seeds.append(seed);
    }
    return seeds;
}

QString describe(const RemovalRequest &request)
{
    return u"\"%1\"%2%3"_s.arg(request.reference, request.force ? u" -f"_s : QString(),
                               request.noPrune ? u" --no-prune"_s : QString());
}

QString recordLines(const QList<RemovalRecord> &records)
{
    QStringList lines;
    for (const RemovalRecord &record : records)
        lines.append(u"        "_s + record.text());
    return lines.isEmpty() ? u"        (no records)"_s : lines.join(u'\n');
}

QString uncertaintyName(PlanUncertainty uncertainty)
{
    switch (uncertainty) {
    case PlanUncertainty::ConflictContainerChoice:
        return u"which container a conflict names"_s;
    case PlanUncertainty::HiddenLayerHolders:
        return u"hidden layer holders"_s;
    case PlanUncertainty::UnsupportedEngine:
        return u"unsupported engine"_s;
    }
    return QString();
}

QString predictedText(const PlannedStep &step)
{
    QString text = step.succeeds()
        ? u"200\n"_s + recordLines(step.records)
        : u"%1 %2"_s.arg(step.httpStatus).arg(step.errorMessage);
    for (const QString &alternative : step.alternativeErrorMessages)
        text += u"\n        or: "_s + alternative;
    for (PlanUncertainty uncertainty : step.uncertainties)
        text += u"\n        (may differ: %1)"_s.arg(uncertaintyName(uncertainty));
    return text;
}

QString actualText(const RemovalOutcome &outcome)
{
    if (outcome.succeeded())
        return u"200\n"_s + recordLines(outcome.records);
    return u"%1 %2"_s.arg(outcome.httpStatus).arg(outcome.errorMessage);
}

} // namespace

// The removal planner against the real engine: scripts/graphgen builds a random but realistic
// image graph in a private dockerd and makes random removal requests of every reference kind;
// the planner predicts the whole sequence from one snapshot, then each request goes to the
// engine in order and its answer must be the one predicted, record for record or word for word.
// After a mismatch the rest of the sequence is planned again from a fresh snapshot, so that
// one wrong prediction does not hide the ones after it.
class TestRemovalPlannerDifferential final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void plannerMatchesEngine_data();
    void plannerMatchesEngine();
    void cleanupTestCase();

private:
    bool generate(int seed, Graph *graph);
    bool takeSnapshot(Snapshot *snapshot);
    int runSequence(const Graph &graph);
    void count(const RemovalOutcome &outcome);
    void reportMismatch(const Graph &graph, qsizetype index, const PlannedStep &step,
                        const RemovalOutcome &outcome);

    QString m_engineDir;
    Endpoint m_endpoint;
    int m_requestsPerGraph = DefaultRequests;
    int m_passed = 0;
    int m_failed = 0;
    int m_passedWithinUncertainty = 0; // of m_passed: hidden layer holders released less
    QMap<int, int> m_statusCounts; // what the engine answered, to see what the run covered
    int m_untagged = 0;
    int m_deleted = 0;
};

void TestRemovalPlannerDifferential::initTestCase()
{
    // One loader line per snapshot would bury the mismatches.
    QLoggingCategory::setFilterRules(u"strata.engine.info=false"_s);
    const QString host = qEnvironmentVariable("STRATA_TEST_HOST_DIFF");
    m_engineDir = qEnvironmentVariable("STRATA_DIFF_ENGINE_DIR");
    if (host.isEmpty() || m_engineDir.isEmpty())
        QFAIL("STRATA_TEST_HOST_DIFF / STRATA_DIFF_ENGINE_DIR are not set: run through ctest");
    EngineError error;
    QVERIFY2(Endpoint::parse(host, &m_endpoint, &error), qPrintable(error.detail));
    if (qEnvironmentVariableIsSet("STRATA_DIFF_REQUESTS"))
        m_requestsPerGraph = qEnvironmentVariableIntValue("STRATA_DIFF_REQUESTS");
    QVERIFY(m_requestsPerGraph > 0);
}

void TestRemovalPlannerDifferential::plannerMatchesEngine_data()
{
    QTest::addColumn<int>("seed");
    const QString seeds = qEnvironmentVariableIsSet("STRATA_DIFF_SEEDS")
        ? qEnvironmentVariable("STRATA_DIFF_SEEDS")
        : DefaultSeeds;
    for (int seed : parseSeeds(seeds))
        QTest::addRow("seed %d", seed) << seed;
}

void TestRemovalPlannerDifferential::plannerMatchesEngine()
{
    QFETCH(int, seed);
    Graph graph;
    if (!generate(seed, &graph) || graph.requests.size() != m_requestsPerGraph) {
        m_failed += m_requestsPerGraph; // requests never tried count as not predicted
        QFAIL("scripts/graphgen failed; its messages are above");
    }
    const int failed = runSequence(graph);
    m_failed += failed;
    QVERIFY2(failed == 0, qPrintable(u"%1 of %2 requests of seed %3 were not predicted"_s
                                         .arg(failed).arg(graph.requests.size()).arg(seed)));
}

void TestRemovalPlannerDifferential::cleanupTestCase()
{
    QStringList statuses;
    for (auto it = m_statusCounts.cbegin(); it != m_statusCounts.cend(); ++it)
        statuses.append(u"%1 x%2"_s.arg(it.key()).arg(it.value()));
    std::printf("engine answers: %s; records: %d Untagged, %d Deleted; %d answers kept fewer "
                "layers than planned, as the plan warned (hidden layer holders)\n",
                qPrintable(statuses.join(u", "_s)), m_untagged, m_deleted,
                m_passedWithinUncertainty);
    // On a line of its own, for CI logs and for people counting requests.
    std::printf("%d passed, %d failed\n", m_passed, m_failed);
    std::fflush(stdout);
}

// Wipes the engine and builds graph `seed` in it; graphgen prints the requests as JSON.
bool TestRemovalPlannerDifferential::generate(int seed, Graph *graph)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(QStringLiteral(STRATA_PYTHON),
                  {QStringLiteral(STRATA_GRAPHGEN), u"build"_s, u"--dir"_s, m_engineDir,
                   u"--seed"_s, QString::number(seed), u"--requests"_s,
                   QString::number(m_requestsPerGraph)});
    if (!process.waitForFinished(GraphgenTimeoutMs) || process.exitCode() != 0) {
        process.kill();
        return false;
    }
    const QJsonObject document = QJsonDocument::fromJson(process.readAllStandardOutput())
                                     .object();
    graph->seed = seed;
    for (const QJsonValue &value : document.value(u"requests"_s).toArray()) {
        const QJsonObject request = value.toObject();
        graph->requests.append({request.value(u"reference"_s).toString(),
                                request.value(u"force"_s).toBool(),
                                request.value(u"noPrune"_s).toBool()});
        graph->kinds.append(request.value(u"kind"_s).toString());
    }
    const QJsonObject seconds = document.value(u"seconds"_s).toObject();
    graph->summary = u"seed %1: %2 images, %3 containers, built in %4 s"_s.arg(seed)
                         .arg(document.value(u"images"_s).toArray().size())
                         .arg(document.value(u"containers"_s).toArray().size())
                         .arg(seconds.value(u"build"_s).toDouble());
    return true;
}

bool TestRemovalPlannerDifferential::takeSnapshot(Snapshot *snapshot)
{
    const SnapshotLoader::Result loaded = SnapshotLoader::load(m_endpoint);
    if (loaded.error.isError()) {
        qWarning("snapshot failed: %s", qPrintable(loaded.error.detail));
        return false;
    }
    *snapshot = loaded.snapshot;
    return true;
}

// Sends the requests in order and compares each answer with its planned step; returns the
// number of mismatches.
int TestRemovalPlannerDifferential::runSequence(const Graph &graph)
{
    EngineClient client(m_endpoint);
    if (client.negotiate().isError())
        return int(graph.requests.size());
    Snapshot snapshot;
    if (!takeSnapshot(&snapshot))
        return int(graph.requests.size());
    RemovalPlan plan = RemovalPlanner::plan(snapshot, graph.requests);
    qsizetype planOffset = 0; // index of the first request the current plan covers
    int failed = 0;
    for (qsizetype i = 0; i < graph.requests.size(); ++i) {
        if (plan.steps.size() != graph.requests.size() - planOffset) {
            qWarning("the plan has %d steps for %d requests", int(plan.steps.size()),
                     int(graph.requests.size() - planOffset));
            return failed + int(graph.requests.size() - i);
        }
        RemovalOutcome outcome;
        client.removeImage(graph.requests.at(i), &outcome);
        count(outcome);
        const PlannedStep &step = plan.steps.at(i - planOffset);
        if (step.matches(outcome)) {
            ++m_passed;
            continue;
        }
        if (step.isWithinUncertainty(outcome, snapshot)) {
            ++m_passed;
            ++m_passedWithinUncertainty;
            continue;
        }
        ++failed;
        reportMismatch(graph, i, step, outcome);
        // Plan what is left from what the engine really holds now.
        if (!takeSnapshot(&snapshot))
            return failed + int(graph.requests.size() - i - 1);
        planOffset = i + 1;
        plan = RemovalPlanner::plan(snapshot, graph.requests.mid(planOffset));
    }
    qInfo().noquote() << graph.summary << u"; %1 requests, %2 not predicted"_s
                                              .arg(graph.requests.size()).arg(failed);
    return failed;
}

void TestRemovalPlannerDifferential::count(const RemovalOutcome &outcome)
{
    ++m_statusCounts[outcome.httpStatus];
    for (const RemovalRecord &record : outcome.records)
        ++(record.kind == RemovalRecord::Kind::Untagged ? m_untagged : m_deleted);
}

void TestRemovalPlannerDifferential::reportMismatch(const Graph &graph, qsizetype index,
                                                   const PlannedStep &step,
                                                   const RemovalOutcome &outcome)
{
    QStringList earlier;
    for (qsizetype i = 0; i < index; ++i)
        earlier.append(describe(graph.requests.at(i)));
    qWarning().noquote()
        << u"MISMATCH seed %1 request %2 (%3): %4\n    after: %5\n    predicted: %6\n"
           "    engine:    %7\n    reproduce: scripts/graphgen build --dir DIR --seed %1 "
           "--requests %8"_s
               .arg(graph.seed)
               .arg(index)
               .arg(graph.kinds.value(index), describe(graph.requests.at(index)),
                    earlier.isEmpty() ? u"(first request)"_s : earlier.join(u", "_s),
                    predictedText(step), actualText(outcome))
               .arg(graph.requests.size());
}

QTEST_GUILESS_MAIN(TestRemovalPlannerDifferential)
#include "tst_removalplanner_differential.moc"
