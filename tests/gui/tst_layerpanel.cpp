#include "digest.h"
#include "dockercli.h"
#include "layerdetailsmodel.h"
#include "layerpanel.h"
#include "layertreemodel.h"
#include "sharingview.h"
#include "snapshotloader.h"

#include <QApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScrollArea>
#include <QSet>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace Strata;
using namespace Qt::StringLiterals;

namespace {

void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString directory = qEnvironmentVariable("STRATA_SCREENSHOT_DIR");
    if (directory.isEmpty())
        return;
    QDir().mkpath(directory);
    QVERIFY(widget->grab().save(directory + QLatin1Char('/') + name));
}

QSet<QString> toSet(const QStringList &list)
{
    return QSet<QString>(list.cbegin(), list.cend());
}

} // namespace

// The layer panel on the read-only sandbox: what it shows is compared with what the Docker CLI
// says about the same engine, and the screenshots are for people to look at.
class TestLayerPanel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void treeSelectsEveryImageOnTheSharedBase();
    void sharingViewDrawsTheSharedBaseOnce();
    void detailsMatchDockerHistory();

private:
    QStringList cli(const QStringList &arguments);

    QString m_host;
    Snapshot m_snapshot;
    QString m_redis;          // image IDs, as the CLI names them
    QString m_git;
    QString m_baseChainId;    // redis:alpine's base layer, from the CLI's diff IDs
    QSet<QString> m_baseUsers; // every image (with -a) whose first layer is that base
    std::unique_ptr<LayerPanel> m_panel;
};

QStringList TestLayerPanel::cli(const QStringList &arguments)
{
    const Testing::DockerRun run = Testing::runDocker(m_host, arguments);
    if (run.exitCode != 0)
        qWarning("docker %s: %s", qPrintable(arguments.join(u' ')), run.standardError.data());
    return run.outputLines();
}

void TestLayerPanel::initTestCase()
{
    m_host = Testing::fixtureHost("sandbox");
    QVERIFY2(!m_host.isEmpty(), "STRATA_TEST_HOST_SANDBOX is not set: run through ctest");
    Endpoint endpoint;
    QVERIFY(Endpoint::parse(m_host, &endpoint, nullptr));
    const SnapshotLoader::Result loaded = SnapshotLoader::load(endpoint);
    QVERIFY2(!loaded.error.isError(), qPrintable(loaded.error.detail));
    m_snapshot = loaded.snapshot;

    m_redis = cli({u"image"_s, u"inspect"_s, u"--format"_s, u"{{.Id}}"_s, u"redis:alpine"_s})
                  .value(0);
    m_git = cli({u"image"_s, u"inspect"_s, u"--format"_s, u"{{.Id}}"_s, u"alpine/git"_s})
                .value(0);
    QVERIFY(!m_redis.isEmpty() && !m_git.isEmpty());
    QStringList arguments{u"image"_s, u"inspect"_s, u"--format"_s,
                          u"{{.Id}} {{index .RootFS.Layers 0}}"_s};
    arguments += cli({u"image"_s, u"ls"_s, u"-aq"_s, u"--no-trunc"_s});
    QHash<QString, QString> baseOf;
    for (const QString &line : cli(arguments))
        baseOf.insert(line.section(u' ', 0, 0), line.section(u' ', 1, 1));
    m_baseChainId = baseOf.value(m_redis); // a base layer's chain ID is its diff ID
    QCOMPARE(baseOf.value(m_git), m_baseChainId);
    for (auto it = baseOf.cbegin(); it != baseOf.cend(); ++it) {
        if (it.value() == m_baseChainId)
            m_baseUsers.insert(it.key());
    }
    QVERIFY(m_baseUsers.size() >= 2);
}

void TestLayerPanel::init()
{
    m_panel = std::make_unique<LayerPanel>();
    m_panel->resize(1100, 520);
    m_panel->setSnapshot(m_snapshot);
    m_panel->show();
    QApplication::setActiveWindow(m_panel.get());
    QVERIFY(QTest::qWaitForWindowActive(m_panel.get()));
}

void TestLayerPanel::cleanup()
{
    m_panel.reset();
}

void TestLayerPanel::treeSelectsEveryImageOnTheSharedBase()
{
    auto *tabs = m_panel->findChild<QTabWidget *>(u"tabs"_s);
    auto *tree = m_panel->findChild<QTreeView *>(u"layerTree"_s);
    tabs->setCurrentWidget(m_panel->findChild<QWidget *>(u"treeTab"_s));
    QTRY_VERIFY(tree->isVisible());

    const QModelIndex base = m_panel->treeModel()->indexOfLayer(m_baseChainId);
    QVERIFY(base.isValid());
    QVERIFY(!base.parent().isValid()); // a root of the forest
    QCOMPARE(base.siblingAtColumn(LayerTreeModel::UsersColumn).data().toString(),
             QString::number(m_baseUsers.size()));
    QSignalSpy selected(m_panel.get(), &LayerPanel::imagesSelected);
    tree->scrollTo(base);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(base).center());
    QCOMPARE(selected.size(), 1);
    QCOMPARE(toSet(selected.at(0).at(0).toStringList()), m_baseUsers);
    QCOMPARE(m_panel->sharingView()->selectedChainId(), QString()); // only activation selects

    // Arrow down to the first layer stacked on the base: its images are a subset.
    QTest::keyClick(tree, Qt::Key_Down);
    QCOMPARE(selected.size(), 2);
    const QSet<QString> above = toSet(selected.at(1).at(0).toStringList());
    QVERIFY(above.size() < m_baseUsers.size() && m_baseUsers.contains(above));
    tree->setCurrentIndex(base);
    saveScreenshot(m_panel.get(), u"layer-tree.png"_s);
}

