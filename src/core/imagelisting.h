#pragma once

#include "snapshot.h"

#include <QList>
#include <QString>

namespace Strata {

// One row of `docker image ls` (SEMANTICS.md §4.2): an image appears once per tag, dangling
// images once as <none> <none>, with --digests once per (tag, digest of that repository).
struct ImageListRow
{
    QString repository; // familiar name or "<none>"
    QString tag; // tag or "<none>"
    QString digest; // "sha256:…", "<none>", or empty when digests are not listed
    // For a row of a digest-only repository: the digest that names it, which is the row's own
    // with --digests and otherwise the image's first digest of that repository.
    QString referenceDigest;
    QString imageId; // full "sha256:…" ID
    qsizetype imageIndex = -1; // index into Snapshot::images()
    qint64 created = 0;
    qint64 size = 0;

    bool isDangling() const { return repository == QLatin1String("<none>"); }
    // What removing this row sends: "repo:tag" for a tagged row (never the ID, which would
    // remove every tag of a multi-tagged image), "repo@digest" for a digest-only row, and the
    // full image ID for a <none> row.
    // TODO: a digest-only repository with several digests is one row without --digests, but
    // removing "repo@first" leaves the others (and the row); the planner must send one request
    // per digest to make the row go away.
    QString removalReference() const;
    friend bool operator==(const ImageListRow &, const ImageListRow &) = default;
};

struct ImageListOptions
{
    bool all = false; // -a: include intermediate images
    bool digests = false; // --digests: one row per digest, DIGEST column filled
};

namespace ImageListing {

// Rows in the CLI's order: images newest first (ties broken by ID for a stable order), within an
// image repository groups in order of first appearance, tags in engine order, then the
// repositories that have only digests. The CLI itself orders the repository groups of one image
// at random (a Go map), so any fixed order is as faithful as another.
QList<ImageListRow> rows(const Snapshot &snapshot, const ImageListOptions &options);
// Whether `docker image ls` without -a shows this image: hidden only when it has no tags or
// digests and has child images.
bool isVisibleWithoutAll(const Snapshot &snapshot, const ImageRecord &image);

} // namespace ImageListing

} // namespace Strata
