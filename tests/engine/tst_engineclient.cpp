#include "dockercli.h"
#include "engineclient.h"
#include "engineproxy.h"
#include "humanize.h"

#include <unistd.h>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include <netinet/in.h>

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Strata;
using namespace Strata::Testing;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Strata::EngineError::Code)

// EngineClient against the read-only `sandbox` engine, compared with what the Docker CLI says
// about the same engine; transport failures against sockets and proxies the test controls.
class TestEngineClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void negotiationMatchesCli();
    void imagesMatchCli();
    void imageDetailsMatchInspect();
    void historySizesMatchCli();
    void historyOfMissingImage();
    void storeKindMatchesInfo();
    void containersMatchCli();
    void unreachable_data();
    void unreachable();
    void permissionDenied();
    void engineGoneAfterNegotiation_data();
    void engineGoneAfterNegotiation();
    void droppedConnection();
    void timeout();
    void negotiationRules_data();
    void negotiationRules();
    void placeholdersAndNullsDropped();
    void compareApiVersions_data();
    void compareApiVersions();
    void removalPathMatchesGoClient_data();
    void removalPathMatchesGoClient();

private:
    QStringList cli(const QStringList &arguments);
    EngineClient negotiatedClient(const QString &address);

    QString m_host;
    Endpoint m_endpoint;
    QList<ImageRecord> m_images;
};

QStringList TestEngineClient::cli(const QStringList &arguments)
{
    const DockerRun run = runDocker(m_host, arguments);
    if (run.exitCode != 0)
        qWarning("docker %s: %s", qPrintable(arguments.join(u' ')), run.standardError.data());
    return run.outputLines();
}

EngineClient TestEngineClient::negotiatedClient(const QString &address)
{
    Endpoint endpoint;
    EngineError error;
    if (!Endpoint::parse(address, &endpoint, &error))
        qFatal("bad test address %s", qPrintable(address));
    EngineClient client(endpoint);
    error = client.negotiate();
    if (error.isError())
        qWarning("negotiate with %s: %s", qPrintable(address), qPrintable(error.detail));
    return client;
}

void TestEngineClient::initTestCase()
{
    m_host = fixtureHost("sandbox");
    if (m_host.isEmpty())
        QFAIL("STRATA_TEST_HOST_SANDBOX is not set: run this test through ctest");
    EngineError error;
    QVERIFY2(Endpoint::parse(m_host, &m_endpoint, &error), qPrintable(error.detail));
    EngineClient client(m_endpoint);
    error = client.negotiate();
    QVERIFY2(!error.isError(), qPrintable(error.detail));
    error = client.listImages(&m_images);
    QVERIFY2(!error.isError(), qPrintable(error.detail));
    QVERIFY(m_images.size() > 5); // the seeded engine, not an empty one
}

void TestEngineClient::negotiationMatchesCli()
{
    EngineClient client(m_endpoint);
    const EngineError error = client.negotiate();
    QVERIFY2(!error.isError(), qPrintable(error.detail));
    const QStringList server = cli({u"version"_s, u"--format"_s,
                                    u"{{.Server.APIVersion}} {{.Server.MinAPIVersion}} "
                                    "{{.Server.Version}} {{.Server.Os}}"_s});
    QCOMPARE(server.size(), 1);
    const QStringList fields = server.first().split(u' ');
    QCOMPARE(client.info().maxApiVersion, fields.at(0));
    // The engine's newest version is older than ours here, so it is the one we speak.
    QVERIFY(EngineClient::compareApiVersions(fields.at(0), u"1.51"_s) <= 0);
    QCOMPARE(client.info().apiVersion, fields.at(0));
    QCOMPARE(client.info().minApiVersion, fields.at(1));
    QCOMPARE(client.info().serverVersion, fields.at(2));
    QCOMPARE(client.info().operatingSystem, fields.at(3));
    QVERIFY(!client.info().isPodman);
}

