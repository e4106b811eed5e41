#include "imagefilter.h"

#include <QTest>

using namespace Strata;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Strata::ImageFilter::MatchResult)

namespace {

QString id(char c)
{
    return u"sha256:"_s + QString(64, QLatin1Char(c));
}

ImageRecord image(char c, qint64 created, QStringList tags, QStringList digests = {},
                  char parent = 0, QMap<QString, QString> labels = {})
{
    ImageRecord record;
    record.id = id(c);
    record.parentId = parent ? id(parent) : QString();
    record.repoTags = std::move(tags);
    record.repoDigests = std::move(digests);
    record.created = created;
    record.size = 1000;
    record.labels = std::move(labels);
    return record;
}

const QString DigestA = u"sha256:"_s + QString(64, u'd');

// a <- b <- c:  a is base:1, b an untagged intermediate, c app:1 app:2 (labels tier=backend);
// d: dangling head off a; e: web:1 and pulled@digest-only-of-another-repo (team=b);
// f: digest only (dangling to the filter); g: alpha:1 beta:1 (no labels), the newest.
Snapshot sample()
{
    const QMap<QString, QString> backend{{u"tier"_s, u"backend"_s}, {u"team"_s, u"a"_s}};
    return Snapshot({image('a', 100, {u"base:1"_s}),
                     image('b', 110, {}, {}, 'a', backend),
                     image('c', 120, {u"app:1"_s, u"app:2"_s}, {}, 'b', backend),
                     image('d', 130, {}, {}, 'a'),
                     image('e', 140, {u"web:1"_s}, {u"pulled@"_s + DigestA}, 0,
                           {{u"team"_s, u"b"_s}, {u"odd"_s, u"k=v"_s}}),
                     image('f', 150, {}, {u"bydigest@"_s + DigestA}),
                     image('g', 160, {u"alpha:1"_s, u"beta:1"_s})},
                    {}, QDateTime::fromSecsSinceEpoch(1000));
}

// "c:app:1" per listed row: the image's ID letter and repository:tag.
QStringList describe(const QList<ImageListRow> &rows)
{
    QStringList lines;
    for (const ImageListRow &row : rows)
        lines.append(row.imageId.at(7) + u":"_s + row.repository + u":"_s + row.tag);
    return lines;
}

} // namespace

class TestImageFilter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pathMatch_data();
    void pathMatch();
    void familiarMatch_data();
    void familiarMatch();
    void addArgument_data();
    void addArgument();
    void labels_data();
    void labels();
    void timestamp_data();
    void timestamp();
    void apply_data();
    void apply();
    void errors_data();
    void errors();
    void severalBeforeValues();
};

