// Test helper: negotiates with one address and prints the outcome, so that tst_engineclient
// can run the client as an unprivileged user (root would bypass the socket's permissions).
// Prints "<code> <detail>" and exits with the EngineError code as status.

#include "engineclient.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace Strata;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() != 2) {
        QTextStream(stderr) << "usage: engineprobe ADDRESS\n";
        return 100;
    }
    Endpoint endpoint;
    EngineError error;
    if (Endpoint::parse(arguments.at(1), &endpoint, &error)) {
        EngineClient client(endpoint);
        error = client.negotiate();
    }
    QTextStream(stdout) << int(error.code) << ' ' << error.detail << '\n';
    return int(error.code);
}
