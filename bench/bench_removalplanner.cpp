// Measures the removal planner on a synthetic engine of 20,000 images (issue 3's budget:
// planning the removal of every image under 50 ms, resolving a reference under 10 µs).
// Usage: bench_removalplanner [images=20000] [seed=3] [plan|resolve]. Build optimised before
// trusting the figures.

#include "digest.h"
#include "enginestate.h"
#include "removalplanner.h"
#include "resolver.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTextStream>

#include <algorithm>
#include <functional>

#include <time.h>

using namespace Strata;
using namespace Qt::StringLiterals;

namespace {

// A seeded picture of a busy build host: pulled bases (some sharing lower layers, most with a
// registry digest), classic-builder chains on them with untagged intermediates and
// metadata-only steps, tagged heads in one or several repositories, running and stopped
// containers.
class SnapshotGenerator
{
public:
    SnapshotGenerator(int imageCount, quint32 seed)
        : m_target(imageCount)
        , m_random(seed)
    { }

    Snapshot generate()
    {
        const int bases = std::max(10, m_target / 130);
        for (int i = 0; i < bases && int(m_images.size()) < m_target; ++i)
            addBase(i);
        const int baseCount = int(m_images.size());
        for (int app = 0; int(m_images.size()) < m_target; ++app)
            addBuild(app, int(m_random.bounded(baseCount)));
        addContainers(m_target / 7);
        return Snapshot(m_images, m_containers, QDateTime::currentDateTimeUtc());
    }

private:
    QString newDiffId() { return Digest::sha256Of("layer " + QByteArray::number(m_layers++)); }
    qint64 newLayerSize() { return qint64(m_random.bounded(1, 200'000'000)); }

    ImageRecord &addImage(const QStringList &diffIds, const QList<qint64> &sizes, int parent)
    {
        ImageRecord image;
        image.id = Digest::sha256Of("image " + QByteArray::number(m_images.size()));
        image.parentId = parent >= 0 ? m_images.at(parent).id : QString();
        image.diffIds = diffIds;
        image.layerSizes = sizes;
        image.created = 1'700'000'000 + m_images.size();
        m_images.append(image);
        return m_images.last();
    }

    void addBase(int index)
    {
        QStringList diffIds;
        QList<qint64> sizes;
        // Half the bases extend another base's lower layers (debian → buildpack-deps …).
        if (index > 0 && m_random.bounded(2) == 0) {
            const ImageRecord &other = m_images.at(m_random.bounded(index));
            const qsizetype shared = std::min<qsizetype>(other.diffIds.size(), 3);
            diffIds = other.diffIds.mid(0, shared);
            sizes = other.layerSizes.mid(0, shared);
        }
        for (int k = int(m_random.bounded(2, 7)); k > 0; --k) {
            diffIds.append(newDiffId());
            sizes.append(newLayerSize());
        }
        const QString name = u"base"_s + QString::number(index);
        ImageRecord &image = addImage(diffIds, sizes, -1);
        image.repoTags = { name + u":latest"_s };
        if (m_random.bounded(4) == 0)
            image.repoTags.prepend(u"registry.local:5000/team/"_s + name + u":1"_s);
        if (m_random.bounded(5) != 0) {
            image.repoDigests
                = { name + u"@"_s + Digest::sha256Of("manifest " + name.toUtf8()) };
        }
    }

    // One classic build: 2–12 steps, a quarter of them metadata-only, the head tagged.
    void addBuild(int app, int base)
    {
        int parent = base;
        const int steps = int(m_random.bounded(2, 13));
        for (int step = 0; step < steps && int(m_images.size()) < m_target; ++step) {
            QStringList diffIds = m_images.at(parent).diffIds;
            QList<qint64> sizes = m_images.at(parent).layerSizes;
            if (m_random.bounded(4) != 0) {
                diffIds.append(newDiffId());
                sizes.append(newLayerSize());
            }
            addImage(diffIds, sizes, parent);
            parent = int(m_images.size()) - 1;
        }
        ImageRecord &head = m_images.last();
        const QString name = u"app"_s + QString::number(app);
        head.repoTags = { name + u":v"_s + QString::number(m_random.bounded(1, 9)) };
        if (m_random.bounded(5) == 0)
            head.repoTags.append(name + u":latest"_s);
        if (m_random.bounded(10) == 0) {
            const QString pushed = u"registry.local:5000/"_s + name;
            head.repoTags.prepend(pushed + u":1"_s);
            head.repoDigests = { pushed + u"@"_s + Digest::sha256Of(pushed.toUtf8()) };
        }
        m_heads.append(int(m_images.size()) - 1);
    }

