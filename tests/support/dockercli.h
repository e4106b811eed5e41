#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Strata::Testing {

// Runs the real Docker CLI against one test engine: the oracle the engine tests compare with.
struct DockerRun
{
    int exitCode = -1;
    QByteArray standardOutput;
    QByteArray standardError;

    QStringList outputLines() const;
    QStringList errorLines() const;
};

// The CLI to use: $STRATA_TEST_DOCKER, else Debian's /usr/bin/docker, else `docker` on PATH.
QString dockerProgram();
DockerRun runDocker(const QString &host, const QStringList &arguments, int timeoutMs = 120000);

// The DOCKER_HOST of a CTest engine fixture, read from the environment variable the fixture
// sets for its tests (STRATA_TEST_HOST_<NAME>); empty when the test runs outside CTest.
QString fixtureHost(const char *fixtureName);

} // namespace Strata::Testing
