#include "humanize.h"

#include <QTest>
#include <limits>
#include <tuple>

using namespace Strata;

// Every expected text below was printed by the real Docker CLI 20.10.24 (/usr/bin/docker,
// engine 20.10.24+dfsg1, vfs driver). Images were written with `docker load` from archives whose
// layers hold one file of a chosen byte count (Size = sum of file bytes, checked with
// `docker image inspect -f '{{.Size}}'`) and whose config `created` is a chosen offset before a
// moment T0. At T0 + 0.2 s the CLI ran
//   docker image ls --format '{{.Size}}\t{{.VirtualSize}}\t{{.CreatedSince}}'
// so each offset below is the whole-second part of the CLI's `now - created`.
class TestHumanize final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void size_data();
    void size();
    void sizeWithFourDigits_data();
    void sizeWithFourDigits();
    void duration_data();
    void duration();
    void age_data();
    void age();
    void durationBucket_data();
    void durationBucket();
    void ageBucketOfZeroTime();
};

void TestHumanize::size_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("expected");

    // {{.Size}}: HumanSizeWithPrecision(size, 3).
    QTest::newRow("0") << qint64(0) << QStringLiteral("0B");
    QTest::newRow("6") << qint64(6) << QStringLiteral("6B");
    QTest::newRow("999") << qint64(999) << QStringLiteral("999B");
    QTest::newRow("1000") << qint64(1000) << QStringLiteral("1kB");
    QTest::newRow("1234") << qint64(1234) << QStringLiteral("1.23kB");
    QTest::newRow("1239 (three layers)") << qint64(1239) << QStringLiteral("1.24kB");
    QTest::newRow("999499") << qint64(999499) << QStringLiteral("999kB");
    QTest::newRow("999500") << qint64(999500) << QStringLiteral("1e+03kB");
    QTest::newRow("999999") << qint64(999999) << QStringLiteral("1e+03kB");
    QTest::newRow("1000000") << qint64(1000000) << QStringLiteral("1MB");
    QTest::newRow("1234567") << qint64(1234567) << QStringLiteral("1.23MB");
    QTest::newRow("1982258") << qint64(1982258) << QStringLiteral("1.98MB");
    QTest::newRow("28900000") << qint64(28900000) << QStringLiteral("28.9MB");
    QTest::newRow("28950000") << qint64(28950000) << QStringLiteral("28.9MB");
    QTest::newRow("123456789") << qint64(123456789) << QStringLiteral("123MB");
    QTest::newRow("299999999") << qint64(299999999) << QStringLiteral("300MB");
    // Too large to load here: worked out from go-units' code (divide, then %.3g), not measured.
    QTest::newRow("999999999") << qint64(999999999) << QStringLiteral("1e+03MB");
    QTest::newRow("1.5e12") << qint64(1500000000000) << QStringLiteral("1.5TB");
    QTest::newRow("int64 max") << std::numeric_limits<qint64>::max() << QStringLiteral("9.22EB");
}

void TestHumanize::size()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, expected);
    QCOMPARE(Humanize::size(bytes), expected);
    QCOMPARE(Humanize::sizeWithPrecision(bytes, 3), expected);
}

void TestHumanize::sizeWithFourDigits_data()
{
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<QString>("expected");

    // {{.VirtualSize}} of the same images: HumanSize, 4 significant digits.
    QTest::newRow("0") << qint64(0) << QStringLiteral("0B");
    QTest::newRow("999") << qint64(999) << QStringLiteral("999B");
    QTest::newRow("1000") << qint64(1000) << QStringLiteral("1kB");
    QTest::newRow("1234") << qint64(1234) << QStringLiteral("1.234kB");
    QTest::newRow("1239") << qint64(1239) << QStringLiteral("1.239kB");
    QTest::newRow("999499") << qint64(999499) << QStringLiteral("999.5kB");
    QTest::newRow("999500") << qint64(999500) << QStringLiteral("999.5kB");
    QTest::newRow("999999") << qint64(999999) << QStringLiteral("1000kB");
    QTest::newRow("1234567") << qint64(1234567) << QStringLiteral("1.235MB");
    QTest::newRow("1982258") << qint64(1982258) << QStringLiteral("1.982MB");
    QTest::newRow("28950000") << qint64(28950000) << QStringLiteral("28.95MB");
    QTest::newRow("123456789") << qint64(123456789) << QStringLiteral("123.5MB");
    QTest::newRow("299999999") << qint64(299999999) << QStringLiteral("300MB");
}

void TestHumanize::sizeWithFourDigits()
{
    QFETCH(qint64, bytes);
    QFETCH(QString, expected);
    QCOMPARE(Humanize::sizeWithPrecision(bytes, 4), expected);
}

