#include "removalplanner.h"

#include "digest.h"
#include "resolver.h"

#include <QSet>

#include <algorithm>
#include <vector>

namespace Strata {

namespace {

// checkImageDeleteConflict's mask bits (daemon/images/image_delete.go), in check order.
enum ConflictCheck {
    DependentChild = 1,
    RunningContainer = 2,
    ActiveReference = 4,
    StoppedContainer = 8,
    HardChecks = DependentChild | RunningContainer,
    SoftChecks = ActiveReference | StoppedContainer,
};

struct Conflict
{
    bool found = false;
    bool hard = false;
    QString message;           // our guess at what the engine says
    QStringList alternatives;  // what it may say just as well (another container named)
};

// stringid.TruncateID without copying: after the first ':', at most 12 characters.
QStringView shortIdOf(const QString &id)
{
    const qsizetype colon = id.indexOf(QLatin1Char(':'));
    return QStringView(id).sliced(colon + 1).left(12);
}

QString conflictText(const QString &imageId, bool hard, QStringView reason,
                     QStringView subject = {})
{
    return QStringView(u"conflict: unable to delete ") + shortIdOf(imageId)
        + (hard ? QStringView(u" (cannot be forced) - ") : QStringView(u" (must be forced) - "))
        + reason + subject;
}

Conflict imageConflict(const QString &imageId, bool hard, QStringView reason)
{
    return { true, hard, conflictText(imageId, hard, reason), {} };
}

// The engine names the first matching container of a map walk, so any of them may appear.
Conflict containerConflict(const EngineState &state, const QString &imageId, bool hard,
                           const QList<int> &containers, QStringView reason)
{
    Conflict conflict { true, hard, {}, {} };
    conflict.alternatives.reserve(containers.size() - 1);
    for (const int index : containers) {
        QString text = conflictText(imageId, hard, reason, shortIdOf(state.container(index).id));
        if (conflict.message.isNull())
            conflict.message = std::move(text);
        else
            conflict.alternatives.append(std::move(text));
    }
    return conflict;
}

Conflict checkConflict(const EngineState &state, int index, int mask)
{
    const QString &id = state.imageId(index);
    if ((mask & DependentChild) && state.childCount(index) > 0)
        return imageConflict(id, true, QStringView(u"image has dependent child images"));
    if ((mask & RunningContainer) && !state.runningContainers(index).isEmpty()) {
        return containerConflict(state, id, true, state.runningContainers(index),
            QStringView(u"image is being used by running container "));
    }
    if ((mask & ActiveReference) && state.referenceCount(index) > 0) {
        return imageConflict(id, false,
            QStringView(u"image is referenced in multiple repositories"));
    }
    if ((mask & StoppedContainer) && !state.stoppedContainers(index).isEmpty()) {
        return containerConflict(state, id, false, state.stoppedContainers(index),
            QStringView(u"image is being used by stopped container "));
    }
    return {};
}

// isSingleReference: one reference, or one tag plus digests, all of one repository.
bool isSingleReference(const QList<EngineState::ImageReference> &references)
{
    if (references.size() <= 1)
        return references.size() == 1;
    const EngineState::ImageReference *tag = nullptr;
    QSet<QString> digestRepositories;
    for (const EngineState::ImageReference &ref : references) {
        if (ref.isDigest)
            digestRepositories.insert(ref.name);
        else if (!tag)
            tag = &ref;
        else
            return false;
    }
    const QString &name = tag ? tag->name : references.constFirst().name;
    return digestRepositories.size() == 1 && digestRepositories.contains(name);
}

bool isSingleReference(const EngineState &state, int image)
{
    return state.referenceCount(image) > 0 && isSingleReference(state.references(image));
}

bool isBlank(const QString &text)
{
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) { return c.isSpace(); });
}

void appendUnique(QList<PlanUncertainty> *list, PlanUncertainty uncertainty)
{
    if (!list->contains(uncertainty))
        list->append(uncertainty);
}

RemovalRecord untagged(const QString &value)
{
    return { RemovalRecord::Kind::Untagged, value };
}

RemovalRecord deleted(const QString &value)
{
    return { RemovalRecord::Kind::Deleted, value };
}

