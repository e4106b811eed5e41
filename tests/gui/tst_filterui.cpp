#include "dockercli.h"
#include "engineclient.h"
#include "engineproxy.h"
#include "enginesession.h"
#include "humanize.h"
#include "imagetablemodel.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "pruneplanner.h"
#include "removalpreviewdialog.h"

#include <QAction>
#include <QApplication>
#include <QCompleter>
#include <QDir>
#include <QInputDialog>
#include <QTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTest>

using namespace Strata;
using namespace Qt::StringLiterals;
using Strata::Testing::EngineProxy;

namespace {

constexpr int EngineTimeoutMs = 60000;

void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString directory = qEnvironmentVariable("STRATA_SCREENSHOT_DIR");
    if (directory.isEmpty())
        return;
    QDir().mkpath(directory);
    QVERIFY(widget->grab().save(directory + QLatin1Char('/') + name));
}

// "repo:tag" of every row the table shows, in the view's order.
QStringList shownRows(QAbstractItemModel *model)
{
    QStringList rows;
    for (int row = 0; row < model->rowCount(); ++row) {
        rows << model->index(row, ImageTableModel::RepositoryColumn).data().toString()
                    + QLatin1Char(':')
                    + model->index(row, ImageTableModel::TagColumn).data().toString();
    }
    return rows;
}

// What `docker image ls --filter …` prints as "repo:tag" lines, in its order.
QStringList dockerRows(const QString &host, const QStringList &filters)
{
    QStringList arguments{QStringLiteral("image"), QStringLiteral("ls"),
                          QStringLiteral("--format"), QStringLiteral("{{.Repository}}:{{.Tag}}")};
    for (const QString &filter : filters)
        arguments << QStringLiteral("--filter") << filter;
    const Testing::DockerRun run = Testing::runDocker(host, arguments);
    if (run.exitCode != 0)
        qWarning("docker image ls failed: %s", run.standardError.constData());
    return run.outputLines();
}

} // namespace

// The filter field with Docker's filter syntax, Select/Remove Matching and a cancelled batch,
// on an engine of its own (it removes images), compared with the docker CLI.
class TestFilterUi final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void filtersLikeDockerImageLs_data();
    void filtersLikeDockerImageLs();
    void showsRefusedFilterAndKeepsRows();
    void removesMatchingRows();
    void cancelledBatchSendsNothingMore();
    void prunesDanglingImagesAsPreviewed();
    void enginePruneAnswersAsPlanned();

private:
    Endpoint endpointOf(const QString &address) const;
    void showAndLoad(MainWindow *window, EngineSession *session);

    QString m_host;
    LanguageManager *m_languages = nullptr;
};

Endpoint TestFilterUi::endpointOf(const QString &address) const
{
    Endpoint endpoint;
    EngineError error;
    if (!Endpoint::parse(address, &endpoint, &error))
        qFatal("bad engine address: %s", qPrintable(error.detail));
    return endpoint;
}

void TestFilterUi::showAndLoad(MainWindow *window, EngineSession *session)
{
    window->resize(1100, 700);
    window->show();
    QApplication::setActiveWindow(window);
    QVERIFY(QTest::qWaitForWindowActive(window));
    session->reload();
    auto *table = window->findChild<QTableView *>(QStringLiteral("imageTable"));
    QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() > 0, EngineTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(!session->isLoading(), EngineTimeoutMs);
}

void TestFilterUi::initTestCase()
{
    // English plural forms ("1 of 4 requests") come from strata_en.ts, as in the program.
    m_languages = new LanguageManager(this);
    QVERIFY(m_languages->setLanguage(QStringLiteral("en")));
    m_host = Testing::fixtureHost("filterui");
    QVERIFY2(!m_host.isEmpty(), "no filterui engine: run through ctest, which starts it");
}

void TestFilterUi::filtersLikeDockerImageLs_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("dockerFilters");
    QTest::addColumn<QString>("freeText");
    QTest::newRow("reference") << u"reference=ubuntu"_s << QStringList{u"reference=ubuntu"_s}
                               << QString();
    QTest::newRow("two references ORed")
        << u"reference=ubuntu reference=redis"_s
        << QStringList{u"reference=ubuntu"_s, u"reference=redis"_s} << QString();
    QTest::newRow("glob") << u"reference=*:latest"_s << QStringList{u"reference=*:latest"_s}
                          << QString();
    QTest::newRow("dangling") << u"dangling=true"_s << QStringList{u"dangling=true"_s}
                              << QString();
    QTest::newRow("filter and word") << u"reference=ubuntu 18.04"_s
                                     << QStringList{u"reference=ubuntu"_s} << u"18.04"_s;
}

