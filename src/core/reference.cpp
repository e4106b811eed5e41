#include "reference.h"

#include <QRegularExpression>

namespace Strata {

namespace {

const QLatin1String DefaultDomain("docker.io");
const QLatin1String LegacyDefaultDomain("index.docker.io");
const QLatin1String OfficialRepoPrefix("library/");
// REF-old counts the whole name, domain included, against this limit.
constexpr qsizetype NameTotalLengthMax = 255;

// The distribution reference grammar (regexp.go), spelled with ASCII classes because Go's \w
// is ASCII-only. Captures: 1 domain, 2 path, 3 tag, 4 digest.
const QRegularExpression &referencePattern()
{
    // The explicit QString return type matters: with QStringBuilder a deduced type would be a
    // builder that refers to the lambda's locals after they are gone.
    static const QRegularExpression pattern([]() -> QString {
        const QString pathComponent = QStringLiteral("[a-z0-9]+(?:(?:[._]|__|-*)[a-z0-9]+)*");
        const QString domainComponent
            = QStringLiteral("(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])");
        const QString domain = domainComponent + QStringLiteral("(?:\\.") + domainComponent
            + QStringLiteral(")*(?::[0-9]+)?");
        const QString tag = QStringLiteral("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
        const QString digest = QStringLiteral(
            "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}");
        return QStringLiteral("^(?:(") + domain + QStringLiteral(")/)?(") + pathComponent
            + QStringLiteral("(?:/") + pathComponent + QStringLiteral(")*)(?::(") + tag
            + QStringLiteral("))?(?:@(") + digest + QStringLiteral("))?$");
    }());
    return pattern;
}

// go-digest's Validate for the algorithms the engine registers: known algorithm, exact
// length, lowercase hex.
bool isValidDigest(const QString &digest)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(?:sha256:[a-f0-9]{64}|sha384:[a-f0-9]{96}|sha512:[a-f0-9]{128})$"));
    return pattern.match(digest).hasMatch();
}

bool isBareIdentifier(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-f0-9]{64}$"));
    return pattern.match(text).hasMatch();
}

// splitDockerDomain: the first element is a domain only if it looks like a host.
void splitDockerDomain(const QString &name, QString *domain, QString *remainder)
{
    const qsizetype slash = name.indexOf(QLatin1Char('/'));
    const QString first = name.left(slash);
    if (slash < 0
        || (!first.contains(QLatin1Char('.')) && !first.contains(QLatin1Char(':'))
            && first != QLatin1String("localhost"))) {
        *domain = DefaultDomain;
        *remainder = name;
    } else {
        *domain = first;
        *remainder = name.mid(slash + 1);
    }
    if (*domain == LegacyDefaultDomain)
        *domain = DefaultDomain;
    if (*domain == DefaultDomain && !remainder->contains(QLatin1Char('/')))
        remainder->prepend(OfficialRepoPrefix);
}

} // namespace

Reference Reference::parse(const QString &text)
{
    Reference result;
    // ParseNormalizedNamed refuses a bare 64-hex string: it would be read as an image ID.
    if (isBareIdentifier(text))
        return result;

    QString domain;
    QString remainder;
    splitDockerDomain(text, &domain, &remainder);
    const QString repository = remainder.left(remainder.indexOf(QLatin1Char(':')));
    if (repository.toLower() != repository)
        return result;

    const QRegularExpressionMatch match
        = referencePattern().match(domain + QLatin1Char('/') + remainder);
    if (!match.hasMatch())
        return result;
    const QString name = match.captured(1) + QLatin1Char('/') + match.captured(2);
    if (name.size() > NameTotalLengthMax)
        return result;
    const QString digest = match.captured(4);
    if (!digest.isEmpty() && !isValidDigest(digest))
        return result;

    result.m_valid = true;
    result.m_domain = match.captured(1);
    result.m_path = match.captured(2);
    result.m_tag = match.captured(3);
    result.m_digest = digest;
    return result;
}

QString Reference::normalizedName() const
{
    return m_domain + QLatin1Char('/') + m_path;
}

QString Reference::familiarName() const
{
    if (m_domain != DefaultDomain)
        return normalizedName();
    // Only "library/x" loses its prefix; "library/a/b" keeps it to stay unambiguous.
    if (m_path.startsWith(OfficialRepoPrefix)
        && !QStringView(m_path).mid(OfficialRepoPrefix.size()).contains(QLatin1Char('/')))
        return m_path.mid(OfficialRepoPrefix.size());
    return m_path;
}

QString Reference::familiarStringWithDefaultTag() const
{
    return withDefaultTag(familiarName());
}

QString Reference::normalizedStringWithDefaultTag() const
{
    return withDefaultTag(normalizedName());
}

QString Reference::withDefaultTag(const QString &name) const
{
    if (!m_valid)
        return {};
    QString text = name;
    if (!m_tag.isEmpty())
        text += QLatin1Char(':') + m_tag;
    else if (m_digest.isEmpty())
        text += QStringLiteral(":latest");
    if (!m_digest.isEmpty())
        text += QLatin1Char('@') + m_digest;
    return text;
}

} // namespace Strata
