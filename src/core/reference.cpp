#include "reference.h"

namespace Strata {

namespace {

const QLatin1String DefaultDomain("docker.io");
const QLatin1String LegacyDefaultDomain("index.docker.io");
const QLatin1String OfficialRepoPrefix("library/");
// REF-old counts the whole name, domain included, against this limit.
constexpr qsizetype NameTotalLengthMax = 255;
constexpr qsizetype TagLengthMax = 128;
constexpr qsizetype DigestHexMin = 32;

// The engine's texts (reference/errors in REF-old, go-digest v1.0.0).
// Functions over QStringLiteral, so that returning a text costs no allocation: digestError
// runs on every lookup.
QString invalidFormatText() { return QStringLiteral("invalid reference format"); }
QString uppercaseText()
{
    return QStringLiteral("invalid reference format: repository name must be lowercase");
}
QString nameEmptyText()
{
    return QStringLiteral("repository name must have at least one component");
}
QString digestFormatText() { return QStringLiteral("invalid checksum digest format"); }
QString digestLengthText() { return QStringLiteral("invalid checksum digest length"); }
QString digestUnsupportedText() { return QStringLiteral("unsupported digest algorithm"); }

// The grammar is matched by hand rather than with a regular expression: resolving a reference
// has a budget of a few microseconds. Each helper mirrors one expression of regexp.go; all
// classes are ASCII because Go's \w and [[:xdigit:]] are.
bool isLowerAlnum(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
}

bool isAlnum(QChar c)
{
    return isLowerAlnum(c) || (c >= u'A' && c <= u'Z');
}

bool isAlpha(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isHex(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

bool isLowerHex(QStringView text)
{
    for (const QChar c : text) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

// nameComponentRegexp: [a-z0-9]+ joined by ".", "_", "__" or any run of "-".
bool isPathComponent(QStringView text)
{
    if (text.isEmpty() || !isLowerAlnum(text.front()) || !isLowerAlnum(text.back()))
        return false;
    qsizetype i = 0;
    while (i < text.size()) {
        if (isLowerAlnum(text[i])) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        while (i < text.size() && !isLowerAlnum(text[i]))
            ++i;
        const QStringView run = text.sliced(start, i - start);
        const bool dashes = run.count(u'-') == run.size();
        if (!dashes && run != u"." && run != u"_" && run != u"__")
            return false;
    }
    return true;
}

bool isPath(QStringView text)
{
    for (const QStringView component : text.tokenize(u'/')) {
        if (!isPathComponent(component))
            return false;
    }
    return !text.isEmpty();
}

// domainComponentRegexp: alphanumerics and inner dashes, either case.
bool isDomainComponent(QStringView text)
{
    if (text.isEmpty() || !isAlnum(text.front()) || !isAlnum(text.back()))
        return false;
    for (const QChar c : text) {
        if (!isAlnum(c) && c != u'-')
            return false;
    }
    return true;
}

// DomainRegexp: components joined by ".", then an optional ":port".
bool isDomain(QStringView text)
{
    const qsizetype colon = text.indexOf(u':');
    if (colon >= 0) {
        const QStringView port = text.sliced(colon + 1);
        if (port.isEmpty())
            return false;
        for (const QChar c : port) {
            if (c < u'0' || c > u'9')
                return false;
        }
        text = text.first(colon);
    }
    for (const QStringView component : text.tokenize(u'.')) {
        if (!isDomainComponent(component))
            return false;
    }
    return true;
}

// TagRegexp: [\w][\w.-]{0,127}
bool isTag(QStringView text)
{
    if (text.isEmpty() || text.size() > TagLengthMax || text.front() == u'.'
        || text.front() == u'-')
        return false;
    for (const QChar c : text) {
        if (!isAlnum(c) && c != u'_' && c != u'.' && c != u'-')
            return false;
    }
    return true;
}

// DigestRegexp: [A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][[:xdigit:]]{32,}
bool isDigestSyntax(QStringView text)
{
    const qsizetype colon = text.indexOf(u':');
    if (colon < 0)
        return false;
    const QStringView algorithm = text.first(colon);
    const QStringView hex = text.sliced(colon + 1);
    bool pieceStart = true;
    for (const QChar c : algorithm) {
        if (pieceStart) {
            if (!isAlpha(c))
                return false;
            pieceStart = false;
        } else if (c == u'-' || c == u'_' || c == u'+' || c == u'.') {
            pieceStart = true;
        } else if (!isAlnum(c)) {
            return false;
        }
    }
    if (algorithm.isEmpty() || pieceStart || hex.size() < DigestHexMin)
        return false;
    for (const QChar c : hex) {
        if (!isHex(c))
            return false;
    }
    return true;
}

struct Parts
{
    QStringView domain;
    QStringView path;
    QStringView tag;
    QStringView digest;
};

// ReferenceRegexp anchored over the whole text. Tags cannot hold '/' or ':' and names cannot
// hold '@', so the separators are found without backtracking; the optional domain is tried
// first, as Go's leftmost-first matching does.
bool matchReference(QStringView text, Parts *parts)
{
    const qsizetype at = text.indexOf(u'@');
    const QStringView left = at < 0 ? text : text.first(at);
    if (at >= 0) {
        parts->digest = text.sliced(at + 1);
        if (!isDigestSyntax(parts->digest))
            return false;
    }
    const qsizetype lastSlash = left.lastIndexOf(u'/');
    const qsizetype colon = left.indexOf(u':', lastSlash + 1);
    const QStringView name = colon < 0 ? left : left.first(colon);
    if (colon >= 0) {
        parts->tag = left.sliced(colon + 1);
        if (!isTag(parts->tag))
            return false;
    }
    const qsizetype slash = name.indexOf(u'/');
    if (slash >= 0 && isDomain(name.first(slash)) && isPath(name.sliced(slash + 1))) {
        parts->domain = name.first(slash);
        parts->path = name.sliced(slash + 1);
        return true;
    }
    parts->path = name;
    return isPath(name);
}

// splitDockerDomain: the first element is a domain only if it looks like a host.
void splitDockerDomain(const QString &name, QString *domain, QString *remainder)
{
    const qsizetype slash = name.indexOf(QLatin1Char('/'));
    const QStringView first = QStringView(name).left(slash);
    if (slash < 0
        || (!first.contains(QLatin1Char('.')) && !first.contains(QLatin1Char(':'))
            && first != QLatin1String("localhost"))) {
        *domain = DefaultDomain;
        *remainder = name;
    } else {
        *domain = first.toString();
        *remainder = name.mid(slash + 1);
    }
    if (*domain == LegacyDefaultDomain)
        *domain = DefaultDomain;
    if (*domain == DefaultDomain && !remainder->contains(QLatin1Char('/')))
        remainder->prepend(OfficialRepoPrefix);
}

void setError(QString *errorMessage, const QString &text)
{
    if (errorMessage)
        *errorMessage = text;
}

} // namespace

QString Reference::digestError(const QString &digest)
{
    const qsizetype colon = digest.indexOf(QLatin1Char(':'));
    if (colon <= 0 || colon + 1 == digest.size())
        return digestFormatText();
    const QStringView algorithm = QStringView(digest).first(colon);
    const QStringView encoded = QStringView(digest).sliced(colon + 1);
    qsizetype hexLength = 0;
    if (algorithm == u"sha256")
        hexLength = 64;
    else if (algorithm == u"sha384")
        hexLength = 96;
    else if (algorithm == u"sha512")
        hexLength = 128;
    if (hexLength > 0) {
        if (encoded.size() != hexLength)
            return digestLengthText();
        return isLowerHex(encoded) ? QString() : digestFormatText();
    }
    // An unknown algorithm is "unsupported" only when the digest is otherwise well-formed:
    // [a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+
    bool pieceStart = true;
    for (const QChar c : algorithm) {
        if (isLowerAlnum(c)) {
            pieceStart = false;
        } else if (!pieceStart && (c == u'.' || c == u'+' || c == u'_' || c == u'-')) {
            pieceStart = true;
        } else {
            return digestFormatText();
        }
    }
    if (pieceStart)
        return digestFormatText();
    for (const QChar c : encoded) {
        if (!isAlnum(c) && c != u'=' && c != u'_' && c != u'-')
            return digestFormatText();
    }
    return digestUnsupportedText();
}

Reference Reference::parse(const QString &text, QString *errorMessage)
{
    Reference result;
    // ParseNormalizedNamed refuses a bare 64-hex string: it would be read as an image ID.
    if (text.size() == 64 && isLowerHex(text)) {
        setError(errorMessage,
            QStringLiteral("invalid repository name (") + text
                + QStringLiteral("), cannot specify 64-byte hexadecimal strings"));
        return result;
    }

    QString domain;
    QString remainder;
    splitDockerDomain(text, &domain, &remainder);
    const QString repository = remainder.left(remainder.indexOf(QLatin1Char(':')));
    if (repository.toLower() != repository) {
        setError(errorMessage, uppercaseText());
        return result;
    }

    // reference.Parse over the normalised text.
    const QString full = domain + QLatin1Char('/') + remainder;
    Parts parts;
    if (!matchReference(full, &parts)) {
        Parts ignored;
        if (full.isEmpty())
            setError(errorMessage, nameEmptyText());
        else if (matchReference(full.toLower(), &ignored))
            setError(errorMessage, uppercaseText());
        else
            setError(errorMessage, invalidFormatText());
        return result;
    }
    const qsizetype nameLength
        = parts.domain.isEmpty() ? parts.path.size() : parts.domain.size() + 1 + parts.path.size();
    if (nameLength > NameTotalLengthMax) {
        setError(errorMessage,
            QStringLiteral("repository name must not be more than %1 characters")
                .arg(NameTotalLengthMax));
        return result;
    }
    if (!parts.digest.isEmpty()) {
        const QString digestProblem = digestError(parts.digest.toString());
        if (!digestProblem.isEmpty()) {
            setError(errorMessage, digestProblem);
            return result;
        }
    }

    result.m_valid = true;
    result.m_domain = parts.domain.toString();
    result.m_path = parts.path.toString();
    result.m_tag = parts.tag.toString();
    result.m_digest = parts.digest.toString();
    return result;
}

Reference Reference::fromEngineString(const QString &familiar)
{
    Reference result;
    QString remainder;
    splitDockerDomain(familiar, &result.m_domain, &remainder);
    const qsizetype at = remainder.indexOf(QLatin1Char('@'));
    if (at >= 0)
        result.m_digest = remainder.mid(at + 1);
    const QStringView left = QStringView(remainder).left(at);
    const qsizetype lastSlash = left.lastIndexOf(u'/');
    const qsizetype colon = left.indexOf(u':', lastSlash + 1);
    result.m_path = left.left(colon).toString();
    if (colon >= 0)
        result.m_tag = left.sliced(colon + 1).toString();
    result.m_valid = !result.m_path.isEmpty();
    return result;
}

QString Reference::normalizedName() const
{
    if (m_domain.isEmpty())
        return m_path;
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

QString Reference::normalizedString() const
{
    if (!m_valid)
        return {};
    QString text = normalizedName();
    if (!m_tag.isEmpty())
        text += QLatin1Char(':') + m_tag;
    if (!m_digest.isEmpty())
        text += QLatin1Char('@') + m_digest;
    return text;
}

QString Reference::familiarString() const
{
    if (!m_valid)
        return {};
    QString text = familiarName();
    if (!m_tag.isEmpty())
        text += QLatin1Char(':') + m_tag;
    if (!m_digest.isEmpty())
        text += QLatin1Char('@') + m_digest;
    return text;
}

QString Reference::familiarStringWithDefaultTag() const
{
    return withDefaultTag(familiarName());
}

QString Reference::normalizedStringWithDefaultTag() const
{
    return withDefaultTag(normalizedName());
}

QString Reference::storeKey() const
{
    if (!m_valid)
        return {};
    if (!m_digest.isEmpty())
        return normalizedName() + QLatin1Char('@') + m_digest;
    return normalizedName() + QLatin1Char(':')
        + (m_tag.isEmpty() ? QStringLiteral("latest") : m_tag);
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
