#include "snapshot.h"

#include <QTest>

using namespace Strata;
using namespace Qt::StringLiterals;

namespace {

QString id(char c)
{
    return u"sha256:"_s + QString(64, QLatin1Char(c));
}

ImageRecord image(char c, char parent = 0)
{
    ImageRecord record;
    record.id = id(c);
    record.parentId = parent ? id(parent) : QString();
    return record;
}

ContainerRecord container(const char *name, char imageChar, const char *state)
{
    ContainerRecord record;
    record.id = QString(64, QLatin1Char('c'));
    record.names = { QString::fromLatin1(name) };
    record.imageId = id(imageChar);
    record.state = QString::fromLatin1(state);
    return record;
}

// a <- b <- c, a <- d; e alone; containers on b (two) and e.
Snapshot sample()
{
    return Snapshot({ image('a'), image('b', 'a'), image('c', 'b'), image('d', 'a'), image('e') },
        { container("one", 'b', "running"), container("two", 'e', "exited"),
            container("three", 'b', "created") },
        QDateTime::fromSecsSinceEpoch(1796406000));
}

} // namespace

class TestSnapshot final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void empty();
    void lookups_data();
    void lookups();
    void isRunning_data();
    void isRunning();
};

void TestSnapshot::empty()
{
    const Snapshot snapshot;
    QVERIFY(snapshot.isEmpty());
    QCOMPARE(snapshot.indexOfImage(id('a')), qsizetype(-1));
    QCOMPARE(snapshot.image(id('a')), nullptr);
    QVERIFY(!sample().isEmpty());
    QCOMPARE(sample().takenAt().toSecsSinceEpoch(), qint64(1796406000));
}

void TestSnapshot::lookups_data()
{
    QTest::addColumn<QString>("imageId");
    QTest::addColumn<qsizetype>("index");
    QTest::addColumn<QList<qsizetype>>("children");
    QTest::addColumn<QList<qsizetype>>("containers");

    using Indexes = QList<qsizetype>;
    QTest::newRow("root with two children")
        << id('a') << qsizetype(0) << Indexes { 1, 3 } << Indexes {};
    QTest::newRow("middle, two containers")
        << id('b') << qsizetype(1) << Indexes { 2 } << Indexes { 0, 2 };
    QTest::newRow("leaf") << id('c') << qsizetype(2) << Indexes {} << Indexes {};
    QTest::newRow("alone, one container") << id('e') << qsizetype(4) << Indexes {} << Indexes { 1 };
    QTest::newRow("unknown") << id('f') << qsizetype(-1) << Indexes {} << Indexes {};
    QTest::newRow("short ID is not an ID")
        << id('a').left(19) << qsizetype(-1) << Indexes {} << Indexes {};
}

void TestSnapshot::lookups()
{
    QFETCH(QString, imageId);
    QFETCH(qsizetype, index);
    QFETCH(QList<qsizetype>, children);
    QFETCH(QList<qsizetype>, containers);

    const Snapshot snapshot = sample();
    QCOMPARE(snapshot.indexOfImage(imageId), index);
    if (index < 0)
        QCOMPARE(snapshot.image(imageId), nullptr);
    else
        QCOMPARE(snapshot.image(imageId), &snapshot.images().at(index));
    QCOMPARE(snapshot.childrenOf(imageId), children);
    QCOMPARE(snapshot.hasChildren(imageId), !children.isEmpty());
    QCOMPARE(snapshot.containersOf(imageId), containers);
}

void TestSnapshot::isRunning_data()
{
    QTest::addColumn<QString>("state");
    QTest::addColumn<bool>("running");

    // The engine keeps Running set while paused or restarting (SEMANTICS.md §2.1).
    const QList<std::pair<const char *, bool>> table = {
        { "created", false },
        { "running", true },
        { "paused", true },
        { "restarting", true },
        { "removing", false },
        { "exited", false },
        { "dead", false },
    };
    for (const auto &[state, running] : table)
        QTest::newRow(state) << QString::fromLatin1(state) << running;
}

void TestSnapshot::isRunning()
{
    QFETCH(QString, state);
    QFETCH(bool, running);
    QCOMPARE(container("x", 'a', qPrintable(state)).isRunning(), running);
}

QTEST_GUILESS_MAIN(TestSnapshot)
#include "tst_snapshot.moc"
