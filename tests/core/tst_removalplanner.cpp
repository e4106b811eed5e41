#include "removalplanner.h"

#include "digest.h"
#include "planfingerprint.h"
#include "syntheticsnapshot.h"

#include <QRegularExpression>
#include <QTest>

#include <functional>

using namespace Strata;
using namespace Qt::StringLiterals;

// Each row replays `docker image rm` requests over a handcrafted snapshot and compares every
// step with what dockerd 20.10.24 answers (SEMANTICS.md §2; the rows marked "verified" repeat
// transcripts recorded there against the real engine). Expected steps are written as the CLI
// would print them, with placeholders for IDs: {id:X} full image ID, {id12:X}, {hex:X},
// {layer:X:k} chain ID of image X's k-th layer (base first), {c12:C} container ID.
class TestRemovalPlanner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plan_data();
    void plan();
    void survivors_data();
    void survivors();
    void totals();
    void unknownSizes_data();
    void unknownSizes();
    void uncertainties();
    void fewerLayersWithinHiddenHolderUncertainty();
    void goQuoted_data();
    void goQuoted();
    void matches();
    void syntheticFingerprint_data();
    void syntheticFingerprint();
};

namespace {

// A small world of images and containers, addressed by name.
class World
{
public:
    // refs: familiar tags and digest references ("repo@sha256:…" for digests).
    void image(const QString &name, const QString &parent, const QStringList &layers,
               const QStringList &refs = {}, const QString &idPrefix = {})
    {
        ImageRecord record;
        const QString filler = Digest::sha256Of(name.toUtf8()).mid(7);
        record.id = u"sha256:"_s + QString(idPrefix + filler).left(64);
        record.parentId = parent.isEmpty() ? QString() : m_images.value(parent).id;
        for (const QString &ref : refs)
            (ref.contains(QLatin1Char('@')) ? record.repoDigests : record.repoTags).append(ref);
        for (const QString &layer : layers) {
            record.diffIds.append(Digest::sha256Of(layer.toUtf8()));
            record.layerSizes.append(layerSize(layer));
            record.size += layerSize(layer); // what /images/json reports: the whole chain
        }
        m_images.insert(name, record);
        m_order.append(name);
    }

    // As the loader leaves an image whose history does not map onto its layers.
    void forgetLayerSizes(const QString &name) { m_images[name].layerSizes.clear(); }

    void container(const QString &name, const QString &image, const QString &state)
    {
        ContainerRecord record;
        record.id = Digest::sha256Of(name.toUtf8()).mid(7);
        record.names = { name };
        record.imageId = m_images.contains(image) ? m_images.value(image).id
                                                  : Digest::sha256Of(image.toUtf8());
        record.state = state;
        m_containers.insert(name, record);
        m_containerOrder.append(name);
    }

    Snapshot snapshot(ImageStoreKind kind = ImageStoreKind::Graphdriver) const
    {
        QList<ImageRecord> images;
        for (const QString &name : m_order)
            images.append(m_images.value(name));
        QList<ContainerRecord> containers;
        for (const QString &name : m_containerOrder)
            containers.append(m_containers.value(name));
        return Snapshot(images, containers, QDateTime::fromSecsSinceEpoch(1796406000), kind);
    }

    QString id(const QString &name) const { return m_images.value(name).id; }
    QString chainId(const QString &name, int k) const
    {
        return Digest::chainIds(m_images.value(name).diffIds).value(k);
    }

    QString expand(const QString &text) const
    {
        static const QRegularExpression placeholder(u"\\{(\\w+):([^}:]+)(?::(\\d+))?\\}"_s);
        QString result = text;
        QRegularExpressionMatch match;
        while ((match = placeholder.match(result)).hasMatch()) {
            const QString kind = match.captured(1);
            const QString name = match.captured(2);
            QString value;
            if (kind == u"id")
                value = id(name);
            else if (kind == u"id12")
                value = Digest::shortId(id(name));
            else if (kind == u"hex")
                value = id(name).mid(7);
            else if (kind == u"layer")
                value = chainId(name, match.captured(3).toInt());
            else if (kind == u"c12")
                value = m_containers.value(name).id.left(12);
            if (value.isEmpty())
                value = u"<unknown "_s + match.captured(1) + u">"_s; // fails the comparison
            result.replace(match.capturedStart(), match.capturedLength(), value);
        }
        return result;
    }