void TestImageFilter::pathMatch_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("name");
    QTest::addColumn<ImageFilter::MatchResult>("expected");
    using M = ImageFilter::MatchResult;
    // Go's own path.Match table (src/path/match_test.go) and a few of ours.
    const struct
    {
        const char *pattern;
        const char *name;
        M result;
    } rows[] = {
        {"abc", "abc", M::Match},
        {"*", "abc", M::Match},
        {"*c", "abc", M::Match},
        {"a*", "a", M::Match},
        {"a*", "abc", M::Match},
        {"a*", "ab/c", M::NoMatch},
        {"a*/b", "abc/b", M::Match},
        {"a*/b", "a/c/b", M::NoMatch},
        {"a*b*c*d*e*/f", "axbxcxdxe/f", M::Match},
        {"a*b*c*d*e*/f", "axbxcxdxexxx/f", M::Match},
        {"a*b*c*d*e*/f", "axbxcxdxe/xxx/f", M::NoMatch},
        {"a*b*c*d*e*/f", "axbxcxdxexxx/fff", M::NoMatch},
        {"a*b?c*x", "abxbbxdbxebxczzx", M::Match},
        {"a*b?c*x", "abxbbxdbxebxczzy", M::NoMatch},
        {"ab[c]", "abc", M::Match},
        {"ab[b-d]", "abc", M::Match},
        {"ab[e-g]", "abc", M::NoMatch},
        {"ab[^c]", "abc", M::NoMatch},
        {"ab[^b-d]", "abc", M::NoMatch},
        {"ab[^e-g]", "abc", M::Match},
        {"a\\*b", "a*b", M::Match},
        {"a\\*b", "ab", M::NoMatch},
        {"a?b", "a\xe2\x98\xba" "b", M::Match},
        {"a[^a]b", "a\xe2\x98\xba" "b", M::Match},
        {"a???b", "a\xe2\x98\xba" "b", M::NoMatch},
        {"a[^a][^a][^a]b", "a\xe2\x98\xba" "b", M::NoMatch},
        {"[a-\xce\xb6]*", "\xce\xb1", M::Match},
        {"*[a-\xce\xb6]", "A", M::NoMatch},
        {"a?b", "a/b", M::NoMatch},
        {"a*b", "a/b", M::NoMatch},
        {"[\\]a]", "]", M::Match},
        {"[\\-]", "-", M::Match},
        {"[x\\-]", "x", M::Match},
        {"[x\\-]", "-", M::Match},
        {"[x\\-]", "z", M::NoMatch},
        {"[\\-x]", "x", M::Match},
        {"[\\-x]", "-", M::Match},
        {"[\\-x]", "a", M::NoMatch},
        {"[]a]", "]", M::BadPattern},
        {"[-]", "-", M::BadPattern},
        {"[x-]", "x", M::BadPattern},
        {"[x-]", "-", M::BadPattern},
        {"[x-]", "z", M::BadPattern},
        {"[-x]", "x", M::BadPattern},
        {"[-x]", "-", M::BadPattern},
        {"[-x]", "a", M::BadPattern},
        {"\\", "a", M::BadPattern},
        {"[a-b-c]", "a", M::BadPattern},
        {"[", "a", M::BadPattern},
        {"[^", "a", M::BadPattern},
        {"[^bc", "a", M::BadPattern},
        {"a[", "a", M::BadPattern},
        {"a[", "ab", M::BadPattern},
        {"a[", "x", M::BadPattern},
        {"a/b[", "x", M::BadPattern},
        {"*x", "xxx", M::Match},
        // Ours: the trailing star returns before the rest is looked at; image names.
        {"app:*", "app:1", M::Match},
        {"*/*", "tools/cli", M::Match},
        {"*/*", "app", M::NoMatch},
        {"*", "tools/cli", M::NoMatch},
        {"localhost:5000/*", "localhost:5000/cache", M::Match},
        {"[", "app:1", M::BadPattern},
        {"zzz[", "app", M::BadPattern},
        {"", "", M::Match},
        {"", "a", M::NoMatch},
    };
    for (const auto &row : rows) {
        QTest::addRow("%s ~ %s", row.pattern, row.name)
            << QString::fromUtf8(row.pattern) << QString::fromUtf8(row.name) << row.result;
    }
}

void TestImageFilter::pathMatch()
{
    QFETCH(QString, pattern);
    QFETCH(QString, name);
    QFETCH(ImageFilter::MatchResult, expected);
    QCOMPARE(ImageFilter::pathMatch(pattern, name), expected);
}

void TestImageFilter::familiarMatch_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("familiar");
    QTest::addColumn<ImageFilter::MatchResult>("expected");
    using M = ImageFilter::MatchResult;
    QTest::newRow("name matches a tag") << u"app"_s << u"app:1"_s << M::Match;
    QTest::newRow("name matches a digest") << u"pulled"_s << u"pulled@"_s + DigestA << M::Match;
    QTest::newRow("tag glob keeps tags") << u"app:*"_s << u"app:1"_s << M::Match;
    QTest::newRow("tag glob drops digests") << u"app:*"_s << u"app@"_s + DigestA << M::NoMatch;
    QTest::newRow("full string") << u"web:1"_s << u"web:1"_s << M::Match;
    QTest::newRow("other tag") << u"web:2"_s << u"web:1"_s << M::NoMatch;
    QTest::newRow("canonical form never (M20)")
        << u"docker.io/library/app"_s << u"app:1"_s << M::NoMatch;
    QTest::newRow("domain") << u"localhost:5000/*"_s << u"localhost:5000/c:1"_s << M::Match;
    QTest::newRow("bad pattern") << u"a["_s << u"app:1"_s << M::BadPattern;
}

