#include "dockercli.h"
#include "endpoint.h"
#include "engineclient.h"
#include "removalplanner.h"
#include "snapshotloader.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Strata;
using namespace Strata::Testing;
using namespace Qt::StringLiterals;

namespace {

// What the scenarios run inside containers and builds; each is a link to /bin/busybox.
const QStringList Applets = {u"sh"_s, u"true"_s, u"sleep"_s, u"top"_s, u"touch"_s,
                             u"mkdir"_s, u"echo"_s, u"ls"_s, u"cat"_s};
constexpr int SleepingSeconds = 1000000;
// Cleaning removes images child-first by retrying: a parent refuses while it has children.
constexpr int CleanRounds = 8;

QString describe(const RemovalRequest &request)
{
    return u"rmi%1%2 \"%3\""_s.arg(request.force ? u" -f"_s : QString(),
                                   request.noPrune ? u" --no-prune"_s : QString(),
                                   request.reference);
}

QString recordLines(const QList<RemovalRecord> &records)
{
    QStringList lines;
    for (const RemovalRecord &record : records)
        lines.append(u"      "_s + record.text());
    return lines.isEmpty() ? u"      (no records)"_s : lines.join(u'\n');
}

QString plannedText(const PlannedStep &step)
{
    QString text = step.succeeds() ? u"200\n"_s + recordLines(step.records)
                                   : u"%1 %2"_s.arg(step.httpStatus).arg(step.errorMessage);
    for (const QString &alternative : step.alternativeErrorMessages)
        text += u"\n      or: "_s + alternative;
    return text;
}

QString engineText(const RemovalOutcome &outcome)
{
    if (outcome.succeeded())
        return u"200\n"_s + recordLines(outcome.records);
    return u"%1 %2"_s.arg(outcome.httpStatus).arg(outcome.errorMessage);
}

int countUntagged(const RemovalOutcome &outcome)
{
    return int(std::count_if(outcome.records.cbegin(), outcome.records.cend(),
                             [](const RemovalRecord &record) {
                                 return record.kind == RemovalRecord::Kind::Untagged;
                             }));
}

bool hasRecord(const RemovalOutcome &outcome, const QString &text)
{
    for (const RemovalRecord &record : outcome.records) {
        if (record.text() == text)
            return true;
    }
    return false;
}

} // namespace

// The scenarios of Docker's own removal tests (SEMANTICS.md §6.1, §6.2 item 3, §6.4 items 1
// and 7), one slot each, named after Docker's test. Each sets its engine up with the docker
// CLI as Docker's test does; every removal in it is planned on a fresh snapshot, sent through
// EngineClient, and must (a) be answered exactly as planned and (b) meet the expectation of
// Docker's test. init() brings the engine back to busybox alone before each scenario.
class TestPeerScenarios final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    // §6.1: integration-cli/docker_cli_rmi_test.go
    void rmiWithContainerFails();
    void rmiTag();
    void rmiImgIdMultipleTag();
    void rmiImgIdForce();
    void rmiImageIdForceWithRunningContainersAndMultipleTags();
    void rmiTagWithExistingContainers();
    void rmiForceWithExistingContainers();
    void rmiWithMultipleRepositories();
    void rmiForceWithMultipleRepositories();
    void rmiBlank();
    void rmiContainerImageNotFound();
    void rmiUntagHistoryLayer();
    void rmiParentImageFail();
    void rmiWithParentInUse();
    void rmiByIdHardConflict();
    // §6.2 item 3: integration-cli/docker_api_images_test.go (M20)
    void apiImagesDelete();
    // §6.4 items 1 and 7: integration/image/remove_test.go
    void removeImageOrphaning();
    void apiImagesDeleteMoved();

private:
    bool docker(const QStringList &arguments, QString *output = nullptr);
    bool docker(const QString &commandLine, QString *output = nullptr);
    bool imageId(const QString &reference, QString *id);
    bool build(const QString &dockerfile, const QStringList &options, QString *id = nullptr);
    bool runSleeping(const QString &image, QString *containerId = nullptr);
    bool runExited(const QString &arguments, QString *containerId = nullptr);
    bool imageLineCount(int *count);
    bool removeAsPlanned(const RemovalRequest &request, RemovalOutcome *outcome);
    bool importBusybox();
    bool removeAllContainers();
    bool removeAllImagesButBusybox();
    bool untagBusyboxExtras();

    QString m_host;
    Endpoint m_endpoint;
    std::unique_ptr<EngineClient> m_client;
    QString m_busyboxId;
    QString m_failure; // why the last helper returned false, for QVERIFY2
};

