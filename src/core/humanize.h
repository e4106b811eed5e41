#pragma once

#include <QString>

#include <optional>

namespace Strata::Humanize {

// Sizes and ages exactly as the Docker CLI prints them in `docker image ls`
// (go-units HumanSizeWithPrecision(size, 3) and HumanDuration; SEMANTICS.md §4.2).

// "0B", "6B", "1.23kB", "28.9MB", "300MB", "1e+03kB": decimal units, %.3g.
QString size(qint64 bytes);
// HumanSize: the same with 4 significant digits ("1.235kB"), as SHARED SIZE uses.
QString sizeWithPrecision(qint64 bytes, int significantDigits);

// The step of HumanDuration a duration falls in, so that a translated interface can word it
// in its own language while English keeps go-units' exact text.
enum class DurationUnit {
    LessThanASecond, // count 0
    Seconds,
    AboutAMinute,    // count 1
    Minutes,
    AboutAnHour,     // count 1
    Hours,
    Days,
    Weeks,
    Months,
    Years,           // count may be 1 ("1 years" in English)
};

struct DurationBucket
{
    DurationUnit unit = DurationUnit::LessThanASecond;
    qint64 count = 0;

    friend bool operator==(const DurationBucket &, const DurationBucket &) = default;
};

DurationBucket durationBucket(qint64 seconds);
// go-units' words for a bucket: "Less than a second", "1 second", "26 hours", "1 years".
QString durationText(const DurationBucket &bucket);
// "Less than a second", "About a minute", "26 hours", "2 weeks" … for a duration in seconds.
QString duration(qint64 seconds);

// The bucket of the CREATED column's duration, or nothing for the zero time (shown "N/A").
std::optional<DurationBucket> ageBucket(qint64 createdUnixSeconds, qint64 nowUnixSeconds);
// The CREATED column: duration(now - created) + " ago", or "N/A" for the zero time.
QString age(qint64 createdUnixSeconds, qint64 nowUnixSeconds);

// The value the engine reports as Created when an image has no creation time.
inline constexpr qint64 ZeroTimeUnixSeconds = -62135596800;

} // namespace Strata::Humanize
