#pragma once

#include "removalrecord.h"
#include "snapshot.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace Strata {

// Why an image or layer that a plan touches is still there afterwards.
struct SurvivalReason
{
    enum class Kind {
        Tag,              // subject: the familiar tag that still points at the image
        Digest,           // subject: the familiar digest reference
        ChildImage,       // subject: the child image's ID
        RunningContainer, // subject: container name (or 12-hex ID when it has none)
        StoppedContainer, // subject: container name (or 12-hex ID)
        SharedLayer,      // subject: the ID of an image whose layers include this layer
        ContainerLayer,   // subject: a container whose read-write layer sits on this layer
        NoPrune,          // the request asked to keep untagged parents
    };

    Kind kind = Kind::Tag;
    QString subject;
    friend bool operator==(const SurvivalReason &, const SurvivalReason &) = default;
};

struct Survivor
{
    enum class Kind { Image, Layer };

    Kind kind = Kind::Image;
    QString id;       // image ID, or layer chain ID ("sha256:…")
    QList<SurvivalReason> reasons;
    friend bool operator==(const Survivor &, const Survivor &) = default;
};

// Where the engine's answer cannot be predicted exactly; the app words these for people.
enum class PlanUncertainty {
    ConflictContainerChoice, // several containers match; the engine names one of them at random
    HiddenLayerHolders,      // containers of deleted images hold layers we cannot see
    UnsupportedEngine,       // containerd image store or Podman: semantics differ
};

// The predicted answer of the engine to one request, given all requests before it.
struct PlannedStep
{
    RemovalRequest request;
    int httpStatus = 200;
    QList<RemovalRecord> records;  // the exact records, in order, when httpStatus is 200
    QString errorMessage;          // the engine's exact message otherwise
    // Other messages the engine may give just as well (another matching container named).
    QStringList alternativeErrorMessages;
    bool forceWouldHelp = false;   // a 409 that -f overrides
    QList<PlanUncertainty> uncertainties;

    bool succeeds() const { return httpStatus == 200; }
    // Whether an engine answer is one this step predicted.
    bool matches(const RemovalOutcome &outcome) const;
    // Whether an answer that does not match is still what the step warned about: with
    // HiddenLayerHolders, the same answer except that each deleted image released only a top
    // part of the layers predicted for it (a holder the snapshot cannot show stopped the
    // engine's walk down the chain). `snapshot` is the one the plan was made from.
    bool isWithinUncertainty(const RemovalOutcome &outcome, const Snapshot &snapshot) const;
};

struct RemovalPlan
{
    QList<PlannedStep> steps;
    QList<Survivor> survivors; // every image and layer the plan touches but does not remove
    int tagsRemoved = 0;       // Untagged records
    int imagesDeleted = 0;
    int layersDeleted = 0;
    qint64 bytesFreed = 0;     // sizes of the deleted layers (-1 when a size is unknown)
    QList<PlanUncertainty> uncertainties; // for the plan as a whole

    bool isPredictable() const
    {
        return !uncertainties.contains(PlanUncertainty::UnsupportedEngine);
    }
};

} // namespace Strata