void TestFilterUi::filtersLikeDockerImageLs()
{
    QFETCH(QString, text);
    QFETCH(QStringList, dockerFilters);
    QFETCH(QString, freeText);

    auto *session = new EngineSession(endpointOf(m_host));
    MainWindow window(session);
    showAndLoad(&window, session);
    auto *table = window.findChild<QTableView *>(QStringLiteral("imageTable"));
    auto *filter = window.findChild<QLineEdit *>(QStringLiteral("filterEdit"));
    const int all = table->model()->rowCount();

    QTest::keyClicks(filter, text);
    QStringList expected = dockerRows(m_host, dockerFilters);
    if (!freeText.isEmpty())
        expected = expected.filter(freeText, Qt::CaseInsensitive);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(shownRows(table->model()), expected);
    QVERIFY(table->model()->rowCount() < all);
    QVERIFY(!window.findChild<QLabel *>(QStringLiteral("filterErrorLabel"))->isVisible());

    // Enter remembers it for the completer.
    QTest::keyClick(filter, Qt::Key_Return);
    QVERIFY(filter->completer()->model()->match(filter->completer()->model()->index(0, 0),
                                                Qt::DisplayRole, text.trimmed())
                .size()
            == 1);
}

void TestFilterUi::showsRefusedFilterAndKeepsRows()
{
    auto *session = new EngineSession(endpointOf(m_host));
    MainWindow window(session);
    showAndLoad(&window, session);
    auto *table = window.findChild<QTableView *>(QStringLiteral("imageTable"));
    auto *filter = window.findChild<QLineEdit *>(QStringLiteral("filterEdit"));
    auto *errorLabel = window.findChild<QLabel *>(QStringLiteral("filterErrorLabel"));

    QTest::keyClicks(filter, QStringLiteral("reference=ubuntu"));
    const QStringList valid = shownRows(table->model());
    QVERIFY(!valid.isEmpty());
    // Edited in one step (typed word by word, "dangling" alone is a valid text filter).
    filter->setText(QStringLiteral("reference=ubuntu dangling=maybe"));

    // The words the CLI prints for the same filters, and the last valid rows stay.
    const Testing::DockerRun refused = Testing::runDocker(
        m_host, {QStringLiteral("image"), QStringLiteral("ls"), QStringLiteral("--filter"),
                 QStringLiteral("reference=ubuntu"), QStringLiteral("--filter"),
                 QStringLiteral("dangling=maybe")});
    QVERIFY(refused.exitCode != 0);
    QTRY_VERIFY(errorLabel->isVisible());
    QCOMPARE(errorLabel->text(), QString::fromUtf8(refused.standardError).trimmed());
    QVERIFY(filter->toolTip().contains(errorLabel->text()));
    QCOMPARE(shownRows(table->model()), valid);
    saveScreenshot(&window, QStringLiteral("filter-refused-en.png"));

    QVERIFY(m_languages->setLanguage(QStringLiteral("zh_CN")));
    QTRY_VERIFY(window.findChild<QAction *>(QStringLiteral("selectMatchingAction"))->text()
                != QStringLiteral("Select &Matching"));
    QCOMPARE(errorLabel->text(), QString::fromUtf8(refused.standardError).trimmed());
    saveScreenshot(&window, QStringLiteral("filter-refused-zh_CN.png"));
    QVERIFY(m_languages->setLanguage(QStringLiteral("en")));

    filter->clear();
    QVERIFY(!errorLabel->isVisible());
}

