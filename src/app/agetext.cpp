#include "agetext.h"

#include <QLocale>

#include <limits>

namespace Strata {

bool AgeText::usesCliWording()
{
    const QLocale::Language language = QLocale().language();
    return language == QLocale::English || language == QLocale::C;
}

QString AgeText::age(qint64 createdUnixSeconds, qint64 nowUnixSeconds)
{
    const std::optional<Humanize::DurationBucket> bucket
        = Humanize::ageBucket(createdUnixSeconds, nowUnixSeconds);
    if (!bucket) {
        if (usesCliWording())
            return Humanize::age(createdUnixSeconds, nowUnixSeconds);
        //: CREATED of an image whose engine reports no creation time (the CLI prints N/A).
        return tr("N/A");
    }
    return ago(*bucket);
}

QString AgeText::ago(const Humanize::DurationBucket &bucket)
{
    if (usesCliWording())
        return Humanize::durationText(bucket) + QStringLiteral(" ago");

    const int n = int(qMin<qint64>(bucket.count, std::numeric_limits<int>::max()));
    using Unit = Humanize::DurationUnit;
    switch (bucket.unit) {
    case Unit::LessThanASecond:
        //: An age: created less than a second ago, or in the future.
        return tr("Less than a second ago");
    case Unit::Seconds:
        return tr("%n second(s) ago", nullptr, n);
    case Unit::AboutAMinute:
        //: An age between 60 and 119 seconds.
        return tr("About a minute ago");
    case Unit::Minutes:
        return tr("%n minute(s) ago", nullptr, n);
    case Unit::AboutAnHour:
        //: An age between 60 and 89 minutes.
        return tr("About an hour ago");
    case Unit::Hours:
        return tr("%n hour(s) ago", nullptr, n);
    case Unit::Days:
        return tr("%n day(s) ago", nullptr, n);
    case Unit::Weeks:
        return tr("%n week(s) ago", nullptr, n);
    case Unit::Months:
        return tr("%n month(s) ago", nullptr, n);
    case Unit::Years:
        return tr("%n year(s) ago", nullptr, n);
    }
    return {};
}

} // namespace Strata