    static qint64 layerSize(const QString &layer) { return 1000 + layer.size(); }

private:
    QHash<QString, ImageRecord> m_images;
    QStringList m_order;
    QHash<QString, ContainerRecord> m_containers;
    QStringList m_containerOrder;
};

const QString Dgst = Digest::sha256Of("manifest");

// busybox:latest <- P1 <- P2 <- top:latest, each commit adding a layer (verified transcript).
void chainWorld(World &w)
{
    w.image(u"busybox"_s, {}, { u"b1"_s }, { u"busybox:latest"_s });
    w.image(u"P1"_s, u"busybox"_s, { u"b1"_s, u"p1"_s });
    w.image(u"P2"_s, u"P1"_s, { u"b1"_s, u"p1"_s, u"p2"_s });
    w.image(u"top"_s, u"P2"_s, { u"b1"_s, u"p1"_s, u"p2"_s, u"t"_s }, { u"top:latest"_s });
}

// One image with five references given out of order; pulled images with digests.
void referencesWorld(World &w)
{
    w.image(u"busybox"_s, {}, { u"b1"_s }, { u"busybox:latest"_s });
    w.image(u"zeta"_s, u"busybox"_s, { u"b1"_s, u"z"_s },
        { u"zeta:2"_s, u"alpha:x"_s, u"127.0.0.1:45123/zeta:1"_s, u"zeta:1"_s,
            u"127.0.0.1:45123/zeta@"_s + Dgst });
    w.image(u"pulled"_s, {}, { u"r1"_s, u"r2"_s, u"r3"_s },
        { u"127.0.0.1:45123/busybox:latest"_s, u"127.0.0.1:45123/busybox@"_s + Dgst,
            u"mirror:latest"_s });
    w.image(u"two"_s, {}, { u"w1"_s },
        { u"127.0.0.1:45123/two:1"_s, u"127.0.0.1:45123/two@"_s + Dgst });
    w.image(u"mt"_s, {}, { u"m1"_s }, { u"mt:1"_s, u"mt:2"_s, u"mt@"_s + Dgst });
    // Familiar order (a, b.io, user) differs from the normalised order the engine uses.
    w.image(u"order"_s, {}, { u"o1"_s }, { u"a:1"_s, u"b.io/x:1"_s, u"user/app:1"_s });
}

// Containers: stopped on "stopped", running on "running", two on "crowded".
void containerWorld(World &w)
{
    w.image(u"busybox"_s, {}, { u"b1"_s }, { u"busybox:latest"_s });
    w.image(u"stopped"_s, u"busybox"_s, { u"b1"_s, u"s"_s }, { u"app:1"_s });
    w.image(u"running"_s, u"busybox"_s, { u"b1"_s, u"r"_s }, { u"run:1"_s });
    w.image(u"crowded"_s, {}, { u"c"_s }, { u"crowd:1"_s, u"crowd@"_s + Dgst });
    w.image(u"bare"_s, {}, { u"x"_s });
    w.image(u"tagged2"_s, {}, { u"y"_s }, { u"multi:1"_s, u"multi:2"_s });
    w.container(u"exited1"_s, u"stopped"_s, u"exited"_s);
    w.container(u"up"_s, u"running"_s, u"running"_s);
    w.container(u"one"_s, u"crowded"_s, u"created"_s);
    w.container(u"two"_s, u"crowded"_s, u"paused"_s);
    w.container(u"three"_s, u"bare"_s, u"dead"_s);
    w.container(u"four"_s, u"tagged2"_s, u"exited"_s);
}

// The ID-mode quirks of §1.4 and the images of TestRmiWithParentInUse.
void quirkWorld(World &w)
{
    w.image(u"busybox"_s, {}, { u"b1"_s }, { u"busybox:latest"_s }, u"1e"_s);
    w.image(u"S"_s, u"busybox"_s, { u"b1"_s, u"s1"_s }, { u"s:latest"_s }, u"5d"_s);
    w.image(u"S2"_s, u"S"_s, { u"b1"_s, u"s1"_s, u"s2"_s }, { u"s2:latest"_s }, u"5e"_s);
    w.image(u"T"_s, {}, { u"t1"_s }, { u"3e13:latest"_s }, u"3e13e1"_s);
    w.image(u"A"_s, u"busybox"_s, { u"b1"_s, u"a"_s }, {}, u"0a"_s);
    w.image(u"B"_s, u"A"_s, { u"b1"_s, u"a"_s, u"b"_s }, {}, u"0b"_s);
    w.container(u"onA"_s, u"A"_s, u"created"_s);
}

// Layers shared between images: a metadata-only step (M has B's layers), a sibling sharing
// the base, an image without layers.
void sharingWorld(World &w)
{
    w.image(u"B"_s, {}, { u"l1"_s, u"l2"_s }, { u"b:1"_s });
    w.image(u"M"_s, u"B"_s, { u"l1"_s, u"l2"_s }, { u"m:1"_s });
    w.image(u"C"_s, {}, { u"l1"_s, u"l2"_s, u"l3"_s }, { u"c:1"_s });
    w.image(u"L"_s, {}, { u"l1"_s }, { u"l:1"_s });
    w.image(u"E"_s, {}, {}, { u"empty:1"_s });
}

using WorldBuilder = std::function<void(World &)>;

const QHash<QString, WorldBuilder> &worlds()
{
    static const QHash<QString, WorldBuilder> all = {
        { u"chain"_s, chainWorld },
        { u"references"_s, referencesWorld },
        { u"containers"_s, containerWorld },
        { u"quirks"_s, quirkWorld },
        { u"sharing"_s, sharingWorld },
    };
    return all;
}

// One request in the rows' shorthand: "[-f] [--no-prune] REF".
RemovalRequest request(const World &w, const QString &text)
{
    RemovalRequest result;
    QString rest = text;
    for (;;) {
        if (rest.startsWith(u"-f "_s)) {
            result.force = true;
            rest = rest.mid(3);
        } else if (rest.startsWith(u"--no-prune "_s)) {
            result.noPrune = true;
            rest = rest.mid(11);
        } else {
            break;
        }
    }
    result.reference = w.expand(rest);
    return result;
}

// A step as text: its records one per line, or "<status> <message>".
QString render(const PlannedStep &step)
{
    if (!step.succeeds())
        return QString::number(step.httpStatus) + QLatin1Char(' ') + step.errorMessage;
    QStringList lines;
    for (const RemovalRecord &record : step.records)
        lines.append(record.text());
    return lines.join(QLatin1Char('\n'));
}

void row(const char *name, const char *world, const QStringList &requests,
         const QStringList &expected)
{
    QTest::newRow(name) << QString::fromLatin1(world) << requests << expected;
}

} // namespace

