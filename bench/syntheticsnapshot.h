#pragma once

#include "removalrecord.h"
#include "snapshot.h"

#include <QList>
#include <QRandomGenerator>

namespace Strata {

// A seeded picture of a busy build host, for the planner's benchmark and its regression
// fingerprint: pulled bases (some sharing lower layers, most with a registry digest),
// classic-builder chains on them with untagged intermediates and metadata-only steps, tagged
// heads in one or several repositories, running and stopped containers. The same image count
// and seed give the same snapshot on every machine.
class SyntheticSnapshot final
{
public:
    SyntheticSnapshot(int imageCount, quint32 seed);

    Snapshot generate();
    // What the table sends when every row is selected: newest first, "repo:tag" for tagged
    // rows and the image ID otherwise.
    static QList<RemovalRequest> removeEverything(const Snapshot &snapshot);

private:
    QString newDiffId();
    qint64 newLayerSize();
    ImageRecord &addImage(const QStringList &diffIds, const QList<qint64> &sizes, int parent);
    void addBase(int index);
    void addBuild(int app, int base);
    void addContainers(int count);

    int m_target;
    QRandomGenerator m_random;
    QList<ImageRecord> m_images;
    QList<ContainerRecord> m_containers;
    QList<int> m_heads;
    int m_layers = 0;
};

} // namespace Strata
