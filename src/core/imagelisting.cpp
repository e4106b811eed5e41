#include "imagelisting.h"

#include "reference.h"

#include <algorithm>

namespace Strata {

namespace {

const QString NoneText = QStringLiteral("<none>");

// Values of one image's references grouped by familiar repository name, groups in order of
// first appearance (the CLI keeps them in a map; see rows()).
struct RepositoryGroups
{
    QStringList names;
    QHash<QString, QStringList> values;

    void add(const QString &name, const QString &value)
    {
        if (!values.contains(name))
            names.append(name);
        values[name].append(value);
    }
};

RepositoryGroups groupTags(const QStringList &repoTags)
{
    RepositoryGroups groups;
    for (const QString &text : repoTags) {
        // Like the CLI, skip what does not parse as "name:tag" rather than fail the listing.
        const Reference ref = Reference::parse(text);
        if (ref.isValid() && !ref.tag().isEmpty())
            groups.add(ref.familiarName(), ref.tag());
    }
    return groups;
}

RepositoryGroups groupDigests(const QStringList &repoDigests)
{
    RepositoryGroups groups;
    for (const QString &text : repoDigests) {
        const Reference ref = Reference::parse(text);
        if (ref.isValid() && !ref.digest().isEmpty())
            groups.add(ref.familiarName(), ref.digest());
    }
    return groups;
}

class RowWriter
{
public:
    RowWriter(const ImageRecord &image, qsizetype index, QList<ImageListRow> *rows)
        : m_image(image)
        , m_index(index)
        , m_rows(rows)
    { }

    void add(const QString &repository, const QString &tag, const QString &digest,
        const QString &referenceDigest = {})
    {
        m_rows->append({ repository, tag, digest, referenceDigest, m_image.id, m_index,
            m_image.created, m_image.size });
    }

private:
    const ImageRecord &m_image;
    qsizetype m_index;
    QList<ImageListRow> *m_rows;
};

// imageFormatTaggedAndDigest: tag rows (times the repository's digests with --digests),
// then the repositories that only have digests.
void appendReferenceRows(const ImageRecord &image, bool digests, RowWriter *writer)
{
    const RepositoryGroups tags = groupTags(image.repoTags);
    const RepositoryGroups repoDigests = groupDigests(image.repoDigests);
    const QString untaggedDigest = digests ? NoneText : QString();

    for (const QString &repository : tags.names) {
        const QStringList digestsOfRepo
            = digests ? repoDigests.values.value(repository) : QStringList();
        for (const QString &tag : tags.values.value(repository)) {
            if (digestsOfRepo.isEmpty())
                writer->add(repository, tag, untaggedDigest);
            for (const QString &digest : digestsOfRepo)
                writer->add(repository, tag, digest);
        }
    }

    for (const QString &repository : repoDigests.names) {
        if (tags.values.contains(repository))
            continue;
        const QStringList digestsOfRepo = repoDigests.values.value(repository);
        if (!digests) {
            writer->add(repository, NoneText, QString(), digestsOfRepo.constFirst());
            continue;
        }
        for (const QString &digest : digestsOfRepo)
            writer->add(repository, NoneText, digest, digest);
    }
}

} // namespace

QString ImageListRow::removalReference() const
{
    if (isDangling())
        return imageId;
    if (tag == NoneText)
        return repository + QLatin1Char('@') + referenceDigest;
    return repository + QLatin1Char(':') + tag;
}

namespace ImageListing {

bool isVisibleWithoutAll(const Snapshot &snapshot, const ImageRecord &image)
{
    return image.hasReferences() || !snapshot.hasChildren(image.id);
}

QList<ImageListRow> rows(const Snapshot &snapshot, const ImageListOptions &options)
{
    const QList<ImageRecord> &images = snapshot.images();
    QList<qsizetype> order;
    order.reserve(images.size());
    for (qsizetype i = 0; i < images.size(); ++i) {
        if (options.all || isVisibleWithoutAll(snapshot, images.at(i)))
            order.append(i);
    }
    // The daemon sorts by Created (seconds) with no tie-break; the ID makes ours stable.
    std::sort(order.begin(), order.end(), [&images](qsizetype a, qsizetype b) {
        const ImageRecord &left = images.at(a);
        const ImageRecord &right = images.at(b);
        return left.created != right.created ? left.created > right.created : left.id < right.id;
    });

    QList<ImageListRow> result;
    for (const qsizetype index : std::as_const(order)) {
        const ImageRecord &image = images.at(index);
        RowWriter writer(image, index, &result);
        if (!image.hasReferences())
            writer.add(NoneText, NoneText, options.digests ? NoneText : QString());
        else
            appendReferenceRows(image, options.digests, &writer);
    }
    return result;
}

} // namespace ImageListing

} // namespace Strata
