// `strata-cli prune --dry-run` against `docker image prune -f` (Debian's CLI 20.10) on the
// engine tests/engine/filterscenario.py builds, rebuilt for every row: first the preview, then
// the real prune on the same engine. The engine takes the images in Go map order, so the lines
// of different images come in another order from run to run: the header and the "Total
// reclaimed space" line must be equal, the record lines equal as a multiset, and the images
// left afterwards exactly those the preview did not delete.

#include "filterengine.h"

#include <QFileInfo>
#include <QProcess>
#include <QSet>
#include <QTest>

using namespace Strata;
using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run strataPrune(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(STRATA_CLI_PATH),
                  QStringList{u"prune"_s, u"--host"_s, Testing::filtersHost(), u"--dry-run"_s}
                      + arguments);
    process.waitForFinished(120000);
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QStringList sorted(QStringList lines)
{
    lines.sort();
    return lines;
}

QSet<QString> imageIds(const QStringList &lines)
{
    return {lines.cbegin(), lines.cend()};
}

} // namespace

class TestPruneOnEngine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sameAsDockerImagePrune_data();
    void sameAsDockerImagePrune();
};

void TestPruneOnEngine::initTestCase()
{
    QVERIFY2(!Testing::filtersHost().isEmpty(), "run through ctest: the filters fixture");
    QVERIFY(QFileInfo::exists(QStringLiteral(STRATA_CLI_PATH)));
}

void TestPruneOnEngine::sameAsDockerImagePrune_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("refused");
    QTest::newRow("dangling") << QStringList{} << false;
    QTest::newRow("-a") << QStringList{u"-a"_s} << false;
    QTest::newRow("-a label") << QStringList{u"-a"_s, u"--filter"_s, u"label=tier=backend"_s}
                              << false;
    QTest::newRow("-a label!") << QStringList{u"-a"_s, u"--filter"_s, u"label!=tier=backend"_s}
                               << false;
    QTest::newRow("dangling label") << QStringList{u"--filter"_s, u"label=team=a"_s} << false;
    QTest::newRow("-a until") << QStringList{u"-a"_s, u"--filter"_s,
                                             u"until=2023-06-01T00:00:05Z"_s}
                              << false;
    QTest::newRow("-a until long ago") << QStringList{u"-a"_s, u"--filter"_s, u"until=2020-01-01"_s}
                                       << false;
    QTest::newRow("-a until a day ago") << QStringList{u"-a"_s, u"--filter"_s, u"until=24h"_s}
                                        << false;
    QTest::newRow("unknown key") << QStringList{u"--filter"_s, u"foo=1"_s} << true;
    QTest::newRow("reference") << QStringList{u"--filter"_s, u"reference=app"_s} << true;
    QTest::newRow("bad until") << QStringList{u"--filter"_s, u"until=garbage"_s} << true;
    QTest::newRow("two until")
        << QStringList{u"--filter"_s, u"until=1h"_s, u"--filter"_s, u"until=2h"_s} << true;
}

void TestPruneOnEngine::sameAsDockerImagePrune()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, refused);
    QString error;
    QVERIFY2(!Testing::buildFilterScenario(&error).isEmpty(), qPrintable(error));
    const Testing::DockerRun before = Testing::runDocker(
        Testing::filtersHost(), {u"image"_s, u"ls"_s, u"-a"_s, u"-q"_s, u"--no-trunc"_s});

    const Run ours = strataPrune(arguments);
    const Testing::DockerRun docker = Testing::runDocker(
        Testing::filtersHost(), QStringList{u"image"_s, u"prune"_s, u"-f"_s} + arguments);
    QCOMPARE(ours.exitCode, docker.exitCode);
    if (refused) {
        QCOMPARE(docker.exitCode, 1);
        QCOMPARE(ours.err, QString::fromUtf8(docker.standardError));
        return;
    }
    QVERIFY2(docker.exitCode == 0, docker.standardError.constData());
    const QStringList oursLines = ours.out.split(u'\n');
    const QStringList dockerLines = QString::fromUtf8(docker.standardOutput).split(u'\n');
    QCOMPARE(oursLines.constFirst(), dockerLines.constFirst());
    QCOMPARE(oursLines.value(oursLines.size() - 2), dockerLines.value(dockerLines.size() - 2));
    QCOMPARE(sorted(oursLines), sorted(dockerLines));

    // The images left are those the preview did not delete.
    QSet<QString> left = imageIds(before.outputLines());
    for (const QString &line : oursLines) {
        if (line.startsWith(u"deleted: "_s))
            left.remove(line.mid(9));
    }
    const Testing::DockerRun after = Testing::runDocker(
        Testing::filtersHost(), {u"image"_s, u"ls"_s, u"-a"_s, u"-q"_s, u"--no-trunc"_s});
    QCOMPARE(imageIds(after.outputLines()), left);
    qInfo("%s", qPrintable(oursLines.value(oursLines.size() - 2)));
}

QTEST_GUILESS_MAIN(TestPruneOnEngine)
#include "tst_prune_engine.moc"