// Replays the requests on its own copy of the engine state, the way ImageDelete would.
class Planner final
{
public:
    explicit Planner(const EngineState &state)
        : m_state(state)
        , m_resolver(m_state)
        , m_noPrune(size_t(state.imageCount()), 0)
        , m_imageTouched(size_t(state.imageCount()), 0)
        , m_layerTouched(size_t(state.layerCount()), 0)
    { }
    Q_DISABLE_COPY_MOVE(Planner)

    RemovalPlan run(const QList<RemovalRequest> &requests);

private:
    PlannedStep planStep(const RemovalRequest &request);
    void removeByReference(const Resolution &resolution, PlannedStep *step);
    void referenceConflict(int image, const QList<int> &users, PlannedStep *step);
    void removeById(const Resolution &resolution, PlannedStep *step);
    bool deleteHelper(int image, bool force, bool prune, bool quiet, PlannedStep *step);
    void deleteImage(int image, PlannedStep *step);
    void untagAll(int image, PlannedStep *step);
    void fail(Conflict conflict, PlannedStep *step);
    void touchImage(int image);
    void addTotals(const PlannedStep &step);
    void addSurvivors();
    void addImageSurvivors();
    void addLayerSurvivors();

    EngineState m_state;
    Resolver m_resolver;
    RemovalPlan m_plan;
    QList<int> m_deletedLayers; // of the step being planned
    qint64 m_stepBytes = 0;     // freed by the step being planned, -1 when unknown
    std::vector<char> m_noPrune;
    std::vector<char> m_imageTouched;
    std::vector<char> m_layerTouched;
    QList<int> m_touchedImages; // in order of first touch
    QList<int> m_touchedLayers;
    bool m_sizeUnknown = false;
};

RemovalPlan Planner::run(const QList<RemovalRequest> &requests)
{
    if (m_state.storeKind() != ImageStoreKind::Graphdriver)
        appendUnique(&m_plan.uncertainties, PlanUncertainty::UnsupportedEngine);
    m_plan.steps.reserve(requests.size());
    for (const RemovalRequest &request : requests) {
        PlannedStep step = planStep(request);
        addTotals(step);
        for (const PlanUncertainty uncertainty : std::as_const(step.uncertainties))
            appendUnique(&m_plan.uncertainties, uncertainty);
        m_plan.steps.append(std::move(step));
    }
    if (m_sizeUnknown)
        m_plan.bytesFreed = -1;
    addSurvivors();
    return std::move(m_plan);
}

PlannedStep Planner::planStep(const RemovalRequest &request)
{
    PlannedStep step;
    step.request = request;
    m_deletedLayers.clear();
    m_stepBytes = 0;
    if (m_state.storeKind() != ImageStoreKind::Graphdriver)
        step.uncertainties.append(PlanUncertainty::UnsupportedEngine);
    // The API layer refuses a blank name before the image service sees it.
    if (isBlank(request.reference)) {
        step.httpStatus = 400;
        step.errorMessage = QStringLiteral("image name cannot be blank");
        return step;
    }
    Resolution resolution = m_resolver.resolve(request.reference);
    if (resolution.status != Resolution::Status::Found) {
        step.httpStatus = resolution.httpStatus;
        step.errorMessage = std::move(resolution.errorMessage);
        return step;
    }
    if (resolution.byId)
        removeById(resolution, &step);
    else
        removeByReference(resolution, &step);
    if (!step.succeeds())
        step.records.clear(); // the engine answers a conflict with the error alone
    return step;
}

