#include "reference.h"

#include <QTest>

using namespace Strata;
using namespace Qt::StringLiterals;

// Valid rows: the familiar form is what dockerd 20.10.24 listed in RepoTags after
// `docker tag <image> <input>`; digest inputs were sent to GET /images/<input>/json, where a
// well-formed reference gives 404 (no such image) and a malformed one 400. Invalid rows are
// inputs the same engine or CLI refused as malformed.
class TestReference final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void invalid_data();
    void invalid();
    void errorMessage_data();
    void errorMessage();
    void digestError_data();
    void digestError();
    void fromEngineString_data();
    void fromEngineString();
    void storeKey_data();
    void storeKey();
};

namespace {

const QString Hex64
    = QStringLiteral("66587690d792617a7e2facb2b0251de0d5337feb868517f1cbe081e83127eedf");
const QString Digest = QStringLiteral("sha256:") + Hex64;

} // namespace

void TestReference::parse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("digest");
    QTest::addColumn<QString>("familiar"); // familiarStringWithDefaultTag()
    QTest::addColumn<QString>("normalized"); // normalizedStringWithDefaultTag()

    const QString hub = QStringLiteral("docker.io");
    auto row = [&](const char *input, const QString &domain, const char *path, const char *tag,
                   const QString &digest, const QString &familiar, const QString &normalized) {
        QTest::newRow(input) << QString::fromLatin1(input) << domain << QString::fromLatin1(path)
                             << QString::fromLatin1(tag) << digest << familiar << normalized;
    };
    row("ubuntu", hub, "library/ubuntu", "", {}, u"ubuntu:latest"_s,
        u"docker.io/library/ubuntu:latest"_s);
    row("alpine/git", hub, "alpine/git", "", {}, u"alpine/git:latest"_s,
        u"docker.io/alpine/git:latest"_s);
    row("localhost:5000/x:1", u"localhost:5000"_s, "x", "1", {}, u"localhost:5000/x:1"_s,
        u"localhost:5000/x:1"_s);
    row("localhost/x", u"localhost"_s, "x", "", {}, u"localhost/x:latest"_s,
        u"localhost/x:latest"_s);
    row("docker.io/library/a/b:1", hub, "library/a/b", "1", {}, u"library/a/b:1"_s,
        u"docker.io/library/a/b:1"_s);
    row("index.docker.io/foo", hub, "library/foo", "", {}, u"foo:latest"_s,
        u"docker.io/library/foo:latest"_s);
    row("docker.io/ubuntu", hub, "library/ubuntu", "", {}, u"ubuntu:latest"_s,
        u"docker.io/library/ubuntu:latest"_s);
    row("library/ubuntu", hub, "library/ubuntu", "", {}, u"ubuntu:latest"_s,
        u"docker.io/library/ubuntu:latest"_s);
    row("example.com/foo/bar:v1.0-rc_2", u"example.com"_s, "foo/bar", "v1.0-rc_2", {},
        u"example.com/foo/bar:v1.0-rc_2"_s, u"example.com/foo/bar:v1.0-rc_2"_s);
    // Only the repository part must be lowercase; the domain and the tag may not be.
    row("Example.com/foo", u"Example.com"_s, "foo", "", {}, u"Example.com/foo:latest"_s,
        u"Example.com/foo:latest"_s);
    row("foo:Tag", hub, "library/foo", "Tag", {}, u"foo:Tag"_s, u"docker.io/library/foo:Tag"_s);
    row("a__b", hub, "library/a__b", "", {}, u"a__b:latest"_s, u"docker.io/library/a__b:latest"_s);
    row("a-----b:x", hub, "library/a-----b", "x", {}, u"a-----b:x"_s,
        u"docker.io/library/a-----b:x"_s);
    row("a.b_c", hub, "library/a.b_c", "", {}, u"a.b_c:latest"_s,
        u"docker.io/library/a.b_c:latest"_s);
    // A digest reference gets no default tag.
    QTest::newRow("ubuntu@digest")
        << u"ubuntu@"_s + Digest << hub << u"library/ubuntu"_s << QString() << Digest
        << u"ubuntu@"_s + Digest << u"docker.io/library/ubuntu@"_s + Digest;
    QTest::newRow("ubuntu:22.04@digest")
        << u"ubuntu:22.04@"_s + Digest << hub << u"library/ubuntu"_s << u"22.04"_s << Digest
        << u"ubuntu:22.04@"_s + Digest << u"docker.io/library/ubuntu:22.04@"_s + Digest;
    QTest::newRow("localhost:5000/x:1@digest")
        << u"localhost:5000/x:1@"_s + Digest << u"localhost:5000"_s << u"x"_s << u"1"_s << Digest
        << u"localhost:5000/x:1@"_s + Digest << u"localhost:5000/x:1@"_s + Digest;
    const QString sha512 = u"sha512:"_s + Hex64 + Hex64;
    QTest::newRow("sha512") << u"ubuntu@"_s + sha512 << hub << u"library/ubuntu"_s << QString()
                            << sha512 << u"ubuntu@"_s + sha512
                            << u"docker.io/library/ubuntu@"_s + sha512;
    // REF-old counts the whole normalised name: "docker.io/library/" + 237 = 255 characters.
    const QString longest(237, QLatin1Char('a'));
    QTest::newRow("255-character name")
        << longest << hub << u"library/"_s + longest << QString() << QString()
        << longest + u":latest"_s << u"docker.io/library/"_s + longest + u":latest"_s;
    const QString longestTag = u"t"_s.repeated(128);
    QTest::newRow("128-character tag")
        << u"x:"_s + longestTag << hub << u"library/x"_s << longestTag << QString()
        << u"x:"_s + longestTag << u"docker.io/library/x:"_s + longestTag;
}

