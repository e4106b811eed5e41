#include "dockercli.h"
#include "enginesession.h"
#include "imagetablemodel.h"
#include "languagemanager.h"
#include "layerpanel.h"
#include "layertreemodel.h"
#include "mainwindow.h"
#include "humanize.h"
#include "removalplanner.h"
#include "removalpreviewdialog.h"
#include "whydialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLocalServer>
#include <QStatusBar>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTreeView>
#include <QTreeWidget>
#include <QTest>

using namespace Strata;

namespace {

constexpr int EngineTimeoutMs = 60000;

QStringList tableReferences(QAbstractItemModel *model)
{
    QStringList references;
    for (int row = 0; row < model->rowCount(); ++row)
        references << model->index(row, 0).data(ImageTableModel::RemovalReferenceRole).toString();
    return references;
}

int rowOf(QAbstractItemModel *model, const QString &reference)
{
    return int(tableReferences(model).indexOf(reference));
}

void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString directory = qEnvironmentVariable("STRATA_SCREENSHOT_DIR");
    if (directory.isEmpty())
        return;
    QDir().mkpath(directory);
    QVERIFY(widget->grab().save(directory + QLatin1Char('/') + name));
}

QStringList childTexts(const QTreeWidgetItem *item)
{
    QStringList texts;
    for (int i = 0; i < item->childCount(); ++i)
        texts << item->child(i)->text(0);
    return texts;
}

// Selects the row removed by `reference` and presses `key` (Delete or Shift+Delete).
RemovalPreviewDialog *openPreview(MainWindow *window, const QString &reference,
                                  Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    auto *table = window->findChild<QTableView *>(QStringLiteral("imageTable"));
    const int row = rowOf(table->model(), reference);
    if (row < 0)
        return nullptr;
    table->setFocus();
    table->selectRow(row);
    QTest::keyClick(table, Qt::Key_Delete, modifiers);
    RemovalPreviewDialog *dialog = nullptr;
    const bool opened
        = QTest::qWaitFor([&] { return (dialog = window->findChild<RemovalPreviewDialog *>()); });
    return opened ? dialog : nullptr;
}

QPushButton *removeButton(RemovalPreviewDialog *dialog)
{
    return dialog->findChild<QPushButton *>(QStringLiteral("removeButton"));
}

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void previewShowsConflictAndForceReplans();
    void previewShowsSharedLayerSurvivor();
    void explainsWhyAnImageStays();
    void explainsWhyASharedLayerStays();
    void filtersVisibleTextWithCtrlF();
    void removesSelectedRowThroughDeleteKey();
    void showsUnreachableEngineWithAddress();
    void silentEngineNeverHoldsTheWindow();

private:
    Endpoint endpoint() const;
    void showAndLoad(MainWindow *window, EngineSession *session);

    QString m_host;
};

Endpoint TestMainWindow::endpoint() const
{
    Endpoint endpoint;
    EngineError error;
    if (!Endpoint::parse(m_host, &endpoint, &error))
        qFatal("bad fixture address: %s", qPrintable(error.detail));
    return endpoint;
}

void TestMainWindow::showAndLoad(MainWindow *window, EngineSession *session)
{
    window->resize(1100, 700);
    window->show();
    QApplication::setActiveWindow(window);
    QVERIFY(QTest::qWaitForWindowActive(window));
    session->reload();
    auto *table = window->findChild<QTableView *>(QStringLiteral("imageTable"));
    QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() > 0, EngineTimeoutMs);
}

void TestMainWindow::initTestCase()
{
    // The same test runs once per language; only engine words are compared as text.
    const QString language = qEnvironmentVariable("STRATA_TEST_LANGUAGE");
    if (!language.isEmpty()) {
        // Strata's and Qt's translations and the locale, as the program sets them.
        auto *languages = new LanguageManager(this);
        QVERIFY(languages->setLanguage(language));
    }
    m_host = Testing::fixtureHost(qPrintable(qEnvironmentVariable("STRATA_TEST_FIXTURE")));
    QVERIFY2(!m_host.isEmpty(),
             "STRATA_TEST_FIXTURE names no engine: run through ctest, which starts the engine");
}

