#include "dockercli.h"
#include "engineclient.h"
#include "engineproxy.h"
#include "removalexecutor.h"
#include "removalplanner.h"
#include "snapshotloader.h"

#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <memory>
#include <thread>

using namespace Strata;
using namespace Strata::Testing;
using namespace Qt::StringLiterals;

namespace {

// One removal and what the docker CLI printed for it on twin_cli.
struct Step
{
    QString name;
    RemovalRequest request;
    int status = 0;          // the HTTP status the engine answers with
    QStringList cliRecords;  // stdout lines
    QString cliError;        // the server's message, prefix stripped
};

constexpr int RunTimeoutMs = 180000;
const QString NewerCli = u"/usr/local/bin/docker"_s;

QString stripCliPrefix(QString line)
{
    for (const QString &prefix : {u"Error response from daemon: "_s, u"Error: "_s}) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size());
    }
    return line;
}

DockerRun runProgram(const QString &program, const QString &host, const QStringList &arguments)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"DOCKER_HOST"_s, host);
    environment.insert(u"DOCKER_CONFIG"_s, u"/nonexistent-strata"_s);
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    DockerRun run;
    if (process.waitForFinished(120000)) {
        run.exitCode = process.exitCode();
        run.standardOutput = process.readAllStandardOutput();
        run.standardError = process.readAllStandardError();
    }
    return run;
}

} // namespace

// RemovalExecutor against two identically seeded engines: the docker CLI removes on twin_cli,
// the executor removes the same references on twin_strata, and every record and error must be
// the same, line by line. Then cancellation, failure and threading, with a gating proxy in
// front of twin_strata so that the test decides when a request may reach the engine.
class TestRemovalExecutor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void recordsMatchCli_data();
    void recordsMatchCli();
    void baseLayerOfRedisSurvives();
    void neverBlocksCaller();
    void cancelAfterFirstOutcome();
    void unreachableEngineFails();
    void engineGoneMidRunFails();
    void destructionDuringRequest();
    void plannedRunMatchesPlan();
    void stalePlanSendsNothing();
    void divergesAtFirstDifference();
    void plannedCheckUnreachableFails();

private:
    QString cli(const QString &host, const QStringList &arguments);
    void prepareTwin(const QString &host);
    void runCliSteps();
    void runExecutorSteps();
    QString mapContainerIds(QString message) const;
    RemovalPlan planOn(const QList<RemovalRequest> &requests, Snapshot *snapshot);

    QString m_cliHost;
    QString m_strataHost;
    Endpoint m_strataEndpoint;
    QList<Step> m_steps;
    QList<RemovalOutcome> m_outcomes;
    QList<QPair<QString, QString>> m_containerIds; // twin_strata ID -> twin_cli ID
    QString m_redisBaseLayer;
    QString m_plannedHost;  // the `planned` engine: planned runs change it
    Endpoint m_plannedEndpoint;
};

QString TestRemovalExecutor::cli(const QString &host, const QStringList &arguments)
{
    const DockerRun run = runDocker(host, arguments);
    if (run.exitCode != 0)
        qWarning("docker %s: %s", qPrintable(arguments.join(u' ')), run.standardError.data());
    return QString::fromUtf8(run.standardOutput).trimmed();
}

// The seed has no multi-tagged image; the same two tags on both twins keep them identical.
void TestRemovalExecutor::prepareTwin(const QString &host)
{
    cli(host, {u"tag"_s, u"alpine/git:latest"_s, u"gitmulti:one"_s});
    cli(host, {u"tag"_s, u"alpine/git:latest"_s, u"gitmulti:two"_s});
}

