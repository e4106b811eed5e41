#pragma once

// Shared by the layer-sharing engine tests (tst_diskusage_engine, tst_dfcommand_engine,
// tst_survivalexplainer_engine): the scenarios they build on their `layers` engine and the
// snapshot they read back. Header-only; each test is one executable.

#include "endpoint.h"
#include "snapshotloader.h"

#include <QProcess>
#include <QStringList>
#include <QTest>

namespace Strata::Testing {

// "deep" is tests/engine/layerscenario.py; "seed N" is scripts/graphgen build --seed N. Both
// wipe the engine first. Returns the script's stdout, or an empty array on failure with the
// script's stderr in *error.
inline QByteArray buildScenario(const QString &scenario, QString *error)
{
    const QString dir = qEnvironmentVariable("STRATA_LAYERS_ENGINE_DIR");
    QStringList arguments;
    if (scenario == QLatin1String("deep")) {
        arguments = {QStringLiteral(STRATA_LAYERSCENARIO), QStringLiteral("build"),
                     QStringLiteral("--dir"), dir};
    } else {
        arguments = {QStringLiteral(STRATA_GRAPHGEN), QStringLiteral("build"),
                     QStringLiteral("--dir"), dir, QStringLiteral("--requests"),
                     QStringLiteral("0"), QStringLiteral("--seed"), scenario.section(u' ', 1)};
    }
    QProcess process;
    process.start(QStringLiteral(STRATA_PYTHON), arguments);
    if (!process.waitForFinished(300000) || process.exitCode() != 0) {
        *error = QString::fromUtf8(process.readAllStandardError());
        return {};
    }
    return process.readAllStandardOutput();
}

// Scenario names for data rows: "deep", then graphgen seeds ($STRATA_LAYERS_SEEDS widens it).
inline QStringList scenarios()
{
    QStringList names{QStringLiteral("deep")};
    const QString seeds = qEnvironmentVariableIsSet("STRATA_LAYERS_SEEDS")
        ? qEnvironmentVariable("STRATA_LAYERS_SEEDS")
        : QStringLiteral("1 2 3 4");
    for (const QString &seed : seeds.split(u' ', Qt::SkipEmptyParts))
        names << QStringLiteral("seed ") + seed;
    return names;
}

inline SnapshotLoader::Result loadSnapshot(const QString &host)
{
    Endpoint endpoint;
    EngineError error;
    if (!Endpoint::fromEnvironment(host, &endpoint, &error)) {
        SnapshotLoader::Result result;
        result.error = error;
        return result;
    }
    return SnapshotLoader::load(endpoint);
}

} // namespace Strata::Testing