void TestImageFilter::familiarMatch()
{
    QFETCH(QString, pattern);
    QFETCH(QString, familiar);
    QFETCH(ImageFilter::MatchResult, expected);
    QCOMPARE(ImageFilter::matchesReference(pattern, familiar), expected);
}

void TestImageFilter::addArgument_data()
{
    QTest::addColumn<QString>("argument");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QStringList>("values");
    QTest::addColumn<bool>("refused");
    QTest::newRow("plain") << u"dangling=true"_s << u"dangling"_s << QStringList{u"true"_s}
                           << false;
    QTest::newRow("key lowered and trimmed")
        << u" Dangling = true "_s << u"dangling"_s << QStringList{u"true"_s} << false;
    QTest::newRow("first = splits") << u"label=a=b=c"_s << u"label"_s << QStringList{u"a=b=c"_s}
                                    << false;
    QTest::newRow("empty value") << u"label="_s << u"label"_s << QStringList{u""_s} << false;
    QTest::newRow("value case kept")
        << u"REFERENCE=App"_s << u"reference"_s << QStringList{u"App"_s} << false;
    QTest::newRow("no =") << u"foo"_s << u"foo"_s << QStringList{} << true;
    QTest::newRow("empty argument ignored") << u""_s << u""_s << QStringList{} << false;
}

void TestImageFilter::addArgument()
{
    QFETCH(QString, argument);
    QFETCH(QString, key);
    QFETCH(QStringList, values);
    QFETCH(bool, refused);
    ImageFilter filter;
    const ImageFilter::Error error = filter.addArgument(argument);
    QCOMPARE(error.isError(), refused);
    QCOMPARE(filter.values(key), values);
    if (refused) {
        QCOMPARE(error.cliText(argument),
                 u"invalid argument \"foo\" for \"-f, --filter\" flag: bad format of filter "
                 "(expected name=value)\nSee 'docker image ls --help'.\n"_s);
        QVERIFY(filter.isEmpty());
    }
}

void TestImageFilter::labels_data()
{
    QTest::addColumn<QStringList>("filters");
    QTest::addColumn<bool>("matches");
    QTest::newRow("no filter") << QStringList{} << true;
    QTest::newRow("key exists") << QStringList{u"tier"_s} << true;
    QTest::newRow("key missing") << QStringList{u"nope"_s} << false;
    QTest::newRow("value equal") << QStringList{u"tier=backend"_s} << true;
    QTest::newRow("value differs") << QStringList{u"tier=front"_s} << false;
    QTest::newRow("value with =") << QStringList{u"odd=k=v"_s} << true;
    QTest::newRow("empty value") << QStringList{u"empty="_s} << true;
    QTest::newRow("ANDed") << QStringList{u"tier=backend"_s, u"odd"_s} << true;
    QTest::newRow("ANDed, one fails") << QStringList{u"tier=backend"_s, u"x"_s} << false;
}

void TestImageFilter::labels()
{
    QFETCH(QStringList, filters);
    QFETCH(bool, matches);
    const QMap<QString, QString> labels{
        {u"tier"_s, u"backend"_s}, {u"odd"_s, u"k=v"_s}, {u"empty"_s, u""_s}};
    QCOMPARE(ImageFilter::matchesLabels(filters, labels), matches);
    QCOMPARE(ImageFilter::matchesLabels(filters, {}), filters.isEmpty());
}

void TestImageFilter::timestamp_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<qint64>("seconds"); // -1: refused
    const qint64 now = 1700000000;
    QTest::newRow("hours") << u"24h"_s << now - 86400;
    QTest::newRow("compound") << u"1h30m"_s << now - 5400;
    QTest::newRow("fraction rounds down") << u"1.5s"_s << now - 2;
    QTest::newRow("unix seconds") << u"1600000000"_s << qint64(1600000000);
    QTest::newRow("zero is a timestamp") << u"0"_s << qint64(0);
    QTest::newRow("RFC 3339") << u"2023-06-01T00:00:10Z"_s << qint64(1685577610);
    QTest::newRow("garbage") << u"garbage"_s << qint64(-1);
    QTest::newRow("unknown unit") << u"3d"_s << qint64(-1);
}

