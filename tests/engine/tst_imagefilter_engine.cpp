// ImageFilter against `docker image ls -q --no-trunc --filter …` (Debian's CLI 20.10) on the
// engine tests/engine/filterscenario.py builds: the IDs per row, in order, duplicates included,
// with and without -a; and the CLI's and the engine's refusals, word for word.

#include "filterengine.h"
#include "imagefilter.h"

#include <QTest>

using namespace Strata;
using namespace Qt::StringLiterals;

namespace {

// A data row's words: "@x" is the positional REPOSITORY[:TAG] argument, anything else a -f
// value; "{key}" stands for that scenario image's 12-hex ID prefix.
struct Invocation
{
    QStringList dockerArguments;
    ImageFilter filter;
    ImageFilter::Error cliError;
    QString badArgument;
};

Invocation invocation(const QStringList &words, const QHash<QString, QString> &ids)
{
    Invocation result;
    for (const QString &raw : words) {
        const QString word = Testing::withIds(raw, ids);
        if (word.startsWith(u'@')) {
            result.dockerArguments << word.mid(1);
            result.filter.add(u"reference"_s, word.mid(1));
            continue;
        }
        result.dockerArguments << u"--filter"_s << word;
        const ImageFilter::Error error = result.filter.addArgument(word);
        if (error.isError() && !result.cliError.isError()) {
            result.cliError = error;
            result.badArgument = word;
        }
    }
    return result;
}

} // namespace

class TestImageFilterOnEngine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void sameIdsAsDocker_data();
    void sameIdsAsDocker();
    void sameRefusalAsDocker_data();
    void sameRefusalAsDocker();

private:
    QStringList ours(const ImageFilter &filter, bool all, bool *ambiguous) const;

    QHash<QString, QString> m_ids;
    Snapshot m_snapshot;
    QString m_apiVersion;
};

void TestImageFilterOnEngine::initTestCase()
{
    QVERIFY2(!Testing::filtersHost().isEmpty(), "run through ctest: the filters fixture");
    QString error;
    m_ids = Testing::buildFilterScenario(&error);
    QVERIFY2(!m_ids.isEmpty(), qPrintable(error));
    const SnapshotLoader::Result loaded = Testing::loadFilterSnapshot();
    QVERIFY2(!loaded.error.isError(), qPrintable(loaded.error.detail));
    m_snapshot = loaded.snapshot;
    m_apiVersion = loaded.info.maxApiVersion;
    QCOMPARE(m_snapshot.images().size(), m_ids.size());
}

QStringList TestImageFilterOnEngine::ours(const ImageFilter &filter, bool all,
                                          bool *ambiguous) const
{
    ImageFilter::Options options;
    options.all = all;
    options.apiVersion = m_apiVersion;
    *ambiguous = filter.apply(m_snapshot, options).ambiguous;
    ImageFilter::Error error;
    QStringList ids;
    for (const ImageListRow &row : filter.rows(m_snapshot, options, false, &error))
        ids << row.imageId;
    if (error.isError())
        ids << u"error: "_s + error.message;
    return ids;
}

void TestImageFilterOnEngine::sameIdsAsDocker_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<bool>("all");
    const QList<QStringList> expressions = {
        {},
        {u"dangling=true"_s},
        {u"dangling=false"_s},
        {u"dangling=true"_s, u"dangling=false"_s},
        {u" Dangling = true "_s},
        {u"reference=app"_s},
        {u"reference=app:1"_s},
        {u"reference=app:*"_s},
        {u"reference=*:latest"_s},
        {u"reference=*"_s},
        {u"reference=*/*"_s},
        {u"reference=*/*/*"_s},
        {u"reference=tools/*"_s},
        {u"reference=localhost:5000/*"_s},
        {u"reference=localhost:5000/cache:1"_s},
        {u"reference=example.com/x/y:2"_s},
        {u"reference=[ab]*"_s},
        {u"reference=[^ab]*"_s},
        {u"reference=?"_s},
        {u"reference=??"_s},
        {u"reference=s"_s},
        {u"reference=pulled"_s},
        {u"reference=pulled@sha256:*"_s},
        {u"reference=bydigest"_s},
        {u"reference=*@*"_s},
        {u"reference=*:[0-9]"_s},
        {u"reference=\\a*"_s},
        {u"reference=alpha"_s, u"reference=gamma"_s},
        {u"reference=web"_s, u"reference=db:6"_s},
        {u"reference=docker.io/library/app"_s},
        {u"reference=nosuch"_s},
        {u"reference=["_s, u"label=nosuch"_s}, // a bad pattern no image's reference meets
        {u"@app"_s},
        {u"@db:5"_s},
        {u"@tools/cli"_s, u"reference=web"_s},
        {u"before=web:1"_s},
        {u"since=base:1"_s},
        {u"since=old:1"_s, u"before=db:5"_s},
        {u"before={s3}"_s},
        {u"since={d1}"_s},
        {u"since={s1}"_s, u"before={d1}"_s},
        {u"before=web:1"_s, u"before=app:1"_s}, // M20 random: last walked wins
        {u"label=tier"_s},
        {u"label=tier=backend"_s},
        {u"label=tier=frontend"_s, u"label=team=b"_s},
        {u"label=odd=k=v=w"_s},
        {u"label=empty="_s},
        {u"label=empty"_s},
        {u"label=version=1.0"_s},
        {u"label=stage"_s},
        {u"label=nosuch"_s},
        {u"dangling=true"_s, u"label=team=a"_s},
        {u"dangling=false"_s, u"reference=*"_s},
        {u"reference=app"_s, u"since=base:1"_s, u"label=stage=build"_s},
        {u"before=app:1"_s, u"dangling=true"_s},
        {u"reference=6c2f*"_s},
        {u"since={bydigest}"_s},
    };
    for (const QStringList &words : expressions) {
        const QString name = words.isEmpty() ? u"(none)"_s : words.join(u' ');
        QTest::addRow("%s", qPrintable(name)) << words << false;
        QTest::addRow("-a %s", qPrintable(name)) << words << true;
    }
}