void TestRemovalPlanner::plan_data()
{
    QTest::addColumn<QString>("world");
    QTest::addColumn<QStringList>("requests");
    QTest::addColumn<QStringList>("expected"); // one entry per request

    // Verified: the commit chain is pruned up to the tagged base, layers top first.
    row("chain: rmi top", "chain", { u"top"_s },
        { u"Untagged: top:latest\nDeleted: {id:top}\nDeleted: {layer:top:3}\n"
          "Deleted: {id:P2}\nDeleted: {layer:P2:2}\nDeleted: {id:P1}\nDeleted: {layer:P1:1}"_s });
    // Verified: --no-prune stops after the image itself.
    row("chain: rmi --no-prune top", "chain", { u"--no-prune top"_s },
        { u"Untagged: top:latest\nDeleted: {id:top}\nDeleted: {layer:top:3}"_s });
    row("chain: parent by ID has a child", "chain", { u"{hex:P2}"_s },
        { u"409 conflict: unable to delete {id12:P2} (cannot be forced) - "
          "image has dependent child images"_s });
    // An earlier request changes a later one: once top is gone, P2 can go, and prunes P1.
    row("chain: child first, then parent", "chain", { u"--no-prune top"_s, u"{id:P2}"_s },
        { u"Untagged: top:latest\nDeleted: {id:top}\nDeleted: {layer:top:3}"_s,
            u"Deleted: {id:P2}\nDeleted: {layer:P2:2}\nDeleted: {id:P1}\n"
            "Deleted: {layer:P1:1}"_s });
    row("chain: same request twice", "chain", { u"top"_s, u"top"_s },
        { u"Untagged: top:latest\nDeleted: {id:top}\nDeleted: {layer:top:3}\n"
          "Deleted: {id:P2}\nDeleted: {layer:P2:2}\nDeleted: {id:P1}\nDeleted: {layer:P1:1}"_s,
            u"404 No such image: top:latest"_s });
    row("chain: base with children, forced", "chain", { u"-f busybox"_s },
        { u"Untagged: busybox:latest"_s });
    row("chain: base by ID, forced", "chain", { u"-f {id12:busybox}"_s },
        { u"409 conflict: unable to delete {id12:busybox} (cannot be forced) - "
          "image has dependent child images"_s });
    row("chain: everything, top down", "chain",
        { u"top"_s, u"busybox"_s },
        { u"Untagged: top:latest\nDeleted: {id:top}\nDeleted: {layer:top:3}\n"
          "Deleted: {id:P2}\nDeleted: {layer:P2:2}\nDeleted: {id:P1}\nDeleted: {layer:P1:1}"_s,
            u"Untagged: busybox:latest\nDeleted: {id:busybox}\nDeleted: {layer:busybox:0}"_s });

    // Verified: rmi -f <id> untags in byte order of the normalised names, then deletes.
    row("references: rmi -f id", "references", { u"-f {id:zeta}"_s },
        { u"Untagged: 127.0.0.1:45123/zeta:1\nUntagged: 127.0.0.1:45123/zeta@"_s + Dgst
            + u"\nUntagged: alpha:x\nUntagged: zeta:1\nUntagged: zeta:2\n"
              "Deleted: {id:zeta}\nDeleted: {layer:zeta:1}"_s });
    row("references: normalised order", "references", { u"-f {id:order}"_s },
        { u"Untagged: b.io/x:1\nUntagged: a:1\nUntagged: user/app:1\nDeleted: {id:order}\n"
          "Deleted: {layer:order:0}"_s });
    row("references: rmi id", "references", { u"{hex:zeta}"_s },
        { u"409 conflict: unable to delete {id12:zeta} (must be forced) - "
          "image is referenced in multiple repositories"_s });
    // Verified: two tags of one repository still read "multiple repositories".
    row("references: two tags, one repository", "references", { u"{id12:mt}"_s },
        { u"409 conflict: unable to delete {id12:mt} (must be forced) - "
          "image is referenced in multiple repositories"_s });
    // Verified: the tag and its repository's digest go; the image stays for mirror:latest.
    row("references: pulled image by name", "references",
        { u"127.0.0.1:45123/busybox"_s, u"mirror"_s },
        { u"Untagged: 127.0.0.1:45123/busybox:latest\n"
          "Untagged: 127.0.0.1:45123/busybox@"_s + Dgst,
            u"Untagged: mirror:latest\nDeleted: {id:pulled}\nDeleted: {layer:pulled:2}\n"
            "Deleted: {layer:pulled:1}\nDeleted: {layer:pulled:0}"_s });
    // Verified: name:tag@digest removes the digest reference; the record keeps the tag.
    row("references: tag and digest", "references",
        { u"127.0.0.1:45123/two:1@"_s + Dgst, u"127.0.0.1:45123/two:1"_s },
        { u"Untagged: 127.0.0.1:45123/two:1@"_s + Dgst,
            u"Untagged: 127.0.0.1:45123/two:1\nDeleted: {id:two}\nDeleted: {layer:two:0}"_s });
    row("references: digest only, then tag", "references",
        { u"127.0.0.1:45123/two@"_s + Dgst, u"127.0.0.1:45123/two:1"_s },
        { u"Untagged: 127.0.0.1:45123/two@"_s + Dgst,
            u"Untagged: 127.0.0.1:45123/two:1\nDeleted: {id:two}\nDeleted: {layer:two:0}"_s });
    // The digest stays while another tag of the repository does.
    row("references: one of two tags", "references", { u"mt:1"_s, u"mt:2"_s },
        { u"Untagged: mt:1"_s,
            u"Untagged: mt:2\nUntagged: mt@"_s + Dgst
                + u"\nDeleted: {id:mt}\nDeleted: {layer:mt:0}"_s });
    // One tag and a digest of the same repository are a single reference: ID mode untags.
    row("references: single reference by ID", "references", { u"{hex:two}"_s },
        { u"Untagged: 127.0.0.1:45123/two:1\nUntagged: 127.0.0.1:45123/two@"_s + Dgst
            + u"\nDeleted: {id:two}\nDeleted: {layer:two:0}"_s });
    row("references: not found, bad input, blank", "references",
        { u"nosuch"_s, u"Bad"_s, u" "_s, u""_s, u"zeta:3"_s },
        { u"404 No such image: nosuch:latest"_s,
            u"400 invalid reference format: repository name must be lowercase"_s,
            u"400 image name cannot be blank"_s, u"400 image name cannot be blank"_s,
            u"404 No such image: zeta:3"_s });

    // Verified: a container blocks removing the last reference, quoting the input.
    row("containers: rmi app:1", "containers", { u"app:1"_s },
        { u"409 conflict: unable to remove repository reference \"app:1\" (must force) - "
          "container {c12:exited1} is using its referenced image {id12:stopped}"_s });
    row("containers: rmi app (name only)", "containers", { u"docker.io/library/app:1"_s },
        { u"409 conflict: unable to remove repository reference "
          "\"docker.io/library/app:1\" (must force) - container {c12:exited1} is using its "
          "referenced image {id12:stopped}"_s });
    // Verified: forced, stopped containers only: the image goes, its top layer stays held.
    row("containers: rmi -f app:1", "containers", { u"-f app:1"_s },
        { u"Untagged: app:1\nDeleted: {id:stopped}"_s });
    // Verified: forced, a running container: untag only.
    row("containers: rmi -f run:1", "containers", { u"-f run:1"_s, u"{id:running}"_s },
        { u"Untagged: run:1"_s,
            u"409 conflict: unable to delete {id12:running} (cannot be forced) - "
            "image is being used by running container {c12:up}"_s });
    // TestRmiTagWithExistingContainers: with another tag left, a container is no obstacle.
    row("containers: one of two tags", "containers", { u"multi:2"_s, u"multi:1"_s },
        { u"Untagged: multi:2"_s,
            u"409 conflict: unable to remove repository reference \"multi:1\" (must force) - "
            "container {c12:four} is using its referenced image {id12:tagged2}"_s });
    row("containers: running by ID, forced", "containers", { u"-f {id:running}"_s },
        { u"409 conflict: unable to delete {id12:running} (cannot be forced) - "
          "image is being used by running container {c12:up}"_s });
    row("containers: stopped by ID", "containers", { u"{hex:bare}"_s, u"-f {hex:bare}"_s },
        { u"409 conflict: unable to delete {id12:bare} (must be forced) - "
          "image is being used by stopped container {c12:three}"_s,
            u"Deleted: {id:bare}"_s });
    // Single reference by ID: the stopped-container check runs before the pre-untag.
    row("containers: single reference by ID", "containers", { u"{id:stopped}"_s },
        { u"409 conflict: unable to delete {id12:stopped} (must be forced) - "
          "image is being used by stopped container {c12:exited1}"_s });
    row("containers: single reference by ID, forced", "containers", { u"-f {id:stopped}"_s },
        { u"Untagged: app:1\nDeleted: {id:stopped}"_s });
    // Verified: the check sees the references before removal, so a digest alone is refused.
    row("containers: digest of a single reference", "containers", { u"crowd@"_s + Dgst },
        { u"409 conflict: unable to remove repository reference \"crowd@"_s + Dgst
            + u"\" (must force) - container {c12:one} is using its referenced image "
              "{id12:crowded}"_s });
    row("containers: a second tag goes freely", "containers",
        { u"{id:busybox}"_s, u"busybox"_s },
        { u"409 conflict: unable to delete {id12:busybox} (cannot be forced) - "
          "image has dependent child images"_s,
            u"Untagged: busybox:latest"_s });

    // Verified: `s` is a prefix of "sha256:", so it means ID mode.
    row("quirks: rmi s", "quirks", { u"s"_s },
        { u"409 conflict: unable to delete {id12:S} (cannot be forced) - "
          "image has dependent child images"_s });
    row("quirks: rmi s:latest", "quirks", { u"s:latest"_s }, { u"Untagged: s:latest"_s });
    // Verified: a tag that is a hex prefix of its own image's ID.
    row("quirks: rmi 3e13", "quirks", { u"3e13"_s },
        { u"Untagged: 3e13:latest\nDeleted: {id:T}\nDeleted: {layer:T:0}"_s });
    row("quirks: ambiguous prefix", "quirks", { u"0"_s, u"0b"_s, u"0"_s },
        { u"404 No such image: 0:latest"_s, u"Deleted: {id:B}\nDeleted: {layer:B:2}"_s,
            u"409 conflict: unable to delete {id12:A} (must be forced) - "
            "image is being used by stopped container {c12:onA}"_s });
    // TestRmiWithParentInUse: the parent used by a container is kept silently.
    row("quirks: parent in use", "quirks", { u"{id:B}"_s },
        { u"Deleted: {id:B}\nDeleted: {layer:B:2}"_s });
    row("quirks: sha256 prefix", "quirks", { u"sha256:3e13e"_s },
        { u"Untagged: 3e13:latest\nDeleted: {id:T}\nDeleted: {layer:T:0}"_s });
    row("quirks: uppercase sha256 prefix", "quirks", { u"sha256:3E13"_s },
        { u"404 No such image: sha256:3E13"_s });
    // Removing the child lets the untagged-by-reference parent go in a later request.
    row("quirks: child then parent", "quirks", { u"s2"_s, u"s"_s },
        { u"Untagged: s2:latest\nDeleted: {id:S2}\nDeleted: {layer:S2:2}"_s,
            u"Untagged: s:latest\nDeleted: {id:S}\nDeleted: {layer:S:1}"_s });

    // A metadata-only step shares its parent's top layer: no layer record.
    row("sharing: metadata-only image", "sharing", { u"m:1"_s },
        { u"Untagged: m:1\nDeleted: {id:M}"_s });
    // Pruning after a metadata-only child frees the parent's layers.
    row("sharing: metadata-only then parent", "sharing", { u"m:1"_s, u"b:1"_s },
        { u"Untagged: m:1\nDeleted: {id:M}"_s,
            u"Untagged: b:1\nDeleted: {id:B}"_s });
    row("sharing: sibling's layers stay", "sharing", { u"c:1"_s },
        { u"Untagged: c:1\nDeleted: {id:C}\nDeleted: {layer:C:2}"_s });
    row("sharing: last holder frees the base", "sharing",
        { u"m:1"_s, u"c:1"_s, u"b:1"_s, u"l:1"_s },
        { u"Untagged: m:1\nDeleted: {id:M}"_s,
            u"Untagged: c:1\nDeleted: {id:C}\nDeleted: {layer:C:2}"_s,
            u"Untagged: b:1\nDeleted: {id:B}\nDeleted: {layer:B:1}"_s,
            u"Untagged: l:1\nDeleted: {id:L}\nDeleted: {layer:L:0}"_s });
    row("sharing: image without layers", "sharing", { u"empty:1"_s },
        { u"Untagged: empty:1\nDeleted: {id:E}"_s });
}

