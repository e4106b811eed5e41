#include "dockercli.h"
#include "engineproxy.h"
#include "humanize.h"
#include "layersizes.h"
#include "snapshotcache.h"
#include "snapshotloader.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

#include <numeric>

using namespace Strata;
using namespace Strata::Testing;
using namespace Qt::StringLiterals;

namespace {

constexpr int LoadTimeoutMs = 120000;

// "GET /v1.41/images/sha256:…/json": the inspect and history requests a load sent.
qsizetype countDetailRequests(const QStringList &requests)
{
    qsizetype count = 0;
    for (const QString &request : requests)
        count += request.startsWith(u"GET /v"_s) && request.contains(u"/images/sha256:"_s);
    return count;
}

Endpoint endpointOf(const QString &address)
{
    Endpoint endpoint;
    if (!Endpoint::parse(address, &endpoint, nullptr))
        qFatal("bad test address %s", qPrintable(address));
    return endpoint;
}

} // namespace

// SnapshotLoader against the read-only `sandbox` engine, compared with what the Docker CLI
// says about every image; the cache and the retry with a recording proxy in front; vanishing
// images on the `loader` engine, which this test may change.
class TestSnapshotLoader final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void layerSizesFromHistory_data();
    void layerSizesFromHistory();
    void diffIdsMatchInspect();
    void layerSizesMatchHistory();
    void historyMatchesCli();
    void storeKind_data();
    void storeKind();
    void cacheAvoidsRequests();
    void parallelismIsBounded();
    void vanishedImageLoadsAgain();
    void imageGoneTwiceFails();

private:
    QStringList cli(const QString &host, const QStringList &arguments);

    QString m_host;
    SnapshotLoader::Result m_loaded;
    QMap<QString, QString> m_inspect; // image ID -> "<ID> <json RootFS.Layers> <Size>"
};

QStringList TestSnapshotLoader::cli(const QString &host, const QStringList &arguments)
{
    const DockerRun run = runDocker(host, arguments);
    if (run.exitCode != 0)
        qWarning("docker %s: %s", qPrintable(arguments.join(u' ')), run.standardError.data());
    return run.outputLines();
}

void TestSnapshotLoader::initTestCase()
{
    m_host = fixtureHost("sandbox");
    if (m_host.isEmpty() || fixtureHost("loader").isEmpty())
        QFAIL("STRATA_TEST_HOST_SANDBOX/_LOADER are not set: run this test through ctest");
    m_loaded = SnapshotLoader::load(endpointOf(m_host));
    QVERIFY2(!m_loaded.error.isError(), qPrintable(m_loaded.error.detail));
    QVERIFY(m_loaded.snapshot.images().size() > 5); // the seeded engine
    QCOMPARE(m_loaded.stats.attempts, 1);
    QCOMPARE(m_loaded.stats.inspected, int(m_loaded.snapshot.images().size()));

    QStringList arguments{u"image"_s, u"inspect"_s, u"--format"_s,
                          u"{{.Id}} {{json .RootFS.Layers}} {{.Size}}"_s};
    for (const ImageRecord &image : m_loaded.snapshot.images())
        arguments.append(image.id);
    for (const QString &line : cli(m_host, arguments))
        m_inspect.insert(line.section(u' ', 0, 0), line);
    QCOMPARE(m_inspect.size(), m_loaded.snapshot.images().size());
}

void TestSnapshotLoader::layerSizesFromHistory_data()
{
    using Sizes = QList<qint64>;
    QTest::addColumn<Sizes>("history"); // newest first, as the API answers
    QTest::addColumn<int>("layers");
    QTest::addColumn<bool>("known");
    QTest::addColumn<Sizes>("sizes");   // base first

    QTest::newRow("metadata steps are zero") << Sizes{0, 5, 0, 7} << 2 << true << Sizes{7, 5};
    QTest::newRow("no history, no layers") << Sizes{} << 0 << true << Sizes{};
    QTest::newRow("metadata only, no layers") << Sizes{0, 0} << 0 << true << Sizes{};
    QTest::newRow("every zero is a layer") << Sizes{0, 5, 0} << 3 << true << Sizes{0, 5, 0};
    QTest::newRow("zeros in one gap") << Sizes{9, 0, 0, 3} << 3 << true << Sizes{3, 0, 9};
    QTest::newRow("zero base in one gap") << Sizes{4, 0, 0} << 2 << true << Sizes{0, 4};
    QTest::newRow("zeros in two gaps") << Sizes{0, 9, 0, 3} << 3 << false << Sizes{};
    QTest::newRow("too many non-empty") << Sizes{1, 2, 3} << 2 << false << Sizes{};
    QTest::newRow("too few entries") << Sizes{1, 0} << 3 << false << Sizes{};
    QTest::newRow("no history for a layer") << Sizes{} << 1 << false << Sizes{};
}