void TestReference::parse()
{
    QFETCH(QString, input);
    QFETCH(QString, domain);
    QFETCH(QString, path);
    QFETCH(QString, tag);
    QFETCH(QString, digest);
    QFETCH(QString, familiar);
    QFETCH(QString, normalized);

    const Reference ref = Reference::parse(input);
    QVERIFY(ref.isValid());
    QCOMPARE(ref.domain(), domain);
    QCOMPARE(ref.path(), path);
    QCOMPARE(ref.tag(), tag);
    QCOMPARE(ref.digest(), digest);
    QCOMPARE(ref.normalizedName(), domain + QLatin1Char('/') + path);
    QCOMPARE(ref.familiarStringWithDefaultTag(), familiar);
    QCOMPARE(ref.normalizedStringWithDefaultTag(), normalized);
    // The familiar form is a fixed point: parsing it again gives the same reference.
    QCOMPARE(Reference::parse(familiar).normalizedStringWithDefaultTag(), normalized);
}

void TestReference::invalid_data()
{
    QTest::addColumn<QString>("input");

    const QStringList inputs = {
        QString(),
        u"Ubuntu"_s,
        u"localhost:5000/Foo"_s,
        u"ubuntu:"_s,
        u":tag"_s,
        u"a___b"_s,
        u"ubuntu:-t"_s,
        u"a//b"_s,
        u"a_"_s,
        u"-a"_s,
        u"a:b:c"_s,
        QString(238, QLatin1Char('a')),
        u"x:"_s + u"t"_s.repeated(129),
        Hex64, // would read as an image ID
        u"ubuntu@sha256:abc"_s,
        u"ubuntu@sha256:"_s + Hex64.toUpper(),
        u"ubuntu@sha256:"_s + Hex64 + u"00"_s,
        u"ubuntu@md5:0123456789abcdef0123456789abcdef"_s,
    };
    for (const QString &input : inputs)
        QTest::newRow(qPrintable(input.left(40))) << input;
}

