#include "digest.h"
#include "layergraph.h"
#include "layertreemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Strata;
using namespace Qt::StringLiterals;

namespace {

QString idOf(char fill)
{
    return u"sha256:"_s + QString(64, QLatin1Char(fill));
}

QString diff(const char *name)
{
    return Digest::sha256Of(QByteArray(name));
}

ImageRecord image(char fill, const QStringList &tags, const QStringList &diffIds,
                  const QList<qint64> &sizes, const QString &parent = {})
{
    ImageRecord record;
    record.id = idOf(fill);
    record.parentId = parent;
    record.repoTags = tags;
    record.diffIds = diffIds;
    record.layerSizes = sizes;
    for (qint64 size : sizes)
        record.size += size;
    return record;
}

// Two forests: the alpine base under redis (through an untagged parent) and alpine/git; the
// bionic base under ubuntu:18.04 and mongo. One image whose sizes are unknown.
Snapshot sampleSnapshot()
{
    const QStringList redis{diff("alpine"), diff("redis-1"), diff("redis-2")};
    return Snapshot(
        {image('p', {}, redis.mid(0, 2), {3'000'000, 20}),
         image('r', {u"redis:alpine"_s}, redis, {3'000'000, 20, 450'000}, idOf('p')),
         image('g', {u"alpine/git:latest"_s}, {diff("alpine"), diff("git")},
               {3'000'000, 1'500'000}),
         image('u', {u"ubuntu:18.04"_s}, {diff("bionic")}, {5'000'000}),
         image('m', {u"mongo:3.2"_s}, {diff("bionic"), diff("mongo-1"), diff("mongo-2")}, {})},
        {}, QDateTime::fromSecsSinceEpoch(1'700'000'000));
}

// "name(children…)" for the subtree under `parent`, short chain IDs replaced by their
// position in `names` so the expectation reads as a picture of the forest.
QString shape(const QAbstractItemModel &model, const QModelIndex &parent,
              const QHash<QString, QString> &names)
{
    QStringList parts;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        const QString chainId = index.data(LayerTreeModel::ChainIdRole).toString();
        const QString children = shape(model, index, names);
        parts.append(names.value(chainId, u"?"_s)
                     + (children.isEmpty() ? QString() : u"("_s + children + u")"_s));
    }
    return parts.join(u' ');
}

} // namespace

class TestLayerTreeModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passesModelTester();
    void structureFollowsChains();
    void columns_data();
    void columns();
    void indexOfLayer();
    void emptySnapshot();
};

void TestLayerTreeModel::passesModelTester()
{
    LayerTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const Snapshot snapshot = sampleSnapshot();
    model.setSnapshot(snapshot, LayerGraph(snapshot));
    QCOMPARE(model.rowCount(), 2);
    model.setSnapshot(Snapshot(), LayerGraph());
    QCOMPARE(model.rowCount(), 0);
    model.setSnapshot(snapshot, LayerGraph(snapshot));
    model.retranslate();
}

void TestLayerTreeModel::structureFollowsChains()
{
    const Snapshot snapshot = sampleSnapshot();
    LayerTreeModel model;
    model.setSnapshot(snapshot, LayerGraph(snapshot));

    // Name every layer after the image chain it first appears in.
    QHash<QString, QString> names;
    const QList<std::pair<QString, QStringList>> chains{
        {u"redis"_s, snapshot.image(idOf('r'))->diffIds},
        {u"git"_s, snapshot.image(idOf('g'))->diffIds},
        {u"mongo"_s, snapshot.image(idOf('m'))->diffIds}};
    for (const auto &[name, diffIds] : chains) {
        const QStringList ids = Digest::chainIds(diffIds);
        for (qsizetype level = 0; level < ids.size(); ++level) {
            if (!names.contains(ids.at(level)))
                names.insert(ids.at(level), u"%1%2"_s.arg(name).arg(level));
        }
    }
    QCOMPARE(shape(model, {}, names), u"redis0(redis1(redis2) git1) mongo0(mongo1(mongo2))"_s);

    // Every node's parent chain, read bottom-up, is the chain of an image that uses it.
    for (const QString &chainId : names.keys()) {
        QStringList up;
        for (QModelIndex index = model.indexOfLayer(chainId); index.isValid();
             index = index.parent()) {
            up.prepend(index.data(LayerTreeModel::ChainIdRole).toString());
        }
        const QString someUser = model.indexOfLayer(chainId)
                                     .data(LayerTreeModel::ImageIdsRole).toStringList().first();
        QCOMPARE(up, Digest::chainIds(snapshot.image(someUser)->diffIds).mid(0, up.size()));
    }
}

void TestLayerTreeModel::columns_data()
{
    QTest::addColumn<QString>("imageId"); // the layer is this image's top
    QTest::addColumn<QString>("size");
    QTest::addColumn<QString>("images");
    QTest::addColumn<QString>("users");
    QTest::addColumn<QStringList>("userIds");

    QTest::newRow("redis top") << idOf('r') << u"450kB"_s << u"redis:alpine"_s << u"1"_s
                               << QStringList{idOf('r')};
    QTest::newRow("untagged parent's top") << idOf('p') << u"20B"_s << u"pppppppppppp"_s
                                           << u"2"_s << QStringList{idOf('p'), idOf('r')};
    QTest::newRow("shared bionic base") << idOf('u') << u"5MB"_s << u"ubuntu:18.04"_s << u"2"_s
                                        << QStringList{idOf('u'), idOf('m')};
    QTest::newRow("size unknown") << idOf('m') << u"unknown"_s << u"mongo:3.2"_s << u"1"_s
                                  << QStringList{idOf('m')};
}

void TestLayerTreeModel::columns()
{
    QFETCH(QString, imageId);
    QFETCH(QString, size);
    QFETCH(QString, images);
    QFETCH(QString, users);
    QFETCH(QStringList, userIds);

    const Snapshot snapshot = sampleSnapshot();
    LayerTreeModel model;
    model.setSnapshot(snapshot, LayerGraph(snapshot));
    const QString top = Digest::chainIds(snapshot.image(imageId)->diffIds).constLast();
    const QModelIndex index = model.indexOfLayer(top);
    QVERIFY(index.isValid());
    const auto cell = [&](int column) {
        return model.index(index.row(), column, index.parent()).data().toString();
    };
    QCOMPARE(cell(LayerTreeModel::ChainIdColumn), Digest::shortId(top));
    QCOMPARE(cell(LayerTreeModel::SizeColumn), size);
    QCOMPARE(cell(LayerTreeModel::ImagesColumn), images);
    QCOMPARE(cell(LayerTreeModel::UsersColumn), users);
    QCOMPARE(index.data(LayerTreeModel::ImageIdsRole).toStringList(), userIds);
}

void TestLayerTreeModel::indexOfLayer()
{
    const Snapshot snapshot = sampleSnapshot();
    LayerTreeModel model;
    model.setSnapshot(snapshot, LayerGraph(snapshot));
    const QStringList git = Digest::chainIds(snapshot.image(idOf('g'))->diffIds);
    const QModelIndex top = model.indexOfLayer(git.at(1), LayerTreeModel::SizeColumn);
    QCOMPARE(top.column(), int(LayerTreeModel::SizeColumn));
    QCOMPARE(top.parent(), model.indexOfLayer(git.at(0)));
    QCOMPARE(model.index(top.row(), top.column(), top.parent()), top);
    QVERIFY(!model.indexOfLayer(idOf('x')).isValid());
    QVERIFY(!model.indexOfLayer(git.at(0), LayerTreeModel::ColumnCount).isValid());
}

void TestLayerTreeModel::emptySnapshot()
{
    LayerTreeModel model;
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setSnapshot(Snapshot(), LayerGraph());
    QCOMPARE(resets.size(), 1);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.headerData(LayerTreeModel::UsersColumn, Qt::Horizontal).toString(),
             u"USED BY"_s);
}

QTEST_MAIN(TestLayerTreeModel)
#include "tst_layertreemodel.moc"
