#include "dockercli.h"
#include "enginesession.h"
#include "humanize.h"
#include "imagetablemodel.h"
#include "languagemanager.h"
#include "mainwindow.h"
#include "removalpreviewdialog.h"
#include "whydialog.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Strata;

namespace {

constexpr int EngineTimeoutMs = 60000;

void saveScreenshot(QWidget *widget, const QString &name)
{
    // Layouts follow the new texts through posted LayoutRequest events: let them run first.
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents();
    const QString directory = qEnvironmentVariable("STRATA_SCREENSHOT_DIR");
    if (directory.isEmpty())
        return;
    QDir().mkpath(directory);
    QVERIFY(widget->grab().save(directory + QLatin1Char('/') + name));
}

int rowOf(QAbstractItemModel *model, const QString &reference)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(ImageTableModel::RemovalReferenceRole) == reference)
            return row;
    }
    return -1;
}

// What the test reads in each language: one text of each kind the issue names.
struct Texts
{
    QString menuTitle;     // the File menu
    QString header;        // the CREATED column
    QString age;           // a CREATED cell
    QString status;        // plural forms: "N images", "1 selected"
    QString whyLabel;      // the Why dialog's subject
    QString closeButton;   // Qt's own standard button
    QString removeButton;  // the preview's Ok button, renamed by Strata
    QString cancelButton;  // Qt's own standard button
    QString summary;       // the preview's plural summary
};

} // namespace

// Switching the interface language while windows and dialogs are open, on the read-only
// sandbox engine: every kind of text changes at once, and changes back.
class TestLanguageSwitch final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void switchesOpenWindowsBothWays();

private:
    Texts read() const;

    QTemporaryDir m_config;
    LanguageManager m_languages;
    MainWindow *m_window = nullptr;
    WhyDialog *m_why = nullptr;
    RemovalPreviewDialog *m_preview = nullptr;
};

void TestLanguageSwitch::initTestCase()
{
    // The menu remembers the choice: keep that away from the real ~/.config.
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", m_config.path().toLocal8Bit());
    QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
}

Texts TestLanguageSwitch::read() const
{
    auto *table = m_window->findChild<QTableView *>(QStringLiteral("imageTable"));
    const QAbstractItemModel *model = table->model();
    const int row = rowOf(table->model(), QStringLiteral("ubuntu:18.04"));
    auto *whyButtons = m_why->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
    auto *previewButtons = m_preview->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
    return {
        m_window->menuBar()->actions().constFirst()->text(),
        model->headerData(ImageTableModel::CreatedColumn, Qt::Horizontal).toString(),
        model->index(row, ImageTableModel::CreatedColumn).data().toString(),
        m_window->statusBar()->findChild<QLabel *>()->text(),
        m_why->findChild<QLabel *>(QStringLiteral("subjectLabel"))->text(),
        whyButtons->button(QDialogButtonBox::Close)->text(),
        m_preview->findChild<QPushButton *>(QStringLiteral("removeButton"))->text(),
        previewButtons->button(QDialogButtonBox::Cancel)->text(),
        m_preview->findChild<QLabel *>(QStringLiteral("summaryLabel"))->text(),
    };
}