void TestEngineClient::imagesMatchCli()
{
    QSet<QString> ids;
    QSet<QString> tags;
    QSet<QString> digests;
    for (const ImageRecord &image : std::as_const(m_images)) {
        ids.insert(image.id);
        for (const QString &tag : image.repoTags)
            tags.insert(image.id + u' ' + tag);
        for (const QString &digest : image.repoDigests)
            digests.insert(image.id + u' ' + digest);
    }

    const QStringList cliIds = cli({u"image"_s, u"ls"_s, u"-a"_s, u"-q"_s, u"--no-trunc"_s});
    QCOMPARE(QSet<QString>(cliIds.cbegin(), cliIds.cend()), ids);
    QCOMPARE(ids.size(), m_images.size()); // no image listed twice

    QSet<QString> cliTags;
    QSet<QString> cliDigests;
    const QStringList rows = cli({u"image"_s, u"ls"_s, u"-a"_s, u"--digests"_s, u"--no-trunc"_s,
                                  u"--format"_s,
                                  u"{{.ID}} {{.Repository}} {{.Tag}} {{.Digest}}"_s});
    for (const QString &row : rows) {
        const QStringList f = row.split(u' ');
        QCOMPARE(f.size(), 4);
        if (f.at(2) != u"<none>"_s)
            cliTags.insert(f.at(0) + u' ' + f.at(1) + u':' + f.at(2));
        if (f.at(3) != u"<none>"_s)
            cliDigests.insert(f.at(0) + u' ' + f.at(1) + u'@' + f.at(3));
    }
    QCOMPARE(tags, cliTags);
    QCOMPARE(digests, cliDigests);
    QVERIFY(!digests.isEmpty()); // pulled images are part of the seed
}

void TestEngineClient::imageDetailsMatchInspect()
{
    QStringList arguments{u"image"_s, u"inspect"_s, u"--format"_s,
                          u"{{.Id}} {{.Parent}} {{.Size}} {{.Created}} {{json .Config.Labels}}"_s};
    QMap<QString, QString> expected;
    for (const ImageRecord &image : std::as_const(m_images))
        arguments.append(image.id);
    for (const QString &line : cli(arguments))
        expected.insert(line.section(u' ', 0, 0), line);

    for (const ImageRecord &image : std::as_const(m_images)) {
        const QStringList f = expected.value(image.id).split(u' ');
        QCOMPARE(f.size(), 5);
        QCOMPARE(image.parentId, f.at(1));
        QCOMPARE(QString::number(image.size), f.at(2));
        const QDateTime created = QDateTime::fromString(f.at(3), Qt::ISODateWithMs);
        QVERIFY2(created.isValid(), qPrintable(f.at(3)));
        QCOMPARE(image.created, created.toSecsSinceEpoch());
        QStringList labels;
        for (auto it = image.labels.cbegin(); it != image.labels.cend(); ++it)
            labels.append(u"\"%1\":\"%2\""_s.arg(it.key(), it.value()));
        const QString json = labels.isEmpty() ? u"null"_s : u'{' + labels.join(u',') + u'}';
        QCOMPARE(json, f.at(4));
    }
}

// History's sizes, newest first, as `docker history` prints them (the same entries, in order).
void TestEngineClient::historySizesMatchCli()
{
    EngineClient client = negotiatedClient(m_host);
    qsizetype nonZero = 0;
    for (const ImageRecord &image : std::as_const(m_images)) {
        QList<qint64> sizes;
        const EngineError error = client.historySizes(image.id, &sizes);
        QVERIFY2(!error.isError(), qPrintable(error.detail));
        QStringList ours;
        for (qint64 size : std::as_const(sizes)) {
            ours.append(Humanize::size(size));
            nonZero += size > 0;
        }
        QCOMPARE(ours, cli({u"history"_s, u"--no-trunc"_s, u"--format"_s, u"{{.Size}}"_s,
                            image.id}));
    }
    QVERIFY(nonZero >= m_images.size()); // every seeded image has at least one real layer
}

void TestEngineClient::historyOfMissingImage()
{
    EngineClient client = negotiatedClient(m_host);
    const QString missing = u"sha256:"_s + QString(64, u'0');
    QList<qint64> sizes{1};
    const EngineError error = client.historySizes(missing, &sizes);
    QCOMPARE(error.code, EngineError::Code::HttpError);
    QCOMPARE(error.httpStatus, 404);
    QCOMPARE(error.detail, u"No such image: "_s + missing);
    QCOMPARE(sizes, QList<qint64>{1}); // untouched on error
}

