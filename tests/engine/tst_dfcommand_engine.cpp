// `strata-cli df -v` against the "Images space usage:" section of `docker system df -v` (Debian's
// CLI 20.10), byte for byte, and `strata-cli df` against the header and Images line of `docker
// system df`; on the seeded sandbox (read-only) and on the `layers` engine's scenarios.
#include "dockercli.h"
#include "layerengine.h"

#include <QFileInfo>
#include <QProcess>
#include <QTest>

using namespace Strata;
using namespace Qt::StringLiterals;

namespace {

QByteArray runStrata(const QString &host, const QStringList &arguments, int *exitCode)
{
    QProcess process;
    process.start(QStringLiteral(STRATA_CLI_PATH),
                  QStringList{u"df"_s, u"--host"_s, host} + arguments);
    process.waitForFinished(120000);
    *exitCode = process.exitCode();
    if (!process.readAllStandardError().isEmpty())
        *exitCode = -1; // a note about unknown sizes: the figures are not all there
    return process.readAllStandardOutput();
}

} // namespace

class TestDfCommandOnEngine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sameAsDockerSystemDf_data();
    void sameAsDockerSystemDf();
};

void TestDfCommandOnEngine::initTestCase()
{
    QVERIFY2(!Testing::fixtureHost("sandbox").isEmpty() && !Testing::fixtureHost("layers")
                                                                 .isEmpty(),
             "STRATA_TEST_HOST_SANDBOX / _LAYERS are not set: run through ctest");
    QVERIFY(QFileInfo::exists(QStringLiteral(STRATA_CLI_PATH)));
}

void TestDfCommandOnEngine::sameAsDockerSystemDf_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::newRow("sandbox") << u"sandbox"_s;
    for (const QString &name : Testing::scenarios())
        QTest::newRow(qPrintable(name)) << name;
}

void TestDfCommandOnEngine::sameAsDockerSystemDf()
{
    QFETCH(QString, scenario);
    const bool sandbox = scenario == QLatin1String("sandbox");
    const QString host = Testing::fixtureHost(sandbox ? "sandbox" : "layers");
    if (!sandbox) {
        QString error;
        QVERIFY2(!Testing::buildScenario(scenario, &error).isEmpty(), qPrintable(error));
    }

    int exitCode = 0;
    const QByteArray verbose = runStrata(host, {u"-v"_s}, &exitCode);
    QCOMPARE(exitCode, 0);
    const Testing::DockerRun dockerVerbose
        = Testing::runDocker(host, {u"system"_s, u"df"_s, u"-v"_s});
    QCOMPARE(dockerVerbose.exitCode, 0);
    const qsizetype end = dockerVerbose.standardOutput.indexOf("\nContainers space usage:");
    QVERIFY(end > 0);
    QCOMPARE(verbose, dockerVerbose.standardOutput.left(end));

    const QByteArray summary = runStrata(host, {}, &exitCode);
    QCOMPARE(exitCode, 0);
    const QStringList dockerSummary
        = Testing::runDocker(host, {u"system"_s, u"df"_s}).outputLines();
    QVERIFY(dockerSummary.size() >= 2);
    QCOMPARE(QString::fromUtf8(summary), dockerSummary.mid(0, 2).join(u'\n') + u'\n');
    qInfo("%lld bytes of -v output equal", qlonglong(verbose.size()));
}

QTEST_GUILESS_MAIN(TestDfCommandOnEngine)
#include "tst_dfcommand_engine.moc"