void TestPeerScenarios::initTestCase()
{
    // A loader line per snapshot would bury the scenario's own messages.
    QLoggingCategory::setFilterRules(u"strata.engine.info=false"_s);
    // Docker's tests predate BuildKit: the classic builder records the parent links they test.
    qputenv("DOCKER_BUILDKIT", "0");
    m_host = fixtureHost("peer");
    if (m_host.isEmpty())
        QFAIL("STRATA_TEST_HOST_PEER is not set: run through ctest");
    EngineError error;
    QVERIFY2(Endpoint::parse(m_host, &m_endpoint, &error), qPrintable(error.detail));
    m_client = std::make_unique<EngineClient>(m_endpoint);
    error = m_client->negotiate();
    QVERIFY2(!error.isError(), qPrintable(error.detail));
    QVERIFY2(importBusybox(), qPrintable(m_failure));
}

void TestPeerScenarios::init()
{
    QVERIFY2(removeAllContainers(), qPrintable(m_failure));
    QVERIFY2(removeAllImagesButBusybox(), qPrintable(m_failure));
    QVERIFY2(untagBusyboxExtras(), qPrintable(m_failure));
    QString ids;
    QVERIFY2(docker(u"images -a -q --no-trunc"_s, &ids), qPrintable(m_failure));
    QCOMPARE(ids, m_busyboxId);
}

// TestRmiWithContainerFails: a container that ran from busybox keeps `rmi busybox` from
// removing the tag.
void TestPeerScenarios::rmiWithContainerFails()
{
    QVERIFY2(runExited(u"busybox true"_s), qPrintable(m_failure));

    RemovalOutcome outcome;
    QVERIFY2(removeAsPlanned({u"busybox"_s}, &outcome), qPrintable(m_failure));
    QVERIFY2(!outcome.succeeded(), qPrintable(engineText(outcome)));
    QVERIFY2(outcome.errorMessage.contains(u"is using it"_s), qPrintable(outcome.errorMessage));

    QString images;
    QVERIFY2(docker(u"images"_s, &images), qPrintable(m_failure));
    QVERIFY2(images.contains(u"busybox"_s), qPrintable(images));
}

// TestRmiTag: three tags of busybox; each `rmi <tag>` takes exactly one line off `images -a`.
void TestPeerScenarios::rmiTag()
{
    int before = 0;
    QVERIFY2(imageLineCount(&before), qPrintable(m_failure));
    for (const QString &tag : {u"utest:tag1"_s, u"utest/docker:tag2"_s,
                               u"utest:5000/docker:tag3"_s}) {
        QVERIFY2(docker({u"tag"_s, u"busybox"_s, tag}), qPrintable(m_failure));
    }
    int lines = 0;
    QVERIFY2(imageLineCount(&lines), qPrintable(m_failure));
    QCOMPARE(lines, before + 3);

    int expected = before + 3;
    for (const QString &tag : {u"utest/docker:tag2"_s, u"utest:5000/docker:tag3"_s,
                               u"utest:tag1"_s}) {
        RemovalOutcome outcome;
        QVERIFY2(removeAsPlanned({tag}, &outcome), qPrintable(m_failure));
        QVERIFY2(outcome.succeeded(), qPrintable(engineText(outcome)));
        QVERIFY2(imageLineCount(&lines), qPrintable(m_failure));
        QCOMPARE(lines, --expected);
    }
    QString id;
    QVERIFY2(imageId(u"busybox:latest"_s, &id), qPrintable(m_failure));
    QCOMPARE(id, m_busyboxId);
}

