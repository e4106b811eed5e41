#include "dfcommand.h"

#include "digest.h"
#include "endpoint.h"
#include "enginesnapshot.h"
#include "humanize.h"
#include "layergraph.h"
#include "reference.h"
#include "snapshotloader.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QTextStream>

#include <algorithm>

namespace Strata {

namespace {

// The CLI's own figures for "not set"; ours also stand for "not known from the snapshot".
QString humanSizeOrNa(qint64 bytes)
{
    return bytes < 0 ? QStringLiteral("N/A") : Humanize::sizeWithPrecision(bytes, 4);
}

// formatter/disk_usage.go: only the first tag is shown; an image with digests only is
// <none> <none>.
std::pair<QString, QString> repositoryAndTag(const ImageRecord &image)
{
    if (image.repoTags.isEmpty())
        return {QStringLiteral("<none>"), QStringLiteral("<none>")};
    const Reference reference = Reference::fromEngineString(image.repoTags.constFirst());
    return {reference.familiarName(), reference.tag()};
}

QStringList imageRow(const Snapshot &snapshot, const DiskUsage::ImageUsage &usage,
                     qint64 nowUnixSeconds)
{
    const ImageRecord &image = snapshot.images().at(usage.imageIndex);
    const auto [repository, tag] = repositoryAndTag(image);
    // Every size has 4 significant digits (HumanSize): CLI 20.10's table shows {{.VirtualSize}}
    // under SIZE, unlike `docker image ls` (3 digits), and unlike newer CLIs, which show
    // {{.Size}} here too (measured: "2.034MB" from 20.10, "2.03MB" from 28.2).
    return {repository,
            tag,
            Digest::shortId(image.id),
            Humanize::age(image.created, nowUnixSeconds),
            Humanize::sizeWithPrecision(usage.size, 4),
            humanSizeOrNa(usage.sharedSize),
            humanSizeOrNa(usage.uniqueSize),
            QString::number(usage.containers)};
}

QString reclaimableText(const DiskUsage::Report &report)
{
    if (report.reclaimable < 0 || report.layersSize < 0)
        return QStringLiteral("N/A");
    const QString size = Humanize::sizeWithPrecision(report.reclaimable, 4);
    if (report.layersSize == 0)
        return size;
    // Go's integer division truncates toward zero, as C++'s does.
    return QStringLiteral("%1 (%2%)").arg(size).arg(report.reclaimable * 100 / report.layersSize);
}

bool hasUnknownSizes(const DiskUsage::Report &report)
{
    return report.layersSize < 0
        || std::any_of(report.images.cbegin(), report.images.cend(),
                       [](const DiskUsage::ImageUsage &usage) { return usage.sharedSize < 0; });
}

} // namespace

QString DfCommand::tabulate(const QList<QStringList> &rows, const QList<int> &minimumWidths)
{
    // Every line here has the same cells, so each column is one tabwriter block.
    QList<int> widths = minimumWidths;
    for (const QStringList &row : rows) {
        for (qsizetype column = 0; column + 1 < row.size(); ++column) {
            if (widths.size() <= column)
                widths.append(0);
            widths[column] = std::max({widths.at(column), 10, int(row.at(column).size()) + 3});
        }
    }
    QString text;
    for (const QStringList &row : rows) {
        for (qsizetype column = 0; column < row.size(); ++column) {
            text += row.at(column);
            if (column + 1 < row.size())
                text += QString(widths.at(column) - row.at(column).size(), QLatin1Char(' '));
        }
        text += QLatin1Char('\n');
    }
    return text;
}

QString DfCommand::verboseImagesSection(const Snapshot &snapshot,
                                        const DiskUsage::Report &report, qint64 nowUnixSeconds)
{
    QList<QStringList> rows{{QStringLiteral("REPOSITORY"), QStringLiteral("TAG"),
                             QStringLiteral("IMAGE ID"), QStringLiteral("CREATED"),
                             QStringLiteral("SIZE"), QStringLiteral("SHARED SIZE"),
                             QStringLiteral("UNIQUE SIZE"), QStringLiteral("CONTAINERS")}};
    for (const DiskUsage::ImageUsage &usage : report.images)
        rows.append(imageRow(snapshot, usage, nowUnixSeconds));
    return QStringLiteral("Images space usage:\n\n") + tabulate(rows);
}

QString DfCommand::summaryImagesTable(const DiskUsage::Report &report)
{
    const QList<QStringList> rows{
        {QStringLiteral("TYPE"), QStringLiteral("TOTAL"), QStringLiteral("ACTIVE"),
         QStringLiteral("SIZE"), QStringLiteral("RECLAIMABLE")},
        {QStringLiteral("Images"), QString::number(report.images.size()),
         QString::number(report.activeImages),
         report.layersSize < 0 ? QStringLiteral("N/A")
                               : Humanize::sizeWithPrecision(report.layersSize, 4),
         reclaimableText(report)}};
    // The CLI's table always has a "Local Volumes" row, which makes TYPE 16 wide; the rows we
    // leave out have counts and sizes no wider than the columns' minimum of 10 in practice.
    const int typeWidth = int(QStringLiteral("Local Volumes").size()) + 3;
    return tabulate(rows, {typeWidth});
}

int DfCommand::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption host({QStringLiteral("H"), QStringLiteral("host")},
                                  QStringLiteral("Engine address"), QStringLiteral("address"));
    const QCommandLineOption verbose({QStringLiteral("v"), QStringLiteral("verbose")},
                                     QStringLiteral("Per-image usage"));
    parser.addOptions({host, verbose});
    if (!parser.parse(QStringList{QStringLiteral("strata-cli df")} + arguments)
        || !parser.positionalArguments().isEmpty()) {
        err << "strata-cli df: " << (parser.errorText().isEmpty()
                                         ? QStringLiteral("accepts no arguments")
                                         : parser.errorText())
            << "\nUsage: strata-cli df [--host H] [-v]" << Qt::endl;
        return 2;
    }
    SnapshotLoader::Result loaded;
    if (!loadEngineSnapshot(parser.value(host), err, &loaded))
        return 2;
    const LayerGraph graph(loaded.snapshot);
    const DiskUsage::Report report = DiskUsage::compute(loaded.snapshot, graph);
    if (parser.isSet(verbose))
        out << verboseImagesSection(loaded.snapshot, report, QDateTime::currentSecsSinceEpoch());
    else
        out << summaryImagesTable(report);
    out.flush();
    if (loaded.snapshot.storeKind() != ImageStoreKind::Graphdriver)
        err << "strata-cli: note: this engine does not keep images in Docker's classic store; "
               "its own `docker system df` counts differently" << Qt::endl;
    if (hasUnknownSizes(report))
        err << "strata-cli: note: some layer sizes cannot be read from the image histories; "
               "N/A marks the figures that depend on them" << Qt::endl;
    return 0;
}

} // namespace Strata
