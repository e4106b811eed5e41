#include "syntheticsnapshot.h"

#include "digest.h"

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace Strata {

SyntheticSnapshot::SyntheticSnapshot(int imageCount, quint32 seed)
    : m_target(imageCount)
    , m_random(seed)
{ }

Snapshot SyntheticSnapshot::generate()
{
    const int bases = std::max(10, m_target / 130);
    for (int i = 0; i < bases && int(m_images.size()) < m_target; ++i)
        addBase(i);
    const int baseCount = int(m_images.size());
    for (int app = 0; int(m_images.size()) < m_target; ++app)
        addBuild(app, int(m_random.bounded(baseCount)));
    addContainers(m_target / 7);
    return Snapshot(m_images, m_containers, QDateTime::fromSecsSinceEpoch(1'700'000'000));
}

QList<RemovalRequest> SyntheticSnapshot::removeEverything(const Snapshot &snapshot)
{
    QList<RemovalRequest> requests;
    const QList<ImageRecord> &images = snapshot.images();
    for (auto it = images.crbegin(); it != images.crend(); ++it)
        requests.append({ it->repoTags.isEmpty() ? it->id : it->repoTags.constFirst() });
    return requests;
}

QString SyntheticSnapshot::newDiffId()
{
    return Digest::sha256Of("layer " + QByteArray::number(m_layers++));
}

qint64 SyntheticSnapshot::newLayerSize()
{
    return qint64(m_random.bounded(1, 200'000'000));
}

ImageRecord &SyntheticSnapshot::addImage(const QStringList &diffIds, const QList<qint64> &sizes,
                                         int parent)
{
    ImageRecord image;
    image.id = Digest::sha256Of("image " + QByteArray::number(m_images.size()));
    image.parentId = parent >= 0 ? m_images.at(parent).id : QString();
    image.diffIds = diffIds;
    image.layerSizes = sizes;
    // As /images/json reports it: the bytes of every layer of the chain.
    image.size = std::accumulate(sizes.cbegin(), sizes.cend(), qint64(0));
    image.created = 1'700'000'000 + m_images.size();
    m_images.append(image);
    return m_images.last();
}

void SyntheticSnapshot::addBase(int index)
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
    if (m_random.bounded(5) != 0)
        image.repoDigests = { name + u"@"_s + Digest::sha256Of("manifest " + name.toUtf8()) };
}

// One classic build: 2–12 steps, a quarter of them metadata-only, the head tagged.
void SyntheticSnapshot::addBuild(int app, int base)
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

void SyntheticSnapshot::addContainers(int count)
{
    static const QStringList states = { u"running"_s, u"running"_s, u"paused"_s, u"exited"_s,
        u"exited"_s, u"exited"_s, u"created"_s, u"dead"_s };
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

} // namespace Strata