// ImageDelete's reference branch (SEMANTICS.md §2.3 step 4).
void Planner::removeByReference(const Resolution &resolution, PlannedStep *step)
{
    const int image = resolution.imageIndex;
    const RemovalRequest &request = step->request;
    if (!request.force && isSingleReference(m_state, image)) {
        QList<int> users = m_state.runningContainers(image) + m_state.stoppedContainers(image);
        if (!users.isEmpty()) {
            std::sort(users.begin(), users.end());
            referenceConflict(image, users, step);
            return;
        }
    }

    // What the input names: the store key, the record's text, whether it is a digest, and
    // its repository.
    QString storeKey;
    QString text;
    bool isDigest = false;
    QString name;
    if (resolution.referenceIndex >= 0) {
        const EngineState::ImageReference &known = m_state.reference(resolution.referenceIndex);
        storeKey = known.normalized;
        text = known.familiar; // a listed reference always has its tag or digest
        isDigest = known.isDigest;
        name = known.name;
    } else {
        const Reference &ref = resolution.reference;
        storeKey = ref.storeKey();
        text = ref.familiarStringWithDefaultTag();
        isDigest = ref.hasDigest();
        name = ref.normalizedName();
    }
    m_state.removeReference(image, storeKey);
    step->records.append(untagged(text));
    // Removing a tag takes the repository's digests along once no tag of it is left.
    if (!isDigest && m_state.referenceCount(image) > 0) {
        const QList<EngineState::ImageReference> remaining = m_state.references(image);
        const bool tagLeft = std::any_of(remaining.cbegin(), remaining.cend(),
            [&name](const EngineState::ImageReference &r) {
                return !r.isDigest && r.name == name;
            });
        for (const EngineState::ImageReference &r : remaining) {
            if (tagLeft || !r.isDigest || r.name != name)
                continue;
            m_state.removeReference(image, r.normalized);
            step->records.append(untagged(r.familiar));
        }
    }
    if (m_state.referenceCount(image) > 0) {
        touchImage(image);
        return;
    }
    deleteHelper(image, request.force, !request.noPrune, true, step);
}

// A container uses the image whose only reference the request would remove.
void Planner::referenceConflict(int image, const QList<int> &users, PlannedStep *step)
{
    const QString quoted = RemovalPlanner::goQuoted(step->request.reference);
    const QStringView id12 = shortIdOf(m_state.imageId(image));
    Conflict conflict { true, false, {}, {} };
    for (const int user : users) {
        QString text = QStringView(u"conflict: unable to remove repository reference ")
            + quoted + QStringView(u" (must force) - container ")
            + shortIdOf(m_state.container(user).id)
            + QStringView(u" is using its referenced image ") + id12;
        if (conflict.message.isNull())
            conflict.message = std::move(text);
        else
            conflict.alternatives.append(std::move(text));
    }
    fail(std::move(conflict), step);
    touchImage(image);
}

// ImageDelete's ID branch (SEMANTICS.md §2.3 step 5).
void Planner::removeById(const Resolution &resolution, PlannedStep *step)
{
    const int image = resolution.imageIndex;
    const RemovalRequest &request = step->request;
    if (isSingleReference(m_state, image)) {
        const int mask = HardChecks | (request.force ? 0 : StoppedContainer);
        Conflict conflict = checkConflict(m_state, image, mask);
        if (conflict.found) {
            fail(std::move(conflict), step);
            touchImage(image);
            return;
        }
        untagAll(image, step);
    }
    deleteHelper(image, request.force, !request.noPrune, false, step);
}

// imageDeleteHelper, with the parent pruning unrolled into a loop.
bool Planner::deleteHelper(int image, bool force, bool prune, bool quiet, PlannedStep *step)
{
    while (image >= 0) {
        Conflict conflict = checkConflict(m_state, image, HardChecks | (force ? 0 : SoftChecks));
        if (conflict.found) {
            touchImage(image);
            // Quiet mode never surfaces a conflict: each one implies "in use" or "not dangling".
            if (quiet)
                return true;
            fail(std::move(conflict), step);
            return false;
        }
        const int parent = m_state.parent(image);
        untagAll(image, step);
        deleteImage(image, step);
        if (parent >= 0 && !prune) {
            touchImage(parent);
            if (!checkConflict(m_state, parent, HardChecks | SoftChecks).found)
                m_noPrune[size_t(parent)] = 1;
        }
        if (!prune)
            return true;
        image = parent;
        force = false;
        quiet = true;
    }
    return true;
}