// TestRmiImgIDMultipleTag: a running container blocks `rmi <id>` of a thrice-tagged image
// with the exact hard-conflict text; stopped, `rmi -f <id>` removes it.
void TestPeerScenarios::rmiImgIdMultipleTag()
{
    QString container;
    QVERIFY2(runExited(u"busybox /bin/sh -c \"mkdir '/busybox-one'\""_s, &container),
             qPrintable(m_failure));
    QVERIFY2(docker({u"commit"_s, container, u"busybox-one"_s}), qPrintable(m_failure));
    int before = 0;
    QVERIFY2(imageLineCount(&before), qPrintable(m_failure));
    QVERIFY2(docker(u"tag busybox-one busybox-one:tag1"_s), qPrintable(m_failure));
    QVERIFY2(docker(u"tag busybox-one busybox-one:tag2"_s), qPrintable(m_failure));
    int after = 0;
    QVERIFY2(imageLineCount(&after), qPrintable(m_failure));
    QCOMPARE(after, before + 2);
    QString id;
    QVERIFY2(imageId(u"busybox-one:tag1"_s, &id), qPrintable(m_failure));
    QVERIFY2(runSleeping(u"busybox-one"_s, &container), qPrintable(m_failure));

    RemovalOutcome outcome;
    QVERIFY2(removeAsPlanned({id}, &outcome), qPrintable(m_failure));
    QCOMPARE(outcome.httpStatus, 409);
    QCOMPARE(outcome.errorMessage,
             u"conflict: unable to delete %1 (cannot be forced) - image is being used by "
             "running container %2"_s.arg(id.mid(7, 12), container.left(12)));

    // -t 0: the sleep of PID 1 ignores SIGTERM; the container ends up exited all the same.
    QVERIFY2(docker({u"stop"_s, u"-t"_s, u"0"_s, container}), qPrintable(m_failure));
    QVERIFY2(removeAsPlanned({id, true}, &outcome), qPrintable(m_failure));
    QVERIFY2(outcome.succeeded(), qPrintable(engineText(outcome)));
    QString images;
    QVERIFY2(docker(u"images -a"_s, &images), qPrintable(m_failure));
    QVERIFY2(!images.contains(id.mid(7, 12)), qPrintable(images));
}

// TestRmiImgIDForce: four more tags make `rmi <id>` a soft conflict; `rmi -f <id>` removes the
// image and every row of it.
void TestPeerScenarios::rmiImgIdForce()
{
    QString container;
    QVERIFY2(runExited(u"busybox /bin/sh -c \"mkdir '/busybox-test'\""_s, &container),
             qPrintable(m_failure));
    QVERIFY2(docker({u"commit"_s, container, u"busybox-test"_s}), qPrintable(m_failure));
    int before = 0;
    QVERIFY2(imageLineCount(&before), qPrintable(m_failure));
    for (const QString &tag : {u"utest:tag1"_s, u"utest:tag2"_s, u"utest/docker:tag3"_s,
                               u"utest:5000/docker:tag4"_s}) {
        QVERIFY2(docker({u"tag"_s, u"busybox-test"_s, tag}), qPrintable(m_failure));
    }
    int after = 0;
    QVERIFY2(imageLineCount(&after), qPrintable(m_failure));
    QCOMPARE(after, before + 4);
    QString id;
    QVERIFY2(imageId(u"busybox-test"_s, &id), qPrintable(m_failure));

    RemovalOutcome outcome;
    QVERIFY2(removeAsPlanned({id}, &outcome), qPrintable(m_failure));
    QCOMPARE(outcome.httpStatus, 409);
    QVERIFY2(outcome.errorMessage.contains(
                 u"(must be forced) - image is referenced in multiple repositories"_s),
             qPrintable(outcome.errorMessage));

    QVERIFY2(removeAsPlanned({id, true}, &outcome), qPrintable(m_failure));
    QVERIFY2(outcome.succeeded(), qPrintable(engineText(outcome)));
    QCOMPARE(countUntagged(outcome), 5);
    QString images;
    QVERIFY2(docker(u"images -a"_s, &images), qPrintable(m_failure));
    QVERIFY2(!images.contains(id.mid(7, 12)), qPrintable(images));
}

// TestRmiImageIDForceWithRunningContainersAndMultipleTags (moby#14116): force does not get
// past a running container.
void TestPeerScenarios::rmiImageIdForceWithRunningContainersAndMultipleTags()
{
    QString id;
    QVERIFY2(build(u"FROM busybox\nRUN echo test 14116\n"_s, {u"-t"_s, u"test-14116"_s}, &id),
             qPrintable(m_failure));
    QVERIFY2(docker({u"tag"_s, id, u"newtag"_s}), qPrintable(m_failure));
    QVERIFY2(runSleeping(id), qPrintable(m_failure));

    RemovalOutcome outcome;
    QVERIFY2(removeAsPlanned({id, true}, &outcome), qPrintable(m_failure));
    QVERIFY2(!outcome.succeeded(), qPrintable(engineText(outcome)));
    QVERIFY2(outcome.errorMessage.contains(
                 u"(cannot be forced) - image is being used by running container"_s),
             qPrintable(outcome.errorMessage));
}