// The sandbox runs the vfs graphdriver: no containerd snapshotter in DriverStatus.
void TestEngineClient::storeKindMatchesInfo()
{
    EngineClient client = negotiatedClient(m_host);
    ImageStoreKind kind = ImageStoreKind::Podman;
    const EngineError error = client.detectStoreKind(&kind);
    QVERIFY2(!error.isError(), qPrintable(error.detail));
    const QStringList status = cli({u"info"_s, u"--format"_s, u"{{json .DriverStatus}}"_s});
    QCOMPARE(status.size(), 1);
    const bool containerd = status.first().contains(u"io.containerd.snapshotter.v1"_s);
    QCOMPARE(kind, containerd ? ImageStoreKind::Containerd : ImageStoreKind::Graphdriver);
    QCOMPARE(cli({u"info"_s, u"--format"_s, u"{{.Driver}}"_s}), QStringList{u"vfs"_s});
}

void TestEngineClient::containersMatchCli()
{
    EngineClient client = negotiatedClient(m_host);
    QList<ContainerRecord> containers;
    const EngineError error = client.listContainers(&containers);
    QVERIFY2(!error.isError(), qPrintable(error.detail));
    QVERIFY(!containers.isEmpty());

    QMap<QString, QString> ours;
    QStringList ids;
    for (const ContainerRecord &c : std::as_const(containers)) {
        ours.insert(c.id, u"%1|%2|%3|%4|%5"_s.arg(c.id, c.names.join(u','), c.image, c.state,
                                                  c.imageId));
        ids.append(c.id);
    }
    const QStringList rows = cli({u"ps"_s, u"-a"_s, u"--no-trunc"_s, u"--format"_s,
                                  u"{{.ID}}|{{.Names}}|{{.Image}}|{{.State}}"_s});
    QStringList imageIds = cli(QStringList{u"container"_s, u"inspect"_s, u"--format"_s,
                                           u"{{.Id}} {{.Image}}"_s} + ids);
    QMap<QString, QString> imageIdOf;
    for (const QString &line : std::as_const(imageIds))
        imageIdOf.insert(line.section(u' ', 0, 0), line.section(u' ', 1));
    QMap<QString, QString> theirs;
    for (const QString &row : rows) {
        const QString id = row.section(u'|', 0, 0);
        theirs.insert(id, row + u'|' + imageIdOf.value(id));
    }
    QCOMPARE(ours, theirs);
}

void TestEngineClient::unreachable_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("detail");

    // A port that was free a moment ago: bound, read back, closed; nothing listens there.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address));
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length);
    ::close(fd);
    const int port = ntohs(address.sin_port);

    QTest::newRow("missing socket")
        << u"unix:///tmp/strata-no-such-dir/docker.sock"_s
        << u"cannot connect to /tmp/strata-no-such-dir/docker.sock: No such file or directory"_s;
    QTest::newRow("closed tcp port")
        << u"tcp://127.0.0.1:%1"_s.arg(port)
        << u"Failed to connect to 127.0.0.1 port %1 after"_s.arg(port);
}

void TestEngineClient::unreachable()
{
    QFETCH(QString, address);
    QFETCH(QString, detail);

    Endpoint endpoint;
    EngineError error;
    QVERIFY(Endpoint::parse(address, &endpoint, &error));
    EngineClient client(endpoint);
    error = client.negotiate();
    QCOMPARE(error.code, EngineError::Code::Unreachable);
    QCOMPARE(error.address, address);
    QVERIFY2(error.detail.startsWith(detail), qPrintable(error.detail));
    QVERIFY2(endpoint.kind == Endpoint::Kind::Unix
                 || error.detail.endsWith(u"(Connection refused)"_s),
             qPrintable(error.detail));
}