void TestRemovalPlanner::plan()
{
    QFETCH(QString, world);
    QFETCH(QStringList, requests);
    QFETCH(QStringList, expected);

    World w;
    worlds().value(world)(w);
    QList<RemovalRequest> list;
    for (const QString &text : std::as_const(requests))
        list.append(request(w, text));
    const RemovalPlan plan = RemovalPlanner::plan(w.snapshot(), list);
    QCOMPARE(plan.steps.size(), list.size());
    QStringList actual;
    for (const PlannedStep &step : plan.steps)
        actual.append(render(step));
    QStringList wanted;
    for (const QString &text : std::as_const(expected))
        wanted.append(w.expand(text));
    QCOMPARE(actual, wanted);
    for (qsizetype i = 0; i < plan.steps.size(); ++i)
        QCOMPARE(plan.steps.at(i).request, list.at(i));
}

void TestRemovalPlanner::survivors_data()
{
    QTest::addColumn<QString>("world");
    QTest::addColumn<QStringList>("requests");
    QTest::addColumn<QStringList>("expected"); // "Image {id:X}: Tag a, …" per survivor

    QTest::newRow("untag only") << u"references"_s << QStringList { u"alpha:x"_s }
                                << QStringList { u"image {id:zeta}: tag 127.0.0.1:45123/zeta:1, "
                                                 "digest 127.0.0.1:45123/zeta@"_s + Dgst
                                        + u", tag zeta:1, tag zeta:2"_s };
    QTest::newRow("conflict") << u"containers"_s << QStringList { u"crowd:1"_s }
                              << QStringList { u"image {id:crowded}: tag crowd:1, digest crowd@"_s
                                      + Dgst + u", running two, stopped one"_s };
    QTest::newRow("prune stops at tagged base")
        << u"chain"_s << QStringList { u"top"_s }
        << QStringList { u"image {id:busybox}: tag busybox:latest"_s,
               u"layer {layer:busybox:0}: image {id:busybox}"_s };
    QTest::newRow("no-prune") << u"chain"_s << QStringList { u"--no-prune top"_s }
                              << QStringList { u"image {id:P2}: no-prune"_s,
                                     u"layer {layer:P2:2}: image {id:P2}"_s };
    // The survivor of the first request is removed by the second.
    QTest::newRow("later request removes it")
        << u"chain"_s << QStringList { u"--no-prune top"_s, u"{id:P2}"_s }
        << QStringList { u"image {id:busybox}: tag busybox:latest"_s,
               u"layer {layer:busybox:0}: image {id:busybox}"_s };
    QTest::newRow("forced, stopped container")
        << u"containers"_s << QStringList { u"-f app:1"_s }
        << QStringList { u"image {id:busybox}: tag busybox:latest, child {id:running}"_s,
               u"layer {layer:stopped:1}: container exited1"_s };
    QTest::newRow("forced, running container")
        << u"containers"_s << QStringList { u"-f run:1"_s }
        << QStringList { u"image {id:running}: running up"_s };
    QTest::newRow("parent in use") << u"quirks"_s << QStringList { u"{id:B}"_s }
                                   << QStringList { u"image {id:A}: stopped onA"_s,
                                          u"layer {layer:A:1}: image {id:A}, container onA"_s };
    QTest::newRow("shared layers") << u"sharing"_s << QStringList { u"c:1"_s, u"m:1"_s }
                                   << QStringList { u"image {id:B}: tag b:1"_s,
                                          u"layer {layer:M:1}: image {id:B}"_s };
    QTest::newRow("shared base") << u"sharing"_s << QStringList { u"l:1"_s }
                                 << QStringList { u"layer {layer:L:0}: image {id:B}, "
                                                  "image {id:M}, image {id:C}"_s };
    QTest::newRow("nothing left") << u"sharing"_s
                                  << QStringList { u"m:1"_s, u"c:1"_s, u"b:1"_s, u"l:1"_s }
                                  << QStringList {};
}

