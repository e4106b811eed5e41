#include "removalplanner.h"

#include "digest.h"
#include "resolver.h"

#include <QSet>

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
    QStringList messages; // one per container the engine may name; the first is our guess
};

Conflict imageConflict(const QString &imageId, bool hard, const QString &reason)
{
    return { true, hard,
        { QStringLiteral("conflict: unable to delete ") + Digest::shortId(imageId)
            + (hard ? QStringLiteral(" (cannot be forced) - ")
                    : QStringLiteral(" (must be forced) - "))
            + reason } };
}

// The engine names the first matching container of a map walk, so any of them may appear.
Conflict containerConflict(const EngineState &state, const QString &imageId, bool hard,
                           const QList<int> &containers, const QString &reasonPrefix)
{
    Conflict conflict { true, hard, {} };
    for (const int index : containers) {
        conflict.messages.append(imageConflict(imageId, hard,
            reasonPrefix + Digest::shortId(state.container(index).id)).messages.constFirst());
    }
    return conflict;
}

Conflict checkConflict(const EngineState &state, int index, int mask)
{
    const EngineState::Image &image = state.image(index);
    if ((mask & DependentChild) && image.children > 0)
        return imageConflict(image.id, true, QStringLiteral("image has dependent child images"));
    if ((mask & RunningContainer) && !image.runningContainers.isEmpty()) {
        return containerConflict(state, image.id, true, image.runningContainers,
            QStringLiteral("image is being used by running container "));
    }
    if ((mask & ActiveReference) && !image.references.isEmpty()) {
        return imageConflict(image.id, false,
            QStringLiteral("image is referenced in multiple repositories"));
    }
    if ((mask & StoppedContainer) && !image.stoppedContainers.isEmpty()) {
        return containerConflict(state, image.id, false, image.stoppedContainers,
            QStringLiteral("image is being used by stopped container "));
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
    void removeById(const Resolution &resolution, PlannedStep *step);
    bool deleteHelper(int image, bool force, bool prune, bool quiet, PlannedStep *step);
    void deleteImage(int image, PlannedStep *step);
    void untagAll(int image, PlannedStep *step);
    void fail(const Conflict &conflict, PlannedStep *step);
    void touchImage(int image);
    void addTotals(const PlannedStep &step);
    void addSurvivors();
    QList<SurvivalReason> imageReasons(int image, const QList<QString> &children) const;

    EngineState m_state;
    Resolver m_resolver;
    RemovalPlan m_plan;
    PlannedStep *m_current = nullptr;
    QList<int> m_deletedLayers; // of the step being planned
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
    if (m_state.storeKind() != ImageStoreKind::Graphdriver)
        step.uncertainties.append(PlanUncertainty::UnsupportedEngine);
    // The API layer refuses a blank name before the image service sees it.
    if (request.reference.trimmed().isEmpty()) {
        step.httpStatus = 400;
        step.errorMessage = QStringLiteral("image name cannot be blank");
        return step;
    }
    const Resolution resolution = m_resolver.resolve(request.reference);
    if (resolution.status != Resolution::Status::Found) {
        step.httpStatus = resolution.httpStatus;
        step.errorMessage = resolution.errorMessage;
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
    const EngineState::Image &target = m_state.image(image);
    if (!request.force && isSingleReference(target.references)) {
        QList<int> users = target.runningContainers + target.stoppedContainers;
        std::sort(users.begin(), users.end());
        if (!users.isEmpty()) {
            Conflict conflict { true, false, {} };
            for (const int user : std::as_const(users)) {
                conflict.messages.append(
                    QStringLiteral("conflict: unable to remove repository reference ")
                    + RemovalPlanner::goQuoted(request.reference)
                    + QStringLiteral(" (must force) - container ")
                    + Digest::shortId(m_state.container(user).id)
                    + QStringLiteral(" is using its referenced image ")
                    + Digest::shortId(target.id));
            }
            fail(conflict, step);
            touchImage(image);
            return;
        }
    }

    const Reference &ref = resolution.reference;
    m_state.removeReference(image, ref.storeKey());
    step->records.append(untagged(ref.familiarStringWithDefaultTag()));
    // Removing a tag takes the repository's digests along once no tag of it is left.
    if (!ref.hasDigest()) {
        const QString name = ref.normalizedName();
        const QList<EngineState::ImageReference> remaining = m_state.image(image).references;
        const bool tagLeft = std::any_of(remaining.cbegin(), remaining.cend(),
            [&name](const EngineState::ImageReference &r) { return !r.isDigest && r.name == name; });
        for (const EngineState::ImageReference &r : remaining) {
            if (tagLeft || !r.isDigest || r.name != name)
                continue;
            m_state.removeReference(image, r.normalized);
            step->records.append(untagged(r.familiar));
        }
    }
    if (!m_state.image(image).references.isEmpty()) {
        touchImage(image);
        return;
    }
    deleteHelper(image, request.force, !request.noPrune, true, step);
}

// ImageDelete's ID branch (SEMANTICS.md §2.3 step 5).
void Planner::removeById(const Resolution &resolution, PlannedStep *step)
{
    const int image = resolution.imageIndex;
    const RemovalRequest &request = step->request;
    if (isSingleReference(m_state.image(image).references)) {
        const int mask = HardChecks | (request.force ? 0 : StoppedContainer);
        const Conflict conflict = checkConflict(m_state, image, mask);
        if (conflict.found) {
            fail(conflict, step);
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
        const Conflict conflict
            = checkConflict(m_state, image, HardChecks | (force ? 0 : SoftChecks));
        if (conflict.found) {
            touchImage(image);
            // Quiet mode never surfaces a conflict: each one implies "in use" or "not dangling".
            if (quiet)
                return true;
            fail(conflict, step);
            return false;
        }
        const int parent = m_state.image(image).parent;
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
    const bool hasLayers = m_state.image(image).topLayer >= 0;
    step->records.append(deleted(m_state.image(image).id));
    int stopLayer = -1;
    const QList<int> released = m_state.deleteImage(image, &stopLayer);
    for (const int layer : released) {
        step->records.append(deleted(m_state.layer(layer).chainId));
        m_deletedLayers.append(layer);
    }
    if (stopLayer >= 0 && !m_layerTouched[size_t(stopLayer)]) {
        m_layerTouched[size_t(stopLayer)] = 1;
        m_touchedLayers.append(stopLayer);
    }
    // A container of an image missing from the snapshot may sit on any of these layers.
    if (hasLayers && m_state.hasHiddenLayerHolders())
        appendUnique(&step->uncertainties, PlanUncertainty::HiddenLayerHolders);
}

void Planner::untagAll(int image, PlannedStep *step)
{
    const QList<EngineState::ImageReference> references = m_state.image(image).references;
    for (const EngineState::ImageReference &ref : references) {
        m_state.removeReference(image, ref.normalized);
        step->records.append(untagged(ref.familiar));
    }
}

void Planner::fail(const Conflict &conflict, PlannedStep *step)
{
    step->httpStatus = 409;
    step->errorMessage = conflict.messages.value(0);
    step->alternativeErrorMessages = conflict.messages.mid(1);
    step->forceWouldHelp = !conflict.hard;
    if (conflict.messages.size() > 1)
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
    for (const int layer : std::as_const(m_deletedLayers)) {
        const qint64 size = m_state.layer(layer).size;
        if (size < 0)
            m_sizeUnknown = true;
        else
            m_plan.bytesFreed += size;
    }
}

QList<SurvivalReason> Planner::imageReasons(int index, const QList<QString> &children) const
{
    using Kind = SurvivalReason::Kind;
    const EngineState::Image &image = m_state.image(index);
    QList<SurvivalReason> reasons;
    for (const EngineState::ImageReference &ref : image.references)
        reasons.append({ ref.isDigest ? Kind::Digest : Kind::Tag, ref.familiar });
    for (const QString &child : children)
        reasons.append({ Kind::ChildImage, child });
    for (const int container : image.runningContainers)
        reasons.append({ Kind::RunningContainer, m_state.container(container).displayName });
    for (const int container : image.stoppedContainers)
        reasons.append({ Kind::StoppedContainer, m_state.container(container).displayName });
    if (m_noPrune[size_t(index)])
        reasons.append({ Kind::NoPrune, {} });
    return reasons;
}

// Survivors are judged on the state all requests leave behind: a later request may remove
// what an earlier one left.
void Planner::addSurvivors()
{
    QHash<int, QList<QString>> children;
    for (int i = 0; i < m_state.imageCount(); ++i) {
        const EngineState::Image &image = m_state.image(i);
        if (image.alive && image.parent >= 0 && m_imageTouched[size_t(image.parent)])
            children[image.parent].append(image.id);
    }
    for (const int image : std::as_const(m_touchedImages)) {
        if (!m_state.image(image).alive)
            continue;
        m_plan.survivors.append({ Survivor::Kind::Image, m_state.image(image).id,
            imageReasons(image, children.value(image)) });
    }

    QHash<int, QList<SurvivalReason>> layerReasons;
    for (const int layer : std::as_const(m_touchedLayers)) {
        if (m_state.layer(layer).holds > 0)
            layerReasons.insert(layer, {});
    }
    if (layerReasons.isEmpty())
        return;
    auto holdersOf = [&](int top, SurvivalReason::Kind kind, const QString &subject) {
        for (int layer = top; layer >= 0; layer = m_state.layer(layer).parent) {
            const auto it = layerReasons.find(layer);
            if (it != layerReasons.end())
                it->append({ kind, subject });
        }
    };
    for (int i = 0; i < m_state.imageCount(); ++i) {
        const EngineState::Image &image = m_state.image(i);
        if (image.alive)
            holdersOf(image.topLayer, SurvivalReason::Kind::SharedLayer, image.id);
    }
    for (int i = 0; i < m_state.containerCount(); ++i) {
        const EngineState::Container &container = m_state.container(i);
        holdersOf(container.layer, SurvivalReason::Kind::ContainerLayer, container.displayName);
    }
    for (const int layer : std::as_const(m_touchedLayers)) {
        if (layerReasons.contains(layer)) {
            m_plan.survivors.append({ Survivor::Kind::Layer, m_state.layer(layer).chainId,
                layerReasons.value(layer) });
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
