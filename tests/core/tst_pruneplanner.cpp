#include "pruneplanner.h"

#include "digest.h"
#include "layerspec.h"

#include <QTest>

using namespace Strata;
using namespace Strata::Testing;
using namespace Qt::StringLiterals;

namespace {

const QString DigestF = u"sha256:"_s + QString(64, u'f');

// a <- b <- c (app:1), d: a dangling head off a, e: a dangling root a created container
// uses, f: digest only, m: x:1 and y:1 with a stopped container, r: run:1 with a running one.
Snapshot sample()
{
    Snapshot plain = snapshotFromSpec({
        u"a 0 100 = #base:1 t=10"_s,
        u"b 0.1 100.200 = ^a t=20"_s,
        u"c 0.1.2 100.200.300 = ^b #app:1 t=30"_s,
        u"d 0.3 100.400 = ^a t=40"_s,
        u"e 5 50 = t=50"_s,
        u"f 6 60 = #bydigest@"_s + DigestF + u" t=60"_s,
        u"m 0.7 100.70 = #x:1 #y:1 t=70"_s,
        u"r 0.8 100.80 = #run:1 t=80"_s,
        u"@done m exited"_s,
        u"@up r running"_s,
        u"@made e created"_s,
    });
    QList<ImageRecord> images = plain.images();
    const QMap<QString, QString> backend{{u"tier"_s, u"backend"_s}};
    images[2].labels = backend;
    images[3].labels = backend;
    images[6].labels = {{u"tier"_s, u"frontend"_s}};
    return Snapshot(images, plain.containers(), plain.takenAt());
}

// "deleted: <letter>" for images, "layer: <letter>" for the top layer of image <letter>'s
// chain, "untagged: …" as it is: records readable in a table.
QStringList describe(const QList<RemovalRecord> &records, const Snapshot &snapshot)
{
    QHash<QString, QString> names;
    for (const ImageRecord &image : snapshot.images()) {
        names.insert(image.id, u"deleted: "_s + image.id.at(7));
        names.insert(Digest::chainIds(image.diffIds).constLast(), u"layer: "_s + image.id.at(7));
    }
    QStringList lines;
    for (const RemovalRecord &record : records) {
        lines.append(record.kind == RemovalRecord::Kind::Untagged
                         ? u"untagged: "_s + record.value
                         : names.value(record.value, u"deleted: ?"_s + record.value));
    }
    return lines;
}

} // namespace

class TestPrunePlanner : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plan_data();
    void plan();
    void errors_data();
    void errors();
    void requests();
    void cliText();
};

void TestPrunePlanner::plan_data()
{
    QTest::addColumn<bool>("all");
    QTest::addColumn<QStringList>("filters");
    QTest::addColumn<QStringList>("records");
    QTest::addColumn<qint64>("reclaimed");
    const QStringList fRecords{u"untagged: bydigest@"_s + DigestF, u"deleted: f"_s,
                               u"layer: f"_s};
    const QStringList dRecords{u"deleted: d"_s, u"layer: d"_s};
    const QStringList cRecords{u"untagged: app:1"_s, u"deleted: c"_s, u"layer: c"_s,
                               u"deleted: b"_s, u"layer: b"_s};
    // Heads only: e is refused (its container), c, m and r have tags; d's parent a is tagged.
    QTest::newRow("dangling") << false << QStringList{} << fRecords + dRecords << qint64(460);
    // Every image: m loses x:1 but keeps y:1 (its container), r keeps run:1, a loses its tag
    // and goes once c (pruning b) and d are gone; its layer stays (m and r share it).
    QTest::newRow("-a") << true << QStringList{}
                        << QStringList{u"untagged: x:1"_s} + fRecords + dRecords + cRecords
                               + QStringList{u"untagged: base:1"_s, u"deleted: a"_s}
                        << qint64(960);
    QTest::newRow("-a label") << true << QStringList{u"label=tier=backend"_s}
                              << dRecords + cRecords << qint64(900);
    // Images without labels pass label!; a only loses its tag (b and d still build on it).
    QTest::newRow("-a label!") << true << QStringList{u"label!=tier=backend"_s}
                               << QStringList{u"untagged: x:1"_s} + fRecords
                                      + QStringList{u"untagged: base:1"_s}
                               << qint64(60);
    QTest::newRow("-a until") << true << QStringList{u"until=45"_s}
                              << dRecords + cRecords
                                     + QStringList{u"untagged: base:1"_s, u"deleted: a"_s}
                              << qint64(900);
    QTest::newRow("dangling until keeps newer") << false << QStringList{u"until=45"_s}
                                                << dRecords << qint64(400);
    QTest::newRow("dangling=false from the user means -a")
        << false << QStringList{u"dangling=false"_s, u"label=tier"_s}
        << QStringList{u"untagged: x:1"_s} + dRecords + cRecords << qint64(900);
}