void TestRemovalExecutor::initTestCase()
{
    m_cliHost = fixtureHost("twin_cli");
    m_strataHost = fixtureHost("twin_strata");
    if (m_cliHost.isEmpty() || m_strataHost.isEmpty())
        QFAIL("STRATA_TEST_HOST_TWIN_CLI/_TWIN_STRATA are not set: run this through ctest");
    EngineError error;
    QVERIFY2(Endpoint::parse(m_strataHost, &m_strataEndpoint, &error), qPrintable(error.detail));
    prepareTwin(m_cliHost);
    prepareTwin(m_strataHost);
    m_plannedHost = fixtureHost("planned");
    QVERIFY2(!m_plannedHost.isEmpty(), "STRATA_TEST_HOST_PLANNED is not set");
    QVERIFY(Endpoint::parse(m_plannedHost, &m_plannedEndpoint, nullptr));

    // IDs and digests are read from twin_cli; the twins are identical (engine_twins_identical).
    const QStringList dangling = cli(m_cliHost, {u"image"_s, u"ls"_s, u"-q"_s, u"--no-trunc"_s,
                                                 u"--filter"_s, u"dangling=true"_s})
                                     .split(u'\n');
    QCOMPARE(dangling.size(), 1);
    const QString danglingId = dangling.first();
    const QString parentId = cli(m_cliHost, {u"image"_s, u"inspect"_s, u"-f"_s,
                                             u"{{.Parent}}"_s, danglingId});
    const QString mongoDigest = cli(m_cliHost, {u"image"_s, u"inspect"_s, u"-f"_s,
                                                u"{{index .RepoDigests 0}}"_s, u"mongo:3.2"_s});
    QVERIFY2(mongoDigest.startsWith(u"mongo@sha256:"_s), qPrintable(mongoDigest));
    m_redisBaseLayer = cli(m_cliHost, {u"image"_s, u"inspect"_s, u"-f"_s,
                                       u"{{index .RootFS.Layers 0}}"_s, u"redis:alpine"_s});
    const QString tutorialId = cli(m_cliHost, {u"image"_s, u"inspect"_s, u"-f"_s, u"{{.Id}}"_s,
                                               u"docker101tutorial"_s});
    const QString gitId = cli(m_cliHost, {u"image"_s, u"inspect"_s, u"-f"_s, u"{{.Id}}"_s,
                                          u"alpine/git:latest"_s});

    auto step = [this](const QString &name, const QString &reference, bool force, bool noPrune,
                       int status) {
        m_steps.append({name, {reference, force, noPrune}, status, {}, {}});
    };
    step(u"one tag of a multi-tag image"_s, u"gitmulti:one"_s, false, false, 200);
    step(u"pulled image with repo digest"_s, u"redis:alpine"_s, false, false, 200);
    step(u"name without tag means latest"_s, u"ubuntu"_s, false, false, 200);
    step(u"dangling by short ID, no prune"_s, danglingId.mid(7, 12), false, true, 200);
    step(u"now-dangling parent by full ID"_s, parentId, false, false, 200);
    step(u"stopped container, no force"_s, u"ubuntu:18.04"_s, false, false, 409);
    step(u"stopped container, force"_s, u"ubuntu:18.04"_s, true, false, 200);
    step(u"running container"_s, u"docker101tutorial"_s, false, false, 409);
    step(u"running container by ID, force"_s, tutorialId.mid(7, 12), true, false, 409);
    step(u"running container's tag, force"_s, u"docker101tutorial"_s, true, false, 200);
    step(u"no such image"_s, u"nosuch"_s, false, false, 404);
    step(u"invalid reference"_s, u"Bad"_s, false, false, 400);
    step(u"digest reference"_s, mongoDigest, false, false, 200);
    step(u"ID prefix of multi-repo image"_s, gitId.mid(7, 12), false, false, 409);

    runCliSteps();
    runExecutorSteps();
}

void TestRemovalExecutor::runCliSteps()
{
    for (Step &s : m_steps) {
        QStringList arguments{u"image"_s, u"rm"_s};
        if (s.request.force)
            arguments.append(u"-f"_s);
        if (s.request.noPrune)
            arguments.append(u"--no-prune"_s);
        arguments.append(s.request.reference);
        const DockerRun run = runDocker(m_cliHost, arguments);
        s.cliRecords = run.outputLines();
        const QStringList errors = run.errorLines();
        s.cliError = errors.isEmpty() ? QString() : stripCliPrefix(errors.join(u'\n'));
        QVERIFY2(run.exitCode == (s.status == 200 ? 0 : 1), qPrintable(s.name));
        if (s.status != 404)
            continue;
        // Debian's 20.10 CLI rewrites 404s itself; a newer CLI prints the engine's message.
        QCOMPARE(s.cliError, u"No such image: "_s + s.request.reference);
        if (!QFileInfo(NewerCli).isExecutable()) {
            qWarning("no %s to read the engine's 404 message with", qPrintable(NewerCli));
            continue;
        }
        const DockerRun newer = runProgram(NewerCli, m_cliHost, arguments);
        s.cliError = stripCliPrefix(QString::fromUtf8(newer.standardError).trimmed());
    }
}