void Planner::deleteImage(int image, PlannedStep *step)
{
    const int top = m_state.topLayer(image);
    step->records.append(deleted(m_state.imageId(image)));
    int stopLayer = -1;
    const QList<int> released = m_state.deleteImage(image, &stopLayer);
    for (const int layer : released) {
        step->records.append(deleted(m_state.chainId(layer)));
        m_deletedLayers.append(layer);
    }
    if (!released.isEmpty() && m_stepBytes >= 0) {
        const qint64 bytes = m_state.bytesAbove(top, stopLayer);
        m_stepBytes = bytes < 0 ? -1 : m_stepBytes + bytes;
    }
    if (stopLayer >= 0 && !m_layerTouched[size_t(stopLayer)]) {
        m_layerTouched[size_t(stopLayer)] = 1;
        m_touchedLayers.append(stopLayer);
    }
    // A container of an image missing from the snapshot may sit on any of these layers.
    if (top >= 0 && m_state.hasHiddenLayerHolders())
        appendUnique(&step->uncertainties, PlanUncertainty::HiddenLayerHolders);
}

void Planner::untagAll(int image, PlannedStep *step)
{
    if (m_state.referenceCount(image) == 0)
        return;
    const QList<EngineState::ImageReference> references = m_state.references(image);
    for (const EngineState::ImageReference &ref : references) {
        m_state.removeReference(image, ref.normalized);
        step->records.append(untagged(ref.familiar));
    }
}

void Planner::fail(Conflict conflict, PlannedStep *step)
{
    step->httpStatus = 409;
    step->errorMessage = std::move(conflict.message);
    step->alternativeErrorMessages = std::move(conflict.alternatives);
    step->forceWouldHelp = !conflict.hard;
    if (!step->alternativeErrorMessages.isEmpty())
        appendUnique(&step->uncertainties, PlanUncertainty::ConflictContainerChoice);
}

void Planner::touchImage(int image)
{
    if (m_imageTouched[size_t(image)])
        return;
    m_imageTouched[size_t(image)] = 1;
    m_touchedImages.append(image);
}

void Planner::addTotals(const PlannedStep &step)
{
    if (!step.succeeds())
        return;
    int deletedRecords = 0;
    for (const RemovalRecord &record : step.records) {
        if (record.kind == RemovalRecord::Kind::Untagged)
            ++m_plan.tagsRemoved;
        else
            ++deletedRecords;
    }
    m_plan.layersDeleted += int(m_deletedLayers.size());
    m_plan.imagesDeleted += deletedRecords - int(m_deletedLayers.size());
    if (m_stepBytes < 0)
        m_sizeUnknown = true;
    else
        m_plan.bytesFreed += m_stepBytes;
}

// Survivors are judged on the state all requests leave behind: a later request may remove
// what an earlier one left.
void Planner::addSurvivors()
{
    addImageSurvivors();
    addLayerSurvivors();
}

void Planner::addImageSurvivors()
{
    using Kind = SurvivalReason::Kind;
    // Children of touched images, as lists threaded through two arrays, in index order.
    const size_t count = size_t(m_state.imageCount());
    std::vector<int> firstChild(count, -1);
    std::vector<int> nextChild(count, -1);
    for (int i = int(count) - 1; i >= 0; --i) {
        const int parent = m_state.parent(i);
        if (m_state.isAlive(i) && parent >= 0 && m_imageTouched[size_t(parent)]) {
            nextChild[size_t(i)] = firstChild[size_t(parent)];
            firstChild[size_t(parent)] = i;
        }
    }
    m_plan.survivors.reserve(m_touchedImages.size() + m_touchedLayers.size());
    for (const int image : std::as_const(m_touchedImages)) {
        if (!m_state.isAlive(image))
            continue;
        const QList<int> &running = m_state.runningContainers(image);
        const QList<int> &stopped = m_state.stoppedContainers(image);
        QList<SurvivalReason> reasons;
        reasons.reserve(m_state.referenceCount(image) + m_state.childCount(image)
            + running.size() + stopped.size() + 1);
        for (const EngineState::ImageReference &ref : m_state.references(image))
            reasons.append({ ref.isDigest ? Kind::Digest : Kind::Tag, ref.familiar });
        for (int child = firstChild[size_t(image)]; child >= 0; child = nextChild[size_t(child)])
            reasons.append({ Kind::ChildImage, m_state.imageId(child) });
        for (const int container : running)
            reasons.append({ Kind::RunningContainer, m_state.container(container).displayName });
        for (const int container : stopped)
            reasons.append({ Kind::StoppedContainer, m_state.container(container).displayName });
        if (m_noPrune[size_t(image)])
            reasons.append({ Kind::NoPrune, {} });
        m_plan.survivors.append({ Survivor::Kind::Image, m_state.imageId(image), reasons });
    }
}

