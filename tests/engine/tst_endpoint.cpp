#include "endpoint.h"

#include <QTest>

using namespace Strata;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(Strata::Endpoint::Kind)
Q_DECLARE_METATYPE(Strata::EngineError::Code)

// Address parsing and the --host > DOCKER_HOST > default precedence; no engine needed.
class TestEndpoint final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseValid_data();
    void parseValid();
    void parseInvalid_data();
    void parseInvalid();
    void precedence_data();
    void precedence();
    void invalidEnvironmentNamesItsOrigin();
    void cleanup() { qunsetenv("DOCKER_HOST"); }
};

void TestEndpoint::parseValid_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<Endpoint::Kind>("kind");
    QTest::addColumn<QString>("socketPath");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("baseUrl");

    const auto unixKind = Endpoint::Kind::Unix;
    const auto tcpKind = Endpoint::Kind::Tcp;
    QTest::newRow("default socket") << u"unix:///var/run/docker.sock"_s << unixKind
                                    << u"/var/run/docker.sock"_s << QString() << 0
                                    << u"http://localhost"_s;
    QTest::newRow("rootless socket") << u"unix:///run/user/1000/docker.sock"_s << unixKind
                                     << u"/run/user/1000/docker.sock"_s << QString() << 0
                                     << u"http://localhost"_s;
    QTest::newRow("surrounding space") << u"  unix:///tmp/d.sock \n"_s << unixKind
                                       << u"/tmp/d.sock"_s << QString() << 0
                                       << u"http://localhost"_s;
    QTest::newRow("tcp with port") << u"tcp://127.0.0.1:2375"_s << tcpKind << QString()
                                   << u"127.0.0.1"_s << 2375 << u"http://127.0.0.1:2375"_s;
    QTest::newRow("tcp default port") << u"tcp://127.0.0.1"_s << tcpKind << QString()
                                      << u"127.0.0.1"_s << 2375 << u"http://127.0.0.1:2375"_s;
    QTest::newRow("tcp host name") << u"tcp://docker-host.example:12345"_s << tcpKind << QString()
                                   << u"docker-host.example"_s << 12345
                                   << u"http://docker-host.example:12345"_s;
    QTest::newRow("tcp trailing slash") << u"tcp://localhost:2375/"_s << tcpKind << QString()
                                        << u"localhost"_s << 2375 << u"http://localhost:2375"_s;
    QTest::newRow("tcp ipv6") << u"tcp://[::1]:2376"_s << tcpKind << QString() << u"::1"_s << 2376
                              << u"http://[::1]:2376"_s;
    QTest::newRow("tcp ipv6 default port") << u"tcp://[fe80::1]"_s << tcpKind << QString()
                                           << u"fe80::1"_s << 2375 << u"http://[fe80::1]:2375"_s;
    QTest::newRow("tcp highest port") << u"tcp://10.0.0.1:65535"_s << tcpKind << QString()
                                      << u"10.0.0.1"_s << 65535 << u"http://10.0.0.1:65535"_s;
}

void TestEndpoint::parseValid()
{
    QFETCH(QString, address);
    QFETCH(Endpoint::Kind, kind);
    QFETCH(QString, socketPath);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, baseUrl);

    Endpoint endpoint;
    EngineError error;
    QVERIFY2(Endpoint::parse(address, &endpoint, &error), qPrintable(error.detail));
    QCOMPARE(error.code, EngineError::Code::None);
    QCOMPARE(endpoint.kind, kind);
    QCOMPARE(endpoint.address, address.trimmed());
    QCOMPARE(endpoint.socketPath, socketPath);
    QCOMPARE(endpoint.host, host);
    QCOMPARE(endpoint.port, port);
    QCOMPARE(endpoint.baseUrl, baseUrl);
}