void TestRemovalPlanner::survivors()
{
    QFETCH(QString, world);
    QFETCH(QStringList, requests);
    QFETCH(QStringList, expected);

    World w;
    worlds().value(world)(w);
    QList<RemovalRequest> list;
    for (const QString &text : std::as_const(requests))
        list.append(request(w, text));
    const RemovalPlan plan = RemovalPlanner::plan(w.snapshot(), list);

    static const QHash<SurvivalReason::Kind, QString> words = {
        { SurvivalReason::Kind::Tag, u"tag"_s },
        { SurvivalReason::Kind::Digest, u"digest"_s },
        { SurvivalReason::Kind::ChildImage, u"child"_s },
        { SurvivalReason::Kind::RunningContainer, u"running"_s },
        { SurvivalReason::Kind::StoppedContainer, u"stopped"_s },
        { SurvivalReason::Kind::SharedLayer, u"image"_s },
        { SurvivalReason::Kind::ContainerLayer, u"container"_s },
        { SurvivalReason::Kind::NoPrune, u"no-prune"_s },
    };
    QStringList actual;
    for (const Survivor &survivor : plan.survivors) {
        QStringList reasons;
        for (const SurvivalReason &reason : survivor.reasons)
            reasons.append(QStringList { words.value(reason.kind), reason.subject }.join(u' ')
                               .trimmed());
        actual.append((survivor.kind == Survivor::Kind::Image ? u"image "_s : u"layer "_s)
            + survivor.id + u": "_s + reasons.join(u", "_s));
    }
    QStringList wanted;
    for (const QString &text : std::as_const(expected))
        wanted.append(w.expand(text));
    QCOMPARE(actual, wanted);
}

