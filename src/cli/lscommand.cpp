#include "lscommand.h"

#include "dfcommand.h"
#include "digest.h"
#include "endpoint.h"
#include "enginesnapshot.h"
#include "humanize.h"
#include "snapshotloader.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QTextStream>

namespace Strata {

namespace {

const char Usage[] = "Usage: strata-cli ls [--host H] [-a] [-q] [--digests] [--no-trunc] "
                     "[--filter F]... [REPOSITORY[:TAG]]";

bool parseOptions(const QStringList &arguments, LsCommand::Options *options, QString *error)
{
    QCommandLineParser parser;
    const QCommandLineOption host({QStringLiteral("H"), QStringLiteral("host")},
                                  QStringLiteral("Engine address"), QStringLiteral("address"));
    const QCommandLineOption all({QStringLiteral("a"), QStringLiteral("all")},
                                 QStringLiteral("Show all images"));
    const QCommandLineOption quiet({QStringLiteral("q"), QStringLiteral("quiet")},
                                   QStringLiteral("Only show image IDs"));
    const QCommandLineOption digests(QStringLiteral("digests"), QStringLiteral("Show digests"));
    const QCommandLineOption noTrunc(QStringLiteral("no-trunc"),
                                     QStringLiteral("Don't truncate output"));
    const QCommandLineOption filter({QStringLiteral("f"), QStringLiteral("filter")},
                                    QStringLiteral("Filter output"), QStringLiteral("filter"));
    parser.addOptions({host, all, quiet, digests, noTrunc, filter});
    if (!parser.parse(QStringList{QStringLiteral("strata-cli ls")} + arguments)) {
        *error = parser.errorText();
        return false;
    }
    if (parser.positionalArguments().size() > 1) {
        *error = QStringLiteral("accepts at most 1 argument");
        return false;
    }
    options->host = parser.value(host);
    options->all = parser.isSet(all);
    options->quiet = parser.isSet(quiet);
    options->digests = parser.isSet(digests);
    options->noTrunc = parser.isSet(noTrunc);
    options->filterArguments = parser.values(filter);
    options->repository = parser.positionalArguments().value(0);
    return true;
}

QString imageIdText(const QString &imageId, bool noTrunc)
{
    return noTrunc ? imageId : Digest::shortId(imageId);
}

} // namespace

bool LsCommand::buildFilter(const Options &options, ImageFilter *filter, ImageFilter::Error *error,
                            QString *badArgument)
{
    for (const QString &argument : options.filterArguments) {
        *error = filter->addArgument(argument);
        if (error->isError()) {
            *badArgument = argument;
            return false;
        }
    }
    if (!options.repository.isEmpty())
        filter->add(QStringLiteral("reference"), options.repository);
    return true;
}

QString LsCommand::render(const QList<ImageListRow> &rows, const Options &options,
                          qint64 nowUnixSeconds)
{
    if (options.quiet) {
        QString text;
        for (const ImageListRow &row : rows)
            text += imageIdText(row.imageId, options.noTrunc) + QLatin1Char('\n');
        return text;
    }
    QStringList header{QStringLiteral("REPOSITORY"), QStringLiteral("TAG")};
    if (options.digests)
        header << QStringLiteral("DIGEST");
    header << QStringLiteral("IMAGE ID") << QStringLiteral("CREATED") << QStringLiteral("SIZE");
    QList<QStringList> table{header};
    for (const ImageListRow &row : rows) {
        QStringList cells{row.repository, row.tag};
        if (options.digests)
            cells << row.digest;
        cells << imageIdText(row.imageId, options.noTrunc)
              << Humanize::age(row.created, nowUnixSeconds) << Humanize::size(row.size);
        table.append(cells);
    }
    return DfCommand::tabulate(table);
}

int LsCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    Options options;
    QString parseError;
    if (!parseOptions(arguments, &options, &parseError)) {
        err << "strata-cli ls: " << parseError << '\n' << Usage << Qt::endl;
        return 2;
    }
    ImageFilter filter;
    ImageFilter::Error filterError;
    QString badArgument;
    if (!buildFilter(options, &filter, &filterError, &badArgument)) {
        err << filterError.cliText(badArgument);
        err.flush();
        return 125;
    }
    SnapshotLoader::Result loaded;
    if (!loadEngineSnapshot(options.host, err, &loaded))
        return 2;
    ImageFilter::Options filterOptions;
    filterOptions.all = options.all;
    filterOptions.apiVersion = loaded.info.maxApiVersion;
    const QList<ImageListRow> rows
        = filter.rows(loaded.snapshot, filterOptions, options.digests, &filterError);
    if (filterError.isError()) {
        err << filterError.cliText();
        err.flush();
        return 1;
    }
    out << render(rows, options, QDateTime::currentSecsSinceEpoch());
    out.flush();
    return 0;
}

} // namespace Strata
