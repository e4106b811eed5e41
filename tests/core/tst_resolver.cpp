#include "resolver.h"

#include "digest.h"
#include "enginestate.h"

#include <QTest>

using namespace Strata;
using namespace Qt::StringLiterals;

// Rows follow SEMANTICS.md §1.3–§1.5, whose cases were checked against dockerd 20.10.24
// (tag `1492` beating image 1492b52f…, `abeb` falling back to an ID prefix, `0` ambiguous,
// `s` and `3e13` deciding ID mode, the 400 and 404 texts).
class TestResolver final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void resolve_data();
    void resolve();
    void deletedImagesLeaveThePrefixSet();
    void untaggedReferenceFallsBackToPrefix();

private:
    Snapshot m_snapshot;
};

namespace {

// "sha256:" + hexPrefix, completed to 64 hex from a hash of the prefix.
QString makeId(const QString &hexPrefix)
{
    const QString filler = Digest::sha256Of(hexPrefix.toUtf8()).mid(7);
    return u"sha256:"_s + QString(hexPrefix + filler).left(64);
}

ImageRecord image(const QString &hexPrefix, const QStringList &tags,
                  const QStringList &digests = {})
{
    ImageRecord record;
    record.id = makeId(hexPrefix);
    record.repoTags = tags;
    record.repoDigests = digests;
    record.diffIds = { Digest::sha256Of(hexPrefix.toUtf8()) };
    return record;
}

const QString Dgst1 = Digest::sha256Of("manifest one");
const QString Dgst2 = Digest::sha256Of("manifest two");
const QString Absent = Digest::sha256Of("absent");

// The first hex digits of every image differ, except 0a… and 0b…, so that "0" is ambiguous.
Snapshot sample()
{
    return Snapshot(
        {
            image(u"3e13e1"_s, { u"busybox:latest"_s, u"3e13:latest"_s },
                { u"busybox@"_s + Dgst1 }),
            image(u"c9"_s, { u"1492:latest"_s }),
            image(u"1492b52f"_s, {}),
            image(u"abeb00"_s, { u"abeb:v1"_s }),
            image(u"0a"_s, {}),
            image(u"0b"_s, {}),
            image(u"5d"_s, { u"s:latest"_s, u"sha:latest"_s }),
            image(u"e0"_s, { u"127.0.0.1:5000/busybox:latest"_s },
                { u"127.0.0.1:5000/busybox@"_s + Dgst2 }),
            image(u"f7"_s, { u"a_b.c/foo:latest"_s, u"localhost/x:1"_s }),
        },
        {}, QDateTime::fromSecsSinceEpoch(1796406000));
}

} // namespace

void TestResolver::initTestCase()
{
    m_snapshot = sample();
}