void TestImageFilter::timestamp()
{
    QFETCH(QString, value);
    QFETCH(qint64, seconds);
    qint64 nanos = 0;
    QString error;
    const bool ok = ImageFilter::parseTimestamp(value, 1700000000, &nanos, &error);
    QCOMPARE(ok, seconds >= 0);
    if (ok)
        QCOMPARE(nanos, seconds * 1000000000);
    else if (value == u"garbage"_s)
        QCOMPARE(error, u"failed to parse value as time or duration: \"garbage\""_s);
}

void TestImageFilter::apply_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("all");
    QTest::addColumn<QStringList>("rows");
    const QStringList none;
    QTest::newRow("no filter") << none << false
                               << QStringList{u"g:alpha:1"_s, u"g:beta:1"_s,
                                              u"f:bydigest:<none>"_s, u"e:web:1"_s,
                                              u"e:pulled:<none>"_s, u"d:<none>:<none>"_s,
                                              u"c:app:1"_s, u"c:app:2"_s, u"a:base:1"_s};
    QTest::newRow("-a shows b") << none << true
                                << QStringList{u"g:alpha:1"_s, u"g:beta:1"_s,
                                               u"f:bydigest:<none>"_s, u"e:web:1"_s,
                                               u"e:pulled:<none>"_s, u"d:<none>:<none>"_s,
                                               u"c:app:1"_s, u"c:app:2"_s,
                                               u"b:<none>:<none>"_s, u"a:base:1"_s};
    QTest::newRow("reference trims") << QStringList{u"reference=alpha"_s} << false
                                     << QStringList{u"g:alpha:1"_s};
    QTest::newRow("references ORed")
        << QStringList{u"reference=alpha"_s, u"reference=app:2"_s} << false
        << QStringList{u"g:alpha:1"_s, u"c:app:2"_s};
    QTest::newRow("digest-only by name") << QStringList{u"reference=pulled"_s} << false
                                         << QStringList{u"e:pulled:<none>"_s};
    QTest::newRow("dangling=true: heads, digest-only too")
        << QStringList{u"dangling=true"_s} << true
        << QStringList{u"f:bydigest:<none>"_s, u"d:<none>:<none>"_s};
    QTest::newRow("dangling=false drops untagged")
        << QStringList{u"dangling=false"_s} << true
        << QStringList{u"g:alpha:1"_s, u"g:beta:1"_s, u"f:bydigest:<none>"_s, u"e:web:1"_s,
                       u"e:pulled:<none>"_s, u"c:app:1"_s, u"c:app:2"_s, u"a:base:1"_s};
    QTest::newRow("true wins over false")
        << QStringList{u"dangling=false"_s, u"dangling=true"_s} << false
        << QStringList{u"f:bydigest:<none>"_s, u"d:<none>:<none>"_s};
    QTest::newRow("before") << QStringList{u"before=app:1"_s} << true
                            << QStringList{u"b:<none>:<none>"_s, u"a:base:1"_s};
    QTest::newRow("since by ID prefix") << QStringList{u"since=ddd"_s} << false
                                        << QStringList{u"g:alpha:1"_s, u"g:beta:1"_s,
                                                       u"f:bydigest:<none>"_s, u"e:web:1"_s,
                                                       u"e:pulled:<none>"_s};
    QTest::newRow("label key=value, intermediates only with -a")
        << QStringList{u"label=tier=backend"_s} << false << QStringList{u"c:app:1"_s,
                                                                          u"c:app:2"_s};
    QTest::newRow("label with -a") << QStringList{u"label=tier=backend"_s} << true
                                   << QStringList{u"c:app:1"_s, u"c:app:2"_s,
                                                  u"b:<none>:<none>"_s};
    QTest::newRow("labels ANDed") << QStringList{u"label=team"_s, u"label=odd=k=v"_s} << false
                                  << QStringList{u"e:web:1"_s, u"e:pulled:<none>"_s};
    QTest::newRow("keys ANDed")
        << QStringList{u"reference=*"_s, u"since=base:1"_s, u"before=web:1"_s} << true
        << QStringList{u"c:app:1"_s, u"c:app:2"_s};
    QTest::newRow("nothing") << QStringList{u"reference=nothing"_s} << true << QStringList{};
}