// TestRmiTagWithExistingContainers: a second tag goes with exactly one Untagged line although a
// container uses the image.
void TestPeerScenarios::rmiTagWithExistingContainers()
{
    QVERIFY2(docker(u"tag busybox:latest busybox:newtag"_s), qPrintable(m_failure));
    QVERIFY2(docker(u"run --network none --name test-delete-tag busybox:latest /bin/true"_s),
             qPrintable(m_failure));

    RemovalOutcome outcome;
    QVERIFY2(removeAsPlanned({u"busybox:newtag"_s}, &outcome), qPrintable(m_failure));
    QVERIFY2(outcome.succeeded(), qPrintable(engineText(outcome)));
    QCOMPARE(countUntagged(outcome), 1);
}

// TestRmiForceWithExistingContainers: `rmi -f <name>` deletes an image that only a stopped
// container uses.
void TestPeerScenarios::rmiForceWithExistingContainers()
{
    QString id;
    QVERIFY2(build(u"FROM busybox\nMAINTAINER foo"_s,
                   {u"--no-cache"_s, u"-t"_s, u"busybox-clone"_s}, &id),
             qPrintable(m_failure));
    QVERIFY2(docker(u"run --network none --name test-force-rmi busybox-clone /bin/true"_s),
             qPrintable(m_failure));

    RemovalOutcome outcome;
    QVERIFY2(removeAsPlanned({u"busybox-clone"_s, true}, &outcome), qPrintable(m_failure));
    QVERIFY2(outcome.succeeded(), qPrintable(engineText(outcome)));
    QVERIFY2(hasRecord(outcome, u"Deleted: "_s + id), qPrintable(engineText(outcome)));
    QVERIFY2(!docker({u"image"_s, u"inspect"_s, id}), "the image is still there");
}

// TestRmiWithMultipleRepositories: a commit tagged busybox:test goes by its tag while
// busybox has a second repository.
void TestPeerScenarios::rmiWithMultipleRepositories()
{
    QVERIFY2(docker(u"tag busybox 127.0.0.1:5000/busybox"_s), qPrintable(m_failure));
    QVERIFY2(docker(u"run --network none --name test busybox touch /abcd"_s),
             qPrintable(m_failure));
    QVERIFY2(docker(u"commit test busybox:test"_s), qPrintable(m_failure));

    RemovalOutcome outcome;
    QVERIFY2(removeAsPlanned({u"busybox:test"_s}, &outcome), qPrintable(m_failure));
    QVERIFY2(hasRecord(outcome, u"Untagged: busybox:test"_s), qPrintable(engineText(outcome)));
}

// TestRmiForceWithMultipleRepositories: `rmi -f` of one of two tags untags only that one.
void TestPeerScenarios::rmiForceWithMultipleRepositories()
{
    QVERIFY2(build(u"FROM busybox\n\t\tMAINTAINER \"docker\""_s, {u"-t"_s, u"rmiimage:tag1"_s}),
             qPrintable(m_failure));
    QVERIFY2(docker(u"tag rmiimage:tag1 rmiimage:tag2"_s), qPrintable(m_failure));

    RemovalOutcome outcome;
    QVERIFY2(removeAsPlanned({u"rmiimage:tag2"_s, true}, &outcome), qPrintable(m_failure));
    QVERIFY2(hasRecord(outcome, u"Untagged: rmiimage:tag2"_s), qPrintable(engineText(outcome)));
    QVERIFY2(!hasRecord(outcome, u"Untagged: rmiimage:tag1"_s),
             qPrintable(engineText(outcome)));
    QString images;
    QVERIFY2(docker(u"images -a"_s, &images), qPrintable(m_failure));
    QVERIFY2(images.contains(u"rmiimage"_s), qPrintable(images));
}

// TestRmiBlank: a blank name is refused as blank, not looked up.
void TestPeerScenarios::rmiBlank()
{
    RemovalOutcome outcome;
    QVERIFY2(removeAsPlanned({u" "_s}, &outcome), qPrintable(m_failure));
    QVERIFY2(!outcome.succeeded(), qPrintable(engineText(outcome)));
    QVERIFY2(!outcome.errorMessage.contains(u"no such id"_s), qPrintable(outcome.errorMessage));
    QVERIFY2(outcome.errorMessage.contains(u"image name cannot be blank"_s),
             qPrintable(outcome.errorMessage));
}