void TestMainWindow::previewShowsConflictAndForceReplans()
{
    auto *session = new EngineSession(endpoint());
    MainWindow window(session);
    showAndLoad(&window, session);

    // ubuntu:18.04 is used by a stopped container: the engine refuses without force.
    RemovalPreviewDialog *dialog = openPreview(&window, QStringLiteral("ubuntu:18.04"));
    QVERIFY(dialog);
    dialog->resize(760, 560);
    auto *steps = dialog->findChild<QTreeWidget *>(QStringLiteral("stepTree"));
    QCOMPARE(steps->topLevelItemCount(), 1);
    QCOMPARE(steps->topLevelItem(0)->text(0), QStringLiteral("docker image rm ubuntu:18.04"));
    const QStringList refused = childTexts(steps->topLevelItem(0));
    QVERIFY2(refused.constFirst().startsWith(
                 QStringLiteral("Error response from daemon: conflict: unable to remove "
                                "repository reference \"ubuntu:18.04\" (must force)")),
             qPrintable(refused.join(QLatin1Char('\n'))));
    QVERIFY(!removeButton(dialog)->isEnabled());
    saveScreenshot(dialog, QStringLiteral("preview-conflict.png"));

    // Force plans again at once: the tag goes and the image is deleted, its layers stay with
    // the stopped container.
    dialog->findChild<QCheckBox *>(QStringLiteral("forceCheck"))->click();
    QCOMPARE(steps->topLevelItem(0)->text(0),
             QStringLiteral("docker image rm -f ubuntu:18.04"));
    const QStringList forced = childTexts(steps->topLevelItem(0));
    QCOMPARE(forced.size(), 3);
    QCOMPARE(forced.at(0), QStringLiteral("Untagged: ubuntu:18.04"));
    QVERIFY(forced.at(1).startsWith(QStringLiteral("Untagged: ubuntu@sha256:")));
    QVERIFY(forced.at(2).startsWith(QStringLiteral("Deleted: sha256:")));
    QVERIFY(removeButton(dialog)->isEnabled());
    saveScreenshot(dialog, QStringLiteral("preview-forced.png"));
    dialog->reject();
}

void TestMainWindow::previewShowsSharedLayerSurvivor()
{
    auto *session = new EngineSession(endpoint());
    MainWindow window(session);
    showAndLoad(&window, session);

    RemovalPreviewDialog *dialog = openPreview(&window, QStringLiteral("redis:alpine"));
    QVERIFY(dialog);
    dialog->resize(760, 560);
    auto *survivors = dialog->findChild<QTreeWidget *>(QStringLiteral("survivorTree"));
    QVERIFY(survivors->topLevelItemCount() >= 1);
    // The alpine base layer stays because alpine/git (and docker101tutorial) share it.
    bool sharedBaseExplained = false;
    for (int i = 0; i < survivors->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = survivors->topLevelItem(i);
        if (childTexts(item).join(QLatin1Char('\n')).contains(QStringLiteral("alpine/git")))
            sharedBaseExplained = true;
    }
    QVERIFY(sharedBaseExplained);
    saveScreenshot(dialog, QStringLiteral("preview-shared-layers.png"));
    dialog->reject();
}

void TestMainWindow::explainsWhyAnImageStays()
{
    auto *session = new EngineSession(endpoint());
    MainWindow window(session);
    showAndLoad(&window, session);
    auto *table = window.findChild<QTableView *>(QStringLiteral("imageTable"));

    // The status bar says what removing the selection would free, before anything happens:
    // redis:alpine frees its own layers, not the base it shares.
    table->selectRow(rowOf(table->model(), QStringLiteral("redis:alpine")));
    const RemovalPlan plan
        = RemovalPlanner::plan(session->snapshot(), {{QStringLiteral("redis:alpine"), false,
                                                      false}});
    QVERIFY(plan.bytesFreed > 0);
    QVERIFY(plan.bytesFreed < session->snapshot().images().constFirst().size * 10);
    auto *status = window.statusBar()->findChild<QLabel *>();
    QVERIFY2(status->text().contains(Humanize::size(plan.bytesFreed)), qPrintable(status->text()));

    const int row = rowOf(table->model(), QStringLiteral("ubuntu:18.04"));
    QVERIFY(row >= 0);
    table->selectRow(row);

    window.findChild<QAction *>(QStringLiteral("whyAction"))->trigger();
    WhyDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<WhyDialog *>()) != nullptr);
    const QString reasons = dialog->reasons().join(QLatin1Char('\n'));
    // Every reason, where Docker names only the first: the tag, the digest, the container.
    QVERIFY2(reasons.contains(QStringLiteral("ubuntu:18.04")), qPrintable(reasons));
    QVERIFY2(reasons.contains(QStringLiteral("ubuntu@sha256:")), qPrintable(reasons));
    QVERIFY2(reasons.contains(QStringLiteral("stopped-bionic")), qPrintable(reasons));
    QCOMPARE(dialog->reasons().size(), 3);
    dialog->resize(640, 300);
    saveScreenshot(dialog, QStringLiteral("why-image.png"));
    dialog->reject();
}

