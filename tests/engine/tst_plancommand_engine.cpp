// `strata-cli plan ARGS` against `docker image rm ARGS` on the same engine: the plan runs first
// and must change nothing; then the Docker CLI removes for real, and stdout, stderr and the exit
// status must be what the plan printed.
#include "dockercli.h"

#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

using namespace Strata;

namespace {

struct CommandRun
{
    int exitCode = -1;
    QStringList out;
    QStringList err;
};

CommandRun runPlan(const QString &host, const QStringList &arguments)
{
    QProcess process;
    process.setProcessEnvironment(QProcessEnvironment::systemEnvironment());
    process.start(QStringLiteral(STRATA_CLI_PATH),
                  QStringList{QStringLiteral("plan"), QStringLiteral("--host"), host}
                      + arguments);
    process.waitForFinished(120000);
    const auto lines = [](const QByteArray &bytes) {
        QStringList split = QString::fromUtf8(bytes).split(QLatin1Char('\n'));
        split.removeAll(QString());
        return split;
    };
    return {process.exitCode(), lines(process.readAllStandardOutput()),
            lines(process.readAllStandardError())};
}

QString engineState(const QString &host)
{
    const Testing::DockerRun images = Testing::runDocker(
        host, {QStringLiteral("image"), QStringLiteral("ls"), QStringLiteral("-a"),
               QStringLiteral("--digests"), QStringLiteral("--no-trunc")});
    // Not the STATUS column: "Up 5 seconds" changes by itself.
    const Testing::DockerRun containers = Testing::runDocker(
        host, {QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("--no-trunc"),
               QStringLiteral("--format"), QStringLiteral("{{.ID}} {{.Image}} {{.State}}")});
    // Sorted: the CLI orders the repositories of one image at random.
    QStringList lines = images.outputLines() + containers.outputLines();
    lines.sort();
    return lines.join(QLatin1Char('\n'));
}

// Debian's CLI 20.10 rewrites a 404 as "Error: No such image: <argument>" on the client side;
// newer CLIs print the engine's message. Either way the line must come from the same request.
bool sameErrorLine(const QString &planned, const QString &printed)
{
    if (planned == printed)
        return true;
    const QString daemon404 = QStringLiteral("Error response from daemon: No such image: ");
    return planned.startsWith(daemon404)
        && printed.startsWith(QStringLiteral("Error: No such image: "));
}

} // namespace

class TestPlanCommandOnEngine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void planEqualsDockerImageRm_data();
    void planEqualsDockerImageRm();

private:
    QString m_host;
};

void TestPlanCommandOnEngine::initTestCase()
{
    m_host = Testing::fixtureHost("cli");
    QVERIFY2(!m_host.isEmpty(), "STRATA_TEST_HOST_CLI is not set: run through ctest");
    QVERIFY(QFileInfo::exists(QStringLiteral(STRATA_CLI_PATH)));
    QCOMPARE(Testing::runDocker(m_host, {QStringLiteral("tag"), QStringLiteral("ubuntu:latest"),
                                         QStringLiteral("mix:1")})
                 .exitCode,
             0);
}

void TestPlanCommandOnEngine::planEqualsDockerImageRm_data()
{
    // Rows run in order on one engine: each sees what the rows before it removed.
    QTest::addColumn<QStringList>("arguments");
    const auto row = [](const char *name, QStringList arguments) {
        QTest::newRow(name) << arguments;
    };
    row("found, missing and malformed in one call",
        {QStringLiteral("nosuch"), QStringLiteral("mix:1"), QStringLiteral("Bad")});
    row("stopped container blocks a tag", {QStringLiteral("ubuntu:18.04")});
    row("running container blocks by ID", {QStringLiteral("-f"), QStringLiteral("2a22ee83b803")});
    row("forced missing names exit 0", {QStringLiteral("-f"), QStringLiteral("nosuch"),
                                        QStringLiteral("nosuch2")});
    row("shared base goes with the last user",
        {QStringLiteral("redis:alpine"), QStringLiteral("alpine/git")});
    row("dangling image by short prefix, keeping parents",
        {QStringLiteral("--no-prune"), QStringLiteral("ee2f")});
    row("forced tag with only a stopped container", {QStringLiteral("-f"),
                                                      QStringLiteral("ubuntu:18.04")});
    row("name means latest", {QStringLiteral("ubuntu")});
    row("blank name", {QStringLiteral(" ")});
}

void TestPlanCommandOnEngine::planEqualsDockerImageRm()
{
    QFETCH(QStringList, arguments);
    const QString before = engineState(m_host);
    const CommandRun plan = runPlan(m_host, arguments);
    QCOMPARE(engineState(m_host), before); // planning changed nothing

    const Testing::DockerRun docker
        = Testing::runDocker(m_host, QStringList{QStringLiteral("image"), QStringLiteral("rm")}
                                         + arguments);
    QCOMPARE(plan.out, docker.outputLines());
    const QStringList printedErrors = docker.errorLines();
    QCOMPARE(plan.err.size(), printedErrors.size());
    for (qsizetype i = 0; i < plan.err.size(); ++i)
        QVERIFY2(sameErrorLine(plan.err.at(i), printedErrors.at(i)),
                 qPrintable(plan.err.at(i) + QStringLiteral(" vs ") + printedErrors.at(i)));
    QCOMPARE(plan.exitCode, docker.exitCode);
}

QTEST_GUILESS_MAIN(TestPlanCommandOnEngine)
#include "tst_plancommand_engine.moc"