void TestSnapshotLoader::layerSizesFromHistory()
{
    QFETCH(QList<qint64>, history);
    QFETCH(int, layers);
    QFETCH(bool, known);
    QFETCH(QList<qint64>, sizes);

    QString why;
    const std::optional<QList<qint64>> mapped = LayerSizes::fromHistory(history, layers, &why);
    QCOMPARE(mapped.has_value(), known);
    QCOMPARE(mapped.value_or(QList<qint64>{}), sizes);
    QCOMPARE(why.isEmpty(), known);
}

void TestSnapshotLoader::diffIdsMatchInspect()
{
    for (const ImageRecord &image : m_loaded.snapshot.images()) {
        const QString line = m_inspect.value(image.id);
        const QJsonArray layers = QJsonDocument::fromJson(line.section(u' ', 1, 1).toUtf8())
                                      .array();
        QStringList expected;
        for (const auto &layer : layers)
            expected.append(layer.toString());
        QVERIFY(!expected.isEmpty());
        QCOMPARE(image.diffIds, expected);
    }
}

// Where sizes are known, they are history's non-zero sizes in order (as the CLI prints them)
// and add up to the image's size; where not, history has a zero-byte layer to place.
void TestSnapshotLoader::layerSizesMatchHistory()
{
    int known = 0;
    for (const ImageRecord &image : m_loaded.snapshot.images()) {
        QStringList history = cli(m_host, {u"history"_s, u"--no-trunc"_s, u"--format"_s,
                                           u"{{.Size}}"_s, image.id});
        std::reverse(history.begin(), history.end());
        history.removeAll(u"0B"_s);
        const qint64 inspectSize = m_inspect.value(image.id).section(u' ', 2, 2).toLongLong();
        QCOMPARE(image.size, inspectSize);
        if (image.layerSizes.isEmpty()) {
            QVERIFY2(history.size() < image.diffIds.size(), qPrintable(image.id));
            continue;
        }
        ++known;
        QCOMPARE(image.layerSizes.size(), image.diffIds.size());
        QStringList ours;
        for (qint64 size : image.layerSizes) {
            if (size != 0)
                ours.append(Humanize::size(size));
        }
        QCOMPARE(ours, history);
        QCOMPARE(std::accumulate(image.layerSizes.cbegin(), image.layerSizes.cend(), qint64(0)),
                 inspectSize);
    }
    QVERIFY(known >= m_loaded.snapshot.images().size() / 2);
    QCOMPARE(m_loaded.snapshot.images().size() - known, qsizetype(m_loaded.stats.sizesUnknown));
}

// Every history entry, oldest first, as `docker history --no-trunc` prints it (newest first).
// The CLI prints fields through its formatter (time as RFC 3339, tabs in CreatedBy as spaces,
// sizes by go-units), so both sides are brought to that form before comparing.
void TestSnapshotLoader::historyMatchesCli()
{
    qsizetype entries = 0;
    for (const ImageRecord &image : m_loaded.snapshot.images()) {
        QStringList printed = cli(m_host, {u"history"_s, u"--no-trunc"_s, u"--format"_s,
                                           u"[{{json .CreatedAt}},{{json .CreatedBy}},"
                                           "{{json .Size}},{{json .Comment}}]"_s,
                                           image.id});
        std::reverse(printed.begin(), printed.end());
        QStringList expected;
        for (const QString &line : std::as_const(printed)) {
            const QJsonArray fields = QJsonDocument::fromJson(line.toUtf8()).array();
            QCOMPARE(fields.size(), 4);
            const QDateTime created = QDateTime::fromString(fields.at(0).toString(), Qt::ISODate);
            QVERIFY2(created.isValid(), qPrintable(line));
            expected.append(u"%1|%2|%3|%4"_s.arg(created.toSecsSinceEpoch())
                                .arg(fields.at(1).toString(), fields.at(2).toString(),
                                     fields.at(3).toString()));
        }
        QStringList ours;
        for (const HistoryEntry &entry : image.history) {
            ours.append(u"%1|%2|%3|%4"_s.arg(entry.created)
                            .arg(QString(entry.createdBy).replace(u'\t', u' '),
                                 Humanize::size(entry.size), entry.comment));
        }
        QCOMPARE(ours, expected);
        entries += image.history.size();
        // Every non-empty entry made one layer, so no image has fewer entries than layers.
        QVERIFY(image.history.size() >= image.diffIds.size());
    }
    QVERIFY(entries > 2 * m_loaded.snapshot.images().size()); // metadata steps are listed too
}

