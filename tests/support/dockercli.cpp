#include "dockercli.h"

#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>

namespace Strata::Testing {

namespace {

QStringList splitLines(const QByteArray &bytes)
{
    QStringList lines = QString::fromUtf8(bytes).split(QLatin1Char('\n'));
    while (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

QStringList DockerRun::outputLines() const
{
    return splitLines(standardOutput);
}

QStringList DockerRun::errorLines() const
{
    return splitLines(standardError);
}

QString dockerProgram()
{
    const QString configured = qEnvironmentVariable("STRATA_TEST_DOCKER");
    if (!configured.isEmpty())
        return configured;
    if (QFileInfo::exists(QStringLiteral("/usr/bin/docker")))
        return QStringLiteral("/usr/bin/docker");
    return QStringLiteral("docker");
}

DockerRun runDocker(const QString &host, const QStringList &arguments, int timeoutMs)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DOCKER_HOST"), host);
    // A user's CLI configuration (formats, contexts) must not change what the oracle prints.
    environment.insert(QStringLiteral("DOCKER_CONFIG"), QStringLiteral("/nonexistent-strata"));
    environment.remove(QStringLiteral("DOCKER_CONTEXT"));
    process.setProcessEnvironment(environment);
    process.start(dockerProgram(), arguments);
    DockerRun run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.standardError = "strata test: docker timed out or did not start";
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.standardOutput = process.readAllStandardOutput();
    run.standardError = process.readAllStandardError();
    return run;
}

QString fixtureHost(const char *fixtureName)
{
    const QString name = QString::fromLatin1(fixtureName).toUpper();
    return qEnvironmentVariable(qPrintable(QStringLiteral("STRATA_TEST_HOST_") + name));
}

} // namespace Strata::Testing