void TestImageFilter::apply()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, all);
    QFETCH(QStringList, rows);
    ImageFilter filter;
    for (const QString &argument : arguments)
        QVERIFY(!filter.addArgument(argument).isError());
    ImageFilter::Options options;
    options.all = all;
    ImageFilter::Error error;
    const QList<ImageListRow> listed = filter.rows(sample(), options, false, &error);
    QVERIFY2(!error.isError(), qPrintable(error.message));
    QCOMPARE(describe(listed), rows);
    for (const ImageListRow &row : listed) // indexes name the images of the snapshot given
        QCOMPARE(sample().images().at(row.imageIndex).id, row.imageId);
}

void TestImageFilter::errors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("apiVersion");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");
    const QString v41 = u"1.41"_s;
    QTest::newRow("unknown key") << QStringList{u"foo=1"_s} << v41 << 400
                                 << u"Invalid filter 'foo'"_s;
    QTest::newRow("first unknown key in byte order")
        << QStringList{u"foo=1"_s, u"bar=2"_s} << v41 << 400 << u"Invalid filter 'bar'"_s;
    QTest::newRow("until on 1.41") << QStringList{u"until=1h"_s} << v41 << 400
                                   << u"Invalid filter 'until'"_s;
    QTest::newRow("newer engines word it in lower case")
        << QStringList{u"foo=1"_s} << u"1.47"_s << 400 << u"invalid filter 'foo'"_s;
    QTest::newRow("dangling=maybe") << QStringList{u"dangling=maybe"_s} << v41 << 400
                                    << u"Invalid filter 'dangling=[maybe]'"_s;
    QTest::newRow("dangling=TRUE is no true")
        << QStringList{u"dangling=TRUE"_s, u"dangling=x"_s} << v41 << 400
        << u"Invalid filter 'dangling=[TRUE x]'"_s;
    QTest::newRow("before unknown") << QStringList{u"before=nosuch"_s} << v41 << 404
                                    << u"No such image: nosuch:latest"_s;
    QTest::newRow("since invalid") << QStringList{u"since=Foo"_s} << v41 << 400
                                   << u"invalid reference format: repository name must be "
                                      "lowercase"_s;
    QTest::newRow("bad pattern") << QStringList{u"reference=["_s} << v41 << 500
                                 << u"syntax error in pattern"_s;
    QTest::newRow("keys before values")
        << QStringList{u"foo=1"_s, u"before=nosuch"_s} << v41 << 400
        << u"Invalid filter 'foo'"_s;
}

void TestImageFilter::errors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, apiVersion);
    QFETCH(int, status);
    QFETCH(QString, message);
    ImageFilter filter;
    for (const QString &argument : arguments)
        QVERIFY(!filter.addArgument(argument).isError());
    ImageFilter::Options options;
    options.apiVersion = apiVersion;
    const ImageFilter::Result result = filter.apply(sample(), options);
    QCOMPARE(result.error.source, ImageFilter::Error::Source::Engine);
    QCOMPARE(result.error.httpStatus, status);
    QCOMPARE(result.error.message, message);
    QCOMPARE(result.error.cliText(), u"Error response from daemon: "_s + message + u"\n"_s);
    QVERIFY(result.images.isEmpty());
}

void TestImageFilter::severalBeforeValues()
{
    // M20 keeps the value it walks last, most often the one last in byte order (web:1); the
    // answer is marked ambiguous. Newer engines take the oldest.
    ImageFilter filter;
    filter.add(u"before"_s, u"web:1"_s);
    filter.add(u"before"_s, u"app:1"_s);
    ImageFilter::Options options;
    ImageFilter::Result result = filter.apply(sample(), options);
    QVERIFY(result.ambiguous);
    QCOMPARE(result.images.size(), 3); // d, c, a
    options.apiVersion = u"1.47"_s;
    result = filter.apply(sample(), options);
    QCOMPARE(result.images.size(), 1); // a
    QVERIFY(!result.ambiguous);
    // The same image twice is no ambiguity.
    ImageFilter same;
    same.add(u"before"_s, u"app:1"_s);
    same.add(u"before"_s, u"app:2"_s);
    QVERIFY(!same.apply(sample(), {}).ambiguous);
}

QTEST_GUILESS_MAIN(TestImageFilter)
#include "tst_imagefilter.moc"
