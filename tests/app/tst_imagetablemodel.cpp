#include "imagesortproxy.h"
#include "imagetablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Strata;

namespace {

QString idOf(char fill)
{
    return QStringLiteral("sha256:") + QString(64, QLatin1Char(fill));
}

ImageRecord image(char fill, QStringList tags, QStringList digests, qint64 created, qint64 size,
                  const QString &parent = {})
{
    ImageRecord record;
    record.id = idOf(fill);
    record.parentId = parent;
    record.repoTags = std::move(tags);
    record.repoDigests = std::move(digests);
    record.created = created;
    record.size = size;
    return record;
}

// Sizes chosen so that display-string order differs from byte order ("9.5MB" > "10MB" as text).
Snapshot sampleSnapshot()
{
    const QString digest = QStringLiteral("sha256:") + QString(64, QLatin1Char('d'));
    QList<ImageRecord> images{
        image('a', {QStringLiteral("redis:alpine")}, {QStringLiteral("redis@") + digest},
              1'700'000'300, 9'500'000),
        image('b', {QStringLiteral("ubuntu:18.04"), QStringLiteral("ubuntu:latest")}, {},
              1'700'000'200, 10'000'000),
        image('c', {}, {}, 1'700'000'100, 600'000),
        image('e', {}, {}, 1'700'000'000, 300),
        image('f', {QStringLiteral("base:1")}, {}, 1'699'999'000, 120'000'000),
    };
    images[1].parentId = idOf('e'); // e is an untagged parent: hidden without -a
    return Snapshot(images, {}, QDateTime::fromSecsSinceEpoch(1'700'000'400));
}

} // namespace

class TestImageTableModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passesModelTester();
    void rowsFollowListingOptions();
    void displaysCliStrings();
    void removalReferenceNeverUsesIdForTaggedRows();
    void sortsSizesByBytes();
    void sortsCreatedByTime();
    void tiesKeepEngineOrderInBothDirections_data();
    void tiesKeepEngineOrderInBothDirections();
    void advancingNowUpdatesOnlyCreated();
    void showsSharedAndUniqueSizes();
};

void TestImageTableModel::passesModelTester()
{
    ImageTableModel model;
    ImageSortProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setSnapshot(sampleSnapshot());
    model.setOptions({true, true});
    proxy.sort(ImageTableModel::SizeColumn, Qt::AscendingOrder);
    model.setOptions({false, false});
    model.setSnapshot(Snapshot());
    QCOMPARE(model.rowCount(), 0);
}

void TestImageTableModel::rowsFollowListingOptions()
{
    ImageTableModel model;
    model.setSnapshot(sampleSnapshot());
    // redis:alpine, ubuntu:18.04, ubuntu:latest, <none> (c), base:1; e is hidden.
    QCOMPARE(model.rowCount(), 5);
    model.setOptions({true, false});
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.columnCount(), int(ImageTableModel::ColumnCount));
}

void TestImageTableModel::displaysCliStrings()
{
    ImageTableModel model;
    model.setNow(1'700'000'400);
    model.setSnapshot(sampleSnapshot());
    const auto text = [&](int row, int column) {
        return model.index(row, column).data().toString();
    };
    QCOMPARE(text(0, ImageTableModel::RepositoryColumn), QStringLiteral("redis"));
    QCOMPARE(text(0, ImageTableModel::TagColumn), QStringLiteral("alpine"));
    QCOMPARE(text(0, ImageTableModel::ImageIdColumn), QStringLiteral("aaaaaaaaaaaa"));
    QCOMPARE(text(0, ImageTableModel::CreatedColumn), QStringLiteral("About a minute ago"));
    QCOMPARE(text(0, ImageTableModel::SizeColumn), QStringLiteral("9.5MB"));
    QCOMPARE(text(1, ImageTableModel::SizeColumn), QStringLiteral("10MB"));
    QCOMPARE(text(3, ImageTableModel::RepositoryColumn), QStringLiteral("<none>"));
    QCOMPARE(text(3, ImageTableModel::TagColumn), QStringLiteral("<none>"));
    QCOMPARE(model.headerData(ImageTableModel::ImageIdColumn, Qt::Horizontal).toString(),
             QStringLiteral("IMAGE ID"));
}

void TestImageTableModel::removalReferenceNeverUsesIdForTaggedRows()
{
    ImageTableModel model;
    model.setSnapshot(sampleSnapshot());
    const auto reference = [&](int row) {
        return model.index(row, 0).data(ImageTableModel::RemovalReferenceRole).toString();
    };
    QCOMPARE(reference(0), QStringLiteral("redis:alpine"));
    QCOMPARE(reference(1), QStringLiteral("ubuntu:18.04"));
    QCOMPARE(reference(2), QStringLiteral("ubuntu:latest"));
    QCOMPARE(reference(3), idOf('c'));
}

void TestImageTableModel::sortsSizesByBytes()
{
    ImageTableModel model;
    model.setSnapshot(sampleSnapshot());
    ImageSortProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(ImageTableModel::SizeColumn, Qt::AscendingOrder);
    QStringList sizes;
    for (int row = 0; row < proxy.rowCount(); ++row)
        sizes << proxy.index(row, ImageTableModel::SizeColumn).data().toString();
    QCOMPARE(sizes, QStringList({QStringLiteral("600kB"), QStringLiteral("9.5MB"),
                                 QStringLiteral("10MB"), QStringLiteral("10MB"),
                                 QStringLiteral("120MB")}));
}

void TestImageTableModel::sortsCreatedByTime()
{
    ImageTableModel model;
    model.setSnapshot(sampleSnapshot());
    ImageSortProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(ImageTableModel::CreatedColumn, Qt::AscendingOrder);
    QCOMPARE(proxy.index(0, ImageTableModel::RepositoryColumn).data().toString(),
             QStringLiteral("base"));
    // Equal creation times keep the engine's tag order.
    QCOMPARE(proxy.index(2, ImageTableModel::TagColumn).data().toString(),
             QStringLiteral("18.04"));
    QCOMPARE(proxy.index(3, ImageTableModel::TagColumn).data().toString(),
             QStringLiteral("latest"));
}

void TestImageTableModel::tiesKeepEngineOrderInBothDirections_data()
{
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::newRow("ascending") << Qt::AscendingOrder;
    QTest::newRow("descending") << Qt::DescendingOrder;
}

void TestImageTableModel::tiesKeepEngineOrderInBothDirections()
{
    QFETCH(Qt::SortOrder, order);
    ImageTableModel model;
    model.setSnapshot(sampleSnapshot());
    ImageSortProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(ImageTableModel::CreatedColumn, order);
    // ubuntu:18.04 and ubuntu:latest are one image: the CLI lists 18.04 first, whichever way
    // the table is sorted by age.
    QStringList tags;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        if (proxy.index(row, ImageTableModel::RepositoryColumn).data() == QStringLiteral("ubuntu"))
            tags << proxy.index(row, ImageTableModel::TagColumn).data().toString();
    }
    QCOMPARE(tags, QStringList({QStringLiteral("18.04"), QStringLiteral("latest")}));
}

void TestImageTableModel::advancingNowUpdatesOnlyCreated()
{
    ImageTableModel model;
    model.setNow(1'700'000'400);
    model.setSnapshot(sampleSnapshot());
    QSignalSpy spy(&model, &QAbstractItemModel::dataChanged);
    model.setNow(1'700'000'400 + 3 * 3600);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(spy.at(0).at(0).toModelIndex().column(), int(ImageTableModel::CreatedColumn));
    QCOMPARE(spy.at(0).at(1).toModelIndex().column(), int(ImageTableModel::CreatedColumn));
    QCOMPARE(model.index(0, ImageTableModel::CreatedColumn).data().toString(),
             QStringLiteral("3 hours ago"));
}

void TestImageTableModel::showsSharedAndUniqueSizes()
{
    const auto layer = [](char fill) {
        return QString(QStringLiteral("sha256:") + QString(64, QLatin1Char(fill)));
    };
    ImageRecord x = image('a', {QStringLiteral("x:1")}, {}, 300, 1150);
    x.diffIds = {layer('1'), layer('2')};
    x.layerSizes = {1000, 150};
    ImageRecord y = image('b', {QStringLiteral("y:1")}, {}, 200, 1030);
    y.diffIds = {layer('1'), layer('3')};
    y.layerSizes = {1000, 30};
    ImageTableModel model;
    model.setSnapshot(Snapshot({x, y}, {}, QDateTime::fromSecsSinceEpoch(400)));
    const auto text = [&](int row, int column) {
        return model.index(row, column).data().toString();
    };
    QCOMPARE(text(0, ImageTableModel::SharedSizeColumn), QStringLiteral("1kB"));
    QCOMPARE(text(0, ImageTableModel::UniqueSizeColumn), QStringLiteral("150B"));
    QCOMPARE(text(1, ImageTableModel::UniqueSizeColumn), QStringLiteral("30B"));
    QCOMPARE(model.diskUsage().layersSize, qint64(1180)); // the shared base counted once
    QCOMPARE(model.index(1, ImageTableModel::UniqueSizeColumn)
                 .data(ImageTableModel::RawValueRole)
                 .toLongLong(),
             qint64(30));
}

QTEST_GUILESS_MAIN(TestImageTableModel)
#include "tst_imagetablemodel.moc"