    void addContainers(int count)
    {
        static const QStringList states
            = { u"running"_s, u"running"_s, u"paused"_s, u"exited"_s, u"exited"_s,
                  u"exited"_s, u"created"_s, u"dead"_s };
        for (int i = 0; i < count; ++i) {
            ContainerRecord container;
            container.id = Digest::sha256Of("container " + QByteArray::number(i)).mid(7);
            container.names = { u"c"_s + QString::number(i) };
            // Mostly on tagged heads, sometimes on any image (an intermediate ran as well).
            const int image = m_random.bounded(4) != 0
                ? m_heads.at(m_random.bounded(int(m_heads.size())))
                : int(m_random.bounded(int(m_images.size())));
            container.imageId = m_images.at(image).id;
            container.image = container.imageId;
            container.state = states.at(m_random.bounded(int(states.size())));
            m_containers.append(container);
        }
    }

    int m_target;
    QRandomGenerator m_random;
    QList<ImageRecord> m_images;
    QList<ContainerRecord> m_containers;
    QList<int> m_heads;
    int m_layers = 0;
};

// What the table sends when every row is selected: newest first, "repo:tag" for tagged rows
// and the image ID otherwise.
QList<RemovalRequest> removeEverything(const Snapshot &snapshot)
{
    QList<RemovalRequest> requests;
    const QList<ImageRecord> &images = snapshot.images();
    for (auto it = images.crbegin(); it != images.crend(); ++it)
        requests.append({ it->repoTags.isEmpty() ? it->id : it->repoTags.constFirst() });
    return requests;
}

// The medians of `runs` calls, in nanoseconds: wall time, and the thread's CPU time, which
// other processes on a shared machine disturb less.
struct Timing
{
    qint64 wall = 0;
    qint64 cpu = 0;
};

qint64 threadCpuNanoseconds()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

Timing measure(int runs, const std::function<void()> &work)
{
    QList<qint64> walls;
    QList<qint64> cpus;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        const qint64 cpuStart = threadCpuNanoseconds();
        timer.start();
        work();
        walls.append(timer.nsecsElapsed());
        cpus.append(threadCpuNanoseconds() - cpuStart);
    }
    std::sort(walls.begin(), walls.end());
    std::sort(cpus.begin(), cpus.end());
    return { walls.at(runs / 2), cpus.at(runs / 2) };
}

QString milliseconds(qint64 ns)
{
    return QString::number(double(ns) / 1e6, 'f', 2) + u" ms"_s;
}

QString milliseconds(const Timing &timing)
{
    return milliseconds(timing.wall) + u" wall, "_s + milliseconds(timing.cpu) + u" CPU"_s;
}

QString microseconds(double ns)
{
    return QString::number(ns / 1e3, 'f', 3) + u" µs"_s;
}

// Inputs of one kind of reference, a few hundred of them, all resolved in one timed batch.
struct InputKind
{
    QString name;
    QStringList inputs;
};

QList<InputKind> resolveInputs(const Snapshot &snapshot)
{
    QList<InputKind> kinds = { { u"repo:tag"_s, {} }, { u"name only (:latest)"_s, {} },
        { u"12-hex ID prefix"_s, {} }, { u"full ID"_s, {} }, { u"repo@digest"_s, {} },
        { u"missing name (falls back to ID prefix)"_s, {} } };
    const QList<ImageRecord> &images = snapshot.images();
    for (qsizetype i = 0; i < images.size() && kinds.at(0).inputs.size() < 500; i += 7) {
        const ImageRecord &image = images.at(i);
        if (!image.repoTags.isEmpty()) {
            kinds[0].inputs.append(image.repoTags.constFirst());
            kinds[1].inputs.append(image.repoTags.constFirst().section(u':', 0, -2));
        }
        kinds[2].inputs.append(image.id.mid(7, 12));
        kinds[3].inputs.append(image.id);
        if (!image.repoDigests.isEmpty())
            kinds[4].inputs.append(image.repoDigests.constFirst());
        kinds[5].inputs.append(u"nosuch"_s + QString::number(i));
    }
    return kinds;
}