void TestEndpoint::parseInvalid_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("detail");

    const QString longPath = u"unix:///"_s + QString(107, u'x');
    QTest::newRow("empty") << QString() << u"the address is empty"_s;
    QTest::newRow("blank") << u"   "_s << u"the address is empty"_s;
    QTest::newRow("garbage") << u"docker please"_s
                             << u"expected unix:///path/to/socket or tcp://host:port"_s;
    QTest::newRow("bare path") << u"/var/run/docker.sock"_s
                               << u"expected unix:///path/to/socket or tcp://host:port"_s;
    QTest::newRow("no scheme") << u"://x"_s
                               << u"expected unix:///path/to/socket or tcp://host:port"_s;
    QTest::newRow("ssh") << u"ssh://me@build-box"_s << u"ssh:// addresses are not supported yet"_s;
    QTest::newRow("npipe") << u"npipe:////./pipe/docker_engine"_s
                           << u"npipe:// addresses only exist on Windows"_s;
    QTest::newRow("fd") << u"fd://"_s << u"fd:// addresses are for the daemon, not for clients"_s;
    QTest::newRow("http") << u"http://127.0.0.1:2375"_s
                          << u"unsupported scheme \"http\": use unix:// or tcp://"_s;
    QTest::newRow("https") << u"https://127.0.0.1:2376"_s
                           << u"unsupported scheme \"https\": use unix:// or tcp://"_s;
    QTest::newRow("upper-case scheme") << u"TCP://127.0.0.1:2375"_s
                                       << u"unsupported scheme \"TCP\": use unix:// or tcp://"_s;
    QTest::newRow("unix empty") << u"unix://"_s << u"the socket path is missing after unix://"_s;
    QTest::newRow("unix relative")
        << u"unix://docker.sock"_s
        << u"the socket path must be absolute (unix:///path/to/socket)"_s;
    QTest::newRow("unix too long") << longPath
                                   << u"the socket path is longer than 107 bytes, the limit of a "
                                      "unix socket"_s;
    QTest::newRow("tcp empty") << u"tcp://"_s << u"the host is missing or not a valid host name"_s;
    QTest::newRow("tcp port only") << u"tcp://:2375"_s
                                   << u"the host is missing or not a valid host name"_s;
    QTest::newRow("tcp bad host") << u"tcp://a b:2375"_s
                                  << u"the host is missing or not a valid host name"_s;
    QTest::newRow("tcp empty port") << u"tcp://127.0.0.1:"_s
                                    << u"expected tcp://host:port (IPv6 as tcp://[::1]:port)"_s;
    QTest::newRow("tcp word port") << u"tcp://127.0.0.1:http"_s
                                   << u"the port \"http\" is not a number from 1 to 65535"_s;
    QTest::newRow("tcp port zero") << u"tcp://127.0.0.1:0"_s
                                   << u"the port \"0\" is not a number from 1 to 65535"_s;
    QTest::newRow("tcp port too big") << u"tcp://127.0.0.1:65536"_s
                                      << u"the port \"65536\" is not a number from 1 to 65535"_s;
    QTest::newRow("tcp signed port") << u"tcp://127.0.0.1:+80"_s
                                     << u"the port \"+80\" is not a number from 1 to 65535"_s;
    QTest::newRow("tcp path") << u"tcp://127.0.0.1:2375/v1.41"_s
                              << u"a path, query or fragment after the host is not supported"_s;
    QTest::newRow("tcp user") << u"tcp://me@127.0.0.1:2375"_s
                              << u"user information is not supported in a tcp:// address"_s;
    QTest::newRow("tcp bare ipv6") << u"tcp://::1:2375"_s
                                   << u"expected tcp://host:port (IPv6 as tcp://[::1]:port)"_s;
    QTest::newRow("tcp open bracket") << u"tcp://[::1:2375"_s
                                      << u"expected tcp://host:port (IPv6 as tcp://[::1]:port)"_s;
}

void TestEndpoint::parseInvalid()
{
    QFETCH(QString, address);
    QFETCH(QString, detail);

    Endpoint endpoint;
    endpoint.address = u"untouched"_s;
    EngineError error;
    QVERIFY(!Endpoint::parse(address, &endpoint, &error));
    QCOMPARE(error.code, EngineError::Code::InvalidAddress);
    QCOMPARE(error.address, address);
    QCOMPARE(error.detail, detail);
    QCOMPARE(endpoint.address, u"untouched"_s); // a failed parse leaves the target alone
}

void TestEndpoint::precedence_data()
{
    QTest::addColumn<QString>("hostOption");
    QTest::addColumn<QString>("dockerHost"); // "<unset>" leaves the variable out
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("origin");

    const QString unset = u"<unset>"_s;
    const QString fallback = QString::fromLatin1(Endpoint::DefaultAddress);
    QTest::newRow("option wins") << u"unix:///tmp/opt.sock"_s << u"tcp://127.0.0.1:1"_s
                                 << u"unix:///tmp/opt.sock"_s << u"--host"_s;
    QTest::newRow("option without env") << u"tcp://127.0.0.1:3"_s << unset
                                        << u"tcp://127.0.0.1:3"_s << u"--host"_s;
    QTest::newRow("env when no option") << QString() << u"tcp://127.0.0.1:1"_s
                                        << u"tcp://127.0.0.1:1"_s << u"DOCKER_HOST"_s;
    QTest::newRow("blank option falls through") << u"  "_s << u"unix:///tmp/env.sock"_s
                                                << u"unix:///tmp/env.sock"_s << u"DOCKER_HOST"_s;
    QTest::newRow("default") << QString() << unset << fallback << u"default"_s;
    QTest::newRow("empty env is unset") << QString() << QString() << fallback << u"default"_s;
}

void TestEndpoint::precedence()
{
    QFETCH(QString, hostOption);
    QFETCH(QString, dockerHost);
    QFETCH(QString, address);
    QFETCH(QString, origin);

    if (dockerHost == u"<unset>"_s)
        qunsetenv("DOCKER_HOST");
    else
        qputenv("DOCKER_HOST", dockerHost.toUtf8());
    Endpoint endpoint;
    EngineError error;
    QVERIFY2(Endpoint::fromEnvironment(hostOption, &endpoint, &error), qPrintable(error.detail));
    QCOMPARE(endpoint.address, address);
    QCOMPARE(endpoint.origin, origin);
}

void TestEndpoint::invalidEnvironmentNamesItsOrigin()
{
    qputenv("DOCKER_HOST", "ssh://me@build-box");
    Endpoint endpoint;
    EngineError error;
    QVERIFY(!Endpoint::fromEnvironment(QString(), &endpoint, &error));
    QCOMPARE(error.code, EngineError::Code::InvalidAddress);
    QCOMPARE(error.address, u"ssh://me@build-box"_s);
    QCOMPARE(error.detail, u"DOCKER_HOST: ssh:// addresses are not supported yet"_s);

    // A bad --host is reported even when DOCKER_HOST is fine: the option is never skipped.
    qputenv("DOCKER_HOST", "unix:///tmp/fine.sock");
    QVERIFY(!Endpoint::fromEnvironment(u"tcp://127.0.0.1:99999"_s, &endpoint, &error));
    QCOMPARE(error.detail, u"--host: the port \"99999\" is not a number from 1 to 65535"_s);
}

QTEST_GUILESS_MAIN(TestEndpoint)
#include "tst_endpoint.moc"
