#include "imagelisting.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Strata;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Strata::Snapshot)

namespace {

QString id(char c)
{
    return u"sha256:"_s + QString(64, QLatin1Char(c));
}

QString digest(char c)
{
    return u"sha256:"_s + QString(64, QLatin1Char(c));
}

ImageRecord image(
    char c, qint64 created, QStringList tags, QStringList digests = {}, char parent = 0)
{
    ImageRecord record;
    record.id = id(c);
    record.parentId = parent ? id(parent) : QString();
    record.repoTags = std::move(tags);
    record.repoDigests = std::move(digests);
    record.created = created;
    record.size = 1000;
    return record;
}

// "repository tag digest removal-reference image-ID-12", one string per row.
QStringList describe(const QList<ImageListRow> &rows)
{
    QStringList lines;
    for (const ImageListRow &row : rows) {
        lines.append(QStringList {
            row.repository, row.tag, row.digest, row.removalReference(), row.imageId.mid(7, 12) }
                         .join(QLatin1Char(' ')));
    }
    return lines;
}

// The <none> placeholders of /images/json are never stored in an ImageRecord.
QStringList withoutPlaceholder(const QJsonValue &value, const QString &placeholder)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray()) {
        if (item.toString() != placeholder)
            list.append(item.toString());
    }
    return list;
}

Snapshot loadImagesJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<ImageRecord> images;
    for (const QJsonValue &value : QJsonDocument::fromJson(file.readAll()).array()) {
        const QJsonObject object = value.toObject();
        ImageRecord record;
        record.id = object.value(u"Id"_s).toString();
        record.parentId = object.value(u"ParentId"_s).toString();
        record.repoTags = withoutPlaceholder(object.value(u"RepoTags"_s), u"<none>:<none>"_s);
        record.repoDigests = withoutPlaceholder(object.value(u"RepoDigests"_s), u"<none>@<none>"_s);
        record.created = object.value(u"Created"_s).toInteger();
        record.size = object.value(u"Size"_s).toInteger();
        images.append(record);
    }
    return Snapshot(images, {}, QDateTime());
}

QStringList readLines(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    return QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QStringList imageOrder(const QStringList &lines)
{
    QStringList ids;
    for (const QString &line : lines) {
        const QString imageId = line.section(QLatin1Char('\t'), 0, 0);
        if (ids.isEmpty() || ids.constLast() != imageId)
            ids.append(imageId);
    }
    return ids;
}

} // namespace

class TestImageListing final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rows_data();
    void rows();
    void matchesDockerCli_data();
    void matchesDockerCli();
};

void TestImageListing::rows_data()
{
    QTest::addColumn<Snapshot>("snapshot");
    QTest::addColumn<bool>("all");
    QTest::addColumn<bool>("digests");
    QTest::addColumn<QStringList>("expected");

    const Snapshot multi(
        { image('a', 10, { u"web:1"_s, u"web:2"_s, u"localhost:5000/web:1"_s }) }, {}, {});
    QTest::newRow("multi-tag, multi-repo")
        << multi << false << false
        << QStringList { u"web 1  web:1 aaaaaaaaaaaa"_s, u"web 2  web:2 aaaaaaaaaaaa"_s,
               u"localhost:5000/web 1  localhost:5000/web:1 aaaaaaaaaaaa"_s };

    const QStringList digests = { u"x@"_s + digest('1'), u"x@"_s + digest('2') };
    const Snapshot digestOnly({ image('b', 10, {}, digests) }, {}, {});
    QTest::newRow("digest-only, one row")
        << digestOnly << false << false
        << QStringList { u"x <none>  x@"_s + digest('1') + u" bbbbbbbbbbbb"_s };
    QTest::newRow("digest-only --digests")
        << digestOnly << false << true
        << QStringList { u"x <none> "_s + digest('1') + u" x@"_s + digest('1') + u" bbbbbbbbbbbb"_s,
               u"x <none> "_s + digest('2') + u" x@"_s + digest('2') + u" bbbbbbbbbbbb"_s };

    // One tag times each digest of its own repository; the digest-only repository comes last.
    const Snapshot mixed(
        { image('c', 10, { u"x:1"_s, u"y:1"_s },
            { u"z@"_s + digest('3'), u"x@"_s + digest('1'), u"x@"_s + digest('2') }) },
        {}, {});
    QTest::newRow("tag x digest") << mixed << false << true
                                  << QStringList { u"x 1 "_s + digest('1') + u" x:1 cccccccccccc"_s,
                                         u"x 1 "_s + digest('2') + u" x:1 cccccccccccc"_s,
                                         u"y 1 <none> y:1 cccccccccccc"_s,
                                         u"z <none> "_s + digest('3') + u" z@"_s + digest('3')
                                             + u" cccccccccccc"_s };
    QTest::newRow("tag x digest without --digests")
        << mixed << false << false
        << QStringList { u"x 1  x:1 cccccccccccc"_s, u"y 1  y:1 cccccccccccc"_s,
               u"z <none>  z@"_s + digest('3') + u" cccccccccccc"_s };

    // d is the base (tagged), e an untagged intermediate, f its tagged child, g dangling.
    const Snapshot chain({ image('d', 1, { u"base:1"_s }), image('e', 2, {}, {}, 'd'),
                             image('f', 3, { u"app:1"_s }, {}, 'e'), image('g', 3, {}, {}, 'e') },
        {}, {});
    QTest::newRow("intermediate hidden") << chain << false << false
                                         << QStringList { u"app 1  app:1 ffffffffffff"_s,
                                                u"<none> <none>  "_s + id('g') + u" gggggggggggg"_s,
                                                u"base 1  base:1 dddddddddddd"_s };
    QTest::newRow("intermediate with -a")
        << chain << true << true
        << QStringList { u"app 1 <none> app:1 ffffffffffff"_s,
               u"<none> <none> <none> "_s + id('g') + u" gggggggggggg"_s,
               u"<none> <none> <none> "_s + id('e') + u" eeeeeeeeeeee"_s,
               u"base 1 <none> base:1 dddddddddddd"_s };
}

