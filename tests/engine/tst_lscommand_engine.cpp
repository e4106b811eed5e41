// `strata-cli ls` against `docker image ls` (Debian's CLI 20.10) with the same flags on the
// engine tests/engine/filterscenario.py builds: stdout byte for byte, except where the CLI
// itself is random. It prints the repositories of one image in Go map order, so for an image
// with tags in several repositories (alpha/beta/gamma, s/6c2f) the lines of each repository
// must be the same and in the same order, but the repositories may come in another order.

#include "filterengine.h"

#include <QFileInfo>
#include <QMap>
#include <QProcess>
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

Run strataLs(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(STRATA_CLI_PATH),
                  QStringList{u"ls"_s, u"--host"_s, Testing::filtersHost()} + arguments);
    process.waitForFinished(120000);
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

// Table lines grouped by image (the IMAGE ID column), each image's lines by repository in
// order: everything the CLI fixes, nothing it leaves to chance.
using Block = QMap<QString, QStringList>;

QList<std::pair<QString, Block>> blocks(const QString &table)
{
    QStringList lines = table.split(u'\n');
    const qsizetype idColumn = lines.constFirst().indexOf(u"IMAGE ID"_s);
    QList<std::pair<QString, Block>> result;
    for (const QString &line : lines.mid(1)) {
        if (line.isEmpty())
            continue;
        const QString id = line.mid(idColumn).section(u' ', 0, 0);
        if (result.isEmpty() || result.constLast().first != id)
            result.append({id, {}});
        result.last().second[line.section(u' ', 0, 0)].append(line);
    }
    return result;
}

} // namespace

class TestLsCommandOnEngine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sameAsDockerImageLs_data();
    void sameAsDockerImageLs();
};

void TestLsCommandOnEngine::initTestCase()
{
    QVERIFY2(!Testing::filtersHost().isEmpty(), "run through ctest: the filters fixture");
    QVERIFY(QFileInfo::exists(QStringLiteral(STRATA_CLI_PATH)));
    QString error;
    QVERIFY2(!Testing::buildFilterScenario(&error).isEmpty(), qPrintable(error));
}

void TestLsCommandOnEngine::sameAsDockerImageLs_data()
{
    QTest::addColumn<QStringList>("arguments");
    const QList<QStringList> rows = {
        {},
        {u"-a"_s},
        {u"-q"_s},
        {u"-aq"_s},
        {u"-q"_s, u"--no-trunc"_s},
        {u"--digests"_s},
        {u"--no-trunc"_s},
        {u"-a"_s, u"--digests"_s, u"--no-trunc"_s},
        {u"-q"_s, u"--digests"_s},
        {u"--filter"_s, u"dangling=true"_s},
        {u"-f"_s, u"dangling=false"_s, u"-a"_s},
        {u"-f"_s, u"reference=a*"_s},
        {u"app"_s},
        {u"tools/cli:dev"_s},
        {u"--digests"_s, u"pulled"_s},
        {u"--digests"_s, u"-f"_s, u"reference=pulled:*"_s},
        {u"-a"_s, u"-f"_s, u"label=team=a"_s},
        {u"-f"_s, u"before=web:1"_s, u"--no-trunc"_s},
        {u"-f"_s, u"since=base:1"_s, u"-f"_s, u"label=tier"_s, u"--digests"_s},
        {u"-f"_s, u"reference=nosuch"_s},
        {u"--filter=reference=*/*"_s},
        {u"-f"_s, u"foo=bar"_s},
        {u"-f"_s, u"before=nosuch"_s},
        {u"-f"_s, u"foo"_s},
    };
    for (const QStringList &arguments : rows)
        QTest::addRow("%s", qPrintable(arguments.isEmpty() ? u"(none)"_s : arguments.join(u' ')))
            << arguments;
}

void TestLsCommandOnEngine::sameAsDockerImageLs()
{
    QFETCH(QStringList, arguments);
    const Testing::DockerRun docker = Testing::runDocker(
        Testing::filtersHost(), QStringList{u"image"_s, u"ls"_s} + arguments);
    const Run ours = strataLs(arguments);
    QCOMPARE(ours.err, QString::fromUtf8(docker.standardError));
    QCOMPARE(ours.exitCode, docker.exitCode);
    const QString expected = QString::fromUtf8(docker.standardOutput);
    if (ours.out == expected || arguments.contains(u"-q"_s) || arguments.contains(u"-aq"_s)) {
        QCOMPARE(ours.out, expected);
        return;
    }
    // Only the order of one image's repositories may differ, and the header may not.
    QCOMPARE(ours.out.section(u'\n', 0, 0), expected.section(u'\n', 0, 0));
    QCOMPARE(blocks(ours.out), blocks(expected));
    const auto blocksOfDocker = blocks(expected);
    QVERIFY2(std::any_of(blocksOfDocker.cbegin(), blocksOfDocker.cend(),
                         [](const auto &block) { return block.second.size() > 1; }),
             "outputs differ although every image has one repository");
}

QTEST_GUILESS_MAIN(TestLsCommandOnEngine)
#include "tst_lscommand_engine.moc"