// TestRmiContainerImageNotFound: force deletes the image of an exited container, but not the
// image of a running one.
void TestPeerScenarios::rmiContainerImageNotFound()
{
    QStringList ids;
    for (const QString &name : {u"test1"_s, u"test2"_s}) {
        QString id;
        QVERIFY2(build(u"FROM busybox\nMAINTAINER %1\nRUN echo %1\n"_s.arg(name),
                       {u"--no-cache"_s, u"-t"_s, name}, &id),
                 qPrintable(m_failure));
        ids.append(id);
    }
    QVERIFY2(runSleeping(u"test1"_s), qPrintable(m_failure));
    QVERIFY2(docker(u"run --network none test2 true"_s), qPrintable(m_failure));

    RemovalOutcome outcome;
    QVERIFY2(removeAsPlanned({ids.at(1), true}, &outcome), qPrintable(m_failure));
    QVERIFY2(outcome.succeeded(), qPrintable(engineText(outcome)));

    QVERIFY2(removeAsPlanned({ids.at(0), true}, &outcome), qPrintable(m_failure));
    QVERIFY2(!outcome.succeeded(), qPrintable(engineText(outcome)));
    QVERIFY2(outcome.errorMessage.contains(u"image is being used by running container"_s),
             qPrintable(outcome.errorMessage));
}

// TestRmiUntagHistoryLayer (moby#13422): a tag on an intermediate image of a build goes alone;
// with a container of its own it needs -f.
void TestPeerScenarios::rmiUntagHistoryLayer()
{
    QVERIFY2(build(u"FROM busybox\nMAINTAINER foo\nRUN echo 0 #layer0\nRUN echo 1 #layer1\n"
                   "RUN echo 2 #layer2\n"_s,
                   {u"--no-cache"_s, u"-t"_s, u"tmp1"_s}),
             qPrintable(m_failure));
    QString history;
    QVERIFY2(docker(u"history -q tmp1"_s, &history), qPrintable(m_failure));
    const QStringList ids = history.split(u'\n');
    QVERIFY2(ids.size() > 2, qPrintable(history));
    const QString idToTag = ids.at(2);
    QVERIFY2(docker({u"tag"_s, idToTag, u"tmp2"_s}), qPrintable(m_failure));
    QVERIFY2(runExited(u"tmp1 true"_s), qPrintable(m_failure));

    RemovalOutcome outcome;
    QVERIFY2(removeAsPlanned({u"tmp2"_s}, &outcome), qPrintable(m_failure));
    QVERIFY2(outcome.succeeded(), qPrintable(engineText(outcome)));
    QCOMPARE(countUntagged(outcome), 1);

    QVERIFY2(docker({u"tag"_s, idToTag, u"tmp2"_s}), qPrintable(m_failure));
    QString container;
    QVERIFY2(runExited(u"tmp2 true"_s, &container), qPrintable(m_failure));
    QVERIFY2(removeAsPlanned({u"tmp2"_s}, &outcome), qPrintable(m_failure));
    QVERIFY2(!outcome.succeeded(), qPrintable(engineText(outcome)));
    QVERIFY2(outcome.errorMessage.contains(container.left(12)),
             qPrintable(outcome.errorMessage));
    QVERIFY2(outcome.errorMessage.contains(u"(must force)"_s), qPrintable(outcome.errorMessage));

    QVERIFY2(removeAsPlanned({u"tmp2"_s, true}, &outcome), qPrintable(m_failure));
    QVERIFY2(hasRecord(outcome, u"Untagged: tmp2:latest"_s), qPrintable(engineText(outcome)));
}

// TestRmiParentImageFail: busybox cannot go by ID while a build on it exists.
void TestPeerScenarios::rmiParentImageFail()
{
    QVERIFY2(build(u"\n\tFROM busybox\n\tRUN echo hello"_s, {u"-t"_s, u"test"_s}),
             qPrintable(m_failure));

    RemovalOutcome outcome;
    QVERIFY2(removeAsPlanned({m_busyboxId}, &outcome), qPrintable(m_failure));
    QVERIFY2(!outcome.succeeded(), qPrintable(engineText(outcome)));
    QVERIFY2(outcome.errorMessage.contains(u"image has dependent child images"_s),
             qPrintable(outcome.errorMessage));
}