void benchResolve(QTextStream &out, const Snapshot &snapshot)
{
    const EngineState state(snapshot);
    const Resolver resolver(state);
    out << "\n(b) resolving one reference (median of 51 batches, per reference)\n";
    double worst = 0;
    for (const InputKind &kind : resolveInputs(snapshot)) {
        int found = 0;
        const Timing batch = measure(51, [&] {
            found = 0;
            for (const QString &input : kind.inputs)
                found += resolver.resolve(input).status == Resolution::Status::Found;
        });
        const double count = double(std::max<qsizetype>(1, kind.inputs.size()));
        worst = std::max(worst, double(batch.cpu) / count);
        out << "    " << kind.name.leftJustified(40) << microseconds(double(batch.wall) / count)
            << " wall, " << microseconds(double(batch.cpu) / count) << " CPU   ("
            << kind.inputs.size() << " inputs, " << found << " found)\n";
    }
    out << "    slowest kind: " << microseconds(worst) << " CPU   target < 10 µs: "
        << (worst < 10'000 ? "met" : "MISSED") << "\n";
}

void benchPlan(QTextStream &out, const Snapshot &snapshot)
{
    const QList<RemovalRequest> requests = removeEverything(snapshot);
    const int runs = 11;
    const Timing build = measure(runs, [&] { EngineState state(snapshot); });
    const EngineState state(snapshot);
    RemovalPlan plan;
    const Timing replay = measure(runs, [&] { plan = RemovalPlanner::plan(state, requests); });
    const Timing total = measure(runs, [&] { plan = RemovalPlanner::plan(snapshot, requests); });

    int succeeded = 0;
    int records = 0;
    for (const PlannedStep &step : std::as_const(plan.steps)) {
        succeeded += step.succeeds();
        records += int(step.records.size());
    }
    out << "\n(a) planning the removal of every image, one request per image (median of " << runs
        << " runs)\n"
        << "    requests " << requests.size() << ", succeeded " << succeeded << ", refused "
        << requests.size() - succeeded << ", records " << records << "\n"
        << "    untagged " << plan.tagsRemoved << ", images deleted " << plan.imagesDeleted
        << ", layers deleted " << plan.layersDeleted << ", survivors " << plan.survivors.size()
        << ", bytes freed " << plan.bytesFreed << "\n"
        << "    build EngineState from the snapshot (hashes every chain ID) "
        << milliseconds(build) << "\n"
        << "    plan over a built state (re-planning after a toggle)        "
        << milliseconds(replay) << "\n"
        << "    plan from the snapshot (build + plan)                       "
        << milliseconds(total) << "\n    target < 50 ms (CPU): "
        << (total.cpu < 50'000'000 ? "met" : "MISSED")
        << "\n";
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int imageCount = args.size() > 1 ? args.at(1).toInt() : 20'000;
    const quint32 seed = args.size() > 2 ? args.at(2).toUInt() : 3;

    QTextStream out(stdout);
    QElapsedTimer timer;
    timer.start();
    const Snapshot snapshot = SnapshotGenerator(imageCount, seed).generate();
    qint64 layers = 0;
    for (const ImageRecord &image : snapshot.images())
        layers += image.diffIds.size();
    out << "bench_removalplanner: " << snapshot.images().size() << " images, "
        << snapshot.containers().size() << " containers, " << layers
        << " image layers in all (seed " << seed << ", generated in "
        << milliseconds(timer.nsecsElapsed()) << ")\n";
    const QString part = args.value(3);
    if (part != u"resolve")
        benchPlan(out, snapshot);
    out.flush();
    if (part != u"plan")
        benchResolve(out, snapshot);
    return 0;
}
