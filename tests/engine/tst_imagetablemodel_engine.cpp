// The image table against the real Docker CLI on the same engine: every row the model shows
// must be a row `docker image ls` prints, with the same REPOSITORY, TAG, DIGEST, IMAGE ID,
// CREATED and SIZE text, with and without -a and --digests.
#include "dockercli.h"
#include "imagetablemodel.h"
#include "snapshotloader.h"

#include <QDateTime>
#include <QTest>

#include <algorithm>

using namespace Strata;

namespace {

const QString Separator = QStringLiteral("|");

QStringList cliRows(const QString &host, bool all, bool digests)
{
    QStringList arguments{QStringLiteral("image"), QStringLiteral("ls"),
                          QStringLiteral("--format")};
    QString format = QStringLiteral("{{.Repository}}|{{.Tag}}|");
    if (digests)
        format += QStringLiteral("{{.Digest}}|");
    arguments << format + QStringLiteral("{{.ID}}|{{.CreatedSince}}|{{.Size}}");
    if (all)
        arguments << QStringLiteral("-a");
    if (digests)
        arguments << QStringLiteral("--digests");
    const Testing::DockerRun run = Testing::runDocker(host, arguments);
    if (run.exitCode != 0)
        qWarning() << "docker failed:" << run.standardError;
    return run.outputLines();
}

QStringList modelRows(const ImageTableModel &model, bool digests)
{
    QStringList rows;
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        // The columns `docker image ls` prints; SHARED and UNIQUE SIZE are `docker system df`'s.
        for (int column = 0; column <= ImageTableModel::SizeColumn; ++column) {
            if (column == ImageTableModel::DigestColumn && !digests)
                continue;
            cells << model.index(row, column).data().toString();
        }
        rows << cells.join(Separator);
    }
    return rows;
}

// The CLI orders repository groups of one image at random and images of equal age in map
// order, so rows are compared as sorted lists; the model's own order is checked separately.
QStringList sorted(QStringList rows)
{
    std::sort(rows.begin(), rows.end());
    return rows;
}

} // namespace

class TestImageTableModelOnEngine final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rowsEqualDockerImageLs_data();
    void rowsEqualDockerImageLs();
    void rowsAreNewestFirst();

private:
    QString m_host;
    Snapshot m_snapshot;
};

void TestImageTableModelOnEngine::initTestCase()
{
    m_host = Testing::fixtureHost("sandbox");
    QVERIFY2(!m_host.isEmpty(), "STRATA_TEST_HOST_SANDBOX is not set: run through ctest");
    Endpoint endpoint;
    EngineError error;
    QVERIFY2(Endpoint::parse(m_host, &endpoint, &error), qPrintable(error.detail));
    const SnapshotLoader::Result result = SnapshotLoader::load(endpoint);
    QVERIFY2(!result.error.isError(), qPrintable(result.error.detail));
    m_snapshot = result.snapshot;
    QVERIFY(m_snapshot.images().size() >= 6);
}

void TestImageTableModelOnEngine::rowsEqualDockerImageLs_data()
{
    QTest::addColumn<bool>("all");
    QTest::addColumn<bool>("digests");
    QTest::newRow("docker image ls") << false << false;
    QTest::newRow("docker image ls -a") << true << false;
    QTest::newRow("docker image ls --digests") << false << true;
    QTest::newRow("docker image ls -a --digests") << true << true;
}

void TestImageTableModelOnEngine::rowsEqualDockerImageLs()
{
    QFETCH(bool, all);
    QFETCH(bool, digests);
    ImageTableModel model;
    model.setOptions({all, digests});
    model.setSnapshot(m_snapshot);
    // Ages are read at the moment the CLI runs, so both sides round the same duration.
    model.setNow(QDateTime::currentSecsSinceEpoch());
    const QStringList expected = cliRows(m_host, all, digests);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(sorted(modelRows(model, digests)), sorted(expected));
}

void TestImageTableModelOnEngine::rowsAreNewestFirst()
{
    ImageTableModel model;
    model.setOptions({true, false});
    model.setSnapshot(m_snapshot);
    for (int row = 1; row < model.rowCount(); ++row)
        QVERIFY(model.rowAt(row - 1).created >= model.rowAt(row).created);
}

QTEST_GUILESS_MAIN(TestImageTableModelOnEngine)
#include "tst_imagetablemodel_engine.moc"