// TestRmiWithParentInUse: deleting an untagged commit prunes nothing of a parent a container
// still uses.
void TestPeerScenarios::rmiWithParentInUse()
{
    QString container;
    QVERIFY2(docker(u"create --network none busybox"_s, &container), qPrintable(m_failure));
    QString parent;
    QVERIFY2(docker({u"commit"_s, container}, &parent), qPrintable(m_failure));
    QVERIFY2(docker({u"create"_s, u"--network"_s, u"none"_s, parent}, &container),
             qPrintable(m_failure));
    QString child;
    QVERIFY2(docker({u"commit"_s, container}, &child), qPrintable(m_failure));

    RemovalOutcome outcome;
    QVERIFY2(removeAsPlanned({child}, &outcome), qPrintable(m_failure));
    QVERIFY2(outcome.succeeded(), qPrintable(engineText(outcome)));
    QVERIFY2(docker({u"image"_s, u"inspect"_s, parent}), "the parent in use went too");
}

// TestRmiByIDHardConflict (moby#18873): a failed `rmi <id12>` leaves the tag in place.
void TestPeerScenarios::rmiByIdHardConflict()
{
    QVERIFY2(docker(u"create --network none busybox"_s), qPrintable(m_failure));

    // Docker's test sends imgID[:12] of "sha256:<hex>": "sha256:" and 5 hex digits, which the
    // engine takes as an ID prefix all the same.
    RemovalOutcome outcome;
    QVERIFY2(removeAsPlanned({m_busyboxId.mid(0, 12)}, &outcome), qPrintable(m_failure));
    QVERIFY2(!outcome.succeeded(), qPrintable(engineText(outcome)));
    QString id;
    QVERIFY2(imageId(u"busybox:latest"_s, &id), qPrintable(m_failure));
    QCOMPARE(id, m_busyboxId);
}

// TestAPIImagesDelete (M20): by ID with two tags is a conflict, a missing tag is 404, and the
// second tag goes.
void TestPeerScenarios::apiImagesDelete()
{
    QString id;
    QVERIFY2(build(u"FROM busybox\nENV FOO bar"_s, {u"-t"_s, u"test-api-images-delete"_s}, &id),
             qPrintable(m_failure));
    QVERIFY2(docker(u"tag test-api-images-delete test:tag1"_s), qPrintable(m_failure));

    RemovalOutcome outcome;
    QVERIFY2(removeAsPlanned({id}, &outcome), qPrintable(m_failure));
    QCOMPARE(outcome.httpStatus, 409);
    QVERIFY2(outcome.errorMessage.contains(u"unable to delete"_s),
             qPrintable(outcome.errorMessage));
    QVERIFY2(removeAsPlanned({u"test:noexist"_s}, &outcome), qPrintable(m_failure));
    QCOMPARE(outcome.httpStatus, 404);
    QVERIFY2(outcome.errorMessage.contains(u"No such image"_s), qPrintable(outcome.errorMessage));
    QVERIFY2(removeAsPlanned({u"test:tag1"_s}, &outcome), qPrintable(m_failure));
    QCOMPARE(outcome.httpStatus, 200);
}

// TestRemoveImageOrphaning: a tag moved to a commit of a commit; removing it deletes the newer
// image and keeps the older one, which a container uses.
void TestPeerScenarios::removeImageOrphaning()
{
    const QString name = u"test-container-orphaning"_s;
    QString container;
    QVERIFY2(docker({u"create"_s, u"--network"_s, u"none"_s, u"busybox"_s, QString()},
                    &container),
             qPrintable(m_failure));
    QString first;
    QVERIFY2(docker({u"commit"_s, u"--change"_s, u"ENTRYPOINT [\"true\"]"_s, container, name},
                    &first),
             qPrintable(m_failure));
    QString id;
    QVERIFY2(imageId(name, &id), qPrintable(m_failure));
    QCOMPARE(id, first);
    QVERIFY2(docker({u"create"_s, u"--network"_s, u"none"_s, name, QString()}, &container),
             qPrintable(m_failure));
    QString second;
    QVERIFY2(docker({u"commit"_s, u"--change"_s, u"LABEL Maintainer=\"Integration Tests\""_s,
                     container, name},
                    &second),
             qPrintable(m_failure));
    QVERIFY2(imageId(name, &id), qPrintable(m_failure));
    QCOMPARE(id, second);

    RemovalOutcome outcome;
    QVERIFY2(removeAsPlanned({name}, &outcome), qPrintable(m_failure));
    QVERIFY2(outcome.succeeded(), qPrintable(engineText(outcome)));
    QVERIFY2(imageId(first, &id), qPrintable(m_failure));
    QCOMPARE(id, first);
    QString output;
    QVERIFY2(!docker({u"image"_s, u"inspect"_s, second}, &output), "the second image is there");
    QVERIFY2(m_failure.contains(u"No such image:"_s), qPrintable(m_failure));
}

