#include "enginestate.h"

#include "digest.h"
#include "reference.h"

#include <QTest>

using namespace Strata;
using namespace Qt::StringLiterals;

// The engine's stores as the planner replays them: references normalised as the engine files
// them, chain IDs as the layer store computes them, layer sizes recovered where they follow.
class TestEngineState final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void references_data();
    void references();
    void chainIds();
    void layerSizes();
};

namespace {

ImageRecord image(const QString &name, const QStringList &layers, const QStringList &refs = {})
{
    ImageRecord record;
    record.id = Digest::sha256Of(name.toUtf8());
    for (const QString &ref : refs)
        (ref.contains(u'@') ? record.repoDigests : record.repoTags).append(ref);
    for (const QString &layer : layers)
        record.diffIds.append(Digest::sha256Of(layer.toUtf8()));
    return record;
}

Snapshot snapshotOf(const QList<ImageRecord> &images)
{
    return Snapshot(images, {}, QDateTime::fromSecsSinceEpoch(1796406000));
}

} // namespace

void TestEngineState::references_data()
{
    QTest::addColumn<QString>("familiar");

    const QString digest = Digest::sha256Of("manifest");
    const QStringList listed = { u"busybox:latest"_s, u"user/app:1"_s, u"library/a/b:1"_s,
        u"localhost/x:1"_s, u"localhost:5000/x:1"_s, u"127.0.0.1:45123/zeta:1"_s,
        u"index.docker.io/user/app:2"_s, u"docker.io/library/y:3"_s, u"b.io/x:1"_s,
        u"registry.local:5000/team/base7:1"_s, u"mt@"_s + digest,
        u"127.0.0.1:45123/two@"_s + digest, u"a.b/c/d@"_s + digest, u"x:Tag.With-x"_s };
    for (const QString &familiar : listed)
        QTest::newRow(qPrintable(familiar)) << familiar;
}

// The fast normalisation of listed references must agree with Reference.
void TestEngineState::references()
{
    QFETCH(QString, familiar);

    const EngineState state(snapshotOf({ image(u"i"_s, { u"l"_s }, { familiar }) }));
    const Reference expected = Reference::fromEngineString(familiar);
    QVERIFY(expected.isValid());
    const QList<EngineState::ImageReference> refs = state.references(0);
    QCOMPARE(refs.size(), 1);
    QCOMPARE(refs.at(0).normalized, expected.normalizedString());
    QCOMPARE(refs.at(0).name, expected.normalizedName());
    QCOMPARE(refs.at(0).familiar, familiar);
    QCOMPARE(refs.at(0).isDigest, familiar.contains(u'@'));
    QCOMPARE(state.imageByReference(expected.normalizedString()), 0);
    QCOMPARE(state.referenceByFamiliar(familiar), 0);
}

void TestEngineState::chainIds()
{
    const QList<ImageRecord> images = { image(u"a"_s, { u"1"_s, u"2"_s, u"3"_s }),
        image(u"b"_s, { u"1"_s, u"2"_s, u"4"_s }) };
    const EngineState state(snapshotOf(images));
    QCOMPARE(state.layerCount(), 4); // 1 and 2 are shared
    for (int i = 0; i < images.size(); ++i) {
        const QStringList expected = Digest::chainIds(images.at(i).diffIds);
        QStringList actual;
        for (const int layer : state.layerChain(i))
            actual.prepend(state.chainId(layer));
        QCOMPARE(actual, expected);
    }
}

// A: l1 l2 sized. B: l1 l2 l3 unsized (l3 is B's size minus A's). C: m1 m2 unsized, nothing
// else has m1 or m2: only their sum is known.
void TestEngineState::layerSizes()
{
    ImageRecord a = image(u"a"_s, { u"l1"_s, u"l2"_s });
    a.layerSizes = { 10, 20 };
    a.size = 30;
    ImageRecord b = image(u"b"_s, { u"l1"_s, u"l2"_s, u"l3"_s });
    b.size = 37;
    ImageRecord c = image(u"c"_s, { u"m1"_s, u"m2"_s });
    c.size = 5;
    const EngineState state(snapshotOf({ a, b, c }));
    QCOMPARE(state.layerSize(state.topLayer(1)), qint64(7));
    const int m2 = state.topLayer(2);
    const int m1 = state.layerParent(m2);
    QCOMPARE(state.layerSize(m1), qint64(-1));
    QCOMPARE(state.layerSize(m2), qint64(-1));
    QCOMPARE(state.bytesAbove(m2, -1), qint64(5));
    QCOMPARE(state.bytesAbove(m2, m1), qint64(-1));
    QCOMPARE(state.bytesAbove(state.topLayer(1), -1), qint64(37));
    QCOMPARE(state.bytesAbove(state.topLayer(1), state.topLayer(0)), qint64(7));
}

QTEST_GUILESS_MAIN(TestEngineState)
#include "tst_enginestate.moc"
