#include "humanize.h"

#include <array>

namespace Strata::Humanize {

namespace {

// go-units decimapAbbrs: decimal steps of 1000, lowercase k.
constexpr std::array<const char *, 9> DecimalUnits
    = { "B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB" };

QString plural(qint64 count, const char *unit)
{
    // go-units never uses a singular form past "1 second": "1 years" is printed as such.
    return QString::number(count) + QLatin1Char(' ') + QLatin1String(unit);
}

} // namespace

QString size(qint64 bytes)
{
    return sizeWithPrecision(bytes, 3);
}

QString sizeWithPrecision(qint64 bytes, int significantDigits)
{
    // Same steps as getSizeAndUnit: divide the double while it is >= 1000, so that the
    // rounding to significant digits happens afterwards and can print "1e+03kB".
    double value = static_cast<double>(bytes);
    std::size_t unit = 0;
    while (value >= 1000.0 && unit + 1 < DecimalUnits.size()) {
        value /= 1000.0;
        ++unit;
    }

    // Go's %g and QString::number's 'g' agree here: both round the exact binary value, drop
    // trailing zeros and write the exponent with a sign and two digits ("1e+03"). Unlike
    // snprintf, QString::number ignores the process locale, which QCoreApplication sets.
    return QString::number(value, 'g', significantDigits) + QLatin1String(DecimalUnits.at(unit));
}

DurationBucket durationBucket(qint64 seconds)
{
    if (seconds < 1)
        return {DurationUnit::LessThanASecond, 0};
    if (seconds < 60)
        return {DurationUnit::Seconds, seconds};

    const qint64 minutes = seconds / 60;
    if (minutes == 1)
        return {DurationUnit::AboutAMinute, 1};
    if (minutes < 60)
        return {DurationUnit::Minutes, minutes};

    // HumanDuration rounds hours half up (int(d.Hours() + 0.5)) for every step up to months.
    const qint64 hours = (seconds + 1800) / 3600;
    if (hours == 1)
        return {DurationUnit::AboutAnHour, 1};
    if (hours < 48)
        return {DurationUnit::Hours, hours};
    if (hours < 24 * 7 * 2)
        return {DurationUnit::Days, hours / 24};
    if (hours < 24 * 30 * 2)
        return {DurationUnit::Weeks, hours / 24 / 7};
    if (hours < 24 * 365 * 2)
        return {DurationUnit::Months, hours / 24 / 30};

    // Years truncate the hours instead, hence "1 years" just below two years.
    return {DurationUnit::Years, seconds / 3600 / 24 / 365};
}

QString durationText(const DurationBucket &bucket)
{
    switch (bucket.unit) {
    case DurationUnit::LessThanASecond:
        return QStringLiteral("Less than a second");
    case DurationUnit::Seconds:
        return bucket.count == 1 ? QStringLiteral("1 second") : plural(bucket.count, "seconds");
    case DurationUnit::AboutAMinute:
        return QStringLiteral("About a minute");
    case DurationUnit::Minutes:
        return plural(bucket.count, "minutes");
    case DurationUnit::AboutAnHour:
        return QStringLiteral("About an hour");
    case DurationUnit::Hours:
        return plural(bucket.count, "hours");
    case DurationUnit::Days:
        return plural(bucket.count, "days");
    case DurationUnit::Weeks:
        return plural(bucket.count, "weeks");
    case DurationUnit::Months:
        return plural(bucket.count, "months");
    case DurationUnit::Years:
        return plural(bucket.count, "years");
    }
    return {};
}

QString duration(qint64 seconds)
{
    return durationText(durationBucket(seconds));
}

std::optional<DurationBucket> ageBucket(qint64 createdUnixSeconds, qint64 nowUnixSeconds)
{
    // The CLI's template prints N/A when CreatedSince is empty, which it is for the zero time.
    if (createdUnixSeconds == ZeroTimeUnixSeconds)
        return std::nullopt;

    // Go's Time.Sub saturates at the largest time.Duration (about 292 years) instead of
    // overflowing, so anything older reads "292 years ago".
    constexpr qint64 MaxDurationSeconds = 9223372036;
    const qint64 elapsed = nowUnixSeconds - createdUnixSeconds;
    return durationBucket(qMin(elapsed, MaxDurationSeconds));
}

QString age(qint64 createdUnixSeconds, qint64 nowUnixSeconds)
{
    const std::optional<DurationBucket> bucket = ageBucket(createdUnixSeconds, nowUnixSeconds);
    if (!bucket)
        return QStringLiteral("N/A");
    return durationText(*bucket) + QStringLiteral(" ago");
}

} // namespace Strata::Humanize
