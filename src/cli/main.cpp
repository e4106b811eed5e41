#include "dfcommand.h"
#include "lscommand.h"
#include "plancommand.h"
#include "prunecommand.h"
#include "whycommand.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

#include <cstdio>

namespace {

void printUsage(QTextStream &stream)
{
    stream << "Usage: strata-cli COMMAND [OPTIONS]\n\n"
              "Commands:\n"
              "  plan [--host H] [-f] [--no-prune] [--json] IMAGE...\n"
              "      Print what `docker image rm` would print for these arguments on the\n"
              "      engine, changing nothing.\n"
              "  ls [--host H] [-a] [-q] [--digests] [--no-trunc] [--filter F]... [REPO[:TAG]]\n"
              "      Print what `docker image ls` would print with these flags.\n"
              "  prune [--host H] [-a] [--filter F]... --dry-run\n"
              "      Print what `docker image prune -f` would print, changing nothing.\n"
              "  df [--host H] [-v]\n"
              "      Print the Images part of `docker system df` (-v: `docker system df -v`).\n"
              "  why [--host H] IMAGE|LAYER\n"
              "      Say everything that keeps an image (or a layer, by chain ID) on the engine,\n"
              "      and what would remove each.\n\n"
              "The engine is --host, else DOCKER_HOST, else unix:///var/run/docker.sock.\n";
    stream.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("strata-cli"));
    // stderr carries what `docker image rm` would print there; developer logs only on request
    // (QT_LOGGING_RULES="strata.*=true").
    if (qEnvironmentVariableIsEmpty("QT_LOGGING_RULES"))
        QLoggingCategory::setFilterRules(QStringLiteral("strata.*.info=false\n"
                                                        "strata.*.debug=false"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList arguments = QCoreApplication::arguments().mid(1);
    if (arguments.isEmpty() || arguments.constFirst() == QLatin1String("--help")
        || arguments.constFirst() == QLatin1String("-h")) {
        printUsage(arguments.isEmpty() ? err : out);
        return arguments.isEmpty() ? 2 : 0;
    }
    const QString command = arguments.takeFirst();
    if (command == QLatin1String("plan"))
        return Strata::PlanCommand::run(arguments, out, err);
    if (command == QLatin1String("ls"))
        return Strata::LsCommand::run(arguments, out, err);
    if (command == QLatin1String("prune"))
        return Strata::PruneCommand::run(arguments, out, err);
    if (command == QLatin1String("df"))
        return Strata::DfCommand::run(arguments, out, err);
    if (command == QLatin1String("why"))
        return Strata::WhyCommand::run(arguments, out, err);
    err << "strata-cli: unknown command \"" << command << "\"\n";
    printUsage(err);
    return 2;
}