// The socket is root's with mode 0600. Root ignores file modes, so the client runs as nobody
// in a child process (engineprobe under setpriv); a non-root run needs no change of user.
void TestEngineClient::permissionDenied()
{
    const QString setpriv = QStandardPaths::findExecutable(u"setpriv"_s);
    if (::geteuid() == 0 && setpriv.isEmpty())
        QSKIP("running as root without setpriv: cannot drop privileges to see EACCES");
    QTemporaryDir directory(u"/tmp/strata-perm-XXXXXX"_s);
    QVERIFY(directory.isValid());
    QVERIFY(::chmod(QFile::encodeName(directory.path()).constData(), 0755) == 0);
    const QString socketPath = directory.filePath(u"engine.sock"_s);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    qstrncpy(address.sun_path, QFile::encodeName(socketPath).constData(),
             sizeof(address.sun_path));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    QVERIFY(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) == 0);
    QVERIFY(::listen(fd, 1) == 0);
    QVERIFY(::chmod(address.sun_path, ::geteuid() == 0 ? 0600 : 0) == 0);

    QProcess probe;
    const QString url = u"unix://"_s + socketPath;
    if (::geteuid() == 0)
        probe.start(setpriv, {u"--reuid=65534"_s, u"--regid=65534"_s, u"--clear-groups"_s,
                              QStringLiteral(STRATA_ENGINE_PROBE), url});
    else
        probe.start(QStringLiteral(STRATA_ENGINE_PROBE), {url});
    QVERIFY(probe.waitForFinished(30000));
    ::close(fd);
    const QString output = QString::fromUtf8(probe.readAllStandardOutput()).trimmed();
    QCOMPARE(probe.exitCode(), int(EngineError::Code::PermissionDenied));
    QCOMPARE(output, u"%1 cannot connect to %2: Permission denied"_s
                         .arg(int(EngineError::Code::PermissionDenied)).arg(socketPath));
}

void TestEngineClient::engineGoneAfterNegotiation_data()
{
    QTest::addColumn<bool>("removeSocket");
    QTest::addColumn<QString>("reason");
    QTest::newRow("socket removed") << true << u"No such file or directory"_s;
    QTest::newRow("nobody listening") << false << u"Connection refused"_s;
}

void TestEngineClient::engineGoneAfterNegotiation()
{
    QFETCH(bool, removeSocket);
    QFETCH(QString, reason);

    EngineProxy proxy(m_endpoint.socketPath);
    QString problem;
    QVERIFY2(proxy.start(&problem), qPrintable(problem));
    EngineClient client = negotiatedClient(proxy.address());
    QCOMPARE(client.info().apiVersion.isEmpty(), false);
    proxy.stopListening(removeSocket);

    QList<ImageRecord> images;
    const EngineError error = client.listImages(&images);
    QCOMPARE(error.code, EngineError::Code::Unreachable);
    QCOMPARE(error.address, proxy.address());
    QVERIFY2(error.detail.endsWith(reason), qPrintable(error.detail));
    QVERIFY(images.isEmpty());
}

void TestEngineClient::droppedConnection()
{
    EngineProxy proxy(m_endpoint.socketPath);
    QString problem;
    QVERIFY2(proxy.start(&problem), qPrintable(problem));
    EngineClient client = negotiatedClient(proxy.address());
    proxy.addRule("GET /v" + client.info().apiVersion.toLatin1() + "/containers/json",
                  EngineProxy::Action::Drop);

    QList<ImageRecord> images;
    QVERIFY(!client.listImages(&images).isError()); // other calls still pass
    QCOMPARE(images.size(), m_images.size());
    QList<ContainerRecord> containers;
    const EngineError error = client.listContainers(&containers);
    QCOMPARE(error.code, EngineError::Code::Unreachable);
    QVERIFY2(error.detail.contains(u"Empty reply from server"_s), qPrintable(error.detail));
}

void TestEngineClient::timeout()
{
    EngineProxy proxy(m_endpoint.socketPath);
    QString problem;
    QVERIFY2(proxy.start(&problem), qPrintable(problem));
    EngineClient client = negotiatedClient(proxy.address());
    proxy.addRule("GET /v" + client.info().apiVersion.toLatin1() + "/images/json",
                  EngineProxy::Action::Hold);
    client.setTimeout(std::chrono::milliseconds(300));

    QList<ImageRecord> images;
    const EngineError error = client.listImages(&images);
    QCOMPARE(error.code, EngineError::Code::Timeout);
    QCOMPARE(proxy.heldCount(), 1); // it was the engine, not the client, that never answered
}