void TestRemovalExecutor::runExecutorSteps()
{
    QList<RemovalRequest> requests;
    for (const Step &s : std::as_const(m_steps))
        requests.append(s.request);
    RemovalExecutor executor;
    QSignalSpy outcomes(&executor, &RemovalExecutor::outcomeReady);
    QSignalSpy finished(&executor, &RemovalExecutor::finished);
    executor.start(m_strataEndpoint, requests);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, RunTimeoutMs);
    QCOMPARE(finished.first().first().value<RemovalExecutor::Ending>(),
             RemovalExecutor::Ending::Completed);
    QCOMPARE(outcomes.size(), m_steps.size());
    for (qsizetype i = 0; i < outcomes.size(); ++i) {
        QCOMPARE(outcomes.at(i).at(0).toInt(), int(i));
        m_outcomes.append(outcomes.at(i).at(1).value<RemovalOutcome>());
    }

    // Container IDs differ between the twins; names do not.
    QMap<QString, QString> cliIdByName;
    const QString format = u"{{.Names}} {{.ID}}"_s;
    const QStringList psArguments{u"ps"_s, u"-a"_s, u"--no-trunc"_s, u"--format"_s, format};
    for (const QString &line : cli(m_cliHost, psArguments).split(u'\n'))
        cliIdByName.insert(line.section(u' ', 0, 0), line.section(u' ', 1));
    for (const QString &line : cli(m_strataHost, psArguments).split(u'\n'))
        m_containerIds.append({line.section(u' ', 1), cliIdByName.value(line.section(u' ', 0, 0))});
}

QString TestRemovalExecutor::mapContainerIds(QString message) const
{
    for (const auto &[strataId, cliId] : m_containerIds) {
        message.replace(strataId, cliId);
        message.replace(strataId.left(12), cliId.left(12));
    }
    return message;
}

void TestRemovalExecutor::recordsMatchCli_data()
{
    QTest::addColumn<int>("index");
    for (qsizetype i = 0; i < m_steps.size(); ++i)
        QTest::newRow(qPrintable(m_steps.at(i).name)) << int(i);
}

void TestRemovalExecutor::recordsMatchCli()
{
    QFETCH(int, index);
    const Step &s = m_steps.at(index);
    const RemovalOutcome &outcome = m_outcomes.at(index);
    QCOMPARE(outcome.request, s.request);
    QCOMPARE(outcome.httpStatus, s.status);
    QStringList records;
    for (const RemovalRecord &record : outcome.records)
        records.append(record.text());
    QCOMPARE(records, s.cliRecords);
    QCOMPARE(mapContainerIds(outcome.errorMessage), s.cliError);
    QCOMPARE(outcome.succeeded(), s.status == 200);
    QVERIFY(outcome.succeeded() ? !records.isEmpty() : !s.cliError.isEmpty());
}

// Removing redis deletes its own layers but not the base it shares with alpine/git.
void TestRemovalExecutor::baseLayerOfRedisSurvives()
{
    const RemovalOutcome &redis = m_outcomes.at(1);
    QCOMPARE(redis.request.reference, u"redis:alpine"_s);
    QVERIFY(m_redisBaseLayer.startsWith(u"sha256:"_s));
    qsizetype deleted = 0;
    for (const RemovalRecord &record : redis.records) {
        deleted += record.kind == RemovalRecord::Kind::Deleted;
        QVERIFY(record.value != m_redisBaseLayer);
    }
    QVERIFY(deleted >= 2); // the image and at least one layer of its own
}