void TestReference::invalid()
{
    QFETCH(QString, input);
    const Reference ref = Reference::parse(input);
    QVERIFY(!ref.isValid());
    QCOMPARE(ref.familiarStringWithDefaultTag(), QString());
}

// The engine's 400 texts (SEMANTICS.md §1.5, each verified against dockerd 20.10.24 through
// DELETE /images/<input>), plus REF-old's texts for the cases the table does not list.
void TestReference::errorMessage_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("message");

    const QString lowercase = u"invalid reference format: repository name must be lowercase"_s;
    const QString format = u"invalid reference format"_s;
    QTest::newRow("Ubuntu") << u"Ubuntu"_s << lowercase;
    QTest::newRow("a/B/c") << u"a/B/c"_s << lowercase;
    QTest::newRow("64 uppercase hex") << Hex64.toUpper() << lowercase;
    QTest::newRow("3E13") << u"3E13"_s << lowercase;
    QTest::newRow("localhost:5000/Foo") << u"localhost:5000/Foo"_s << lowercase;
    // The check looks at the remainder only, so an uppercase tag is no reason for it.
    QTest::newRow("ubuntu:") << u"ubuntu:"_s << format;
    QTest::newRow("ubuntu:-x") << u"ubuntu:-x"_s << format;
    QTest::newRow(":tag") << u":tag"_s << format;
    QTest::newRow("foo::bar") << u"foo::bar"_s << format;
    QTest::newRow("short digest") << u"busybox@sha256:abc"_s << format;
    QTest::newRow("a___b") << u"a___b"_s << format;
    QTest::newRow("a//b") << u"a//b"_s << format;
    QTest::newRow("space") << u" busybox"_s << format;
    QTest::newRow("non-ASCII") << u"caf\u00e9"_s << format;
    QTest::newRow("empty") << QString() << format;
    QTest::newRow("63 hex digest") << u"busybox@sha256:"_s + Hex64.left(63)
                                   << u"invalid checksum digest length"_s;
    QTest::newRow("65 hex digest") << u"busybox@sha256:"_s + Hex64 + u"0"_s
                                   << u"invalid checksum digest length"_s;
    QTest::newRow("uppercase digest") << u"busybox@sha256:"_s + Hex64.toUpper()
                                      << u"invalid checksum digest format"_s;
    QTest::newRow("md5") << u"busybox@md5:0123456789abcdef0123456789abcdef"_s
                         << u"unsupported digest algorithm"_s;
    // The lowercase check reads up to the first ':', which here includes "@MD5".
    QTest::newRow("MD5") << u"busybox@MD5:0123456789abcdef0123456789abcdef"_s << lowercase;
    QTest::newRow("256 characters") << QString(238, QLatin1Char('a'))
                                    << u"repository name must not be more than 255 characters"_s;
    QTest::newRow("long and bad digest")
        << QString(238, QLatin1Char('a')) + u"@sha256:"_s + Hex64.left(40)
        << u"repository name must not be more than 255 characters"_s;
    QTest::newRow("64 hex") << Hex64
                            << u"invalid repository name ("_s + Hex64
            + u"), cannot specify 64-byte hexadecimal strings"_s;
}

void TestReference::errorMessage()
{
    QFETCH(QString, input);
    QFETCH(QString, message);
    QString error;
    const Reference ref = Reference::parse(input, &error);
    QVERIFY(!ref.isValid());
    QCOMPARE(error, message);
}

