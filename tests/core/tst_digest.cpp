#include "digest.h"

#include <QTest>

using namespace Strata;

class TestDigest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isFullImageId_data();
    void isFullImageId();
    void shortId_data();
    void shortId();
    void sha256Of_data();
    void sha256Of();
    void chainIds_data();
    void chainIds();
};

namespace {

const QString Hex64
    = QStringLiteral("66587690d792617a7e2facb2b0251de0d5337feb868517f1cbe081e83127eedf");

} // namespace

void TestDigest::isFullImageId_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("fullId");
    QTest::addColumn<bool>("bareHex");

    QTest::newRow("full") << QStringLiteral("sha256:") + Hex64 << true << false;
    QTest::newRow("bare") << Hex64 << false << true;
    QTest::newRow("uppercase hex") << QStringLiteral("sha256:") + Hex64.toUpper() << false << false;
    QTest::newRow("63 hex") << QStringLiteral("sha256:") + Hex64.left(63) << false << false;
    QTest::newRow("65 hex") << Hex64 + QLatin1Char('0') << false << false;
    QTest::newRow("other algorithm") << QStringLiteral("sha512:") + Hex64 << false << false;
    QTest::newRow("non-hex") << Hex64.left(63) + QLatin1Char('g') << false << false;
    QTest::newRow("empty") << QString() << false << false;
}

void TestDigest::isFullImageId()
{
    QFETCH(QString, text);
    QFETCH(bool, fullId);
    QFETCH(bool, bareHex);
    QCOMPARE(Digest::isFullImageId(text), fullId);
    QCOMPARE(Digest::isBareHexId(text), bareHex);
}

void TestDigest::shortId_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("expected");

    QTest::newRow("image ID") << QStringLiteral("sha256:") + Hex64
                              << QStringLiteral("66587690d792");
    QTest::newRow("bare") << Hex64 << QStringLiteral("66587690d792");
    QTest::newRow("short") << QStringLiteral("abc") << QStringLiteral("abc");
    QTest::newRow("first colon only")
        << QStringLiteral("a:b:cdefghijklmnop") << QStringLiteral("b:cdefghijkl");
    QTest::newRow("empty") << QString() << QString();
}

void TestDigest::shortId()
{
    QFETCH(QString, id);
    QFETCH(QString, expected);
    QCOMPARE(Digest::shortId(id), expected);
}

void TestDigest::sha256Of_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("expected");

    // FIPS 180-2 test vectors.
    QTest::newRow("empty")
        << QByteArray()
        << QStringLiteral(
               "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::newRow("abc")
        << QByteArray("abc")
        << QStringLiteral(
               "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

void TestDigest::sha256Of()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, expected);
    QCOMPARE(Digest::sha256Of(data), expected);
}

void TestDigest::chainIds_data()
{
    QTest::addColumn<QStringList>("diffIds");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("none") << QStringList() << QStringList();
    const QString base
        = QStringLiteral("sha256:9bf99c694f432e2b12b880dad4ac434fadf07f82fcc5a93cb95f30ef4931d3c9");
    QTest::newRow("one layer") << QStringList { base } << QStringList { base };

    // A three-layer image `docker load`ed into dockerd 20.10.24 (vfs); its RootFS.Layers are
    // the diff IDs. `docker rmi` of it printed, after the image ID:
    //   Deleted: sha256:50d000e2…  Deleted: sha256:f3c7c073…  Deleted: sha256:9bf99c69…
    // which are the chain IDs, top layer first.
    QTest::newRow("engine 20.10.24")
        << QStringList { base,
               QStringLiteral("sha256:f0af0d9e9b36d19801c86b0164be72b295de6eda4ff0b8abb5"
                              "0fcd5fefefdfbe"),
               QStringLiteral("sha256:744f8fa96f075385381bb1cf740d9270a69f2bce46b66a8f30"
                              "02d3ad19d94137") }
        << QStringList { base,
               QStringLiteral("sha256:f3c7c073ffbb00303b56d8011a74381e2bb216a8e462c9e5c1"
                              "b2a249c91a0a56"),
               QStringLiteral("sha256:50d000e2d5326d3204c084d43adee503306d65ce6baa5112a3"
                              "151bf80a5de755") };
}

void TestDigest::chainIds()
{
    QFETCH(QStringList, diffIds);
    QFETCH(QStringList, expected);
    QCOMPARE(Digest::chainIds(diffIds), expected);
}

QTEST_GUILESS_MAIN(TestDigest)
#include "tst_digest.moc"