// Engines this machine cannot run (newer Dockers, Podman, non-Docker servers), played by the
// proxy's canned answers.
void TestEngineClient::negotiationRules_data()
{
    QTest::addColumn<int>("pingStatus");
    QTest::addColumn<QByteArray>("pingHeaders");
    QTest::addColumn<QByteArray>("minApiVersion");
    QTest::addColumn<EngineError::Code>("code");
    QTest::addColumn<QString>("apiVersion");
    QTest::addColumn<bool>("isPodman");
    QTest::addColumn<QString>("detail");

    const auto none = EngineError::Code::None;
    const auto api = EngineError::Code::ApiVersion;
    QTest::newRow("docker 20.10") << 200 << QByteArray("Api-Version: 1.41\r\n") << "1.12"_ba
                                  << none << u"1.41"_s << false << QString();
    QTest::newRow("newer than us") << 200 << QByteArray("Api-Version: 1.55\r\n") << "1.44"_ba
                                   << none << u"1.51"_s << false << QString();
    QTest::newRow("no Api-Version") << 200 << QByteArray() << "1.12"_ba << none << u"1.24"_s
                                    << false << QString();
    QTest::newRow("podman") << 200
                            << QByteArray("Api-Version: 1.44\r\nLibpod-Api-Version: 5.8.2\r\n")
                            << "1.24"_ba << none << u"1.44"_s << true << QString();
    QTest::newRow("engine minimum above ours")
        << 200 << QByteArray("Api-Version: 1.60\r\n") << "1.52"_ba << api << QString() << false
        << u"the engine requires API 1.52 or newer; this client speaks up to 1.51"_s;
    QTest::newRow("engine too old")
        << 200 << QByteArray("Api-Version: 1.23\r\n") << "1.12"_ba << api << QString() << false
        << u"the engine offers API 1.23, older than the oldest this client supports (1.24)"_s;
    QTest::newRow("not an engine")
        << 404 << QByteArray() << "1.12"_ba << EngineError::Code::ProtocolError << QString()
        << false << u"GET /_ping answered 404 without an Api-Version: is this a Docker engine?"_s;
}

void TestEngineClient::negotiationRules()
{
    QFETCH(int, pingStatus);
    QFETCH(QByteArray, pingHeaders);
    QFETCH(QByteArray, minApiVersion);
    QFETCH(EngineError::Code, code);
    QFETCH(QString, apiVersion);
    QFETCH(bool, isPodman);
    QFETCH(QString, detail);

    EngineProxy fake(u"/nonexistent"_s);
    QString problem;
    QVERIFY2(fake.start(&problem), qPrintable(problem));
    fake.addCannedAnswer("GET /_ping ", pingStatus, pingHeaders, "OK");
    fake.addCannedAnswer("GET /version ", 200, {},
                         R"({"Version":"9.9.9","Os":"linux","MinAPIVersion":")" + minApiVersion
                             + "\"}");
    fake.addCannedAnswer("GET /v", 200, {}, "[]");
    Endpoint endpoint;
    QVERIFY(Endpoint::parse(fake.address(), &endpoint, nullptr));
    EngineClient client(endpoint);
    const EngineError error = client.negotiate();
    QCOMPARE(error.code, code);
    QCOMPARE(error.detail, detail);
    QCOMPARE(client.info().apiVersion, apiVersion);
    if (error.isError())
        return;
    QCOMPARE(client.info().isPodman, isPodman);
    QCOMPARE(client.info().serverVersion, u"9.9.9"_s);
    QCOMPARE(client.info().minApiVersion, QString::fromLatin1(minApiVersion));

    // Every later call carries the negotiated version.
    QList<ImageRecord> images;
    QVERIFY(!client.listImages(&images).isError());
    QCOMPARE(fake.requests().last(), u"GET /v%1/images/json?all=1"_s.arg(apiVersion));
}

