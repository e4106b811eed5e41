#include "agetext.h"
#include "humanize.h"
#include "languagemanager.h"

#include <QCoreApplication>
#include <QTemporaryDir>
#include <QTest>

using namespace Strata;

// The CREATED columns: English exactly as `docker image ls` words it (the engine test compares
// the table with the CLI), every other language from the duration bucket.
class TestAgeText final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void english_data();
    void english();
    void chinese_data();
    void chinese();
    void switchesWithTheLanguage();

private:
    static void addDurations();

    QTemporaryDir m_config;
    LanguageManager m_languages;
};

namespace {

constexpr qint64 Now = 1796405992;
constexpr qint64 H = 3600;
constexpr qint64 D = 24 * H;

} // namespace

void TestAgeText::initTestCase()
{
    // LanguageManager never writes here unless asked to remember; keep it off the real home.
    QVERIFY(m_config.isValid());
    qputenv("XDG_CONFIG_HOME", m_config.path().toLocal8Bit());
}

void TestAgeText::addDurations()
{
    QTest::addColumn<qint64>("created");
    QTest::addColumn<QString>("chinese");

    const QList<std::pair<qint64, const char *>> table = {
        {Now + 10, "刚刚"},
        {Now, "刚刚"},
        {Now - 1, "1 秒前"},
        {Now - 45, "45 秒前"},
        {Now - 119, "约 1 分钟前"},
        {Now - 120, "2 分钟前"},
        {Now - (89 * 60 + 55), "约 1 小时前"},
        {Now - 26 * H, "26 小时前"},
        {Now - (47 * H + 40 * 60), "2 天前"},
        {Now - (14 * D - 1), "2 周前"},
        {Now - 60 * D, "2 个月前"},
        {Now - (730 * D - 1), "1 年前"},
        {Now - 731 * D, "2 年前"},
        {0, "56 年前"},
        {-62135596799, "292 年前"},
        {Humanize::ZeroTimeUnixSeconds, "未知"},
    };
    for (const auto &[created, chinese] : table)
        QTest::addRow("%lld s", Now - created) << created << QString::fromUtf8(chinese);
}

void TestAgeText::english_data()
{
    addDurations();
}

void TestAgeText::english()
{
    QFETCH(qint64, created);
    QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
    QVERIFY(AgeText::usesCliWording());
    // Including "About an hour ago", "Less than a second ago", "1 years ago" and "N/A".
    QCOMPARE(AgeText::age(created, Now), Humanize::age(created, Now));
}

void TestAgeText::chinese_data()
{
    addDurations();
}

void TestAgeText::chinese()
{
    QFETCH(qint64, created);
    QFETCH(QString, chinese);
    QVERIFY(m_languages.setLanguage(QStringLiteral("zh_CN")));
    QVERIFY(!AgeText::usesCliWording());
    QCOMPARE(AgeText::age(created, Now), chinese);
}

void TestAgeText::switchesWithTheLanguage()
{
    const qint64 created = Now - 26 * H;
    QVERIFY(m_languages.setLanguage(QStringLiteral("zh_CN")));
    QCOMPARE(AgeText::age(created, Now), QStringLiteral("26 小时前"));
    QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
    QCOMPARE(AgeText::age(created, Now), QStringLiteral("26 hours ago"));
    QCOMPARE(AgeText::age(Now - 3600, Now), QStringLiteral("About an hour ago"));
}

QTEST_GUILESS_MAIN(TestAgeText)
#include "tst_agetext.moc"