void TestFilterUi::removesMatchingRows()
{
    auto *session = new EngineSession(endpointOf(m_host));
    MainWindow window(session);
    showAndLoad(&window, session);
    auto *table = window.findChild<QTableView *>(QStringLiteral("imageTable"));
    auto *filter = window.findChild<QLineEdit *>(QStringLiteral("filterEdit"));
    filter->setText(QStringLiteral("reference=ubuntu"));
    const QStringList expected = dockerRows(m_host, {QStringLiteral("reference=ubuntu")});
    QCOMPARE(shownRows(table->model()), expected);

    window.findChild<QAction *>(QStringLiteral("selectMatchingAction"))->trigger();
    QCOMPARE(table->selectionModel()->selectedRows().size(), expected.size());
    const QString status = window.statusBar()->findChild<QLabel *>()->text();
    QVERIFY2(status.contains(QStringLiteral("%1 selected").arg(expected.size())),
             qPrintable(status));
    // The two ubuntu images share no layer, so their de-duplicated size is the sum of theirs.
    qint64 sum = 0;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        sum += table->model()
                   ->index(row, ImageTableModel::SizeColumn)
                   .data(ImageTableModel::RawValueRole)
                   .toLongLong();
    }
    QVERIFY2(status.contains(QStringLiteral("(%1 of layers)").arg(Humanize::size(sum))),
             qPrintable(status));

    window.findChild<QAction *>(QStringLiteral("removeMatchingAction"))->trigger();
    RemovalPreviewDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<RemovalPreviewDialog *>()));
    QStringList sent;
    for (const RemovalRequest &request : dialog->requests())
        sent << request.reference;
    QCOMPARE(sent, expected); // tagged rows: their references, in the CLI's order
    QSignalSpy finished(window.removalExecutor(), &RemovalExecutor::finished);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("removeButton")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, EngineTimeoutMs);
    QCOMPARE(finished.at(0).at(0).value<RemovalExecutor::Ending>(),
             RemovalExecutor::Ending::Completed);
    // The seed runs a container on ubuntu:18.04: the engine refuses that one, as predicted.
    const QStringList left = dockerRows(m_host, {QStringLiteral("reference=ubuntu")});
    QCOMPARE(left, QStringList{u"ubuntu:18.04"_s});
    QTRY_COMPARE_WITH_TIMEOUT(shownRows(table->model()), left, EngineTimeoutMs);
    const QString log
        = window.findChild<QPlainTextEdit *>(QStringLiteral("removalLog"))->toPlainText();
    QVERIFY2(log.contains(u"Done: 1 succeeded, 1 refused by the engine."_s), qPrintable(log));
}

void TestFilterUi::cancelledBatchSendsNothingMore()
{
    const QStringList tags{QStringLiteral("batch:1"), QStringLiteral("batch:2"),
                           QStringLiteral("batch:3"), QStringLiteral("batch:4")};
    for (const QString &tag : tags) {
        const Testing::DockerRun run = Testing::runDocker(
            m_host, {QStringLiteral("tag"), QStringLiteral("alpine/git:latest"), tag});
        QCOMPARE(run.exitCode, 0);
    }
    // Every DELETE waits at the proxy until the test lets it through.
    EngineProxy proxy(endpointOf(m_host).socketPath);
    QString problem;
    QVERIFY2(proxy.start(&problem), qPrintable(problem));
    proxy.addRule("DELETE ", EngineProxy::Action::Hold);

    auto *session = new EngineSession(endpointOf(proxy.address()));
    MainWindow window(session);
    showAndLoad(&window, session);
    auto *filter = window.findChild<QLineEdit *>(QStringLiteral("filterEdit"));
    filter->setText(QStringLiteral("reference=batch"));
    const QStringList expected = dockerRows(m_host, {QStringLiteral("reference=batch")});
    QCOMPARE(expected.size(), tags.size());
    window.findChild<QAction *>(QStringLiteral("removeMatchingAction"))->trigger();
    RemovalPreviewDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<RemovalPreviewDialog *>()));
    QCOMPARE(dialog->requests().size(), tags.size());

    QSignalSpy finished(window.removalExecutor(), &RemovalExecutor::finished);
    QSignalSpy outcomes(window.removalExecutor(), &RemovalExecutor::outcomeReady);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("removeButton")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(proxy.heldCount(), 1, EngineTimeoutMs);
    auto *cancel = window.findChild<QPushButton *>(QStringLiteral("cancelButton"));
    QVERIFY(cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);
    proxy.openGate();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, EngineTimeoutMs);
    QCOMPARE(finished.at(0).at(0).value<RemovalExecutor::Ending>(),
             RemovalExecutor::Ending::Cancelled);
    QCOMPARE(outcomes.size(), 1);

    // One DELETE reached the engine; the other three rows are still there.
    QCOMPARE(proxy.requests().filter(QRegularExpression(QStringLiteral("^DELETE "))).size(), 1);
    const QStringList left = dockerRows(m_host, {QStringLiteral("reference=batch")});
    QCOMPARE(left, expected.mid(1));
    const QString log
        = window.findChild<QPlainTextEdit *>(QStringLiteral("removalLog"))->toPlainText();
    QVERIFY2(log.contains(QStringLiteral("Cancelled after 1 of 4 requests: 1 succeeded, "
                                         "0 refused by the engine.")),
             qPrintable(log));
    QVERIFY2(log.contains(QStringLiteral("Not sent: ") + left.join(QLatin1Char(' '))),
             qPrintable(log));
    saveScreenshot(&window, QStringLiteral("filter-batch-cancelled.png"));
}