void TestPrunePlanner::plan()
{
    QFETCH(bool, all);
    QFETCH(QStringList, filters);
    QFETCH(QStringList, records);
    QFETCH(qint64, reclaimed);
    PrunePlanner::Options options;
    options.all = all;
    for (const QString &filter : filters)
        QVERIFY(!options.filters.addArgument(filter).isError());
    const Snapshot snapshot = sample();
    const PrunePlanner::Result result = PrunePlanner::plan(snapshot, options);
    QVERIFY2(!result.error.isError(), qPrintable(result.error.message));
    QCOMPARE(describe(result.records, snapshot), records);
    QCOMPARE(result.spaceReclaimed, reclaimed);
}

void TestPrunePlanner::errors_data()
{
    QTest::addColumn<QStringList>("filters");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown key") << QStringList{u"foo=1"_s} << 400 << u"Invalid filter 'foo'"_s;
    QTest::newRow("reference is no prune filter")
        << QStringList{u"reference=x"_s} << 400 << u"Invalid filter 'reference'"_s;
    QTest::newRow("two until") << QStringList{u"until=1h"_s, u"until=2h"_s} << 500
                               << u"more than one until filter specified"_s;
    QTest::newRow("bad until") << QStringList{u"until=garbage"_s} << 500
                               << u"failed to parse value as time or duration: \"garbage\""_s;
}

void TestPrunePlanner::errors()
{
    QFETCH(QStringList, filters);
    QFETCH(int, status);
    QFETCH(QString, message);
    PrunePlanner::Options options;
    for (const QString &filter : filters)
        QVERIFY(!options.filters.addArgument(filter).isError());
    const PrunePlanner::Result result = PrunePlanner::plan(sample(), options);
    QCOMPARE(result.error.httpStatus, status);
    QCOMPARE(result.error.message, message);
    QVERIFY(result.records.isEmpty());
}

void TestPrunePlanner::requests()
{
    // What the engine sends itself: normalised references, bare hex IDs, never force.
    PrunePlanner::Options options;
    options.all = true;
    const PrunePlanner::Result result = PrunePlanner::plan(sample(), options);
    QCOMPARE(result.candidates.size(), 7); // all but b, an untagged image with a child
    QCOMPARE(result.requests.first().reference, u"docker.io/library/run:1"_s);
    QCOMPARE(result.plan.steps.first().httpStatus, 409);
    const auto isHex = [](const RemovalRequest &r) { return !r.reference.contains(u'/'); };
    const auto hex = std::find_if(result.requests.cbegin(), result.requests.cend(), isHex);
    QVERIFY(hex != result.requests.cend());
    QCOMPARE(hex->reference, QString(64, u'e'));
    for (const RemovalRequest &request : result.requests)
        QVERIFY(!request.force && !request.noPrune);
    QVERIFY(result.orderIsRandom());
}

void TestPrunePlanner::cliText()
{
    PrunePlanner::Result result;
    QCOMPARE(PrunePlanner::cliText(result), u"Total reclaimed space: 0B\n"_s);
    result.spaceReclaimed = 9800; // counted only when something was deleted
    QCOMPARE(PrunePlanner::cliText(result), u"Total reclaimed space: 0B\n"_s);
    result.records = {{RemovalRecord::Kind::Untagged, u"x@"_s + DigestF},
                      {RemovalRecord::Kind::Deleted, DigestF}};
    QCOMPARE(PrunePlanner::cliText(result),
             u"Deleted Images:\nuntagged: x@"_s + DigestF + u"\ndeleted: "_s + DigestF
                 + u"\n\nTotal reclaimed space: 9.8kB\n"_s);
    result.spaceReclaimed = 63321;
    QVERIFY(PrunePlanner::cliText(result).endsWith(u"Total reclaimed space: 63.32kB\n"_s));
}

QTEST_GUILESS_MAIN(TestPrunePlanner)
#include "tst_pruneplanner.moc"