void TestRemovalPlanner::totals()
{
    World w;
    chainWorld(w);
    const RemovalPlan plan = RemovalPlanner::plan(w.snapshot(),
        { request(w, u"nosuch"_s), request(w, u"top"_s), request(w, u"busybox"_s) });
    QCOMPARE(plan.tagsRemoved, 2);
    QCOMPARE(plan.imagesDeleted, 4);
    QCOMPARE(plan.layersDeleted, 4);
    QCOMPARE(plan.bytesFreed,
        World::layerSize(u"b1"_s) + World::layerSize(u"p1"_s) + World::layerSize(u"p2"_s)
            + World::layerSize(u"t"_s));
    QVERIFY(plan.uncertainties.isEmpty());
    QVERIFY(plan.isPredictable());
    QVERIFY(!plan.steps.at(0).succeeds());
    QVERIFY(!plan.steps.at(0).forceWouldHelp);

    // A failed step counts nothing.
    const RemovalPlan failed = RemovalPlanner::plan(w.snapshot(), { request(w, u"{id:P1}"_s) });
    QCOMPARE(failed.tagsRemoved + failed.imagesDeleted + failed.layersDeleted, 0);
    QCOMPARE(failed.bytesFreed, qint64(0));
}

// Layer sizes the loader could not read follow from other images (SEMANTICS.md §2.7 chain
// IDs; an image's size is the sum of its chain's layers).
void TestRemovalPlanner::unknownSizes_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QStringList>("requests");
    QTest::addColumn<qint64>("bytesFreed");

    const qint64 t = World::layerSize(u"t"_s);
    const qint64 p = World::layerSize(u"p1"_s) + World::layerSize(u"p2"_s);
    QTest::newRow("no image sized, the chain's totals remain")
        << u"chain unsized"_s << QStringList { u"top"_s } << t + p;
    QTest::newRow("then the base: its size is its only layer")
        << u"chain unsized"_s << QStringList { u"top"_s, u"busybox"_s }
        << t + p + World::layerSize(u"b1"_s);
    QTest::newRow("no-prune frees the top layer alone: top minus its parent")
        << u"chain unsized"_s << QStringList { u"--no-prune top"_s } << t;
    QTest::newRow("a layer's size comes from another image with its chain")
        << u"siblings"_s << QStringList { u"x:1"_s, u"y:1"_s }
        << World::layerSize(u"x2"_s) + World::layerSize(u"y3"_s);
    QTest::newRow("the last unknown layer of a chain is the rest of the image's size")
        << u"siblings"_s << QStringList { u"w:1"_s } << World::layerSize(u"w3"_s);
    QTest::newRow("a prefix nobody sized leaves the figure unknown")
        << u"siblings"_s << QStringList { u"u:1"_s } << qint64(-1);
    QTest::newRow("unknown stays unknown when more is freed later")
        << u"siblings"_s << QStringList { u"u:1"_s, u"x:1"_s, u"y:1"_s } << qint64(-1);
    QTest::newRow("freeing nothing frees zero bytes")
        << u"siblings"_s << QStringList { u"a:1"_s } << qint64(0);
}

void TestRemovalPlanner::unknownSizes()
{
    QFETCH(QString, scenario);
    QFETCH(QStringList, requests);
    QFETCH(qint64, bytesFreed);

    World w;
    if (scenario == u"chain unsized") {
        chainWorld(w);
        for (const QString &name : { u"busybox"_s, u"P1"_s, u"P2"_s, u"top"_s })
            w.forgetLayerSizes(name);
    } else {
        // A (a1) sized; B (a1 b2) sized; W (a1 b2 w3) not; X (a1 x2) not, Y (a1 x2 y3) sized;
        // U (u1 u2 u3) and V (u1 u2 v3) not, and nothing else has u1 or u2.
        w.image(u"A"_s, {}, { u"a1"_s }, { u"a:1"_s });
        w.image(u"B"_s, {}, { u"a1"_s, u"b2"_s }, { u"b:1"_s });
        w.image(u"W"_s, {}, { u"a1"_s, u"b2"_s, u"w3"_s }, { u"w:1"_s });
        w.image(u"X"_s, {}, { u"a1"_s, u"x2"_s }, { u"x:1"_s });
        w.image(u"Y"_s, {}, { u"a1"_s, u"x2"_s, u"y3"_s }, { u"y:1"_s });
        w.image(u"U"_s, {}, { u"u1"_s, u"u2"_s, u"u3"_s }, { u"u:1"_s });
        w.image(u"V"_s, {}, { u"u1"_s, u"u2"_s, u"v3"_s }, { u"v:1"_s });
        w.image(u"M"_s, {}, { u"a1"_s }, { u"m:1"_s }); // keeps a1 when A goes
        for (const QString &name : { u"W"_s, u"X"_s, u"U"_s, u"V"_s })
            w.forgetLayerSizes(name);
    }
    QList<RemovalRequest> list;
    for (const QString &text : std::as_const(requests))
        list.append(request(w, text));
    const RemovalPlan plan = RemovalPlanner::plan(w.snapshot(), list);
    for (const PlannedStep &step : plan.steps)
        QVERIFY2(step.succeeds(), qPrintable(step.errorMessage));
    QCOMPARE(plan.bytesFreed, bytesFreed);
}

