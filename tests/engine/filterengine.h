#pragma once

// Shared by the filter engine tests (tst_imagefilter_engine, tst_lscommand_engine,
// tst_prune_engine): the engine tests/engine/filterscenario.py builds on the `filters` fixture,
// and the snapshot read back from it. Header-only; each test is one executable.

#include "dockercli.h"
#include "endpoint.h"
#include "snapshotloader.h"

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

namespace Strata::Testing {

inline QString filtersHost()
{
    return fixtureHost("filters");
}

// Wipes the `filters` engine and builds the scenario; returns the image IDs by key (s3, web,
// …), or an empty hash with the script's stderr in *error.
inline QHash<QString, QString> buildFilterScenario(QString *error)
{
    QProcess process;
    process.start(QStringLiteral(STRATA_PYTHON),
                  {QStringLiteral(STRATA_FILTERSCENARIO), QStringLiteral("build"),
                   QStringLiteral("--dir"), qEnvironmentVariable("STRATA_FILTERS_ENGINE_DIR")});
    if (!process.waitForFinished(300000) || process.exitCode() != 0) {
        *error = QString::fromUtf8(process.readAllStandardError());
        return {};
    }
    QHash<QString, QString> ids;
    const QJsonObject object = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        ids.insert(it.key(), it.value().toString());
    return ids;
}

inline SnapshotLoader::Result loadFilterSnapshot()
{
    Endpoint endpoint;
    EngineError error;
    if (!Endpoint::fromEnvironment(filtersHost(), &endpoint, &error)) {
        SnapshotLoader::Result result;
        result.error = error;
        return result;
    }
    return SnapshotLoader::load(endpoint);
}

// "{s3}" in a filter argument becomes the first 12 hex digits of that scenario image's ID.
inline QString withIds(QString text, const QHash<QString, QString> &ids)
{
    for (auto it = ids.constBegin(); it != ids.constEnd(); ++it)
        text.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'), it.value().mid(7, 12));
    return text;
}

} // namespace Strata::Testing