void TestMainWindow::explainsWhyASharedLayerStays()
{
    auto *session = new EngineSession(endpoint());
    MainWindow window(session);
    showAndLoad(&window, session);

    // Pick redis:alpine's base layer in the layer tree, then ask why it stays.
    const ImageRecord *redis = nullptr;
    for (const ImageRecord &image : session->snapshot().images()) {
        if (image.repoTags.contains(QStringLiteral("redis:alpine")))
            redis = &image;
    }
    QVERIFY(redis && !redis->diffIds.isEmpty());
    const QString base = redis->diffIds.constFirst(); // a base layer's chain ID is its diff ID
    auto *panel = window.findChild<LayerPanel *>();
    auto *tree = panel->findChild<QTreeView *>(QStringLiteral("layerTree"));
    QModelIndex baseIndex;
    for (int row = 0; row < tree->model()->rowCount(); ++row) {
        const QModelIndex index = tree->model()->index(row, 0);
        if (index.data(LayerTreeModel::ChainIdRole).toString() == base)
            baseIndex = index;
    }
    QVERIFY(baseIndex.isValid());
    tree->setCurrentIndex(baseIndex);
    QCOMPARE(panel->selectedChainId(), base);
    panel->findChild<QAction *>(QStringLiteral("whyLayerAction"))->trigger();
    WhyDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<WhyDialog *>()) != nullptr);
    const QString reasons = dialog->reasons().join(QLatin1Char('\n'));
    QVERIFY2(reasons.contains(QStringLiteral("redis:alpine")), qPrintable(reasons));
    QVERIFY2(reasons.contains(QStringLiteral("alpine/git:latest")), qPrintable(reasons));
    QVERIFY2(reasons.contains(QStringLiteral("running-tutorial")), qPrintable(reasons));
    dialog->resize(640, 300);
    saveScreenshot(dialog, QStringLiteral("why-layer.png"));
    dialog->reject();
}

void TestMainWindow::filtersVisibleTextWithCtrlF()
{
    auto *session = new EngineSession(endpoint());
    MainWindow window(session);
    showAndLoad(&window, session);
    auto *table = window.findChild<QTableView *>(QStringLiteral("imageTable"));
    auto *filter = window.findChild<QLineEdit *>(QStringLiteral("filterEdit"));
    auto *status = window.statusBar()->findChild<QLabel *>();
    const int all = table->model()->rowCount();

    table->setFocus();
    QTest::keyClick(table, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(filter->hasFocus());
    QTest::keyClicks(filter, QStringLiteral("ALPINE"));

    // The rows whose shown text contains the word, as the CLI's own table has them.
    const Testing::DockerRun listing = Testing::runDocker(
        m_host, {QStringLiteral("image"), QStringLiteral("ls"), QStringLiteral("--format"),
                 QStringLiteral("{{.Repository}} {{.Tag}} {{.ID}} {{.Size}}")});
    QCOMPARE(listing.exitCode, 0);
    const QStringList expected
        = listing.outputLines().filter(QStringLiteral("alpine"), Qt::CaseInsensitive);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(table->model()->rowCount(), int(expected.size()));
    QVERIFY(table->model()->rowCount() < all);
    const QString shown = QCoreApplication::translate("Strata::MainWindow", "%n row(s) shown",
                                                      nullptr, int(expected.size()));
    QVERIFY2(status->text().contains(shown), qPrintable(status->text()));
    saveScreenshot(&window, QStringLiteral("mainwindow-filtered.png"));

    // Only shown columns count: digests match once the DIGEST column is shown.
    filter->setText(QStringLiteral("sha256:"));
    QCOMPARE(table->model()->rowCount(), 0);
    window.findChild<QAction *>(QStringLiteral("digestsAction"))->setChecked(true);
    QVERIFY(table->model()->rowCount() > 0);
    window.findChild<QAction *>(QStringLiteral("digestsAction"))->setChecked(false);

    // Escape clears it, from the field or from the table, and the table has the keys again.
    QTest::keyClick(filter, Qt::Key_Escape);
    QCOMPARE(filter->text(), QString());
    QCOMPARE(table->model()->rowCount(), all);
    QVERIFY(table->hasFocus());
    filter->setText(QStringLiteral("redis"));
    QVERIFY(table->model()->rowCount() < all);
    QTest::keyClick(table, Qt::Key_Escape);
    QCOMPARE(filter->text(), QString());
    QCOMPARE(table->model()->rowCount(), all);
}

void TestMainWindow::removesSelectedRowThroughDeleteKey()
{
    auto *session = new EngineSession(endpoint());
    MainWindow window(session);
    showAndLoad(&window, session);
    auto *table = window.findChild<QTableView *>(QStringLiteral("imageTable"));
    QVERIFY(rowOf(table->model(), QStringLiteral("alpine/git:latest")) >= 0);
    // The fixture engine is a sandbox (its daemon label says so) and the window says it.
    QVERIFY(window.findChild<QWidget *>(QStringLiteral("engineBanner"))->isVisible());
    saveScreenshot(&window, QStringLiteral("mainwindow-before-removal.png"));

    RemovalPreviewDialog *dialog = openPreview(&window, QStringLiteral("redis:alpine"));
    QVERIFY(dialog);
    QCOMPARE(dialog->requests().size(), 1);
    QCOMPARE(dialog->requests().constFirst().reference, QStringLiteral("redis:alpine"));
    QVERIFY(!dialog->force());
    auto *steps = dialog->findChild<QTreeWidget *>(QStringLiteral("stepTree"));
    const QStringList predicted = childTexts(steps->topLevelItem(0));
    QVERIFY(predicted.size() >= 3);

    QSignalSpy finished(window.removalExecutor(), &RemovalExecutor::finished);
    QTest::mouseClick(removeButton(dialog), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, EngineTimeoutMs);
    QCOMPARE(finished.at(0).at(0).value<RemovalExecutor::Ending>(),
             RemovalExecutor::Ending::Completed);

    // The log holds the engine's records verbatim, exactly the ones the preview promised.
    const QString log
        = window.findChild<QPlainTextEdit *>(QStringLiteral("removalLog"))->toPlainText();
    QVERIFY2(log.contains(QStringLiteral("\n") + predicted.join(QLatin1Char('\n'))
                          + QStringLiteral("\n")),
             qPrintable(log));
    QVERIFY(log.contains(QStringLiteral("\nUntagged: redis:alpine\n")));
    QVERIFY(log.contains(QStringLiteral("\nUntagged: redis@sha256:")));

    // After the refresh the row is gone and the image sharing its base layer is still there.
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(table->model(), QStringLiteral("redis:alpine")) < 0,
                             EngineTimeoutMs);
    QVERIFY(rowOf(table->model(), QStringLiteral("alpine/git:latest")) >= 0);
    const Testing::DockerRun listing = Testing::runDocker(
        m_host, {QStringLiteral("image"), QStringLiteral("ls"), QStringLiteral("--format"),
                 QStringLiteral("{{.Repository}}:{{.Tag}}")});
    QCOMPARE(listing.exitCode, 0);
    QVERIFY(!listing.outputLines().contains(QStringLiteral("redis:alpine")));
    QVERIFY(listing.outputLines().contains(QStringLiteral("alpine/git:latest")));
    saveScreenshot(&window, QStringLiteral("mainwindow-after-removal.png"));
}