void TestFilterUi::prunesDanglingImagesAsPreviewed()
{
    auto *session = new EngineSession(endpointOf(m_host));
    MainWindow window(session);
    showAndLoad(&window, session);
    QVERIFY(!dockerRows(m_host, {QStringLiteral("dangling=true")}).isEmpty());
    const PrunePlanner::Result planned = PrunePlanner::plan(session->snapshot(), {});
    QVERIFY(!planned.requests.isEmpty());

    // The choice dialog is modal: answer it "dangling only" from the event loop.
    QTimer::singleShot(0, this, [] {
        auto *choice = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
        QVERIFY(choice);
        QCOMPARE(choice->comboBoxItems().size(), 2);
        choice->setTextValue(choice->comboBoxItems().constFirst());
        choice->accept();
    });
    window.findChild<QAction *>(QStringLiteral("pruneAction"))->trigger();
    RemovalPreviewDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<RemovalPreviewDialog *>()));
    QCOMPARE(dialog->requests(), planned.requests);
    saveScreenshot(dialog, QStringLiteral("prune-preview.png"));

    QSignalSpy finished(window.removalExecutor(), &RemovalExecutor::finished);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("removeButton")),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, EngineTimeoutMs);
    QCOMPARE(finished.at(0).at(0).value<RemovalExecutor::Ending>(),
             RemovalExecutor::Ending::Completed);
    // What `docker image prune` would leave: no dangling image.
    QCOMPARE(dockerRows(m_host, {QStringLiteral("dangling=true")}), QStringList());
    const QString log
        = window.findChild<QPlainTextEdit *>(QStringLiteral("removalLog"))->toPlainText();
    QVERIFY2(log.contains(QStringLiteral("$ docker image prune\n")), qPrintable(log));
    const QString compared = QStringLiteral("Prune: records answered by the engine: %1; "
                                            "promised by the preview: %1.\n")
                                 .arg(planned.records.size());
    QVERIFY2(log.contains(compared + QStringLiteral("Total reclaimed space: ")
                          + Humanize::size(planned.spaceReclaimed)),
             qPrintable(log));
}

// EngineClient::pruneImages, the engine's own POST /images/prune (`docker image prune -a -f`),
// against PrunePlanner's preview of it on the same images.
void TestFilterUi::enginePruneAnswersAsPlanned()
{
    auto *session = new EngineSession(endpointOf(m_host));
    MainWindow window(session);
    showAndLoad(&window, session);
    PrunePlanner::Options options;
    options.all = true;
    const PrunePlanner::Result planned = PrunePlanner::plan(session->snapshot(), options);
    QVERIFY(!planned.records.isEmpty());

    EngineClient client(endpointOf(m_host));
    QVERIFY(!client.negotiate().isError());
    QList<RemovalRecord> records;
    qint64 reclaimed = -1;
    const EngineError error = client.pruneImages(true, &records, &reclaimed);
    QVERIFY2(!error.isError(), qPrintable(error.detail));
    // The engine walks its candidates in Go map order: compare the records as sets.
    auto texts = [](const QList<RemovalRecord> &list) {
        QStringList lines;
        for (const RemovalRecord &record : list)
            lines << record.text();
        lines.sort();
        return lines;
    };
    QCOMPARE(texts(records), texts(planned.records));
    QCOMPARE(reclaimed, planned.spaceReclaimed);
    // Nothing unused is left for a second prune.
    QVERIFY(!client.pruneImages(true, &records, &reclaimed).isError());
    QCOMPARE(records.size(), 0);
    QCOMPARE(reclaimed, 0);
}

QTEST_MAIN(TestFilterUi)
#include "tst_filterui.moc"
