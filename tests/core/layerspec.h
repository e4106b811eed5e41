#pragma once

// Snapshots from one-line specs, for the layer-sharing tests (tst_layergraph, tst_diskusage,
// tst_survivalexplainer). An image:
//     "x a.b.c 10.20.? 35 ^p #app:1 #app@sha256:… t=5"
// is image x (ID "sha256:xxx…") with diff IDs a, b, c (base first; "-" for none read), layer
// sizes 10, 20 and unknown ("-" for no history), Size 35 ("=" for the sum of the sizes), parent
// p, tag app:1, a digest, created at 5. A container: "@name x running".

#include "snapshot.h"

#include <QStringList>

namespace Strata::Testing {

inline QString imageId(QChar c)
{
    return QStringLiteral("sha256:") + QString(64, c);
}

inline QString diffId(QChar c)
{
    return QStringLiteral("sha256:d") + QString(63, c);
}

inline ImageRecord imageFromSpec(const QString &spec)
{
    const QStringList parts = spec.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    ImageRecord image;
    image.id = imageId(parts.at(0).at(0));
    if (parts.at(1) != QLatin1String("-")) {
        for (const QString &diff : parts.at(1).split(QLatin1Char('.')))
            image.diffIds << diffId(diff.at(0));
    }
    qint64 sum = 0;
    if (parts.at(2) != QLatin1String("-")) {
        for (const QString &size : parts.at(2).split(QLatin1Char('.'))) {
            image.layerSizes << (size == QLatin1String("?") ? -1 : size.toLongLong());
            sum += size == QLatin1String("?") ? 0 : size.toLongLong();
        }
    }
    image.size = parts.at(3) == QLatin1String("=") ? sum : parts.at(3).toLongLong();
    for (const QString &part : parts.mid(4)) {
        if (part.startsWith(QLatin1Char('^')))
            image.parentId = imageId(part.at(1));
        else if (part.startsWith(QLatin1Char('#')) && part.contains(QLatin1Char('@')))
            image.repoDigests << part.mid(1);
        else if (part.startsWith(QLatin1Char('#')))
            image.repoTags << part.mid(1);
        else if (part.startsWith(QLatin1String("t=")))
            image.created = part.mid(2).toLongLong();
    }
    return image;
}

// Layer sizes of -1 in a history stand for "this history could not be mapped": the loader then
// leaves layerSizes empty, and so does this, except for the known entries the test wants kept.
inline ImageRecord withMappedSizes(ImageRecord image)
{
    if (image.layerSizes.contains(-1))
        image.layerSizes.clear();
    return image;
}

inline Snapshot snapshotFromSpec(const QStringList &specs)
{
    QList<ImageRecord> images;
    QList<ContainerRecord> containers;
    for (const QString &spec : specs) {
        if (!spec.startsWith(QLatin1Char('@'))) {
            images << withMappedSizes(imageFromSpec(spec));
            continue;
        }
        const QStringList parts = spec.mid(1).split(QLatin1Char(' '));
        ContainerRecord container;
        container.id = QString(64, QLatin1Char('c')) + QString::number(containers.size());
        container.id = container.id.right(64);
        container.names << parts.at(0);
        container.imageId = imageId(parts.at(1).at(0));
        container.state = parts.at(2);
        containers << container;
    }
    return Snapshot(images, containers, QDateTime::fromSecsSinceEpoch(1700000000));
}

} // namespace Strata::Testing
