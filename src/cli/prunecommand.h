#pragma once

#include <QStringList>

class QTextStream;

namespace Strata {

// `strata-cli prune [--host H] [-a] [--filter F]… --dry-run`: prints what `docker image prune
// -f` (Debian's CLI 20.10) would print for the same flags on that engine, and changes nothing
// (see PrunePlanner). --dry-run is required, so that nobody mistakes the preview for a prune.
//
// The engine takes the images in random order, so its records of different images come in
// another order from run to run; ours are one of those orders (newest image first).
class PruneCommand final
{
public:
    // arguments excludes the program name and the word "prune". Returns the exit status the
    // Docker CLI would return: 0; 1 when the engine refuses the filters; 125 for a --filter
    // value without '='; 2 when the arguments or the engine are not usable.
    static int run(const QStringList &arguments, QTextStream &out, QTextStream &err);
};

} // namespace Strata