void TestSnapshotLoader::storeKind_data()
{
    QTest::addColumn<QByteArray>("pingHeaders");
    QTest::addColumn<QByteArray>("info");
    QTest::addColumn<ImageStoreKind>("kind");

    const QByteArray docker = "Api-Version: 1.41\r\n";
    QTest::newRow("this engine") << docker << QByteArray() << ImageStoreKind::Graphdriver;
    QTest::newRow("containerd snapshotter")
        << docker
        << QByteArray(R"({"DriverStatus":[["driver-type","io.containerd.snapshotter.v1"]]})")
        << ImageStoreKind::Containerd;
    QTest::newRow("overlay2 status")
        << docker << QByteArray(R"({"DriverStatus":[["Backing Filesystem","extfs"]]})")
        << ImageStoreKind::Graphdriver;
    QTest::newRow("podman")
        << QByteArray("Api-Version: 1.41\r\nLibpod-Api-Version: 5.4.0\r\n") << QByteArray()
        << ImageStoreKind::Podman;
}

// /_ping and /info come from the proxy where the row says so; everything else from sandbox.
void TestSnapshotLoader::storeKind()
{
    QFETCH(QByteArray, pingHeaders);
    QFETCH(QByteArray, info);
    QFETCH(ImageStoreKind, kind);

    EngineProxy proxy(endpointOf(m_host).socketPath);
    QString problem;
    QVERIFY2(proxy.start(&problem), qPrintable(problem));
    proxy.addCannedAnswer("GET /_ping ", 200, pingHeaders, "OK");
    if (!info.isEmpty())
        proxy.addCannedAnswer("GET /v1.41/info ", 200, {}, info);
    const SnapshotLoader::Result result = SnapshotLoader::load(endpointOf(proxy.address()));
    QVERIFY2(!result.error.isError(), qPrintable(result.error.detail));
    QCOMPARE(result.snapshot.storeKind(), kind);
    QCOMPARE(result.snapshot.images().size(), m_loaded.snapshot.images().size());
    QCOMPARE(proxy.requests().contains(u"GET /v1.41/info"_s), kind != ImageStoreKind::Podman);
}

void TestSnapshotLoader::cacheAvoidsRequests()
{
    EngineProxy proxy(endpointOf(m_host).socketPath);
    QString problem;
    QVERIFY2(proxy.start(&problem), qPrintable(problem));
    const Endpoint endpoint = endpointOf(proxy.address());
    const qsizetype imageCount = m_loaded.snapshot.images().size();

    SnapshotCache cache;
    const SnapshotLoader::Result first = SnapshotLoader::loadCached(endpoint, cache);
    QVERIFY2(!first.error.isError(), qPrintable(first.error.detail));
    QCOMPARE(countDetailRequests(proxy.requests()), 2 * imageCount); // inspect + history
    QCOMPARE(cache.size(), imageCount);
    QCOMPARE(first.snapshot.images(), m_loaded.snapshot.images());

    const qsizetype before = proxy.requests().size();
    const SnapshotLoader::Result second = SnapshotLoader::loadCached(endpoint, cache);
    QVERIFY2(!second.error.isError(), qPrintable(second.error.detail));
    const QStringList secondRequests = proxy.requests().mid(before);
    QCOMPARE(countDetailRequests(secondRequests), 0);
    QVERIFY(secondRequests.contains(u"GET /v1.41/images/json?all=1"_s)); // still listed afresh
    QCOMPARE(second.stats.cached, int(imageCount));
    QCOMPARE(second.stats.inspected, 0);
    QCOMPARE(second.snapshot.images(), first.snapshot.images());

    // A snapshot seeds a cache as well as a load does.
    SnapshotCache seeded;
    seeded.seed(first.snapshot);
    const qsizetype beforeSeeded = proxy.requests().size();
    const SnapshotLoader::Result third = SnapshotLoader::loadCached(endpoint, seeded);
    QVERIFY(!third.error.isError());
    QCOMPARE(countDetailRequests(proxy.requests().mid(beforeSeeded)), 0);
    QCOMPARE(third.snapshot.images(), first.snapshot.images()); // history and sizes included
}

