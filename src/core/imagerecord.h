#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Strata {

// One entry of GET /images/{id}/history, which lists the steps that made the image.
struct HistoryEntry
{
    qint64 created = 0;  // Unix seconds
    QString createdBy;   // the command, e.g. "/bin/sh -c #(nop) ADD file:… in /"
    qint64 size = 0;     // bytes of the layer this step made; 0 for metadata-only steps
    QString comment;
    friend bool operator==(const HistoryEntry &, const HistoryEntry &) = default;
};

// One image as the engine reports it in GET /images/json?all=1, plus what inspect adds.
// Tags and digests are kept in the engine's order (byte order of the normalised names) and in
// familiar form; the "<none>:<none>" placeholders of older API versions are never stored.
struct ImageRecord
{
    QString id;            // "sha256:" + 64 lowercase hex
    QString parentId;      // empty when the image has no parent link
    QStringList repoTags;  // familiar "repo:tag"
    QStringList repoDigests; // familiar "repo@sha256:…"
    qint64 created = 0;    // Unix seconds, as /images/json reports it
    qint64 size = 0;       // bytes of all layers of the image's chain
    QMap<QString, QString> labels;
    QStringList diffIds;   // RootFS.Layers from inspect, base first; empty when not inspected
    // Bytes of each layer, parallel to diffIds, as the engine's history reports them (it maps
    // its non-empty history entries onto the layers in order); empty when not read.
    QList<qint64> layerSizes;
    // The image's history, oldest first (the API lists it newest first); empty when not read.
    QList<HistoryEntry> history;

    bool hasReferences() const { return !repoTags.isEmpty() || !repoDigests.isEmpty(); }
    friend bool operator==(const ImageRecord &, const ImageRecord &) = default;
};

} // namespace Strata