void TestRemovalExecutor::neverBlocksCaller()
{
    EngineProxy proxy(m_strataEndpoint.socketPath);
    QString problem;
    QVERIFY2(proxy.start(&problem), qPrintable(problem));
    proxy.addRule("DELETE ", EngineProxy::Action::Hold);
    Endpoint endpoint;
    QVERIFY(Endpoint::parse(proxy.address(), &endpoint, nullptr));

    RemovalExecutor executor;
    QSignalSpy started(&executor, &RemovalExecutor::requestStarted);
    QSignalSpy progress(&executor, &RemovalExecutor::progressChanged);
    QSignalSpy finished(&executor, &RemovalExecutor::finished);
    bool allInOwnThread = true;
    auto checkThread = [&] { allInOwnThread &= QThread::currentThread() == executor.thread(); };
    connect(&executor, &RemovalExecutor::requestStarted, this, checkThread, Qt::DirectConnection);
    connect(&executor, &RemovalExecutor::outcomeReady, this, checkThread, Qt::DirectConnection);
    connect(&executor, &RemovalExecutor::finished, this, checkThread, Qt::DirectConnection);

    executor.start(endpoint, {{u"nosuch"_s, false, false}});
    QVERIFY(executor.isRunning());
    // The request is parked in the proxy; our event loop still gets the executor's signals.
    QTRY_COMPARE(proxy.heldCount(), 1);
    QTRY_COMPARE(started.size(), 1);
    QCOMPARE(finished.size(), 0);
    executor.start(endpoint, {{u"other"_s, false, false}}); // ignored while running
    proxy.openGate();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, RunTimeoutMs);
    QVERIFY(!executor.isRunning());
    QCOMPARE(finished.first().first().value<RemovalExecutor::Ending>(),
             RemovalExecutor::Ending::Completed);
    QCOMPARE(progress.last(), (QList<QVariant>{1, 1}));
    QCOMPARE(proxy.requests().filter(u"DELETE"_s).size(), 1);
    QVERIFY(allInOwnThread);
}

void TestRemovalExecutor::cancelAfterFirstOutcome()
{
    EngineProxy proxy(m_strataEndpoint.socketPath);
    QString problem;
    QVERIFY2(proxy.start(&problem), qPrintable(problem));
    proxy.addRule("DELETE ", EngineProxy::Action::Hold);
    Endpoint endpoint;
    QVERIFY(Endpoint::parse(proxy.address(), &endpoint, nullptr));

    RemovalExecutor executor;
    QSignalSpy outcomes(&executor, &RemovalExecutor::outcomeReady);
    QSignalSpy finished(&executor, &RemovalExecutor::finished);
    executor.start(endpoint, {{u"gitmulti:two"_s, false, false},
                              {u"alpine/git:latest"_s, false, false},
                              {u"mongo:3.2"_s, false, false}});
    QTRY_COMPARE(proxy.heldCount(), 1);
    executor.cancel(); // while the first request is in flight: it completes, no other is sent
    proxy.openGate();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, RunTimeoutMs);
    QCOMPARE(finished.first().first().value<RemovalExecutor::Ending>(),
             RemovalExecutor::Ending::Cancelled);
    QCOMPARE(outcomes.size(), 1);
    const auto outcome = outcomes.first().at(1).value<RemovalOutcome>();
    QCOMPARE(outcome.httpStatus, 200);
    QCOMPARE(outcome.records.size(), 1);
    QCOMPARE(outcome.records.first().text(), u"Untagged: gitmulti:two"_s);
    QCOMPARE(proxy.requests().filter(u"DELETE"_s).size(), 1);

    const QString tags = cli(m_strataHost, {u"image"_s, u"ls"_s, u"--format"_s,
                                            u"{{.Repository}}:{{.Tag}}"_s});
    QVERIFY2(tags.contains(u"alpine/git:latest"_s) && tags.contains(u"mongo:3.2"_s),
             qPrintable(tags));
    QVERIFY(!tags.contains(u"gitmulti:two"_s));
}

void TestRemovalExecutor::unreachableEngineFails()
{
    Endpoint endpoint;
    QVERIFY(Endpoint::parse(u"unix:///tmp/strata-no-such-dir/docker.sock"_s, &endpoint, nullptr));
    RemovalExecutor executor;
    QSignalSpy started(&executor, &RemovalExecutor::requestStarted);
    QSignalSpy outcomes(&executor, &RemovalExecutor::outcomeReady);
    QSignalSpy finished(&executor, &RemovalExecutor::finished);
    executor.start(endpoint, {{u"a"_s, false, false}, {u"b"_s, false, false}});
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<RemovalExecutor::Ending>(),
             RemovalExecutor::Ending::Failed);
    QCOMPARE(started.size(), 1);
    QCOMPARE(outcomes.size(), 1);
    const auto outcome = outcomes.first().at(1).value<RemovalOutcome>();
    QCOMPARE(outcome.httpStatus, 0);
    QCOMPARE(outcome.request.reference, u"a"_s);
    QCOMPARE(outcome.errorMessage,
             u"cannot connect to /tmp/strata-no-such-dir/docker.sock: No such file or directory"_s);
}