// go-digest v1.0.0 Validate.
void TestReference::digestError_data()
{
    QTest::addColumn<QString>("digest");
    QTest::addColumn<QString>("message");

    QTest::newRow("valid") << Digest << QString();
    QTest::newRow("sha384") << u"sha384:"_s + Hex64 + Hex64.left(32) << QString();
    QTest::newRow("no colon") << Hex64 << u"invalid checksum digest format"_s;
    QTest::newRow("empty hex") << u"sha256:"_s << u"invalid checksum digest format"_s;
    QTest::newRow("leading colon") << u":abc"_s << u"invalid checksum digest format"_s;
    QTest::newRow("short") << u"sha256:abc"_s << u"invalid checksum digest length"_s;
    QTest::newRow("uppercase") << u"sha256:"_s + Hex64.toUpper()
                               << u"invalid checksum digest format"_s;
    QTest::newRow("unknown") << u"abc:latest"_s << u"unsupported digest algorithm"_s;
    QTest::newRow("unknown, bad") << u"Abc:latest"_s << u"invalid checksum digest format"_s;
    QTest::newRow("name") << u"localhost:5000/x"_s << u"invalid checksum digest format"_s;
}

void TestReference::digestError()
{
    QFETCH(QString, digest);
    QFETCH(QString, message);
    QCOMPARE(Reference::digestError(digest), message);
}

// The engine's own strings, as RepoTags and RepoDigests carry them.
void TestReference::fromEngineString_data()
{
    QTest::addColumn<QString>("familiar");
    QTest::addColumn<QString>("normalized");
    QTest::addColumn<QString>("name");

    QTest::newRow("tag") << u"busybox:latest"_s << u"docker.io/library/busybox:latest"_s
                         << u"docker.io/library/busybox"_s;
    QTest::newRow("port") << u"127.0.0.1:5000/x:1"_s << u"127.0.0.1:5000/x:1"_s
                          << u"127.0.0.1:5000/x"_s;
    QTest::newRow("digest") << u"alpine/git@"_s + Digest << u"docker.io/alpine/git@"_s + Digest
                            << u"docker.io/alpine/git"_s;
    QTest::newRow("library/a/b") << u"library/a/b:1"_s << u"docker.io/library/a/b:1"_s
                                 << u"docker.io/library/a/b"_s;
}

void TestReference::fromEngineString()
{
    QFETCH(QString, familiar);
    QFETCH(QString, normalized);
    QFETCH(QString, name);
    const Reference ref = Reference::fromEngineString(familiar);
    QVERIFY(ref.isValid());
    QCOMPARE(ref.normalizedString(), normalized);
    QCOMPARE(ref.normalizedName(), name);
    QCOMPARE(ref.familiarString(), familiar);
    // The same answer as the full parser gives.
    QCOMPARE(Reference::parse(familiar).normalizedString(), normalized);
}

void TestReference::storeKey_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("familiar");

    QTest::newRow("name") << u"busybox"_s << u"docker.io/library/busybox:latest"_s
                          << u"busybox:latest"_s;
    QTest::newRow("tag") << u"busybox:1"_s << u"docker.io/library/busybox:1"_s << u"busybox:1"_s;
    // A digest wins over a tag in the store, but the record keeps what was asked for.
    QTest::newRow("tag and digest")
        << u"127.0.0.1:45123/two:1@"_s + Digest << u"127.0.0.1:45123/two@"_s + Digest
        << u"127.0.0.1:45123/two:1@"_s + Digest;
    // A first element that contains '.' but is no host name is part of the path.
    QTest::newRow("a_b.c/foo") << u"a_b.c/foo"_s << u"a_b.c/foo:latest"_s << u"a_b.c/foo:latest"_s;
    QTest::newRow("sha256:3E13") << u"sha256:3E13"_s << u"docker.io/library/sha256:3E13"_s
                                 << u"sha256:3E13"_s;
}

void TestReference::storeKey()
{
    QFETCH(QString, input);
    QFETCH(QString, key);
    QFETCH(QString, familiar);
    const Reference ref = Reference::parse(input);
    QVERIFY(ref.isValid());
    QCOMPARE(ref.storeKey(), key);
    QCOMPARE(ref.familiarStringWithDefaultTag(), familiar);
}

QTEST_GUILESS_MAIN(TestReference)
#include "tst_reference.moc"