void TestResolver::resolve_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("httpStatus");   // 0 when found
    QTest::addColumn<QString>("expected"); // hex prefix of the image found, or the message
    QTest::addColumn<bool>("byId");

    const QString busybox = makeId(u"3e13e1"_s);
    auto found = [](const char *input, const char *prefix, bool byId) {
        QTest::newRow(input) << QString::fromLatin1(input) << 0 << QString::fromLatin1(prefix)
                             << byId;
    };
    auto missing = [](const char *tag, const QString &input, int status, const QString &text) {
        QTest::newRow(tag) << input << status << text << false;
    };
    found("busybox", "3e13e1", false);
    found("busybox:latest", "3e13e1", false);
    found("docker.io/library/busybox", "3e13e1", false);
    found("index.docker.io/library/busybox:latest", "3e13e1", false);
    // A tag that is a hex prefix of its own image's ID means ID mode.
    found("3e13", "3e13e1", true);
    found("3e13:latest", "3e13e1", false);
    // A tag beats an ID prefix.
    found("1492", "c9", false);
    found("1492b", "1492b52f", true);
    // A bare name without :latest falls back to the ID prefix search, of any length.
    found("abeb", "abeb00", true);
    found("abeb:v1", "abeb00", false);
    found("1", "1492b52f", true);
    found("sha256:1", "1492b52f", true);
    found("sha256:abeb0", "abeb00", true);
    // Repository names that are prefixes of "sha256:" mean ID mode.
    found("s", "5d", true);
    found("sha", "5d", true);
    found("s:latest", "5d", false);
    found("127.0.0.1:5000/busybox", "e0", false);
    found("a_b.c/foo", "f7", false);
    found("localhost/x:1", "f7", false);
    QTest::newRow("full ID") << busybox << 0 << u"3e13e1"_s << true;
    QTest::newRow("64 hex") << busybox.mid(7) << 0 << u"3e13e1"_s << true;
    QTest::newRow("digest ref") << u"busybox@"_s + Dgst1 << 0 << u"3e13e1"_s << false;
    // Tag and digest: only the digest is looked up.
    QTest::newRow("tag@digest") << u"busybox:nosuch@"_s + Dgst1 << 0 << u"3e13e1"_s << false;
    QTest::newRow("other repo's digest")
        << u"127.0.0.1:5000/busybox@"_s + Dgst2 << 0 << u"e0"_s << false;

    missing("nosuch", u"nosuch"_s, 404, u"No such image: nosuch:latest"_s);
    missing("abc", u"abc"_s, 404, u"No such image: abc:latest"_s);
    missing("ambiguous 0", u"0"_s, 404, u"No such image: 0:latest"_s);
    missing("sha256:0", u"sha256:0"_s, 404, u"No such image: sha256:0"_s);
    missing("sha256:3E13", u"sha256:3E13"_s, 404, u"No such image: sha256:3E13"_s);
    missing("Example.com/foo", u"Example.com/foo"_s, 404,
        u"No such image: Example.com/foo:latest"_s);
    missing("absent 64 hex", Absent.mid(7), 404, u"No such image: "_s + Absent);
    missing("absent full ID", Absent, 404, u"No such image: "_s + Absent);
    missing("absent sha512", u"sha512:"_s + Absent.mid(7) + Absent.mid(7), 404,
        u"No such image: sha512:"_s + Absent.mid(7) + Absent.mid(7));
    missing("absent digest ref", u"busybox@"_s + Absent, 404,
        u"No such image: busybox@"_s + Absent);
    missing("digest of another repo", u"nosuch@"_s + Dgst1, 404,
        u"No such image: nosuch@"_s + Dgst1);
    missing("tag@absent digest", u"busybox:latest@"_s + Absent, 404,
        u"No such image: busybox:latest@"_s + Absent);
    missing("unsupported algorithm prefix", u"sha512:3e13"_s, 404,
        u"No such image: sha512:3e13"_s);
    missing("uppercase", u"Ubuntu"_s, 400,
        u"invalid reference format: repository name must be lowercase"_s);
    missing("64 uppercase hex", busybox.mid(7).toUpper(), 400,
        u"invalid reference format: repository name must be lowercase"_s);
    missing("uppercase prefix", u"3E13"_s, 400,
        u"invalid reference format: repository name must be lowercase"_s);
    missing("empty tag", u"ubuntu:"_s, 400, u"invalid reference format"_s);
    missing("short digest", u"busybox@sha256:abc"_s, 400, u"invalid reference format"_s);
    missing("63 hex digest", u"busybox@"_s + Absent.left(70), 400,
        u"invalid checksum digest length"_s);
    // Checked against a private dockerd 20.10.24 (DELETE /v1.41/images/<input>) for this test.
    missing("MD5 algorithm", u"busybox@MD5:0123456789abcdef0123456789abcdef"_s, 400,
        u"invalid reference format: repository name must be lowercase"_s);
    missing("md5 algorithm", u"busybox@md5:0123456789abcdef0123456789abcdef"_s, 400,
        u"unsupported digest algorithm"_s);
    missing("sha512:abc", u"sha512:abc"_s, 404, u"No such image: sha512:abc"_s);
    missing("abc:latest", u"abc:latest"_s, 404, u"No such image: abc:latest"_s);
}

void TestResolver::resolve()
{
    QFETCH(QString, input);
    QFETCH(int, httpStatus);
    QFETCH(QString, expected);
    QFETCH(bool, byId);

    const EngineState state(m_snapshot);
    const Resolution resolution = Resolver(state).resolve(input);
    if (httpStatus == 0) {
        QCOMPARE(resolution.status, Resolution::Status::Found);
        QCOMPARE(resolution.imageId, makeId(expected));
        QCOMPARE(state.imageId(resolution.imageIndex), resolution.imageId);
        QCOMPARE(resolution.byId, byId);
        return;
    }
    QCOMPARE(resolution.status,
        httpStatus == 400 ? Resolution::Status::Invalid : Resolution::Status::NotFound);
    QCOMPARE(resolution.httpStatus, httpStatus);
    QCOMPARE(resolution.errorMessage, expected);
}

// The prefix set follows deletions: "0" is ambiguous until one of 0a…, 0b… is gone.
void TestResolver::deletedImagesLeaveThePrefixSet()
{
    EngineState state(m_snapshot);
    const Resolver resolver(state);
    QCOMPARE(resolver.resolve(u"0"_s).status, Resolution::Status::NotFound);
    int stopLayer = -1;
    state.deleteImage(state.indexOfImage(makeId(u"0a"_s)), &stopLayer);
    QCOMPARE(resolver.resolve(u"0"_s).imageId, makeId(u"0b"_s));
    QCOMPARE(resolver.resolve(u"0a"_s).errorMessage, u"No such image: 0a:latest"_s);
    QCOMPARE(resolver.resolve(makeId(u"0a"_s)).errorMessage,
        u"No such image: "_s + makeId(u"0a"_s));
}

// Once `1492:latest` is gone, "1492" is an ID prefix again.
void TestResolver::untaggedReferenceFallsBackToPrefix()
{
    EngineState state(m_snapshot);
    const Resolver resolver(state);
    QCOMPARE(resolver.resolve(u"1492"_s).imageId, makeId(u"c9"_s));
    QVERIFY(state.removeReference(state.indexOfImage(makeId(u"c9"_s)),
        u"docker.io/library/1492:latest"_s));
    const Resolution resolution = resolver.resolve(u"1492"_s);
    QCOMPARE(resolution.imageId, makeId(u"1492b52f"_s));
    QVERIFY(resolution.byId);
}

QTEST_GUILESS_MAIN(TestResolver)
#include "tst_resolver.moc"