void TestLanguageSwitch::switchesOpenWindowsBothWays()
{
    const QString host = Testing::fixtureHost("sandbox");
    QVERIFY2(!host.isEmpty(), "run through ctest, which starts the sandbox engine");
    Endpoint endpoint;
    EngineError error;
    QVERIFY(Endpoint::parse(host, &endpoint, &error));
    auto *session = new EngineSession(endpoint);
    MainWindow window(session, &m_languages);
    m_window = &window;
    window.resize(1100, 700);
    window.show();
    session->reload();
    auto *table = window.findChild<QTableView *>(QStringLiteral("imageTable"));
    QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() > 0, EngineTimeoutMs);

    // A selection (for the plural in the status bar), the Why dialog and a preview, all open.
    const int row = rowOf(table->model(), QStringLiteral("ubuntu:18.04"));
    QVERIFY(row >= 0);
    table->selectRow(row);
    window.findChild<QAction *>(QStringLiteral("whyAction"))->trigger();
    QTRY_VERIFY((m_why = window.findChild<WhyDialog *>()) != nullptr);
    RemovalPreviewDialog preview(session->snapshot(), {QStringLiteral("ubuntu:18.04")}, &window);
    m_preview = &preview;
    preview.setForce(true); // so the summary counts tags, images and layers
    preview.show();

    const Texts english = read();
    QCOMPARE(english.menuTitle, QStringLiteral("&File"));
    QCOMPARE(english.header, QStringLiteral("CREATED"));
    QVERIFY2(english.age.endsWith(QStringLiteral(" ago")), qPrintable(english.age));
    QVERIFY2(english.status.contains(QStringLiteral(" images, ")), qPrintable(english.status));
    QVERIFY2(english.status.contains(QStringLiteral("1 selected")), qPrintable(english.status));
    QVERIFY2(english.whyLabel.startsWith(QStringLiteral("Image ubuntu:18.04")),
             qPrintable(english.whyLabel));
    QCOMPARE(english.removeButton, QStringLiteral("&Remove"));
    QVERIFY2(english.summary.contains(QStringLiteral("2 tags")), qPrintable(english.summary));
    saveScreenshot(&window, QStringLiteral("mainwindow-en.png"));
    saveScreenshot(m_why, QStringLiteral("why-en.png"));
    saveScreenshot(&preview, QStringLiteral("preview-en.png"));

    // View → Language → 简体中文: everything open follows, without a restart.
    window.findChild<QAction *>(QStringLiteral("language_zh_CN"))->trigger();
    QTRY_COMPARE(read().menuTitle, QStringLiteral("文件(&F)"));
    const Texts chinese = read();
    QCOMPARE(chinese.header, QStringLiteral("创建时间"));
    QVERIFY2(chinese.age.endsWith(QStringLiteral("前")), qPrintable(chinese.age));
    QVERIFY2(chinese.status.contains(QStringLiteral(" 个镜像，")), qPrintable(chinese.status));
    QVERIFY2(chinese.status.contains(QStringLiteral("已选 1 项")), qPrintable(chinese.status));
    QVERIFY2(chinese.whyLabel.contains(QStringLiteral("镜像 ubuntu:18.04")),
             qPrintable(chinese.whyLabel));
    QVERIFY2(chinese.closeButton.contains(QStringLiteral("关闭")),
             qPrintable(chinese.closeButton));
    QCOMPARE(chinese.removeButton, QStringLiteral("删除(&R)"));
    QVERIFY2(chinese.cancelButton.contains(QStringLiteral("取消")),
             qPrintable(chinese.cancelButton));
    QVERIFY2(chinese.summary.contains(QStringLiteral("2 个标签")), qPrintable(chinese.summary));
    QVERIFY(window.findChild<QAction *>(QStringLiteral("language_zh_CN"))->isChecked());
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("language_en"))->isChecked());
    saveScreenshot(&window, QStringLiteral("mainwindow-zh_CN.png"));
    saveScreenshot(m_why, QStringLiteral("why-zh_CN.png"));
    saveScreenshot(&preview, QStringLiteral("preview-zh_CN.png"));
    saveScreenshot(window.findChild<QMenu *>(QStringLiteral("languageMenu")),
                   QStringLiteral("language-menu-zh_CN.png"));

    // The choice is remembered for the next start, in the standard place.
    QCOMPARE(LanguageManager::startupLanguage(), QStringLiteral("zh_CN"));
    QVERIFY(QFile::exists(m_config.path() + QStringLiteral("/strata/strata.conf")));

    // And back: every text is the English one again, ages in the CLI's own words.
    window.findChild<QAction *>(QStringLiteral("language_en"))->trigger();
    QTRY_COMPARE(read().menuTitle, english.menuTitle);
    const Texts again = read();
    QCOMPARE(again.header, english.header);
    QCOMPARE(again.age, english.age);
    QCOMPARE(again.status, english.status);
    QCOMPARE(again.whyLabel, english.whyLabel);
    QCOMPARE(again.closeButton, english.closeButton);
    QCOMPARE(again.removeButton, english.removeButton);
    QCOMPARE(again.cancelButton, english.cancelButton);
    QCOMPARE(again.summary, english.summary);
    QCOMPARE(LanguageManager::startupLanguage(), QStringLiteral("en"));

    m_why->reject();
    preview.reject();
}

QTEST_MAIN(TestLanguageSwitch)
#include "tst_languageswitch.moc"