void TestRemovalPlanner::uncertainties()
{
    World w;
    containerWorld(w);
    // Two containers could be named: both messages are allowed, force would help.
    RemovalPlan plan = RemovalPlanner::plan(w.snapshot(), { request(w, u"crowd:1"_s) });
    const PlannedStep &step = plan.steps.constFirst();
    QCOMPARE(step.httpStatus, 409);
    QVERIFY(step.forceWouldHelp);
    QCOMPARE(step.uncertainties, { PlanUncertainty::ConflictContainerChoice });
    QCOMPARE(step.alternativeErrorMessages,
        { w.expand(u"conflict: unable to remove repository reference \"crowd:1\" (must force) - "
                   "container {c12:two} is using its referenced image {id12:crowded}"_s) });
    QCOMPARE(plan.uncertainties, { PlanUncertainty::ConflictContainerChoice });

    // A running container is a hard conflict: force would not help.
    plan = RemovalPlanner::plan(w.snapshot(), { request(w, u"{id:running}"_s) });
    QVERIFY(!plan.steps.constFirst().forceWouldHelp);
    QVERIFY(plan.uncertainties.isEmpty());

    // A container whose image is gone holds layers we cannot see.
    w.container(u"orphan"_s, u"deleted-long-ago"_s, u"exited"_s);
    plan = RemovalPlanner::plan(w.snapshot(), { request(w, u"run:1"_s), request(w, u"x"_s),
                                                  request(w, u"{id:bare}"_s) });
    QCOMPARE(plan.steps.at(0).httpStatus, 409);
    QVERIFY(plan.steps.at(0).uncertainties.isEmpty());
    QCOMPARE(plan.steps.at(2).httpStatus, 409);
    plan = RemovalPlanner::plan(w.snapshot(), { request(w, u"-f {id:bare}"_s) });
    QCOMPARE(plan.steps.at(0).uncertainties, { PlanUncertainty::HiddenLayerHolders });
    QCOMPARE(plan.uncertainties, { PlanUncertainty::HiddenLayerHolders });

    // Another image store: the graphdriver plan, flagged.
    plan = RemovalPlanner::plan(w.snapshot(ImageStoreKind::Containerd),
        { request(w, u"-f {id:bare}"_s) });
    QVERIFY(!plan.isPredictable());
    QVERIFY(plan.steps.at(0).uncertainties.contains(PlanUncertainty::UnsupportedEngine));
    QCOMPARE(render(plan.steps.at(0)), w.expand(u"Deleted: {id:bare}"_s));
}

// Expected values printed by Go's fmt.Sprintf("%q", s).
void TestRemovalPlanner::goQuoted_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("quoted");

    QTest::newRow("plain") << u"busybox:latest"_s << u"\"busybox:latest\""_s;
    QTest::newRow("quote and backslash") << u"a\"b\\c"_s << u"\"a\\\"b\\\\c\""_s;
    QTest::newRow("named escapes") << u"\a\b\f\n\r\t\v"_s << u"\"\\a\\b\\f\\n\\r\\t\\v\""_s;
    QTest::newRow("controls") << u"\x01\x1f\x7f"_s << u"\"\\x01\\x1f\\x7f\""_s;
    QTest::newRow("latin") << u"caf\u00e9"_s << u"\"caf\u00e9\""_s;
    QTest::newRow("no-break space") << u"a\u00a0b"_s << u"\"a\\u00a0b\""_s;
    QTest::newRow("zero-width space") << u"\u200b"_s << u"\"\\u200b\""_s;
    QTest::newRow("ideographic space") << u"\u3000"_s << u"\"\\u3000\""_s;
    QTest::newRow("CJK") << u"\u4e2d\u6587"_s << u"\"\u4e2d\u6587\""_s;
    QTest::newRow("emoji") << u"\U0001F600"_s << u"\"\U0001F600\""_s;
    QTest::newRow("private use") << u"\ue000"_s << u"\"\\ue000\""_s;
    QTest::newRow("plane 16") << u"\U0010FFFD"_s << u"\"\\U0010fffd\""_s;
}

void TestRemovalPlanner::goQuoted()
{
    QFETCH(QString, input);
    QFETCH(QString, quoted);
    QCOMPARE(RemovalPlanner::goQuoted(input), quoted);
}

void TestRemovalPlanner::matches()
{
    PlannedStep step;
    step.records = { { RemovalRecord::Kind::Untagged, u"a:1"_s } };
    RemovalOutcome outcome;
    outcome.httpStatus = 200;
    outcome.records = step.records;
    QVERIFY(step.matches(outcome));
    outcome.records.append({ RemovalRecord::Kind::Deleted, u"sha256:1"_s });
    QVERIFY(!step.matches(outcome));

    step.httpStatus = 409;
    step.records.clear();
    step.errorMessage = u"one"_s;
    step.alternativeErrorMessages = { u"two"_s };
    outcome = {};
    outcome.httpStatus = 409;
    outcome.errorMessage = u"two"_s;
    QVERIFY(step.matches(outcome));
    outcome.errorMessage = u"three"_s;
    QVERIFY(!step.matches(outcome));
    outcome.errorMessage = u"one"_s;
    outcome.httpStatus = 404;
    QVERIFY(!step.matches(outcome));
}

