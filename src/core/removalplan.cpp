#include "removalplan.h"

namespace Strata {

namespace {

// An image's Deleted record followed by the layer records it released.
struct RecordGroup
{
    RemovalRecord head;
    QList<RemovalRecord> layers;
};

// Deleted records name either an image of the snapshot or a layer's chain ID.
QList<RecordGroup> groupRecords(const QList<RemovalRecord> &records, const Snapshot &snapshot)
{
    QList<RecordGroup> groups;
    for (const RemovalRecord &record : records) {
        const bool layer = record.kind == RemovalRecord::Kind::Deleted
            && snapshot.indexOfImage(record.value) < 0;
        if (layer && !groups.isEmpty())
            groups.last().layers.append(record);
        else
            groups.append({record, {}});
    }
    return groups;
}

} // namespace

bool PlannedStep::matches(const RemovalOutcome &outcome) const
{
    if (outcome.httpStatus != httpStatus)
        return false;
    if (succeeds())
        return outcome.records == records;
    return outcome.errorMessage == errorMessage
        || alternativeErrorMessages.contains(outcome.errorMessage);
}

bool PlannedStep::isWithinUncertainty(const RemovalOutcome &outcome,
                                      const Snapshot &snapshot) const
{
    if (!uncertainties.contains(PlanUncertainty::HiddenLayerHolders) || !succeeds()
        || !outcome.succeeded())
        return false;
    const QList<RecordGroup> predicted = groupRecords(records, snapshot);
    const QList<RecordGroup> actual = groupRecords(outcome.records, snapshot);
    if (predicted.size() != actual.size())
        return false;
    for (qsizetype i = 0; i < predicted.size(); ++i) {
        const RecordGroup &expected = predicted.at(i);
        const RecordGroup &got = actual.at(i);
        if (!(got.head == expected.head)
            || expected.layers.mid(0, got.layers.size()) != got.layers)
            return false;
    }
    return true;
}

} // namespace Strata
