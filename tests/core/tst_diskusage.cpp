#include "diskusage.h"
#include "layerspec.h"

#include <QTest>

using namespace Strata;
using namespace Qt::StringLiterals;

namespace {

// "x:35/10/25/1": image, size, shared, unique and containers per listed row, in order.
QString rows(const Snapshot &snapshot, const DiskUsage::Report &report)
{
    QStringList list;
    for (const DiskUsage::ImageUsage &usage : report.images) {
        list << QStringLiteral("%1:%2/%3/%4/%5")
                    .arg(snapshot.images().at(usage.imageIndex).id.back())
                    .arg(usage.size)
                    .arg(usage.sharedSize)
                    .arg(usage.uniqueSize)
                    .arg(usage.containers);
    }
    return list.join(QLatin1Char(' '));
}

} // namespace

class TestDiskUsage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void compute_data();
    void compute();
};

void TestDiskUsage::compute_data()
{
    QTest::addColumn<QStringList>("specs");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<qint64>("layersSize");
    QTest::addColumn<qint64>("reclaimable");
    QTest::addColumn<int>("active");

    QTest::newRow("empty engine") << QStringList{} << QString() << qint64(0) << qint64(0) << 0;
    QTest::newRow("two images on one base, newest first")
        << QStringList{u"x a.b 100.20 = #x:1 t=1"_s, u"y a.c 100.30 = #y:1 t=2"_s}
        << u"y:130/100/30/0 x:120/100/20/0"_s << qint64(150) << qint64(150) << 0;
    QTest::newRow("hidden intermediate does not make its layers shared (20.10)")
        << QStringList{u"p a 100 = t=1"_s, u"q a.b 100.20 = ^p #q:1 t=2"_s}
        << u"q:120/0/120/0"_s << qint64(120) << qint64(120) << 0;
    QTest::newRow("tagged parent is listed and shares")
        << QStringList{u"p a 100 = #p:1 t=1"_s, u"q a.b 100.20 = ^p #q:1 t=2"_s}
        << u"q:120/100/20/0 p:100/100/0/0"_s << qint64(120) << qint64(120) << 0;
    QTest::newRow("dangling head and digest-only image are listed")
        << QStringList{u"x a 10 = t=1"_s, u"y a.b 10.5 = #y@sha256:1 t=2"_s}
        << u"y:15/10/5/0 x:10/10/0/0"_s << qint64(15) << qint64(15) << 0;
    QTest::newRow("ties in creation time by ID")
        << QStringList{u"e a 1 = #e:1 t=3"_s, u"b c 2 = #b:1 t=3"_s, u"d d 3 = #d:1 t=3"_s}
        << u"b:2/0/2/0 d:3/0/3/0 e:1/0/1/0"_s << qint64(6) << qint64(6) << 0;
    QTest::newRow("containers: count, active, and reclaimable less the unique size")
        << QStringList{u"x a.b 100.20 = #x:1 t=1"_s, u"y a.c 100.30 = #y:1 t=2"_s,
                       u"@one x running"_s, u"@two x exited"_s, u"@three f created"_s}
        << u"y:130/100/30/0 x:120/100/20/2"_s << qint64(150) << qint64(130) << 1;
    QTest::newRow("same diff at another depth is not shared")
        << QStringList{u"x a.b 100.20 = #x:1 t=1"_s, u"y b 20 = #y:1 t=2"_s}
        << u"y:20/0/20/0 x:120/0/120/0"_s << qint64(140) << qint64(140) << 0;
    QTest::newRow("twins share everything")
        << QStringList{u"x a.b 100.20 = #x:1 t=1"_s, u"y a.b 100.20 = #y:1 t=2"_s,
                       u"@c y running"_s}
        << u"y:120/120/0/1 x:120/120/0/0"_s << qint64(120) << qint64(120) << 1;
    QTest::newRow("ambiguous histories: shared and total from chain sizes")
        << QStringList{u"b a - 100 #b:1 t=1"_s, u"x a.b.c ?.0.? 150 #x:1 t=2"_s,
                       u"y a.d ?.? 130 #y:1 t=3"_s}
        << u"y:130/100/30/0 x:150/100/50/0 b:100/100/0/0"_s << qint64(180) << qint64(180) << 0;
    QTest::newRow("unknown shared base: N/A, total unknown")
        << QStringList{u"x a.b - 150 #x:1 t=1"_s, u"y a.c - 130 #y:1 t=2"_s, u"@c x running"_s}
        << u"y:130/-1/-1/0 x:150/-1/-1/1"_s << qint64(-1) << qint64(-1) << 1;
    QTest::newRow("unknown sizes above the shared part still give the total")
        << QStringList{u"b a 100 = #b:1 t=1"_s, u"x a.b.c - 150 #x:1 t=2"_s,
                       u"y a.d - 130 #y:1 t=3"_s}
        << u"y:130/100/30/0 x:150/100/50/0 b:100/100/0/0"_s << qint64(180) << qint64(180) << 0;
    QTest::newRow("layers never read: shared unknown unless the image is empty")
        << QStringList{u"x - - 50 #x:1 t=1"_s, u"y - - 0 #y:1 t=2"_s}
        << u"y:0/0/0/0 x:50/-1/-1/0"_s << qint64(-1) << qint64(-1) << 0;
}

void TestDiskUsage::compute()
{
    QFETCH(QStringList, specs);
    QFETCH(QString, expected);
    QFETCH(qint64, layersSize);
    QFETCH(qint64, reclaimable);
    QFETCH(int, active);
    const Snapshot snapshot = Testing::snapshotFromSpec(specs);
    const DiskUsage::Report report = DiskUsage::compute(snapshot, LayerGraph(snapshot));
    QCOMPARE(rows(snapshot, report), expected);
    QCOMPARE(report.layersSize, layersSize);
    QCOMPARE(report.reclaimable, reclaimable);
    QCOMPARE(report.activeImages, active);
}

QTEST_GUILESS_MAIN(TestDiskUsage)
#include "tst_diskusage.moc"