// TestAPIImagesDelete (M29, integration/image): as above, with an untagged build tagged twice
// afterwards and the messages' exact words.
void TestPeerScenarios::apiImagesDeleteMoved()
{
    QString id;
    QVERIFY2(build(u"FROM busybox\nENV FOO=bar"_s, {}, &id), qPrintable(m_failure));
    QVERIFY2(docker({u"tag"_s, id, u"test-api-images-delete"_s}), qPrintable(m_failure));
    QVERIFY2(docker({u"tag"_s, id, u"test:tag1"_s}), qPrintable(m_failure));

    RemovalOutcome outcome;
    QVERIFY2(removeAsPlanned({id}, &outcome), qPrintable(m_failure));
    QCOMPARE(outcome.httpStatus, 409);
    QVERIFY2(outcome.errorMessage.contains(u"unable to delete "_s + id.mid(7, 12)),
             qPrintable(outcome.errorMessage));
    QVERIFY2(removeAsPlanned({u"test:noexist"_s}, &outcome), qPrintable(m_failure));
    QCOMPARE(outcome.httpStatus, 404);
    QVERIFY2(outcome.errorMessage.contains(u"No such image: test:noexist"_s),
             qPrintable(outcome.errorMessage));
    QVERIFY2(removeAsPlanned({u"test:tag1"_s}, &outcome), qPrintable(m_failure));
    QCOMPARE(outcome.httpStatus, 200);
}

// ---------------------------------------------------------------- helpers

// The docker CLI on the peer engine; output is stdout without its trailing newline. On a
// non-zero exit m_failure holds the command and what it said.
bool TestPeerScenarios::docker(const QStringList &arguments, QString *output)
{
    const DockerRun run = runDocker(m_host, arguments);
    if (output)
        *output = QString::fromUtf8(run.standardOutput).trimmed();
    if (run.exitCode == 0)
        return true;
    m_failure = u"docker %1: exit %2\n%3%4"_s.arg(arguments.join(u' ')).arg(run.exitCode)
                    .arg(QString::fromUtf8(run.standardOutput),
                         QString::fromUtf8(run.standardError));
    return false;
}

// The same with the arguments in one string; double quotes group words.
bool TestPeerScenarios::docker(const QString &commandLine, QString *output)
{
    return docker(QProcess::splitCommand(commandLine), output);
}

bool TestPeerScenarios::imageId(const QString &reference, QString *id)
{
    return docker({u"image"_s, u"inspect"_s, u"--format"_s, u"{{.Id}}"_s, reference}, id);
}

// A classic (non-BuildKit) build of a one-file context, as Docker's buildImageSuccessfully.
bool TestPeerScenarios::build(const QString &dockerfile, const QStringList &options,
                              QString *id)
{
    QTemporaryDir context;
    QFile file(context.filePath(u"Dockerfile"_s));
    if (!context.isValid() || !file.open(QIODevice::WriteOnly)) {
        m_failure = u"cannot write a build context"_s;
        return false;
    }
    file.write(dockerfile.toUtf8());
    file.close();
    QString output;
    if (!docker(QStringList{u"build"_s, u"-q"_s} + options + QStringList{context.path()},
                &output)) {
        return false;
    }
    if (id)
        *id = output;
    return true;
}

// A container that stays running, as Docker's runSleepingContainerInImage.
bool TestPeerScenarios::runSleeping(const QString &image, QString *containerId)
{
    return docker({u"run"_s, u"-d"_s, u"--network"_s, u"none"_s, image, u"sleep"_s,
                   QString::number(SleepingSeconds)},
                  containerId);
}

// `docker run -d <arguments>` of a short command, then waits for it: the snapshot must see
// the container in the state the engine will judge it in.
bool TestPeerScenarios::runExited(const QString &arguments, QString *containerId)
{
    QString id;
    if (!docker(QStringList{u"run"_s, u"-d"_s, u"--network"_s, u"none"_s}
                    + QProcess::splitCommand(arguments),
                &id)
        || !docker({u"wait"_s, id})) {
        return false;
    }
    if (containerId)
        *containerId = id;
    return true;
}

bool TestPeerScenarios::imageLineCount(int *count)
{
    QString output;
    if (!docker(u"images -a"_s, &output))
        return false;
    *count = int(output.count(u'\n')) + 1;
    return true;
}

