#include "digest.h"
#include "layergraph.h"
#include "sharingview.h"

#include <QAccessible>
#include <QApplication>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace Strata;
using namespace Qt::StringLiterals;

namespace {

QString idOf(int n)
{
    return u"sha256:%1"_s.arg(n, 64, 16, QLatin1Char('0'));
}

QString diff(const QString &name)
{
    return Digest::sha256Of(name.toUtf8());
}

ImageRecord image(int n, const QStringList &tags, const QStringList &layerNames,
                  const QList<qint64> &sizes, int parent = -1)
{
    ImageRecord record;
    record.id = idOf(n);
    record.parentId = parent < 0 ? QString() : idOf(parent);
    record.repoTags = tags;
    for (const QString &name : layerNames)
        record.diffIds.append(diff(name));
    record.layerSizes = sizes;
    for (qint64 size : sizes)
        record.size += size;
    return record;
}

// redis:alpine (through an untagged parent) and alpine/git on one base, ubuntu and mongo on
// another: the sandbox's shape in small.
Snapshot sampleSnapshot()
{
    return Snapshot(
        {image(1, {}, {u"alpine"_s, u"redis-1"_s}, {3'000'000, 20}),
         image(2, {u"redis:alpine"_s}, {u"alpine"_s, u"redis-1"_s, u"redis-2"_s},
               {3'000'000, 20, 450'000}, 1),
         image(3, {u"ubuntu:18.04"_s}, {u"bionic"_s}, {5'000'000}),
         image(4, {u"alpine/git:latest"_s}, {u"alpine"_s, u"git"_s}, {3'000'000, 1'500'000}),
         image(5, {u"mongo:3.2"_s}, {u"bionic"_s, u"mongo"_s}, {5'000'000, 2'400'000})},
        {}, QDateTime::fromSecsSinceEpoch(1'700'000'000));
}

// `count` tagged images over a few bases, chains of varied length, some layers shared by
// siblings: enough to need scrolling.
Snapshot manyImages(int count)
{
    QList<ImageRecord> images;
    for (int n = 0; n < count; ++n) {
        QStringList layers{u"base-%1"_s.arg(n % 4)};
        QList<qint64> sizes{qint64(1'000'000) * (n % 4 + 1)};
        for (int level = 1; level <= n % 5; ++level) {
            // Levels 1 are shared by images with the same base and n % 3.
            layers.append(level == 1 ? u"mid-%1-%2"_s.arg(n % 4).arg(n % 3)
                                     : u"own-%1-%2"_s.arg(n).arg(level));
            sizes.append(level == 1 ? 200 * (n % 4 + 1) : qint64(10) << (2 * level));
        }
        images.append(image(n + 1, {u"image-%1:latest"_s.arg(n)}, layers, sizes));
    }
    return Snapshot(images, {}, QDateTime::fromSecsSinceEpoch(1'700'000'000));
}

QString chainIdOf(const Snapshot &snapshot, int n, int depth)
{
    return Digest::chainIds(snapshot.image(idOf(n))->diffIds).at(depth);
}

} // namespace

class TestSharingView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void paintsOffscreen_data();
    void paintsOffscreen();
    void sharersSitTogether();
    void sharedLayerIsOneBand();
    void heightsFollowBytes();
    void keyboardMovesFocus();
    void mouseSelects();
    void currentImageWithoutColumn();
};

void TestSharingView::paintsOffscreen_data()
{
    QTest::addColumn<int>("images");
    QTest::newRow("none") << 0;
    QTest::newRow("one") << 1;
    QTest::newRow("fifty") << 50;
}

void TestSharingView::paintsOffscreen()
{
    QFETCH(int, images);
    const Snapshot snapshot = manyImages(images);
    SharingView view;
    view.setSnapshot(snapshot, LayerGraph(snapshot));
    QCOMPARE(view.columnImageIds().size(), images);
    view.resize(view.sizeHint());
    view.setCurrentImage(images > 0 ? idOf(images) : QString());
    const QImage picture = view.grab().toImage();
    QVERIFY(!picture.isNull());
    QCOMPARE(picture.size(), view.size() * picture.devicePixelRatio());
    if (images == 50) {
        QVERIFY(view.sizeHint().width() > 50 * 60); // every column readable, so it scrolls
        // Something besides the background was drawn in the last column.
        const QRect last = view.columnRect(49);
        QSet<QRgb> colours;
        for (int y = last.top(); y < last.bottom(); y += 3)
            colours.insert(picture.pixel(last.center().x(), y));
        QVERIFY(colours.size() > 2);
    }
}

// Depth-first column order: every layer's users in view are adjacent.
void TestSharingView::sharersSitTogether()
{
    const Snapshot snapshot = manyImages(50);
    const LayerGraph graph(snapshot);
    SharingView view;
    view.setSnapshot(snapshot, graph);
    const QStringList columns = view.columnImageIds();
    for (const LayerGraph::Layer &layer : graph.layers()) {
        QList<qsizetype> positions;
        for (qsizetype user : layer.users)
            positions.append(columns.indexOf(snapshot.images().at(user).id));
        std::sort(positions.begin(), positions.end());
        QCOMPARE(positions.constLast() - positions.constFirst() + 1, positions.size());
        QCOMPARE(view.layerRects(layer.chainId).size(), 1);
    }
}

void TestSharingView::sharedLayerIsOneBand()
{
    const Snapshot snapshot = sampleSnapshot();
    SharingView view;
    view.setSnapshot(snapshot, LayerGraph(snapshot));
    view.resize(view.sizeHint());
    // The untagged parent gets no column; sharers sit side by side.
    QCOMPARE(view.columnImageIds(), (QStringList{idOf(2), idOf(4), idOf(3), idOf(5)}));

    const QList<QRect> base = view.layerRects(chainIdOf(snapshot, 2, 0));
    QCOMPARE(base.size(), 1);
    QCOMPARE(base.first().left(), view.columnRect(0).left());
    QCOMPARE(base.first().right(), view.columnRect(1).right());
    // Both images' next layers stand on it, each in its own column.
    const QRect redis1 = view.layerRects(chainIdOf(snapshot, 2, 1)).value(0);
    const QRect git1 = view.layerRects(chainIdOf(snapshot, 4, 1)).value(0);
    QCOMPARE(redis1.left(), view.columnRect(0).left());
    QCOMPARE(redis1.right(), view.columnRect(0).right());
    QCOMPARE(git1.left(), view.columnRect(1).left());
    QVERIFY(redis1.bottom() < base.first().top());
    QVERIFY(base.first().top() - redis1.bottom() <= 3);
    QCOMPARE(git1.bottom(), redis1.bottom());
    // A layer nobody in view uses is not drawn.
    QVERIFY(view.layerRects(idOf(99)).isEmpty());
}

void TestSharingView::heightsFollowBytes()
{
    const Snapshot snapshot = sampleSnapshot();
    SharingView view;
    view.setSnapshot(snapshot, LayerGraph(snapshot));
    view.resize(view.sizeHint());
    const int tiny = view.layerRects(chainIdOf(snapshot, 2, 1)).value(0).height();     // 20 B
    const int medium = view.layerRects(chainIdOf(snapshot, 2, 2)).value(0).height();   // 450 kB
    const int large = view.layerRects(chainIdOf(snapshot, 3, 0)).value(0).height();    // 5 MB
    QVERIFY(tiny >= view.fontMetrics().height());
    QVERIFY2(tiny < medium && medium < large,
             qPrintable(u"%1 %2 %3"_s.arg(tiny).arg(medium).arg(large)));
}

void TestSharingView::keyboardMovesFocus()
{
    const Snapshot snapshot = sampleSnapshot();
    SharingView view;
    view.setSnapshot(snapshot, LayerGraph(snapshot));
    view.resize(view.sizeHint());
    view.show();
    QApplication::setActiveWindow(&view);
    QVERIFY(QTest::qWaitForWindowActive(&view));
    view.setFocus();
    QTRY_VERIFY(view.hasFocus());
    QSignalSpy layers(&view, &SharingView::layerActivated);
    QSignalSpy images(&view, &SharingView::imageActivated);

    QCOMPARE(view.focusedColumn(), 0);
    QCOMPARE(view.focusedChainId(), QString()); // on redis:alpine's name
    QTest::keyClick(&view, Qt::Key_Up);
    QCOMPARE(view.focusedChainId(), chainIdOf(snapshot, 2, 0));
    QTest::keyClick(&view, Qt::Key_Up);
    QTest::keyClick(&view, Qt::Key_Up);
    QCOMPARE(view.focusedChainId(), chainIdOf(snapshot, 2, 2));
    QTest::keyClick(&view, Qt::Key_Up); // nothing above the top
    QCOMPARE(view.focusedChainId(), chainIdOf(snapshot, 2, 2));
    QTest::keyClick(&view, Qt::Key_Right); // alpine/git has two layers: its top
    QCOMPARE(view.focusedColumn(), 1);
    QCOMPARE(view.focusedChainId(), chainIdOf(snapshot, 4, 1));
    QTest::keyClick(&view, Qt::Key_Down);
    QCOMPARE(view.focusedChainId(), chainIdOf(snapshot, 2, 0)); // the shared base
    QTest::keyClick(&view, Qt::Key_Right); // steps over the whole band to ubuntu's base
    QCOMPARE(view.focusedColumn(), 2);
    QCOMPARE(view.focusedChainId(), chainIdOf(snapshot, 3, 0));
    QTest::keyClick(&view, Qt::Key_Left);
    QCOMPARE(view.focusedColumn(), 1);
    QTest::keyClick(&view, Qt::Key_Return);
    QCOMPARE(layers.size(), 1);
    QCOMPARE(layers.at(0).at(0).toString(), chainIdOf(snapshot, 2, 0));
    QCOMPARE(view.selectedChainId(), chainIdOf(snapshot, 2, 0));
    QVERIFY(view.accessibleDescription().contains(u"redis:alpine"_s));
    QVERIFY(view.accessibleDescription().contains(u"alpine/git:latest"_s));

    QTest::keyClick(&view, Qt::Key_Down); // to alpine/git's name
    QCOMPARE(view.focusedChainId(), QString());
    QTest::keyClick(&view, Qt::Key_Enter);
    QCOMPARE(images.size(), 1);
    QCOMPARE(images.at(0).at(0).toString(), idOf(4));
    QCOMPARE(view.currentImageId(), idOf(4));
    QTest::keyClick(&view, Qt::Key_End);
    QCOMPARE(view.focusedColumn(), 3);
    QTest::keyClick(&view, Qt::Key_Home);
    QCOMPARE(view.focusedColumn(), 0);
    QVERIFY(!view.accessibleName().isEmpty());
}

void TestSharingView::mouseSelects()
{
    const Snapshot snapshot = sampleSnapshot();
    SharingView view;
    view.setSnapshot(snapshot, LayerGraph(snapshot));
    view.resize(view.sizeHint());
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QSignalSpy layers(&view, &SharingView::layerActivated);
    const QString mongo = chainIdOf(snapshot, 5, 1);
    QTest::mouseClick(&view, Qt::LeftButton, {}, view.layerRects(mongo).value(0).center());
    QCOMPARE(layers.size(), 1);
    QCOMPARE(layers.at(0).at(0).toString(), mongo);
    QCOMPARE(view.focusedChainId(), mongo);
}

// An intermediate image has no column: its top layer gets the focus.
void TestSharingView::currentImageWithoutColumn()
{
    const Snapshot snapshot = sampleSnapshot();
    SharingView view;
    view.setSnapshot(snapshot, LayerGraph(snapshot));
    view.setCurrentImage(idOf(1));
    QCOMPARE(view.focusedChainId(), chainIdOf(snapshot, 1, 1));
    QCOMPARE(view.focusedColumn(), 0);
}

QTEST_MAIN(TestSharingView)
#include "tst_sharingview.moc"
