#include "dockercli.h"
#include "enginesession.h"
#include "imagetablemodel.h"
#include "mainwindow.h"
#include "removalconfirmdialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
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

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void removesSelectedRowThroughDeleteKey();
    void showsUnreachableEngineWithAddress();

private:
    QString m_host;
};

void TestMainWindow::initTestCase()
{
    m_host = Testing::fixtureHost("gui");
    QVERIFY2(!m_host.isEmpty(),
             "STRATA_TEST_HOST_GUI is not set: run through ctest, which starts the engine");
}

void TestMainWindow::removesSelectedRowThroughDeleteKey()
{
    Endpoint endpoint;
    EngineError error;
    QVERIFY(Endpoint::parse(m_host, &endpoint, &error));
    auto *session = new EngineSession(endpoint);
    MainWindow window(session);
    window.resize(1100, 700);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    session->reload();

    auto *table = window.findChild<QTableView *>(QStringLiteral("imageTable"));
    QVERIFY(table);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(table->model(), QStringLiteral("redis:alpine")) >= 0,
                             EngineTimeoutMs);
    QVERIFY(rowOf(table->model(), QStringLiteral("alpine/git:latest")) >= 0);
    saveScreenshot(&window, QStringLiteral("mainwindow-before-removal.png"));

    const int row = rowOf(table->model(), QStringLiteral("redis:alpine"));
    table->setFocus();
    table->selectRow(row);
    QTest::keyClick(table, Qt::Key_Delete);
    RemovalConfirmDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<RemovalConfirmDialog *>()) != nullptr);
    auto *requestList = dialog->findChild<QListWidget *>(QStringLiteral("requestList"));
    QCOMPARE(requestList->count(), 1);
    QCOMPARE(requestList->item(0)->text(), QStringLiteral("redis:alpine"));
    QVERIFY(!dialog->force());
    saveScreenshot(dialog, QStringLiteral("removal-confirm.png"));

    QSignalSpy finished(window.removalExecutor(), &RemovalExecutor::finished);
    auto *buttons = dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, EngineTimeoutMs);
    QCOMPARE(finished.at(0).at(0).value<RemovalExecutor::Ending>(),
             RemovalExecutor::Ending::Completed);

    // The log holds the engine's records verbatim, in the CLI's words.
    const QString log
        = window.findChild<QPlainTextEdit *>(QStringLiteral("removalLog"))->toPlainText();
    QVERIFY2(log.contains(QStringLiteral("\nUntagged: redis:alpine\n")), qPrintable(log));
    QVERIFY2(log.contains(QStringLiteral("\nUntagged: redis@sha256:")), qPrintable(log));
    QVERIFY2(log.contains(QStringLiteral("\nDeleted: sha256:")), qPrintable(log));

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

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