// Old API versions send "<none>" placeholders; JSON nulls stand for empty lists and maps.
void TestEngineClient::placeholdersAndNullsDropped()
{
    EngineProxy fake(u"/nonexistent"_s);
    QString problem;
    QVERIFY2(fake.start(&problem), qPrintable(problem));
    fake.addCannedAnswer("GET /v1.41/images/json", 200, {}, R"([
        {"Id":"sha256:aa","ParentId":"","RepoTags":["<none>:<none>"],
         "RepoDigests":["<none>@<none>"],"Created":1,"Size":2,"Labels":null},
        {"Id":"sha256:bb","ParentId":"sha256:aa","RepoTags":null,"RepoDigests":null,
         "Created":-62135596800,"Size":9007199254740993,"Labels":{"a":"b"}},
        {"Id":"sha256:cc","RepoTags":["x:1",null,"y:2"],"RepoDigests":["x@sha256:00"]}])");
    fake.addCannedAnswer("GET /_ping", 200, "Api-Version: 1.41\r\n", "OK");
    fake.addCannedAnswer("GET /version", 200, {}, R"({"MinAPIVersion":"1.12"})");
    Endpoint endpoint;
    QVERIFY(Endpoint::parse(fake.address(), &endpoint, nullptr));
    EngineClient client(endpoint);
    QVERIFY(!client.negotiate().isError());
    QList<ImageRecord> images;
    const EngineError error = client.listImages(&images);
    QVERIFY2(!error.isError(), qPrintable(error.detail));
    QCOMPARE(images.size(), 3);
    QCOMPARE(images.at(0).repoTags, QStringList());
    QCOMPARE(images.at(0).repoDigests, QStringList());
    QVERIFY(images.at(0).labels.isEmpty());
    QCOMPARE(images.at(1).parentId, u"sha256:aa"_s);
    QCOMPARE(images.at(1).created, Q_INT64_C(-62135596800));
    QCOMPARE(images.at(1).size, Q_INT64_C(9007199254740993)); // beyond a double's precision
    QCOMPARE(images.at(1).labels.value(u"a"_s), u"b"_s);
    QCOMPARE(images.at(2).repoTags, (QStringList{u"x:1"_s, u"y:2"_s}));
    QCOMPARE(images.at(2).repoDigests, QStringList{u"x@sha256:00"_s});
}

void TestEngineClient::compareApiVersions_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("result");
    QTest::newRow("equal") << u"1.41"_s << u"1.41"_s << 0;
    QTest::newRow("numeric minor") << u"1.9"_s << u"1.41"_s << -1;
    QTest::newRow("older") << u"1.24"_s << u"1.51"_s << -1;
    QTest::newRow("newer") << u"1.52"_s << u"1.51"_s << 1;
    QTest::newRow("major wins") << u"2.0"_s << u"1.99"_s << 1;
}

void TestEngineClient::compareApiVersions()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, result);
    QCOMPARE(EngineClient::compareApiVersions(a, b), result);
    QCOMPARE(EngineClient::compareApiVersions(b, a), -result);
}

// What path does DELETE carry for an awkward reference? Ask the Go client itself: the docker
// CLI and our client each send the same removal through a recording proxy. None of these
// references exists, so the sandbox stays as it was.
void TestEngineClient::removalPathMatchesGoClient_data()
{
    QTest::addColumn<QString>("reference");
    QTest::addColumn<bool>("force");
    QTest::newRow("plain") << u"nosuch"_s << false;
    QTest::newRow("forced") << u"nosuch:1"_s << true;
    QTest::newRow("registry and path") << u"localhost:5000/team/app:v1"_s << false;
    QTest::newRow("digest") << u"mongo@sha256:%1"_s.arg(QString(64, u'0')) << false;
    QTest::newRow("space") << u"no such"_s << false;
    QTest::newRow("query and fragment") << u"x?y#z"_s << false;
    QTest::newRow("percent and plus") << u"a%b+c"_s << false;
    QTest::newRow("sub-delimiters") << u"a$b&c,d;e=f!g*h'i(j)"_s << false;
    QTest::newRow("non-ascii") << u"caf\u00e9"_s << false;
}

void TestEngineClient::removalPathMatchesGoClient()
{
    QFETCH(QString, reference);
    QFETCH(bool, force);

    EngineProxy proxy(m_endpoint.socketPath);
    QString problem;
    QVERIFY2(proxy.start(&problem), qPrintable(problem));
    QStringList arguments{u"image"_s, u"rm"_s};
    if (force)
        arguments.append(u"--force"_s);
    const DockerRun run = runDocker(proxy.address(), arguments + QStringList{reference});
    QVERIFY2(run.exitCode == (force ? 0 : 1), run.standardError.constData());
    const QStringList cliRequests = proxy.requests().filter(u"DELETE "_s);
    QCOMPARE(cliRequests.size(), 1);

    EngineClient client = negotiatedClient(proxy.address());
    RemovalOutcome outcome;
    const EngineError error = client.removeImage({reference, force, false}, &outcome);
    QVERIFY2(!error.isError(), qPrintable(error.detail));
    QVERIFY(outcome.httpStatus == 404 || outcome.httpStatus == 400);
    QCOMPARE(proxy.requests().filter(u"DELETE "_s), cliRequests + cliRequests);
}

QTEST_GUILESS_MAIN(TestEngineClient)
#include "tst_engineclient.moc"
