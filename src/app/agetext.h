#pragma once

#include "humanize.h"

#include <QCoreApplication>
#include <QString>

namespace Strata {

// The CREATED columns in the interface language. In English they read exactly as
// `docker image ls` prints them ("About an hour ago", "1 years ago"), which Humanize owns;
// any other language words the same duration bucket itself ("26 小时前").
class AgeText final
{
    Q_DECLARE_TR_FUNCTIONS(Strata::AgeText)

public:
    static QString age(qint64 createdUnixSeconds, qint64 nowUnixSeconds);
    // A bucket with " ago", translated; the English text when the interface is in English.
    static QString ago(const Humanize::DurationBucket &bucket);
    // Whether the interface speaks English, so that the Docker CLI's words are the right ones.
    // Follows QLocale's default, which LanguageManager sets with the interface language.
    static bool usesCliWording();
};

} // namespace Strata