void TestImageFilterOnEngine::sameIdsAsDocker()
{
    QFETCH(QStringList, words);
    QFETCH(bool, all);
    const Invocation call = invocation(words, m_ids);
    QVERIFY(!call.cliError.isError());
    bool ambiguous = false;
    const QStringList expected = ours(call.filter, all, &ambiguous);
    QStringList arguments{u"image"_s, u"ls"_s, u"-q"_s, u"--no-trunc"_s};
    if (all)
        arguments << u"-a"_s;
    // Where the engine answers at random, one of a few runs must give our (likeliest) answer.
    QStringList got;
    for (int attempt = 0; attempt < (ambiguous ? 6 : 1); ++attempt) {
        const Testing::DockerRun run = Testing::runDocker(Testing::filtersHost(),
                                                          arguments + call.dockerArguments);
        QVERIFY2(run.exitCode == 0, run.standardError.constData());
        got = run.outputLines();
        if (got == expected)
            break;
    }
    QCOMPARE(got, expected);
}

void TestImageFilterOnEngine::sameRefusalAsDocker_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::newRow("no =") << QStringList{u"foo"_s};
    QTest::newRow("second argument without =") << QStringList{u"dangling=true"_s, u"x"_s};
    QTest::newRow("unknown key") << QStringList{u"foo=bar"_s};
    QTest::newRow("two unknown keys") << QStringList{u"foo=1"_s, u"bar=2"_s};
    QTest::newRow("unknown key first") << QStringList{u"before=nosuch"_s, u"zzz=1"_s};
    QTest::newRow("until on 20.10") << QStringList{u"until=1h"_s};
    QTest::newRow("dangling=maybe") << QStringList{u"dangling=maybe"_s};
    QTest::newRow("dangling=TRUE") << QStringList{u"dangling=TRUE"_s};
    QTest::newRow("dangling=1") << QStringList{u"dangling=1"_s};
    QTest::newRow("before unknown") << QStringList{u"before=nosuch"_s};
    QTest::newRow("since unknown tag") << QStringList{u"since=app:9"_s};
    QTest::newRow("since uppercase") << QStringList{u"since=Foo"_s};
    QTest::newRow("before sha256:") << QStringList{u"before=sha256:"_s};
    QTest::newRow("before 64 hex absent") << QStringList{u"before="_s + QString(64, u'0')};
    QTest::newRow("bad pattern") << QStringList{u"reference=["_s};
    QTest::newRow("bad pattern after a text") << QStringList{u"reference=zzz["_s};
    QTest::newRow("bad pattern beside a good one")
        << QStringList{u"reference=web"_s, u"reference=a["_s};
    QTest::newRow("bad escape") << QStringList{u"reference=app\\"_s};
}

void TestImageFilterOnEngine::sameRefusalAsDocker()
{
    QFETCH(QStringList, words);
    const Invocation call = invocation(words, m_ids);
    QString stderrText;
    int exitCode = 0;
    if (call.cliError.isError()) {
        stderrText = call.cliError.cliText(call.badArgument);
        exitCode = 125;
    } else {
        ImageFilter::Options options;
        options.apiVersion = m_apiVersion;
        const ImageFilter::Result result = call.filter.apply(m_snapshot, options);
        QVERIFY2(result.error.isError(), "we accept what the engine refuses");
        stderrText = result.error.cliText();
        exitCode = 1;
    }
    const Testing::DockerRun run = Testing::runDocker(
        Testing::filtersHost(), QStringList{u"image"_s, u"ls"_s, u"-q"_s} + call.dockerArguments);
    QCOMPARE(QString::fromUtf8(run.standardError), stderrText);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY(run.standardOutput.isEmpty());
}

QTEST_GUILESS_MAIN(TestImageFilterOnEngine)
#include "tst_imagefilter_engine.moc"