void TestRemovalExecutor::engineGoneMidRunFails()
{
    EngineProxy proxy(m_strataEndpoint.socketPath);
    QString problem;
    QVERIFY2(proxy.start(&problem), qPrintable(problem));
    proxy.addRule("DELETE /v1.41/images/gone2", EngineProxy::Action::Drop);
    Endpoint endpoint;
    QVERIFY(Endpoint::parse(proxy.address(), &endpoint, nullptr));

    RemovalExecutor executor;
    QSignalSpy outcomes(&executor, &RemovalExecutor::outcomeReady);
    QSignalSpy finished(&executor, &RemovalExecutor::finished);
    executor.start(endpoint, {{u"gone1"_s, false, false}, {u"gone2"_s, false, false},
                              {u"gone3"_s, false, false}});
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, RunTimeoutMs);
    QCOMPARE(finished.first().first().value<RemovalExecutor::Ending>(),
             RemovalExecutor::Ending::Failed);
    QCOMPARE(outcomes.size(), 2);
    QCOMPARE(outcomes.at(0).at(1).value<RemovalOutcome>().httpStatus, 404);
    const auto lost = outcomes.at(1).at(1).value<RemovalOutcome>();
    QCOMPARE(lost.httpStatus, 0);
    QVERIFY2(lost.errorMessage.contains(u"Empty reply from server"_s),
             qPrintable(lost.errorMessage));
    QCOMPARE(proxy.requests().filter(u"DELETE"_s),
             (QStringList{u"DELETE /v1.41/images/gone1"_s, u"DELETE /v1.41/images/gone2"_s}));
}

// Destroying the executor while a request is in flight cancels and waits for the worker: the
// destructor returns only once the request has ended, and nothing is sent after it.
void TestRemovalExecutor::destructionDuringRequest()
{
    auto proxy = std::make_unique<EngineProxy>(m_strataEndpoint.socketPath);
    QString problem;
    QVERIFY2(proxy->start(&problem), qPrintable(problem));
    proxy->addRule("DELETE ", EngineProxy::Action::Hold);
    Endpoint endpoint;
    QVERIFY(Endpoint::parse(proxy->address(), &endpoint, nullptr));

    auto executor = std::make_unique<RemovalExecutor>();
    QSignalSpy finished(executor.get(), &RemovalExecutor::finished);
    executor->start(endpoint, {{u"held1"_s, false, false}, {u"held2"_s, false, false}});
    QTRY_COMPARE(proxy->heldCount(), 1);
    // Releasing the held request unanswered ends it; the destructor waits for that.
    std::thread release([&proxy] { proxy->openGate(); });
    executor.reset();
    release.join();
    QCOMPARE(finished.size(), 0);
    QCOMPARE(proxy->requests().filter(u"DELETE"_s).size(), 1);
}


// A snapshot of the planned engine as the app would take it, and the plan made from it.
RemovalPlan TestRemovalExecutor::planOn(const QList<RemovalRequest> &requests, Snapshot *snapshot)
{
    const SnapshotLoader::Result loaded = SnapshotLoader::load(m_plannedEndpoint);
    if (loaded.error.isError())
        qWarning("loading the planned engine: %s", qPrintable(loaded.error.detail));
    *snapshot = loaded.snapshot;
    return RemovalPlanner::plan(loaded.snapshot, requests);
}