void Planner::addLayerSurvivors()
{
    // Reason lists of the touched layers still held, addressed through a per-layer slot.
    std::vector<int> slot(size_t(m_state.layerCount()), -1);
    QList<QList<SurvivalReason>> reasons;
    for (const int layer : std::as_const(m_touchedLayers)) {
        if (m_state.layerHolds(layer) > 0) {
            slot[size_t(layer)] = int(reasons.size());
            reasons.append(QList<SurvivalReason>());
        }
    }
    if (reasons.isEmpty())
        return;
    auto holdersOf = [&](int top, SurvivalReason::Kind kind, const QString &subject) {
        for (int layer = top; layer >= 0; layer = m_state.layerParent(layer)) {
            if (slot[size_t(layer)] >= 0)
                reasons[slot[size_t(layer)]].append({ kind, subject });
        }
    };
    for (int i = 0; i < m_state.imageCount(); ++i) {
        if (m_state.isAlive(i))
            holdersOf(m_state.topLayer(i), SurvivalReason::Kind::SharedLayer, m_state.imageId(i));
    }
    for (int i = 0; i < m_state.containerCount(); ++i) {
        const EngineState::Container &container = m_state.container(i);
        holdersOf(container.layer, SurvivalReason::Kind::ContainerLayer, container.displayName);
    }
    for (const int layer : std::as_const(m_touchedLayers)) {
        if (slot[size_t(layer)] >= 0) {
            m_plan.survivors.append({ Survivor::Kind::Layer, m_state.chainId(layer),
                std::move(reasons[slot[size_t(layer)]]) });
        }
    }
}

QString hex(uint value, int digits)
{
    return QStringLiteral("%1").arg(value, digits, 16, QLatin1Char('0'));
}

// unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
bool isGoPrintable(char32_t rune)
{
    if (rune < 0x80)
        return rune >= 0x20 && rune < 0x7f;
    switch (QChar::category(rune)) {
    case QChar::Separator_Space:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
        return false;
    default:
        return true;
    }
}

} // namespace

QString RemovalPlanner::goQuoted(const QString &text)
{
    // References are printable ASCII almost always: nothing to escape.
    const bool plain = std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.unicode() >= 0x20 && c.unicode() < 0x7f && c != u'"' && c != u'\\';
    });
    if (plain)
        return QLatin1Char('"') + text + QLatin1Char('"');
    QString quoted = QStringLiteral("\"");
    for (const char32_t rune : text.toUcs4()) {
        if (rune == U'"' || rune == U'\\') {
            quoted += QLatin1Char('\\') + QChar(rune);
        } else if (isGoPrintable(rune)) {
            quoted += QString::fromUcs4(&rune, 1);
        } else if (rune == U'\a') {
            quoted += QStringLiteral("\\a");
        } else if (rune == U'\b') {
            quoted += QStringLiteral("\\b");
        } else if (rune == U'\f') {
            quoted += QStringLiteral("\\f");
        } else if (rune == U'\n') {
            quoted += QStringLiteral("\\n");
        } else if (rune == U'\r') {
            quoted += QStringLiteral("\\r");
        } else if (rune == U'\t') {
            quoted += QStringLiteral("\\t");
        } else if (rune == U'\v') {
            quoted += QStringLiteral("\\v");
        } else if (rune < 0x20 || rune == 0x7f) {
            quoted += QStringLiteral("\\x") + hex(rune, 2);
        } else if (rune < 0x10000) {
            quoted += QStringLiteral("\\u") + hex(rune, 4);
        } else {
            quoted += QStringLiteral("\\U") + hex(rune, 8);
        }
    }
    return quoted + QLatin1Char('"');
}

RemovalPlan RemovalPlanner::plan(const EngineState &state, const QList<RemovalRequest> &requests)
{
    Planner planner(state);
    return planner.run(requests);
}

RemovalPlan RemovalPlanner::plan(const Snapshot &snapshot, const QList<RemovalRequest> &requests)
{
    return plan(EngineState(snapshot), requests);
}

} // namespace Strata
