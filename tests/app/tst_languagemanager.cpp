#include "languagemanager.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Strata;

// The interface language: what Strata offers, the default from the system locale, switching
// Strata's and Qt's translators, and remembering the choice in a temporary XDG_CONFIG_HOME.
class TestLanguageManager final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void offersEnglishAndChinese();
    void defaultFollowsTheSystem_data();
    void defaultFollowsTheSystem();
    void switchesStrataAndQtTranslations();
    void refusesALanguageItLacks();
    void remembersTheChoice();
    void ignoresAStaleChoice();

private:
    QString configFile() const;

    QTemporaryDir m_config;
};

void TestLanguageManager::initTestCase()
{
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", m_config.path().toLocal8Bit());
}

void TestLanguageManager::init()
{
    QFile::remove(configFile());
}

QString TestLanguageManager::configFile() const
{
    return m_config.path() + QStringLiteral("/strata/strata.conf");
}

void TestLanguageManager::offersEnglishAndChinese()
{
    const QList<LanguageManager::Language> languages = LanguageManager::availableLanguages();
    QCOMPARE(languages.size(), 2);
    QCOMPARE(languages.at(0).code, QStringLiteral("en"));
    QCOMPARE(languages.at(0).nativeName, QStringLiteral("English"));
    QCOMPARE(languages.at(1).code, QStringLiteral("zh_CN"));
    QCOMPARE(languages.at(1).nativeName, QStringLiteral("简体中文"));
}

void TestLanguageManager::defaultFollowsTheSystem_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("language");

    QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("zh_CN");
    QTest::newRow("zh_SG") << QStringLiteral("zh_SG") << QStringLiteral("zh_CN");
    QTest::newRow("zh_Hans") << QStringLiteral("zh_Hans") << QStringLiteral("zh_CN");
    QTest::newRow("zh_TW") << QStringLiteral("zh_TW") << QStringLiteral("en");
    QTest::newRow("zh_HK") << QStringLiteral("zh_HK") << QStringLiteral("en");
    QTest::newRow("en_GB") << QStringLiteral("en_GB") << QStringLiteral("en");
    QTest::newRow("de_DE") << QStringLiteral("de_DE") << QStringLiteral("en");
    QTest::newRow("C") << QStringLiteral("C") << QStringLiteral("en");
}

void TestLanguageManager::defaultFollowsTheSystem()
{
    QFETCH(QString, locale);
    QFETCH(QString, language);
    QCOMPARE(LanguageManager::languageFor(QLocale(locale)), language);
}

void TestLanguageManager::switchesStrataAndQtTranslations()
{
    LanguageManager languages;
    QSignalSpy changed(&languages, &LanguageManager::languageChanged);
    const auto strata = [] {
        return QCoreApplication::translate("Strata::MainWindow", "&File");
    };
    // Qt's own words, as QDialogButtonBox's standard Cancel button gets them.
    const auto qt = [] { return QCoreApplication::translate("QPlatformTheme", "Cancel"); };

    QVERIFY(languages.setLanguage(QStringLiteral("zh_CN")));
    QCOMPARE(languages.currentLanguage(), QStringLiteral("zh_CN"));
    QCOMPARE(strata(), QStringLiteral("文件(&F)"));
    QCOMPARE(qt(), QStringLiteral("取消"));
    QCOMPARE(QLocale().language(), QLocale::Chinese);

    QVERIFY(languages.setLanguage(QStringLiteral("en")));
    QCOMPARE(strata(), QStringLiteral("&File"));
    QCOMPARE(qt(), QStringLiteral("Cancel"));
    // English plural forms come from strata_en.qm.
    QCOMPARE(QCoreApplication::translate("Strata::MainWindow", "%n image(s)", nullptr, 1),
             QStringLiteral("1 image"));
    QCOMPARE(changed.size(), 2);
    QVERIFY(!QFile::exists(configFile())); // switching alone does not remember
}

void TestLanguageManager::refusesALanguageItLacks()
{
    LanguageManager languages;
    QVERIFY(languages.setLanguage(QStringLiteral("en")));
    QVERIFY(!languages.setLanguage(QStringLiteral("fr")));
    QVERIFY(!languages.chooseLanguage(QStringLiteral("fr")));
    QCOMPARE(languages.currentLanguage(), QStringLiteral("en"));
    QVERIFY(!QFile::exists(configFile()));
}

void TestLanguageManager::remembersTheChoice()
{
    {
        LanguageManager languages;
        QVERIFY(languages.chooseLanguage(QStringLiteral("zh_CN")));
    }
    // The standard XDG place, readable by a person and by the next start.
    QVERIFY2(QFile::exists(configFile()), qPrintable(configFile()));
    QSettings file(configFile(), QSettings::IniFormat);
    QCOMPARE(file.value(QStringLiteral("interface/language")).toString(),
             QStringLiteral("zh_CN"));
    QCOMPARE(LanguageManager::startupLanguage(), QStringLiteral("zh_CN"));

    LanguageManager next;
    QVERIFY(next.chooseLanguage(QStringLiteral("en")));
    QCOMPARE(LanguageManager::startupLanguage(), QStringLiteral("en"));
}

void TestLanguageManager::ignoresAStaleChoice()
{
    // A language a later version dropped, or a hand-edited file, falls back to the system's.
    QDir().mkpath(m_config.path() + QStringLiteral("/strata"));
    {
        QSettings file(configFile(), QSettings::IniFormat);
        file.setValue(QStringLiteral("interface/language"), QStringLiteral("tlh"));
    }
    QCOMPARE(LanguageManager::startupLanguage(), LanguageManager::languageFor(QLocale::system()));
}

QTEST_GUILESS_MAIN(TestLanguageManager)
#include "tst_languagemanager.moc"
