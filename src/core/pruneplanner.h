#pragma once

#include "imagefilter.h"
#include "removalplan.h"
#include "removalrecord.h"
#include "snapshot.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Strata {

// Predicts `docker image prune [-a] [--filter …]` on a Snapshot, with no I/O (Docker 20.10's
// daemon/images/image_prune.go and cli/command/image/prune.go):
//
//  1. Candidates: without -a the heads (images no other image names as parent), with -a every
//     image; minus untagged images that have children, images created after `until`, and
//     images whose labels do not match the `label` / `label!` filters.
//  2. For each candidate, in the order of a Go map (random): with references, and with -a or
//     when none of them is a tag (a digest-only image), one DELETE per reference by its
//     normalised name; without references, one DELETE by the 64-hex ID. Every call has
//     force=false and prune=true. A call that fails (conflict, not found) is skipped silently.
//     So with -a an image that a container uses and that has several references loses all of
//     them but the last: each reference is removed until only one remains, and for that one
//     the engine refuses ("must force").
//  3. The report lists the records of the calls that succeeded, in order, and SpaceReclaimed,
//     the summed sizes of the layers among the Deleted records.
//
// The calls are planned with RemovalPlanner, each on the state the calls before it left. We
// take the candidates newest first (ties by ID); the engine's order differs from run to run,
// which reorders the records between images but (for all we know) not what is deleted.
namespace PrunePlanner {

struct Options
{
    bool all = false; // -a: every unused image, not only dangling ones
    // --filter values: until, label and label! (the CLI adds dangling=true|false itself).
    ImageFilter filters;
    qint64 nowUnixSeconds = 0; // what a relative `until` counts back from; 0: now
};

struct Result
{
    ImageFilter::Error error; // the engine's refusal of the filters
    QStringList candidates; // image IDs, in the order the calls are planned
    QList<RemovalRequest> requests; // the DELETE calls the engine makes, in order
    RemovalPlan plan; // their predicted answers
    QList<RemovalRecord> records; // ImagesDeleted: the records of the calls that succeed
    qint64 spaceReclaimed = 0; // bytes; -1 when the size of a deleted layer is unknown
    // Several candidates: the engine takes them in random order (see above).
    bool orderIsRandom() const { return candidates.size() > 1; }
};

Result plan(const Snapshot &snapshot, const Options &options);

// What `docker image prune -f` prints on stdout (CLI 20.10): "Deleted Images:", one
// "untagged: …" or "deleted: …" line per record and an empty line when anything was deleted,
// then "Total reclaimed space: " with the size in 4 significant digits ("63.3kB").
QString cliText(const Result &result);

} // namespace PrunePlanner

} // namespace Strata
