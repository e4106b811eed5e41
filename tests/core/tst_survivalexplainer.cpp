#include "layerspec.h"
#include "digest.h"
#include "survivalexplainer.h"

#include <QTest>

using namespace Strata;
using namespace Qt::StringLiterals;

namespace {

// "tag:app:1 child:y running:web": kind and subject of each reason, image IDs as their letter.
QString describe(const QList<SurvivalReason> &reasons)
{
    QStringList list;
    for (const SurvivalReason &reason : reasons) {
        QString subject = reason.subject;
        if (subject.startsWith(QLatin1String("sha256:")) && subject.size() == 71)
            subject = subject.back();
        switch (reason.kind) {
        case SurvivalReason::Kind::Tag: list << QStringLiteral("tag:") + subject; break;
        case SurvivalReason::Kind::Digest: list << QStringLiteral("digest:") + subject; break;
        case SurvivalReason::Kind::ChildImage: list << QStringLiteral("child:") + subject; break;
        case SurvivalReason::Kind::RunningContainer:
            list << QStringLiteral("running:") + subject;
            break;
        case SurvivalReason::Kind::StoppedContainer:
            list << QStringLiteral("stopped:") + subject;
            break;
        case SurvivalReason::Kind::SharedLayer: list << QStringLiteral("image:") + subject; break;
        case SurvivalReason::Kind::ContainerLayer:
            list << QStringLiteral("container:") + subject;
            break;
        case SurvivalReason::Kind::NoPrune: list << QStringLiteral("noprune"); break;
        }
    }
    return list.join(QLatin1Char(' '));
}

// The base layer, then a.b, then a.b.c: the parts of the sample below.
const QStringList Sample{
    u"p a 1 = #base:1"_s,
    u"q a.b 1.2 = ^p"_s,
    u"r a.b.c 1.2.3 = ^q #zeta:1 #alpha:2 #alpha@sha256:00 #alpha:1"_s,
    u"s a.b.d 1.2.4 = ^q"_s,
    u"t e 5 ="_s,
    u"@web r running"_s,
    u"@paused r paused"_s,
    u"@old r exited"_s,
    u"@made q created"_s,
    u"@restarting s restarting"_s,
};

} // namespace

class TestSurvivalExplainer final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void imageReasons_data();
    void imageReasons();
    void layerReasons_data();
    void layerReasons();
};

void TestSurvivalExplainer::imageReasons_data()
{
    QTest::addColumn<QChar>("image");
    QTest::addColumn<QString>("expected");
    // References in the order of their normalised names (docker.io/library/alpha:1 <
    // alpha:2 < alpha@sha256… < zeta:1), as the engine's reference store lists them.
    QTest::newRow("tags and digests, running before stopped") << QChar(u'r')
        << u"tag:alpha:1 tag:alpha:2 digest:alpha@sha256:00 tag:zeta:1 running:web "
           u"running:paused stopped:old"_s;
    QTest::newRow("children in index order and a created container") << QChar(u'q')
        << u"child:r child:s stopped:made"_s;
    QTest::newRow("tag and child") << QChar(u'p') << u"tag:base:1 child:q"_s;
    QTest::newRow("restarting counts as running") << QChar(u's') << u"running:restarting"_s;
    QTest::newRow("nothing keeps it") << QChar(u't') << QString();
    QTest::newRow("not in the snapshot") << QChar(u'9') << QString();
}

void TestSurvivalExplainer::imageReasons()
{
    QFETCH(QChar, image);
    QFETCH(QString, expected);
    const Snapshot snapshot = Testing::snapshotFromSpec(Sample);
    const LayerGraph graph(snapshot);
    QCOMPARE(describe(SurvivalExplainer::imageReasons(snapshot, graph, Testing::imageId(image))),
             expected);
}

void TestSurvivalExplainer::layerReasons_data()
{
    QTest::addColumn<QString>("diffs");
    QTest::addColumn<QString>("expected");
    QTest::newRow("base: every image on it, every container above it") << u"a"_s
        << u"image:p image:q image:r image:s container:web container:paused container:old "
           u"container:made container:restarting"_s;
    QTest::newRow("middle layer") << u"ab"_s
        << u"image:q image:r image:s container:web container:paused container:old "
           u"container:made container:restarting"_s;
    QTest::newRow("top layer of one image") << u"abc"_s
        << u"image:r container:web container:paused container:old"_s;
    QTest::newRow("unshared root, no container") << u"e"_s << u"image:t"_s;
    QTest::newRow("unknown layer") << u"x"_s << QString();
}

void TestSurvivalExplainer::layerReasons()
{
    QFETCH(QString, diffs);
    QFETCH(QString, expected);
    const Snapshot snapshot = Testing::snapshotFromSpec(Sample);
    const LayerGraph graph(snapshot);
    QStringList diffIds;
    for (const QChar c : diffs)
        diffIds << Testing::diffId(c);
    const QString chainId = Digest::chainIds(diffIds).constLast();
    QCOMPARE(describe(SurvivalExplainer::layerReasons(snapshot, graph, chainId)), expected);
}

QTEST_GUILESS_MAIN(TestSurvivalExplainer)
#include "tst_survivalexplainer.moc"