void TestImageListing::rows()
{
    QFETCH(Snapshot, snapshot);
    QFETCH(bool, all);
    QFETCH(bool, digests);
    QFETCH(QStringList, expected);

    const QList<ImageListRow> rows = ImageListing::rows(snapshot, { all, digests });
    QCOMPARE(describe(rows), expected);
    for (const ImageListRow &row : rows) {
        const ImageRecord &record = snapshot.images().at(row.imageIndex);
        QCOMPARE(row.imageId, record.id);
        QCOMPARE(row.created, record.created);
        QCOMPARE(row.size, record.size);
    }
}

// Recorded from dockerd and the Docker CLI 20.10.24: three loaded images, more tags, pushes to a
// local docker-registry and pulls by digest (giving a second manifest digest for one repository
// and digest-only repositories), and two classic builds of one tag (an intermediate and a
// dangling image). images-all.json is GET /v1.41/images/json?all=1; each ls*.txt is
//   docker image ls [-a] [--digests] --no-trunc --format '{{.ID}}\t{{.Repository}}\t{{.Tag}}'
// with \t{{.Digest}} added for --digests.
void TestImageListing::matchesDockerCli_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("all");
    QTest::addColumn<bool>("digests");

    QTest::newRow("ls") << u"ls.txt"_s << false << false;
    QTest::newRow("ls -a") << u"ls-a.txt"_s << true << false;
    QTest::newRow("ls --digests") << u"ls-digests.txt"_s << false << true;
    QTest::newRow("ls -a --digests") << u"ls-a-digests.txt"_s << true << true;
}

void TestImageListing::matchesDockerCli()
{
    QFETCH(QString, file);
    QFETCH(bool, all);
    QFETCH(bool, digests);

    const Snapshot snapshot = loadImagesJson(QFINDTESTDATA("data/imagelisting/images-all.json"));
    QCOMPARE(snapshot.images().size(), 6);
    const QStringList expected = readLines(QFINDTESTDATA(u"data/imagelisting/"_s + file));
    QVERIFY(!expected.isEmpty());

    QStringList actual;
    for (const ImageListRow &row : ImageListing::rows(snapshot, { all, digests })) {
        QStringList cells = { row.imageId, row.repository, row.tag };
        if (digests)
            cells.append(row.digest);
        actual.append(cells.join(QLatin1Char('\t')));
    }

    // The CLI orders the repository groups within one image at random, so compare the image
    // order and the rows as a multiset.
    QCOMPARE(imageOrder(actual), imageOrder(expected));
    QStringList sortedActual = actual;
    QStringList sortedExpected = expected;
    sortedActual.sort();
    sortedExpected.sort();
    QCOMPARE(sortedActual, sortedExpected);
}

QTEST_GUILESS_MAIN(TestImageListing)
#include "tst_imagelisting.moc"