void TestRemovalPlanner::fewerLayersWithinHiddenHolderUncertainty()
{
    // One three-layer image, and a container whose image is gone: it may hold any layer.
    ImageRecord image;
    image.id = u"sha256:"_s + QString(64, u'a');
    image.repoTags = {u"a:1"_s};
    image.diffIds = {u"sha256:"_s + QString(64, u'1'), u"sha256:"_s + QString(64, u'2'),
                     u"sha256:"_s + QString(64, u'3')};
    image.layerSizes = {1, 2, 3};
    image.size = 6;
    ContainerRecord orphan;
    orphan.id = QString(64, u'c');
    orphan.imageId = u"sha256:"_s + QString(64, u'f');
    orphan.state = u"exited"_s;
    const Snapshot snapshot({image}, {orphan}, QDateTime::currentDateTimeUtc());
    const RemovalPlan plan = RemovalPlanner::plan(snapshot, {{u"a:1"_s, false, false}});
    const PlannedStep &step = plan.steps.constFirst();
    QVERIFY(step.uncertainties.contains(PlanUncertainty::HiddenLayerHolders));
    const QStringList chains = Digest::chainIds(image.diffIds);
    const RemovalRecord untagged{RemovalRecord::Kind::Untagged, u"a:1"_s};
    const auto deleted = [](const QString &value) {
        return RemovalRecord{RemovalRecord::Kind::Deleted, value};
    };
    QCOMPARE(step.records, QList<RemovalRecord>({untagged, deleted(image.id), deleted(chains[2]),
                                                 deleted(chains[1]), deleted(chains[0])}));

    RemovalOutcome outcome{step.request, 200, {untagged, deleted(image.id), deleted(chains[2])},
                           {}};
    QVERIFY(!step.matches(outcome));
    QVERIFY(step.isWithinUncertainty(outcome, snapshot)); // a holder stopped the walk at c2
    outcome.records = {untagged, deleted(image.id)};
    QVERIFY(step.isWithinUncertainty(outcome, snapshot)); // ... or right at the top
    outcome.records = {untagged, deleted(image.id), deleted(chains[1])};
    QVERIFY(!step.isWithinUncertainty(outcome, snapshot)); // not a top part of the chain
    outcome.records = {untagged};
    QVERIFY(!step.isWithinUncertainty(outcome, snapshot)); // the image itself must go

    // Without the warning, fewer layers is a divergence like any other.
    const Snapshot certain({image}, {}, QDateTime::currentDateTimeUtc());
    const PlannedStep sure = RemovalPlanner::plan(certain, {{u"a:1"_s, false, false}}).steps[0];
    outcome.records = {untagged, deleted(image.id), deleted(chains[2])};
    QVERIFY(!sure.isWithinUncertainty(outcome, certain));
}

QTEST_GUILESS_MAIN(TestRemovalPlanner)
#include "tst_removalplanner.moc"

// The benchmark's synthetic engine, planned in full, must give the very plan the planner gave
// before it was optimised (fingerprints captured from commit 2ac68b2's planner, unchanged
// since): every record, message, survivor reason and total, for 2,000 images.
void TestRemovalPlanner::syntheticFingerprint_data()
{
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<int>("forceEvery");   // force every n-th request, 0 for never
    QTest::addColumn<int>("noPruneEvery"); // likewise --no-prune
    QTest::addColumn<bool>("byId");        // every request by full image ID
    QTest::addColumn<QString>("fingerprint");

    QTest::newRow("remove everything") << 3u << 0 << 0 << false 
        << u"sha256:24a8fa41e70ff09b8612e4c0fb874713a0c839294d39cda7fb77d5508868ad38"_s;
    QTest::newRow("another seed") << 11u << 0 << 0 << false 
        << u"sha256:0d6dea9ed0ff92a08a9124d0a45c260d12b499a751974d76fb6e1dfdf2c72a6f"_s;
    QTest::newRow("forced") << 3u << 1 << 0 << false 
        << u"sha256:64b525fa05e0dee8c3a117a1062773afe4ff8e02286cb917b7056170bf6f7c15"_s;
    QTest::newRow("no-prune") << 3u << 0 << 1 << false 
        << u"sha256:b3c726da63571835b7c2f10c72a4293b99304d7af2e0dc2bda362c074ee3db1f"_s;
    QTest::newRow("mixed flags") << 5u << 3 << 4 << false 
        << u"sha256:03826492ed3fee95bf7b962f68f332022822affb663eaa6034f4b24d7ea160c7"_s;
    QTest::newRow("by ID, forced now and then") << 3u << 5 << 0 << true 
        << u"sha256:3a86636eace65fe7b2fb51260eeba6dc31a3b41eea2452cad004a23186c0da35"_s;
}

void TestRemovalPlanner::syntheticFingerprint()
{
    QFETCH(quint32, seed);
    QFETCH(int, forceEvery);
    QFETCH(int, noPruneEvery);
    QFETCH(bool, byId);
    QFETCH(QString, fingerprint);

    const Snapshot snapshot = SyntheticSnapshot(2000, seed).generate();
    QList<RemovalRequest> requests = SyntheticSnapshot::removeEverything(snapshot);
    for (qsizetype i = 0; i < requests.size(); ++i) {
        RemovalRequest &request = requests[i];
        request.force = forceEvery > 0 && i % forceEvery == 0;
        request.noPrune = noPruneEvery > 0 && i % noPruneEvery == 0;
        if (byId)
            request.reference = snapshot.images().at(snapshot.images().size() - 1 - i).id;
    }
    const RemovalPlan plan = RemovalPlanner::plan(snapshot, requests);
    // A plan that refuses or deletes nothing would make the comparison weak.
    QVERIFY(plan.imagesDeleted > 100);
    QVERIFY(std::any_of(plan.steps.cbegin(), plan.steps.cend(),
        [](const PlannedStep &step) { return step.httpStatus == 409; }));
    QCOMPARE(PlanFingerprint::of(plan), fingerprint);
}
