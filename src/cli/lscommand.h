#pragma once

#include "imagefilter.h"
#include "imagelisting.h"
#include "snapshot.h"

#include <QList>
#include <QStringList>

class QTextStream;

namespace Strata {

// `strata-cli ls [--host H] [-a] [-q] [--digests] [--no-trunc] [-f|--filter F]…
// [REPOSITORY[:TAG]]`: what `docker image ls` (Debian's CLI 20.10) prints with the same flags,
// byte for byte in the default table format and with -q, computed from a snapshot through
// ImageFilter rather than asked of the engine's filters.
//
// The CLI prints the repositories of one image in Go map order, which changes from run to run
// (SEMANTICS.md §4.2); we print them in order of first appearance among the engine's sorted
// references. Where an image has tags in several repositories, the two outputs hold the same
// lines, in the same image order, but the lines of that image may come in another order.
class LsCommand final
{
public:
    struct Options
    {
        QString host;
        bool all = false;
        bool quiet = false;
        bool digests = false;
        bool noTrunc = false;
        QStringList filterArguments; // the -f values as given
        QString repository; // the optional positional argument
    };

    // arguments excludes the program name and the word "ls". Returns the exit status the
    // Docker CLI would return: 0; 1 when the engine refuses the filters; 125 for a -f value
    // without '='; 2 when the arguments or the engine are not usable.
    static int run(const QStringList &arguments, QTextStream &out, QTextStream &err);

    // The text for rows the filter produced; nowUnixSeconds fixes the CREATED column.
    static QString render(const QList<ImageListRow> &rows, const Options &options,
                          qint64 nowUnixSeconds);
    // The filter the options describe (the positional argument is one more reference
    // filter); on a bad -f value returns false and sets *error and *badArgument.
    static bool buildFilter(const Options &options, ImageFilter *filter,
                            ImageFilter::Error *error, QString *badArgument);
};

} // namespace Strata