// Plans the request on a fresh snapshot, sends it through EngineClient and checks that the
// engine answered as planned; m_failure shows both answers otherwise.
bool TestPeerScenarios::removeAsPlanned(const RemovalRequest &request, RemovalOutcome *outcome)
{
    const SnapshotLoader::Result loaded = SnapshotLoader::load(m_endpoint);
    if (loaded.error.isError()) {
        m_failure = u"snapshot failed: "_s + loaded.error.detail;
        return false;
    }
    const RemovalPlan plan = RemovalPlanner::plan(loaded.snapshot, {request});
    if (plan.steps.size() != 1) {
        m_failure = u"%1: the plan has %2 steps"_s.arg(describe(request))
                        .arg(plan.steps.size());
        return false;
    }
    const PlannedStep &step = plan.steps.constFirst();
    m_client->removeImage(request, outcome);
    if (outcome->httpStatus == 0) {
        m_failure = u"%1: %2"_s.arg(describe(request), outcome->errorMessage);
        return false;
    }
    if (!step.matches(*outcome)) {
        m_failure = u"%1: the engine did not answer as planned\n  planned: %2\n  engine:  %3"_s
                        .arg(describe(request), plannedText(step), engineText(*outcome));
        return false;
    }
    qInfo().noquote() << describe(request) << u"->"_s << engineText(*outcome);
    return true;
}

// busybox:latest as Docker's test environment has it: one layer holding a static busybox and
// the applets the scenarios run, no parent, one tag.
bool TestPeerScenarios::importBusybox()
{
    QTemporaryDir root;
    const QDir dir(root.path());
    if (!root.isValid() || !dir.mkpath(u"bin"_s) || !dir.mkpath(u"tmp"_s)
        || !QFile::copy(u"/bin/busybox"_s, dir.filePath(u"bin/busybox"_s))) {
        m_failure = u"cannot copy /bin/busybox (Debian's busybox-static)"_s;
        return false;
    }
    for (const QString &applet : Applets)
        QFile::link(u"busybox"_s, dir.filePath(u"bin/"_s + applet));
    const QString archive = root.filePath(u"busybox.tar"_s);
    if (QProcess::execute(u"tar"_s, {u"-C"_s, root.path(), u"-cf"_s, archive, u"bin"_s,
                                     u"tmp"_s})
        != 0) {
        m_failure = u"tar failed"_s;
        return false;
    }
    if (!docker({u"import"_s, u"--change"_s, u"CMD [\"sh\"]"_s, archive, u"busybox:latest"_s},
                &m_busyboxId)) {
        return false;
    }
    return true;
}

bool TestPeerScenarios::removeAllContainers()
{
    QString ids;
    if (!docker(u"ps -a -q --no-trunc"_s, &ids))
        return false;
    if (ids.isEmpty())
        return true;
    return docker(QStringList{u"rm"_s, u"-f"_s} + ids.split(u'\n'));
}

// Every image but busybox goes, children before parents; failures of one round (a parent
// that still has children, an image already pruned) are retried in the next.
bool TestPeerScenarios::removeAllImagesButBusybox()
{
    for (int round = 0; round < CleanRounds; ++round) {
        QString output;
        if (!docker(u"images -a -q --no-trunc"_s, &output))
            return false;
        QStringList ids = output.split(u'\n', Qt::SkipEmptyParts);
        ids.removeDuplicates();
        ids.removeAll(m_busyboxId);
        if (ids.isEmpty())
            return true;
        docker(QStringList{u"rmi"_s, u"-f"_s} + ids);
    }
    m_failure = u"images remain after %1 rounds of rmi -f"_s.arg(CleanRounds);
    return false;
}

bool TestPeerScenarios::untagBusyboxExtras()
{
    QString tags;
    if (!docker({u"image"_s, u"inspect"_s, u"--format"_s, u"{{join .RepoTags \"\\n\"}}"_s,
                 m_busyboxId},
                &tags)) {
        return false;
    }
    QStringList extras = tags.split(u'\n', Qt::SkipEmptyParts);
    if (!extras.removeOne(u"busybox:latest"_s) && !docker({u"tag"_s, m_busyboxId,
                                                            u"busybox:latest"_s})) {
        return false;
    }
    return extras.isEmpty() || docker(QStringList{u"rmi"_s} + extras);
}

QTEST_GUILESS_MAIN(TestPeerScenarios)
#include "tst_peerscenarios.moc"
