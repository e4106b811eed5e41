#pragma once

#include "diskusage.h"
#include "snapshot.h"

#include <QList>
#include <QStringList>

class QTextStream;

namespace Strata {

// `strata-cli df [-v] [--host H]`: the Images part of `docker system df` as Debian's Docker CLI
// 20.10 prints it, computed from the snapshot's layers rather than asked of /system/df (which
// is slow and refuses a second caller while it runs).
//   df -v  the "Images space usage:" section of `docker system df -v`, byte for byte;
//   df     the summary table's header and Images line.
class DfCommand final
{
public:
    // arguments excludes the program name and the word "df". Returns 0, or 2 when the
    // arguments or the engine are not usable.
    static int run(const QStringList &arguments, QTextStream &out, QTextStream &err);

    // The texts themselves, for tests. nowUnixSeconds fixes the CREATED column.
    static QString verboseImagesSection(const Snapshot &snapshot,
                                        const DiskUsage::Report &report, qint64 nowUnixSeconds);
    static QString summaryImagesTable(const DiskUsage::Report &report);
    // The CLI's tabwriter (minimum width 10, padding 3, spaces): every cell but the last of a
    // line is padded to its column's widest cell plus 3. minimumWidths raise a column's width
    // (cells included) where the CLI's table has rows that we do not print.
    static QString tabulate(const QList<QStringList> &rows, const QList<int> &minimumWidths = {});
};

} // namespace Strata