void TestHumanize::duration_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("expected");

    constexpr qint64 H = 3600;
    constexpr qint64 D = 24 * H;
    // {{.CreatedSince}} without its " ago".
    const QList<std::pair<qint64, const char *>> table = {
        { -10, "Less than a second" },
        { 0, "Less than a second" },
        { 1, "1 second" },
        { 2, "2 seconds" },
        { 45, "45 seconds" },
        { 59, "59 seconds" },
        { 60, "About a minute" },
        { 119, "About a minute" },
        { 120, "2 minutes" },
        { 3599, "59 minutes" },
        { 3600, "About an hour" },
        { 89 * 60 + 55, "About an hour" },
        { 5399, "About an hour" },
        { 5400, "2 hours" },
        { 47 * H + 20 * 60, "47 hours" },
        { 47 * H + 29 * 60 + 59, "47 hours" },
        { 47 * H + 30 * 60, "2 days" },
        { 47 * H + 40 * 60, "2 days" },
        { 13 * D, "13 days" },
        { 14 * D - 1, "2 weeks" },
        { 14 * D, "2 weeks" },
        { 59 * D, "8 weeks" },
        { 60 * D, "2 months" },
        { 364 * D, "12 months" },
        { 729 * D, "24 months" },
        { 730 * D - 1, "1 years" },
        { 730 * D, "2 years" },
        { 731 * D, "2 years" },
        { 3652 * D, "10 years" },
    };
    for (const auto &[seconds, text] : table)
        QTest::addRow("%lld s", seconds) << seconds << QString::fromLatin1(text);
}

void TestHumanize::duration()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, expected);
    QCOMPARE(Humanize::duration(seconds), expected);
}

void TestHumanize::age_data()
{
    QTest::addColumn<qint64>("created");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<QString>("expected");

    // The same run: CREATED column, with the engine's Created value as /images/json gave it.
    const qint64 t0 = 1796405992;
    QTest::newRow("future") << t0 + 10 << t0 << QStringLiteral("Less than a second ago");
    QTest::newRow("14 days - 1 s") << t0 - 1209599 << t0 << QStringLiteral("2 weeks ago");
    QTest::newRow("epoch") << qint64(0) << t0 << QStringLiteral("56 years ago");
    // Created 0001-01-01T00:00:00Z is reported as the zero time; the table prints N/A.
    QTest::newRow("zero time") << Humanize::ZeroTimeUnixSeconds << t0 << QStringLiteral("N/A");
    // Older than Go's largest time.Duration: Time.Sub saturates at about 292 years.
    const qint64 t1 = 1796406122;
    QTest::newRow("1800-01-01") << qint64(-5364662400) << t1 << QStringLiteral("227 years ago");
    QTest::newRow("1750-01-01") << qint64(-6942499200) << t1 << QStringLiteral("277 years ago");
    QTest::newRow("1000-01-01") << qint64(-30610224000) << t1 << QStringLiteral("292 years ago");
    QTest::newRow("0001-01-01T00:00:01")
        << qint64(-62135596799) << t1 << QStringLiteral("292 years ago");
}

void TestHumanize::age()
{
    QFETCH(qint64, created);
    QFETCH(qint64, now);
    QFETCH(QString, expected);
    QCOMPARE(Humanize::age(created, now), expected);
}

void TestHumanize::durationBucket_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<int>("unit");
    QTest::addColumn<qint64>("count");

    using U = Humanize::DurationUnit;
    constexpr qint64 H = 3600;
    constexpr qint64 D = 24 * H;
    // The steps of HumanDuration at their edges; the English text of each is checked above.
    const QList<std::tuple<qint64, U, qint64>> table = {
        { -10, U::LessThanASecond, 0 },
        { 0, U::LessThanASecond, 0 },
        { 1, U::Seconds, 1 },
        { 59, U::Seconds, 59 },
        { 60, U::AboutAMinute, 1 },
        { 119, U::AboutAMinute, 1 },
        { 120, U::Minutes, 2 },
        { 3599, U::Minutes, 59 },
        { 3600, U::AboutAnHour, 1 },
        { 5399, U::AboutAnHour, 1 },
        { 5400, U::Hours, 2 },
        { 26 * H, U::Hours, 26 },
        { 47 * H + 30 * 60, U::Days, 2 },
        { 13 * D, U::Days, 13 },
        { 14 * D - 1, U::Weeks, 2 },
        { 59 * D, U::Weeks, 8 },
        { 60 * D, U::Months, 2 },
        { 729 * D, U::Months, 24 },
        { 730 * D - 1, U::Years, 1 },
        { 730 * D, U::Years, 2 },
    };
    for (const auto &[seconds, unit, count] : table)
        QTest::addRow("%lld s", seconds) << seconds << int(unit) << count;
}

void TestHumanize::durationBucket()
{
    QFETCH(qint64, seconds);
    QFETCH(int, unit);
    QFETCH(qint64, count);
    const Humanize::DurationBucket bucket = Humanize::durationBucket(seconds);
    QCOMPARE(int(bucket.unit), unit);
    QCOMPARE(bucket.count, count);
    // The English words come from the bucket alone, so a translation sees all the CLI sees.
    QCOMPARE(Humanize::durationText(bucket), Humanize::duration(seconds));
}

void TestHumanize::ageBucketOfZeroTime()
{
    const qint64 now = 1796405992;
    QVERIFY(!Humanize::ageBucket(Humanize::ZeroTimeUnixSeconds, now).has_value());
    const std::optional<Humanize::DurationBucket> epoch = Humanize::ageBucket(0, now);
    QVERIFY(epoch.has_value());
    QCOMPARE(int(epoch->unit), int(Humanize::DurationUnit::Years));
    QCOMPARE(epoch->count, qint64(56));
    // Saturated like Go's Time.Sub: the oldest representable age is 292 years.
    QCOMPARE(Humanize::ageBucket(-62135596799, now)->count, qint64(292));
}

QTEST_GUILESS_MAIN(TestHumanize)
#include "tst_humanize.moc"