// With every inspect held, exactly MaxParallelRequests of them reach the proxy.
void TestSnapshotLoader::parallelismIsBounded()
{
    QVERIFY(m_loaded.snapshot.images().size() > SnapshotLoader::MaxParallelRequests);
    EngineProxy proxy(endpointOf(m_host).socketPath);
    QString problem;
    QVERIFY2(proxy.start(&problem), qPrintable(problem));
    proxy.addRule("GET /v1.41/images/sha256:", EngineProxy::Action::Hold);
    QFuture<SnapshotLoader::Result> future =
        QtConcurrent::run([endpoint = endpointOf(proxy.address())] {
            return SnapshotLoader::load(endpoint);
        });
    QTRY_COMPARE(proxy.heldCount(), SnapshotLoader::MaxParallelRequests);
    // Proving that no ninth request comes needs a moment of nothing happening.
    QTest::qWait(300);
    QCOMPARE(proxy.heldCount(), SnapshotLoader::MaxParallelRequests);
    proxy.openGate();
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), LoadTimeoutMs);
    const SnapshotLoader::Result result = future.result();
    QVERIFY2(!result.error.isError(), qPrintable(result.error.detail));
    QCOMPARE(result.snapshot.images(), m_loaded.snapshot.images());
}

// The image is removed while its inspect is held: the engine answers 404, the load starts
// over and shows the engine without it.
void TestSnapshotLoader::vanishedImageLoadsAgain()
{
    const QString host = fixtureHost("loader");
    const QStringList ids = cli(host, {u"image"_s, u"inspect"_s, u"-f"_s, u"{{.Id}}"_s,
                                       u"ubuntu:latest"_s});
    QCOMPARE(ids.size(), 1);
    const QString vanishing = ids.first();
    EngineProxy proxy(endpointOf(host).socketPath);
    QString problem;
    QVERIFY2(proxy.start(&problem), qPrintable(problem));
    proxy.addRule("GET /v1.41/images/" + vanishing.toLatin1() + "/json",
                  EngineProxy::Action::Hold);

    SnapshotCache cache;
    QFuture<SnapshotLoader::Result> future =
        QtConcurrent::run([endpoint = endpointOf(proxy.address()), &cache] {
            return SnapshotLoader::loadCached(endpoint, cache);
        });
    QTRY_COMPARE(proxy.heldCount(), 1);
    const QStringList removed = cli(host, {u"image"_s, u"rm"_s, u"ubuntu:latest"_s});
    QVERIFY2(removed.contains(u"Deleted: "_s + vanishing), qPrintable(removed.join(u'\n')));
    proxy.openGate();
    QTRY_VERIFY_WITH_TIMEOUT(future.isFinished(), LoadTimeoutMs);
    const SnapshotLoader::Result result = future.result();
    QVERIFY2(!result.error.isError(), qPrintable(result.error.detail));
    QCOMPARE(result.stats.attempts, 2);
    QCOMPARE(result.snapshot.indexOfImage(vanishing), -1);
    const QStringList all = cli(host, {u"image"_s, u"ls"_s, u"-aq"_s, u"--no-trunc"_s});
    QCOMPARE(result.snapshot.images().size(), all.size());
    QCOMPARE(proxy.requests().count(u"GET /v1.41/images/json?all=1"_s), 2);
    QVERIFY(cache.find(vanishing) == std::nullopt);
}

// An image that is listed but never found twice in a row: the load reports the engine's 404.
void TestSnapshotLoader::imageGoneTwiceFails()
{
    const QString ghost = m_loaded.snapshot.images().last().id;
    EngineProxy proxy(endpointOf(m_host).socketPath);
    QString problem;
    QVERIFY2(proxy.start(&problem), qPrintable(problem));
    const QByteArray message = R"({"message":"No such image: )" + ghost.toLatin1() + "\"}";
    proxy.addCannedAnswer("GET /v1.41/images/" + ghost.toLatin1() + "/json", 404, {}, message);
    const SnapshotLoader::Result result = SnapshotLoader::load(endpointOf(proxy.address()));
    QCOMPARE(result.error.code, EngineError::Code::HttpError);
    QCOMPARE(result.error.httpStatus, 404);
    QCOMPARE(result.error.detail, u"No such image: "_s + ghost);
    QCOMPARE(result.stats.attempts, 2);
    QVERIFY(result.snapshot.isEmpty());
    QCOMPARE(proxy.requests().count(u"GET /v1.41/images/json?all=1"_s), 2);
}

QTEST_GUILESS_MAIN(TestSnapshotLoader)
#include "tst_snapshotloader.moc"