void TestMainWindow::showsUnreachableEngineWithAddress()
{
    const QString address = QStringLiteral("unix://") + QDir::tempPath()
        + QStringLiteral("/strata-no-engine-here.sock");
    Endpoint endpoint;
    EngineError error;
    QVERIFY(Endpoint::parse(address, &endpoint, &error));
    auto *session = new EngineSession(endpoint);
    MainWindow window(session);
    window.show();
    session->reload();

    auto *banner = window.findChild<QWidget *>(QStringLiteral("engineBanner"));
    auto *retry = window.findChild<QPushButton *>(QStringLiteral("retryButton"));
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), EngineTimeoutMs);
    QVERIFY(retry->isVisible());
    const QString text = window.findChild<QLabel *>(QStringLiteral("bannerLabel"))->text();
    QVERIFY2(text.contains(address), qPrintable(text));
    saveScreenshot(&window, QStringLiteral("mainwindow-unreachable.png"));

    // Retry tries again and fails the same way, without crashing or hanging the window.
    QSignalSpy failed(session, &EngineSession::loadFailed);
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, EngineTimeoutMs);
    QVERIFY(banner->isVisible());
}

void TestMainWindow::silentEngineNeverHoldsTheWindow()
{
    // An "engine" that accepts connections and never answers: curl would wait minutes.
    QLocalServer silent;
    const QString path = QDir::tempPath() + QStringLiteral("/strata-silent-engine.sock");
    QLocalServer::removeServer(path);
    QVERIFY(silent.listen(path));
    Endpoint endpoint;
    EngineError error;
    QVERIFY(Endpoint::parse(QStringLiteral("unix://") + path, &endpoint, &error));

    QElapsedTimer timer;
    {
        auto *session = new EngineSession(endpoint);
        MainWindow window(session);
        window.show();
        QSignalSpy started(session, &EngineSession::loadStarted);
        session->reload();
        QTRY_VERIFY(silent.hasPendingConnections()); // connected, and no answer will come
        QVERIFY(session->isLoading());
        auto *status = window.statusBar()->findChild<QLabel *>();
        QVERIFY(status->text().contains(path));
        // Refresh abandons the stuck load and starts again instead of doing nothing.
        auto *refresh = window.findChild<QAction *>(QStringLiteral("refreshAction"));
        QVERIFY(refresh->isEnabled());
        refresh->trigger();
        QCOMPARE(started.size(), 2);
        timer.start();
    } // closing the window abandons the load in flight
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
