#pragma once

#include <QString>
#include <QStringList>

namespace Strata {

// One container from GET /containers/json?all=1: only what image removal depends on.
struct ContainerRecord
{
    QString id;        // 64 hex, no prefix
    QStringList names; // without the leading "/"
    QString image;     // the reference it was created from, or an image ID once that moved
    QString imageId;   // "sha256:…"
    QString state;     // created, running, paused, restarting, removing, exited or dead

    // The engine's Running flag stays set while paused or restarting (SEMANTICS.md §2.1).
    bool isRunning() const
    {
        return state == QLatin1String("running") || state == QLatin1String("paused")
            || state == QLatin1String("restarting");
    }
    friend bool operator==(const ContainerRecord &, const ContainerRecord &) = default;
};

} // namespace Strata