void TestLayerPanel::sharingViewDrawsTheSharedBaseOnce()
{
    auto *tabs = m_panel->findChild<QTabWidget *>(u"tabs"_s);
    tabs->setCurrentWidget(m_panel->findChild<QWidget *>(u"sharingTab"_s));
    SharingView *view = m_panel->sharingView();
    QTRY_VERIFY(view->isVisible());
    // The sandbox's images fit the panel: no scroll bars once the tab has been laid out.
    auto *area = m_panel->findChild<QScrollArea *>(u"sharingScroll"_s);
    QTRY_COMPARE(area->viewport()->size(), area->maximumViewportSize());

    // Columns are the images `docker image ls` lists (without -a).
    QCOMPARE(toSet(view->columnImageIds()),
             toSet(cli({u"image"_s, u"ls"_s, u"-q"_s, u"--no-trunc"_s})));
    const qsizetype redis = view->columnImageIds().indexOf(m_redis);
    const qsizetype git = view->columnImageIds().indexOf(m_git);
    QVERIFY(redis >= 0 && git >= 0);
    const QList<QRect> base = view->layerRects(m_baseChainId);
    QCOMPARE(base.size(), 1); // one band across every image on the base
    const QRect band = base.first();
    QVERIFY(band.left() <= view->columnRect(int(std::min(redis, git))).left());
    QVERIFY(band.right() >= view->columnRect(int(std::max(redis, git))).right());

    // Keyboard: from redis:alpine's name up to its base, then select it.
    QSignalSpy selected(m_panel.get(), &LayerPanel::imagesSelected);
    m_panel->showImage(m_redis);
    QCOMPARE(selected.size(), 0); // showing is not selecting
    view->setFocus();
    QTRY_VERIFY(view->hasFocus());
    QCOMPARE(view->focusedColumn(), int(redis));
    QTest::keyClick(view, Qt::Key_Up);
    QCOMPARE(view->focusedChainId(), m_baseChainId);
    saveScreenshot(m_panel.get(), u"layer-sharing-focus.png"_s);
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(selected.size(), 1);
    QCOMPARE(toSet(selected.at(0).at(0).toStringList()), m_baseUsers);
    // The tree follows the selection.
    QCOMPARE(m_panel->findChild<QTreeView *>(u"layerTree"_s)->currentIndex()
                 .data(LayerTreeModel::ChainIdRole).toString(), m_baseChainId);
    saveScreenshot(m_panel.get(), u"layer-sharing.png"_s);
    saveScreenshot(view, u"layer-sharing-full.png"_s);

    // Clicking an image's name selects that image alone.
    const QRect column = view->columnRect(int(git));
    QTest::mouseClick(view, Qt::LeftButton, {}, QPoint(column.center().x(), column.bottom() - 4));
    QCOMPARE(selected.size(), 2);
    QCOMPARE(selected.at(1).at(0).toStringList(), QStringList{m_git});
    QCOMPARE(m_panel->imageId(), m_git);
}

// Where a layer's step is certain, it is the step `docker history` lists for that layer: the
// non-empty entries in order when no zero-byte entry made a layer.
void TestLayerPanel::detailsMatchDockerHistory()
{
    auto *table = m_panel->findChild<QTableView *>(u"layerTable"_s);
    LayerDetailsModel *model = m_panel->detailsModel();
    int exactImages = 0;
    for (const ImageRecord &image : m_snapshot.images()) {
        m_panel->showImage(image.id);
        QCOMPARE(model->rowCount(), image.diffIds.size());
        const QStringList lines = cli({u"history"_s, u"--no-trunc"_s, u"--format"_s,
                                       u"{{.Size}}\t{{json .CreatedBy}}"_s, image.id});
        QStringList made; // CreatedBy of the entries that made a non-empty layer, oldest first
        for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
            if (it->section(u'\t', 0, 0) != u"0B"_s)
                made.append(QJsonDocument::fromJson(
                                u"[%1]"_s.arg(it->section(u'\t', 1)).toUtf8())
                                .array().at(0).toString());
        }
        QStringList ours;
        bool allExact = true;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, LayerDetailsModel::CreatedByColumn);
            allExact = allExact
                && index.data(LayerDetailsModel::HistoryMatchRole).toInt()
                    == int(LayerDetails::HistoryMatch::Exact);
            if (index.siblingAtColumn(LayerDetailsModel::SizeColumn)
                    .data(LayerDetailsModel::RawValueRole).toLongLong() != 0) {
                ours.append(index.data(Qt::ToolTipRole).toString());
            }
        }
        if (made.size() == image.diffIds.size()) {
            QVERIFY2(allExact, qPrintable(LayerDetails::imageName(image)));
            QCOMPARE(ours, made);
            ++exactImages;
        }
    }
    QVERIFY(exactImages >= m_snapshot.images().size() / 2);

    // redis:alpine has an empty layer the API cannot place: said, not guessed.
    m_panel->showImage(m_redis);
    QCOMPARE(model->rowCount(), 6);
    QCOMPARE(model->index(0, 0).data(LayerDetailsModel::HistoryMatchRole).toInt(),
             int(LayerDetails::HistoryMatch::Exact));
    QVERIFY(model->index(0, 0).data().toString().contains(u"ADD file:"_s));
    QCOMPARE(model->index(5, 0).data(LayerDetailsModel::HistoryMatchRole).toInt(),
             int(LayerDetails::HistoryMatch::Ambiguous));
    QCOMPARE(model->index(0, LayerDetailsModel::SharedWithColumn).data().toString()
                 .contains(u"alpine/git:latest"_s), true);
    table->selectRow(0);
    saveScreenshot(m_panel.get(), u"layer-details.png"_s);
}

QTEST_MAIN(TestLayerPanel)
#include "tst_layerpanel.moc"