// Nothing changed since the preview: every answer is the predicted one.
void TestRemovalExecutor::plannedRunMatchesPlan()
{
    const QList<RemovalRequest> requests{{u"ubuntu:latest"_s, false, false},
                                         {u"redis:alpine"_s, false, false},
                                         {u"nosuch"_s, false, false}};
    Snapshot snapshot;
    const RemovalPlan plan = planOn(requests, &snapshot);
    QCOMPARE(plan.steps.size(), requests.size());
    QVERIFY(plan.steps.at(1).records.size() > 2); // untag, delete the image and its own layers
    QCOMPARE(plan.steps.at(2).httpStatus, 404);

    EngineProxy proxy(m_plannedEndpoint.socketPath);
    QString problem;
    QVERIFY2(proxy.start(&problem), qPrintable(problem));
    Endpoint endpoint;
    QVERIFY(Endpoint::parse(proxy.address(), &endpoint, nullptr));
    RemovalExecutor executor;
    QSignalSpy outcomes(&executor, &RemovalExecutor::outcomeReady);
    QSignalSpy stale(&executor, &RemovalExecutor::planStale);
    QSignalSpy diverged(&executor, &RemovalExecutor::diverged);
    QSignalSpy finished(&executor, &RemovalExecutor::finished);
    executor.start(endpoint, snapshot, requests, plan);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, RunTimeoutMs);
    QCOMPARE(finished.first().first().value<RemovalExecutor::Ending>(),
             RemovalExecutor::Ending::Completed);
    QCOMPARE(stale.size(), 0);
    QCOMPARE(diverged.size(), 0);
    QCOMPARE(outcomes.size(), requests.size());
    for (qsizetype i = 0; i < outcomes.size(); ++i) {
        const auto outcome = outcomes.at(i).at(1).value<RemovalOutcome>();
        QCOMPARE(outcome.httpStatus, plan.steps.at(i).httpStatus);
        QCOMPARE(outcome.records, plan.steps.at(i).records);
    }
    // The check read the engine first (through the proxy, from the snapshot's cache).
    const QStringList sent = proxy.requests();
    QVERIFY(sent.indexOf(u"GET /v1.41/images/json?all=1"_s) >= 0);
    QVERIFY(sent.indexOf(u"GET /v1.41/images/json?all=1"_s)
            < sent.indexOf(u"DELETE /v1.41/images/ubuntu:latest"_s));
    QCOMPARE(sent.filter(u"/history"_s).size(), 0);
    QCOMPARE(sent.filter(u"DELETE"_s).size(), requests.size());
}

// The engine changed after the preview (another tag on the image): the run sends nothing and
// hands back the plan as it would be now.
void TestRemovalExecutor::stalePlanSendsNothing()
{
    const QList<RemovalRequest> requests{{u"alpine/git:latest"_s, false, false}};
    Snapshot snapshot;
    const RemovalPlan plan = planOn(requests, &snapshot);
    QCOMPARE(plan.steps.size(), 1);
    const QString gitId = cli(m_plannedHost, {u"image"_s, u"inspect"_s, u"-f"_s, u"{{.Id}}"_s,
                                              u"alpine/git:latest"_s});
    QVERIFY(plan.steps.first().records.contains(
        RemovalRecord{RemovalRecord::Kind::Deleted, gitId}));
    cli(m_plannedHost, {u"tag"_s, u"alpine/git:latest"_s, u"planned/extra:1"_s});

    EngineProxy proxy(m_plannedEndpoint.socketPath);
    QString problem;
    QVERIFY2(proxy.start(&problem), qPrintable(problem));
    Endpoint endpoint;
    QVERIFY(Endpoint::parse(proxy.address(), &endpoint, nullptr));
    RemovalExecutor executor;
    QSignalSpy started(&executor, &RemovalExecutor::requestStarted);
    QSignalSpy stale(&executor, &RemovalExecutor::planStale);
    QSignalSpy finished(&executor, &RemovalExecutor::finished);
    executor.start(endpoint, snapshot, requests, plan);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, RunTimeoutMs);
    QCOMPARE(finished.first().first().value<RemovalExecutor::Ending>(),
             RemovalExecutor::Ending::Stale);
    QCOMPARE(started.size(), 0);
    QCOMPARE(proxy.requests().filter(u"DELETE"_s).size(), 0);
    QCOMPARE(stale.size(), 1);
    const auto fresh = stale.first().at(1).value<RemovalPlan>();
    QCOMPARE(fresh.steps.size(), 1);
    // Only references go now; the digest goes with the repository's last tag (§2.3).
    const QList<RemovalRecord> freshRecords = fresh.steps.first().records;
    QVERIFY(freshRecords.size() >= 1);
    QCOMPARE(freshRecords.first().text(), u"Untagged: alpine/git:latest"_s);
    for (const RemovalRecord &record : freshRecords)
        QCOMPARE(record.kind, RemovalRecord::Kind::Untagged);
    const auto freshSnapshot = stale.first().at(0).value<Snapshot>();
    QVERIFY(freshSnapshot.image(gitId)->repoTags.contains(u"planned/extra:1"_s));
    QCOMPARE(cli(m_plannedHost, {u"image"_s, u"inspect"_s, u"-f"_s, u"{{.Id}}"_s,
                                 u"alpine/git:latest"_s}), gitId);
}

