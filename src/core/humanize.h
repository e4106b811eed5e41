#pragma once

#include <QString>

namespace Strata::Humanize {

// Sizes and ages exactly as the Docker CLI prints them in `docker image ls`
// (go-units HumanSizeWithPrecision(size, 3) and HumanDuration; SEMANTICS.md §4.2).

// "0B", "6B", "1.23kB", "28.9MB", "300MB", "1e+03kB": decimal units, %.3g.
QString size(qint64 bytes);
// HumanSize: the same with 4 significant digits ("1.235kB"), as SHARED SIZE uses.
QString sizeWithPrecision(qint64 bytes, int significantDigits);
// "Less than a second", "About a minute", "26 hours", "2 weeks" … for a duration in seconds.
QString duration(qint64 seconds);
// The CREATED column: duration(now - created) + " ago", or "N/A" for the zero time.
QString age(qint64 createdUnixSeconds, qint64 nowUnixSeconds);

// The value the engine reports as Created when an image has no creation time.
inline constexpr qint64 ZeroTimeUnixSeconds = -62135596800;

} // namespace Strata::Humanize
