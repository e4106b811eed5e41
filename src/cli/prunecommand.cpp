#include "prunecommand.h"

#include "endpoint.h"
#include "enginesnapshot.h"
#include "pruneplanner.h"
#include "snapshotloader.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace Strata {

namespace {

const char Usage[] = "Usage: strata-cli prune [--host H] [-a] [--filter F]... --dry-run";

struct Options
{
    QString host;
    bool all = false;
    QStringList filterArguments;
};

bool parseOptions(const QStringList &arguments, Options *options, QString *error)
{
    QCommandLineParser parser;
    const QCommandLineOption host({QStringLiteral("H"), QStringLiteral("host")},
                                  QStringLiteral("Engine address"), QStringLiteral("address"));
    const QCommandLineOption all({QStringLiteral("a"), QStringLiteral("all")},
                                 QStringLiteral("All unused images, not only dangling ones"));
    const QCommandLineOption filter(QStringLiteral("filter"), QStringLiteral("Filter values"),
                                    QStringLiteral("filter"));
    const QCommandLineOption dryRun(QStringLiteral("dry-run"),
                                    QStringLiteral("Only print what prune would do"));
    parser.addOptions({host, all, filter, dryRun});
    if (!parser.parse(QStringList{QStringLiteral("strata-cli prune")} + arguments)) {
        *error = parser.errorText();
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *error = QStringLiteral("accepts no arguments");
        return false;
    }
    if (!parser.isSet(dryRun)) {
        *error = QStringLiteral("only previews: pass --dry-run (and `docker image prune` to "
                                "remove for real)");
        return false;
    }
    options->host = parser.value(host);
    options->all = parser.isSet(all);
    options->filterArguments = parser.values(filter);
    return true;
}

void printNotes(const PrunePlanner::Result &result, QTextStream &err)
{
    if (result.orderIsRandom() && !result.records.isEmpty())
        err << "strata-cli: note: the engine takes the images in random order; the lines of "
               "different images may come in another order" << Qt::endl;
    if (result.plan.uncertainties.contains(PlanUncertainty::HiddenLayerHolders))
        err << "strata-cli: note: containers of deleted images hold layers we cannot see; "
               "fewer layers may be deleted" << Qt::endl;
    if (result.plan.uncertainties.contains(PlanUncertainty::UnsupportedEngine))
        err << "strata-cli: note: this engine does not keep images in Docker's classic store; "
               "its own prune may differ" << Qt::endl;
    if (result.spaceReclaimed < 0 && !result.records.isEmpty())
        err << "strata-cli: note: some layer sizes cannot be read from the image histories"
            << Qt::endl;
}

} // namespace

int PruneCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    Options options;
    QString parseError;
    if (!parseOptions(arguments, &options, &parseError)) {
        err << "strata-cli prune: " << parseError << '\n' << Usage << Qt::endl;
        return 2;
    }
    PrunePlanner::Options pruneOptions;
    pruneOptions.all = options.all;
    for (const QString &argument : std::as_const(options.filterArguments)) {
        const ImageFilter::Error error = pruneOptions.filters.addArgument(argument);
        if (error.isError()) {
            err << QStringLiteral("invalid argument \"%1\" for \"--filter\" flag: %2\n"
                                  "See 'docker image prune --help'.\n")
                       .arg(argument, error.message);
            err.flush();
            return 125;
        }
    }
    SnapshotLoader::Result loaded;
    if (!loadEngineSnapshot(options.host, err, &loaded))
        return 2;
    const PrunePlanner::Result result = PrunePlanner::plan(loaded.snapshot, pruneOptions);
    if (result.error.isError()) {
        err << result.error.cliText();
        err.flush();
        return 1;
    }
    out << PrunePlanner::cliText(result);
    out.flush();
    printNotes(result, err);
    return 0;
}

} // namespace Strata