// The engine changes between the check and the first DELETE, where the check cannot see it:
// the first answer differs from the prediction and nothing is sent after it.
void TestRemovalExecutor::divergesAtFirstDifference()
{
    const QList<RemovalRequest> requests{{u"mongo:3.2"_s, false, false},
                                         {u"ubuntu:18.04"_s, true, false}};
    Snapshot snapshot;
    const RemovalPlan plan = planOn(requests, &snapshot);
    QCOMPARE(plan.steps.size(), 2);
    QVERIFY(plan.steps.first().records.size() > 1); // the image goes, not just its tag

    EngineProxy proxy(m_plannedEndpoint.socketPath);
    QString problem;
    QVERIFY2(proxy.start(&problem), qPrintable(problem));
    proxy.addRule("DELETE ", EngineProxy::Action::Hold);
    Endpoint endpoint;
    QVERIFY(Endpoint::parse(proxy.address(), &endpoint, nullptr));
    RemovalExecutor executor;
    QSignalSpy outcomes(&executor, &RemovalExecutor::outcomeReady);
    QSignalSpy diverged(&executor, &RemovalExecutor::diverged);
    QSignalSpy finished(&executor, &RemovalExecutor::finished);
    executor.start(endpoint, snapshot, requests, plan);
    QTRY_COMPARE_WITH_TIMEOUT(proxy.heldCount(), 1, RunTimeoutMs); // checked, first DELETE held
    cli(m_plannedHost, {u"tag"_s, u"mongo:3.2"_s, u"planned/keep:1"_s});
    proxy.openGate();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, RunTimeoutMs);
    QCOMPARE(finished.first().first().value<RemovalExecutor::Ending>(),
             RemovalExecutor::Ending::Diverged);
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(diverged.size(), 1);
    QCOMPARE(diverged.first().at(0).toInt(), 0);
    const auto predicted = diverged.first().at(1).value<PlannedStep>();
    const auto actual = diverged.first().at(2).value<RemovalOutcome>();
    QCOMPARE(predicted.records, plan.steps.first().records);
    QCOMPARE(actual.httpStatus, 200);
    QVERIFY(!actual.records.isEmpty());
    QCOMPARE(actual.records.first().text(), u"Untagged: mongo:3.2"_s);
    for (const RemovalRecord &record : actual.records)
        QCOMPARE(record.kind, RemovalRecord::Kind::Untagged); // the image stayed
    QCOMPARE(proxy.requests().filter(u"DELETE"_s),
             QStringList{u"DELETE /v1.41/images/mongo:3.2"_s});
    QCOMPARE(cli(m_plannedHost, {u"image"_s, u"ls"_s, u"-q"_s, u"ubuntu:18.04"_s}).isEmpty(),
             false);
}

// The check before a planned run cannot reach the engine: reported like a failed request.
void TestRemovalExecutor::plannedCheckUnreachableFails()
{
    Endpoint endpoint;
    QVERIFY(Endpoint::parse(u"unix:///tmp/strata-no-such-dir/docker.sock"_s, &endpoint, nullptr));
    RemovalExecutor executor;
    QSignalSpy outcomes(&executor, &RemovalExecutor::outcomeReady);
    QSignalSpy finished(&executor, &RemovalExecutor::finished);
    RemovalPlan plan;
    plan.steps.append(PlannedStep{});
    plan.steps.first().request = {u"a"_s, false, false};
    executor.start(endpoint, Snapshot(), {{u"a"_s, false, false}}, plan);
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<RemovalExecutor::Ending>(),
             RemovalExecutor::Ending::Failed);
    QCOMPARE(outcomes.size(), 1);
    const auto outcome = outcomes.first().at(1).value<RemovalOutcome>();
    QCOMPARE(outcome.httpStatus, 0);
    QCOMPARE(outcome.request.reference, u"a"_s);
    QCOMPARE(outcome.errorMessage,
             u"cannot connect to /tmp/strata-no-such-dir/docker.sock: No such file or directory"_s);
}

QTEST_GUILESS_MAIN(TestRemovalExecutor)
#include "tst_removalexecutor.moc"
