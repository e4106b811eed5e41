#include "plancommand.h"

#include "endpoint.h"
#include "enginesnapshot.h"
#include "planjson.h"
#include "removalplanner.h"
#include "snapshotloader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QTextStream>

namespace Strata {

namespace {

struct PlanOptions
{
    QString host;
    bool force = false;
    bool noPrune = false;
    bool json = false;
    QStringList references;
};

// Returns false with a message on err when the arguments are not usable.
bool parseOptions(const QStringList &arguments, PlanOptions *options, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption host({QStringLiteral("H"), QStringLiteral("host")},
                                  QStringLiteral("Engine address"), QStringLiteral("address"));
    const QCommandLineOption force({QStringLiteral("f"), QStringLiteral("force")},
                                   QStringLiteral("Plan as docker image rm -f"));
    const QCommandLineOption noPrune(QStringLiteral("no-prune"),
                                     QStringLiteral("Do not delete untagged parents"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print the plan with survivors as JSON"));
    parser.addOptions({host, force, noPrune, json});
    if (!parser.parse(QStringList{QStringLiteral("strata-cli plan")} + arguments)) {
        err << "strata-cli plan: " << parser.errorText() << Qt::endl;
        return false;
    }
    options->host = parser.value(host);
    options->force = parser.isSet(force);
    options->noPrune = parser.isSet(noPrune);
    options->json = parser.isSet(json);
    options->references = parser.positionalArguments();
    if (options->references.isEmpty()) {
        err << "strata-cli plan: requires at least 1 argument\n"
               "Usage: strata-cli plan [--host H] [-f] [--no-prune] [--json] IMAGE [IMAGE...]"
            << Qt::endl;
        return false;
    }
    return true;
}

int printAsDocker(const RemovalPlan &plan, bool force, QTextStream &out, QTextStream &err)
{
    QStringList errors;
    bool onlyNotFound = true;
    for (const PlannedStep &step : plan.steps) {
        for (const RemovalRecord &record : step.records)
            out << record.text() << '\n';
        if (!step.succeeds()) {
            errors << QStringLiteral("Error response from daemon: ") + step.errorMessage;
            onlyNotFound = onlyNotFound && step.httpStatus == 404;
        }
    }
    out.flush();
    for (const QString &error : std::as_const(errors))
        err << error << '\n';
    err.flush();
    if (errors.isEmpty() || (force && onlyNotFound))
        return 0;
    return 1;
}

} // namespace

int PlanCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    PlanOptions options;
    if (!parseOptions(arguments, &options, err))
        return 2;
    SnapshotLoader::Result loaded;
    if (!loadEngineSnapshot(options.host, err, &loaded))
        return 2;
    QList<RemovalRequest> requests;
    for (const QString &reference : std::as_const(options.references))
        requests.append({reference, options.force, options.noPrune});
    const RemovalPlan plan = RemovalPlanner::plan(loaded.snapshot, requests);
    if (options.json) {
        out << QJsonDocument(PlanJson::toJson(plan)).toJson(QJsonDocument::Indented);
        out.flush();
        return 0;
    }
    if (!plan.isPredictable())
        err << "strata-cli: note: this engine removes images differently (containerd image "
               "store or Podman); the plan is a best guess"
            << Qt::endl;
    return printAsDocker(plan, options.force, out, err);
}

} // namespace Strata
