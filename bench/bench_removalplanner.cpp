// Measures the removal planner on a synthetic engine of 20,000 images (issue 3's budget:
// planning the removal of every image under 50 ms, resolving a reference under 10 µs).
// Usage: bench_removalplanner [images=20000] [seed=3] [plan|resolve|all] [plan dump file].
// For profilers: bench_removalplanner 20000 3 profile-build|profile-replay|profile-total.
// Build optimised before trusting the figures.

#include "enginestate.h"
#include "planfingerprint.h"
#include "removalplanner.h"
#include "resolver.h"
#include "syntheticsnapshot.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <functional>

#include <time.h>

using namespace Strata;
using namespace Qt::StringLiterals;

namespace {

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

// The plan as text, so that two builds' plans can be compared line by line.
void writeDump(const RemovalPlan &plan, const QString &path)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        file.write(PlanFingerprint::dump(plan).toUtf8());
}

void benchPlan(QTextStream &out, const Snapshot &snapshot, const QString &dumpPath)
{
    const QList<RemovalRequest> requests = SyntheticSnapshot::removeEverything(snapshot);
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
        << "    plan fingerprint " << PlanFingerprint::of(plan) << "\n"
        << "    build EngineState from the snapshot                         "
        << milliseconds(build) << "\n"
        << "    plan over a built state (re-planning after a toggle)        "
        << milliseconds(replay) << "\n"
        << "    plan from the snapshot (build + plan)                       "
        << milliseconds(total) << "\n    target < 50 ms (CPU): "
        << (total.cpu < 50'000'000 ? "met" : "MISSED")
        << "\n";
    if (!dumpPath.isEmpty())
        writeDump(plan, dumpPath);
}

// For a profiler: only the part asked for, 50 times, without the other parts' noise.
void profile(const Snapshot &snapshot, const QString &part)
{
    const QList<RemovalRequest> requests = SyntheticSnapshot::removeEverything(snapshot);
    const EngineState state(snapshot);
    for (int i = 0; i < 50; ++i) {
        if (part == u"profile-build")
            EngineState built(snapshot);
        else if (part == u"profile-replay")
            RemovalPlanner::plan(state, requests);
        else
            RemovalPlanner::plan(snapshot, requests);
    }
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
    const Snapshot snapshot = SyntheticSnapshot(imageCount, seed).generate();
    qint64 layers = 0;
    for (const ImageRecord &image : snapshot.images())
        layers += image.diffIds.size();
    out << "bench_removalplanner: " << snapshot.images().size() << " images, "
        << snapshot.containers().size() << " containers, " << layers
        << " image layers in all (seed " << seed << ", generated in "
        << milliseconds(timer.nsecsElapsed()) << ")\n";
    const QString part = args.value(3);
    if (part.startsWith(u"profile-")) {
        profile(snapshot, part);
        return 0;
    }
    if (part != u"resolve")
        benchPlan(out, snapshot, args.value(4));
    out.flush();
    if (part != u"plan")
        benchResolve(out, snapshot);
    return 0;
}
