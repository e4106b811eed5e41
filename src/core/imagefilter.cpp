#include "imagefilter.h"

#include "enginestate.h"
#include "reference.h"
#include "removalplanner.h"
#include "resolver.h"

#include <QDateTime>
#include <QLoggingCategory>

#include <algorithm>
#include <numeric>
#include <optional>
#include <string_view>

namespace Strata {

namespace {

Q_LOGGING_CATEGORY(lcFilter, "strata.core")

constexpr qint64 NanosPerSecond = 1000000000;

// ------------------------------------------------------------------ Go's path.Match

constexpr char32_t RuneError = 0xFFFD;

struct Rune
{
    char32_t value = RuneError;
    std::size_t length = 1;
};

// utf8.DecodeRuneInString: an invalid or truncated sequence is RuneError of length 1.
Rune decodeRune(std::string_view s)
{
    const auto byte = [&s](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char first = byte(0);
    if (first < 0x80)
        return {first, 1};
    const std::size_t length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 0;
    if (length == 0 || length > s.size() || first > 0xF4)
        return {};
    char32_t value = first & (0x7F >> length);
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(i) & 0xC0) != 0x80)
            return {};
        value = (value << 6) | (byte(i) & 0x3F);
    }
    const char32_t minimum = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000;
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return {};
    return {value, length};
}

struct Chunk
{
    bool star = false;
    std::string_view chunk;
    std::string_view rest;
};

// scanChunk: leading stars, then everything up to the next star outside a class.
Chunk scanChunk(std::string_view pattern)
{
    Chunk result;
    while (!pattern.empty() && pattern.front() == '*') {
        pattern.remove_prefix(1);
        result.star = true;
    }
    bool inRange = false;
    std::size_t i = 0;
    for (; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '\\') {
            if (i + 1 < pattern.size())
                ++i;
        } else if (c == '[') {
            inRange = true;
        } else if (c == ']') {
            inRange = false;
        } else if (c == '*' && !inRange) {
            break;
        }
    }
    result.chunk = pattern.substr(0, i);
    result.rest = pattern.substr(i);
    return result;
}

struct Escape
{
    char32_t rune = 0;
    std::string_view rest;
    bool bad = false;
};

// getEsc: one (possibly escaped) character of a class; never the last of the pattern.
Escape getEscape(std::string_view chunk)
{
    Escape result;
    if (chunk.empty() || chunk.front() == '-' || chunk.front() == ']') {
        result.bad = true;
        return result;
    }
    if (chunk.front() == '\\') {
        chunk.remove_prefix(1);
        if (chunk.empty()) {
            result.bad = true;
            return result;
        }
    }
    const Rune rune = decodeRune(chunk);
    result.rune = rune.value;
    result.bad = rune.value == RuneError && rune.length == 1;
    result.rest = chunk.substr(rune.length);
    if (result.rest.empty())
        result.bad = true;
    return result;
}

struct ChunkMatch
{
    std::string_view rest;
    bool ok = false;
    bool bad = false;
};

// A [...] class at the front of chunk: consumes it; *failed is set when r is not in it.
bool matchClass(std::string_view *chunk, char32_t r, bool *failed)
{
    chunk->remove_prefix(1);
    bool negated = false;
    if (!chunk->empty() && chunk->front() == '^') {
        negated = true;
        chunk->remove_prefix(1);
    }
    bool match = false;
    for (int ranges = 0;; ++ranges) {
        if (!chunk->empty() && chunk->front() == ']' && ranges > 0) {
            chunk->remove_prefix(1);
            break;
        }
        const Escape low = getEscape(*chunk);
        if (low.bad)
            return false;
        *chunk = low.rest;
        char32_t high = low.rune;
        if (chunk->front() == '-') {
            const Escape end = getEscape(chunk->substr(1));
            if (end.bad)
                return false;
            high = end.rune;
            *chunk = end.rest;
        }
        if (low.rune <= r && r <= high)
            match = true;
    }
    if (match == negated)
        *failed = true;
    return true;
}

// matchChunk: once the match has failed it keeps reading the chunk only to find bad syntax.
ChunkMatch matchChunk(std::string_view chunk, std::string_view s)
{
    bool failed = false;
    while (!chunk.empty()) {
        if (!failed && s.empty())
            failed = true;
        switch (chunk.front()) {
        case '[': {
            char32_t r = 0;
            if (!failed) {
                const Rune rune = decodeRune(s);
                r = rune.value;
                s.remove_prefix(rune.length);
            }
            if (!matchClass(&chunk, r, &failed))
                return {{}, false, true};
            break;
        }
        case '?':
            if (!failed) {
                if (s.front() == '/')
                    failed = true;
                s.remove_prefix(decodeRune(s).length);
            }
            chunk.remove_prefix(1);
            break;
        case '\\':
            chunk.remove_prefix(1);
            if (chunk.empty())
                return {{}, false, true};
            [[fallthrough]];
        default:
            if (!failed) {
                if (chunk.front() != s.front())
                    failed = true;
                s.remove_prefix(1);
            }
            chunk.remove_prefix(1);
        }
    }
    if (failed)
        return {};
    return {s, true, false};
}

// After a star: try the chunk at each later position that does not cross a '/'.
std::optional<ChunkMatch> matchAfterStar(std::string_view chunk, std::string_view name,
                                         bool lastChunk)
{
    for (std::size_t i = 0; i < name.size() && name[i] != '/'; ++i) {
        const ChunkMatch match = matchChunk(chunk, name.substr(i + 1));
        if (match.ok) {
            if (lastChunk && !match.rest.empty())
                continue;
            return match;
        }
        if (match.bad)
            return match;
    }
    return std::nullopt;
}

ImageFilter::MatchResult goPathMatch(std::string_view pattern, std::string_view name)
{
    using MatchResult = ImageFilter::MatchResult;
    while (!pattern.empty()) {
        const Chunk chunk = scanChunk(pattern);
        pattern = chunk.rest;
        if (chunk.star && chunk.chunk.empty())
            return name.find('/') == std::string_view::npos ? MatchResult::Match
                                                            : MatchResult::NoMatch;
        const ChunkMatch here = matchChunk(chunk.chunk, name);
        if (here.ok && (here.rest.empty() || !pattern.empty())) {
            name = here.rest;
            continue;
        }
        if (here.bad)
            return MatchResult::BadPattern;
        if (chunk.star) {
            const std::optional<ChunkMatch> later
                = matchAfterStar(chunk.chunk, name, pattern.empty());
            if (later && later->bad)
                return MatchResult::BadPattern;
            if (later) {
                name = later->rest;
                continue;
            }
        }
        // Before saying "no", Go checks that the rest of the pattern is well-formed.
        while (!pattern.empty()) {
            const Chunk next = scanChunk(pattern);
            pattern = next.rest;
            if (matchChunk(next.chunk, {}).bad)
                return MatchResult::BadPattern;
        }
        return MatchResult::NoMatch;
    }
    return name.empty() ? MatchResult::Match : MatchResult::NoMatch;
}

// ------------------------------------------------------------------ timestamps

// time.ParseDuration; false when the text is no Go duration.
bool parseGoDuration(const QString &text, qint64 *nanoseconds)
{
    static const QList<std::pair<QString, double>> units
        = {{QStringLiteral("ns"), 1.0},         {QStringLiteral("us"), 1e3},
           {QStringLiteral("\u00b5s"), 1e3},    {QStringLiteral("\u03bcs"), 1e3},
           {QStringLiteral("ms"), 1e6},         {QStringLiteral("s"), 1e9},
           {QStringLiteral("m"), 60e9},         {QStringLiteral("h"), 3600e9}};
    QStringView rest(text);
    double sign = 1.0;
    if (!rest.isEmpty() && (rest.front() == u'-' || rest.front() == u'+')) {
        sign = rest.front() == u'-' ? -1.0 : 1.0;
        rest = rest.sliced(1);
    }
    if (rest == u"0") {
        *nanoseconds = 0;
        return true;
    }
    if (rest.isEmpty())
        return false;
    double total = 0.0;
    while (!rest.isEmpty()) {
        qsizetype digits = 0;
        while (digits < rest.size() && (rest.at(digits).isDigit() || rest.at(digits) == u'.'))
            ++digits;
        bool ok = false;
        const double value = rest.first(digits).toDouble(&ok);
        if (digits == 0 || !ok || rest.first(digits) == u".")
            return false;
        rest = rest.sliced(digits);
        qsizetype unitLength = 0;
        while (unitLength < rest.size() && !rest.at(unitLength).isDigit()
               && rest.at(unitLength) != u'.')
            ++unitLength;
        const QStringView unit = rest.first(unitLength);
        const auto found = std::find_if(units.cbegin(), units.cend(),
                                        [&unit](const auto &u) { return unit == u.first; });
        if (found == units.cend())
            return false;
        total += value * found->second;
        rest = rest.sliced(unitLength);
    }
    *nanoseconds = qint64(sign * total);
    return true;
}

// "1700000000" or "1700000000.123": ParseTimestamps with a default of 0 nanoseconds.
std::optional<qint64> parseUnixTimestamp(const QString &value)
{
    const QStringList parts = value.split(u'.');
    if (parts.size() > 2)
        return std::nullopt;
    bool ok = false;
    const qint64 seconds = parts.constFirst().toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    qint64 nanos = 0;
    if (parts.size() == 2) {
        nanos = parts.at(1).toLongLong(&ok);
        if (!ok)
            return std::nullopt;
    }
    return seconds * NanosPerSecond + nanos;
}

// ------------------------------------------------------------------ the filter itself

int compareVersions(const QString &a, const QString &b)
{
    const QStringList left = a.split(u'.');
    const QStringList right = b.split(u'.');
    for (qsizetype i = 0; i < std::max(left.size(), right.size()); ++i) {
        const int l = i < left.size() ? left.at(i).toInt() : 0;
        const int r = i < right.size() ? right.at(i).toInt() : 0;
        if (l != r)
            return l < r ? -1 : 1;
    }
    return 0;
}

ImageFilter::Error engineError(int status, const QString &message)
{
    return {ImageFilter::Error::Source::Engine, status, message};
}

// What the per-image part of GET /images/json needs, worked out once.
struct Criteria
{
    bool danglingOnly = false;
    bool danglingFalse = false; // a dangling filter is present and says false
    std::optional<qint64> beforeNs; // keep images created strictly earlier
    std::optional<qint64> sinceNs; // keep images created strictly later
    QStringList labels;
    QStringList patterns; // reference patterns, byte order
    bool all = false;
};

} // namespace

QString ImageFilter::Error::cliText(const QString &flagArgument) const
{
    if (source == Source::Cli) {
        return QStringLiteral("invalid argument \"%1\" for \"-f, --filter\" flag: %2\n")
                   .arg(flagArgument, message)
            + QStringLiteral("See 'docker image ls --help'.\n");
    }
    return QStringLiteral("Error response from daemon: ") + message + QLatin1Char('\n');
}

ImageFilter::Error ImageFilter::addArgument(const QString &argument)
{
    if (argument.isEmpty())
        return {};
    const qsizetype equals = argument.indexOf(u'=');
    if (equals < 0)
        return {Error::Source::Cli, 0,
                QStringLiteral("bad format of filter (expected name=value)")};
    add(argument.first(equals).trimmed().toLower(), argument.sliced(equals + 1).trimmed());
    return {};
}

void ImageFilter::add(const QString &key, const QString &value)
{
    QStringList &values = m_values[key];
    // Byte order of UTF-8 equals code point order; QString compares UTF-16 code units, which
    // agrees for everything below the surrogates, i.e. for any text a filter sensibly holds.
    const auto at = std::lower_bound(values.begin(), values.end(), value);
    if (at == values.end() || *at != value)
        values.insert(at, value);
}

ImageFilter::MatchResult ImageFilter::pathMatch(const QString &pattern, const QString &name)
{
    const QByteArray pattern8 = pattern.toUtf8();
    const QByteArray name8 = name.toUtf8();
    return goPathMatch(std::string_view(pattern8.constData(), size_t(pattern8.size())),
                       std::string_view(name8.constData(), size_t(name8.size())));
}

ImageFilter::MatchResult ImageFilter::matchesReference(const QString &pattern,
                                                       const QString &familiar)
{
    const MatchResult result = pathMatch(pattern, familiar);
    if (result != MatchResult::NoMatch)
        return result;
    // Only the first match's error counts; the second runs only when the first said no.
    const QString name = Reference::fromEngineString(familiar).familiarName();
    return pathMatch(pattern, name) == MatchResult::Match ? MatchResult::Match
                                                          : MatchResult::NoMatch;
}

bool ImageFilter::parseTimestamp(const QString &value, qint64 nowUnixSeconds, qint64 *unixNanos,
                                 QString *error)
{
    const qint64 now = nowUnixSeconds != 0 ? nowUnixSeconds : QDateTime::currentSecsSinceEpoch();
    qint64 duration = 0;
    if (value != QLatin1String("0") && parseGoDuration(value, &duration)) {
        // reference.Add(-d).Unix(): whole seconds, rounded down.
        const qint64 nanos = now * NanosPerSecond - duration;
        *unixNanos = (nanos >= 0 ? nanos : nanos - (NanosPerSecond - 1)) / NanosPerSecond
            * NanosPerSecond;
        return true;
    }
    // TODO: Go's layouts are approximated by Qt's ISO 8601 reader; a value Go would reject
    // (or read in the daemon's zone rather than ours) may be read here, and Go's own
    // time.Parse error texts are not reproduced.
    if (value.contains(u'-')) {
        const QDateTime time = QDateTime::fromString(value, Qt::ISODateWithMs);
        if (!time.isValid()) {
            *error = QStringLiteral("parsing time %1: cannot parse as a date or time")
                         .arg(RemovalPlanner::goQuoted(value));
            return false;
        }
        *unixNanos = time.toMSecsSinceEpoch() * 1000000;
        return true;
    }
    const std::optional<qint64> unix = parseUnixTimestamp(value);
    if (!unix) {
        *error = QStringLiteral("failed to parse value as time or duration: ")
            + RemovalPlanner::goQuoted(value);
        return false;
    }
    *unixNanos = *unix;
    return true;
}

bool ImageFilter::matchesLabels(const QStringList &filters, const QMap<QString, QString> &labels)
{
    if (filters.isEmpty())
        return true;
    if (labels.isEmpty())
        return false;
    for (const QString &filter : filters) {
        const qsizetype equals = filter.indexOf(u'=');
        const QString key = equals < 0 ? filter : filter.first(equals);
        const auto found = labels.constFind(key);
        if (found == labels.cend())
            return false;
        if (equals >= 0 && found.value() != filter.sliced(equals + 1))
            return false;
    }
    return true;
}

namespace {

// Validate, then dangling: what the engine checks before it looks at any image.
ImageFilter::Error checkKeysAndDangling(const ImageFilter &filter, bool newer, Criteria *criteria,
                                        bool *ambiguous)
{
    QStringList accepted{QStringLiteral("before"), QStringLiteral("dangling"),
                         QStringLiteral("label"), QStringLiteral("reference"),
                         QStringLiteral("since")};
    if (newer)
        accepted.append(QStringLiteral("until"));
    const QStringList keys = filter.keys();
    QStringList invalid;
    for (const QString &key : keys) {
        if (!accepted.contains(key))
            invalid.append(key);
    }
    *ambiguous = invalid.size() > 1;
    const QString invalidWord = newer ? QStringLiteral("invalid filter '")
                                      : QStringLiteral("Invalid filter '");
    if (!invalid.isEmpty())
        return engineError(400, invalidWord + invalid.constFirst() + QLatin1Char('\''));

    if (filter.contains(QStringLiteral("dangling"))) {
        const QStringList values = filter.values(QStringLiteral("dangling"));
        criteria->danglingOnly = values.contains(QLatin1String("true"));
        criteria->danglingFalse = !criteria->danglingOnly;
        // TODO: engines above 1.41 also take 1 and 0 and refuse true together with false.
        if (!criteria->danglingOnly && !values.contains(QLatin1String("false"))) {
            *ambiguous = values.size() > 1;
            return engineError(400, invalidWord + QStringLiteral("dangling=[")
                                        + values.join(u' ') + QStringLiteral("]'"));
        }
    }
    return {};
}

// before and since, each value resolved like GetImage; M20 keeps the last value it walks.
ImageFilter::Error resolveTimes(const ImageFilter &filter, const Snapshot &snapshot, bool newer,
                                Criteria *criteria, bool *ambiguous)
{
    const QStringList before = filter.values(QStringLiteral("before"));
    const QStringList since = filter.values(QStringLiteral("since"));
    if (before.isEmpty() && since.isEmpty())
        return {};
    const EngineState state(snapshot);
    const Resolver resolver(state);
    for (const bool isBefore : {true, false}) {
        std::optional<qint64> &bound = isBefore ? criteria->beforeNs : criteria->sinceNs;
        QList<qint64> seen;
        for (const QString &value : isBefore ? before : since) {
            const Resolution resolution = resolver.resolve(value);
            if (resolution.status != Resolution::Status::Found)
                return engineError(resolution.httpStatus, resolution.errorMessage);
            // TODO: the engine compares full-precision creation times; the snapshot keeps
            // whole seconds, so images created within one second compare as equal here.
            const qint64 created = snapshot.image(resolution.imageId)->created * NanosPerSecond;
            seen.append(created);
            if (!newer || !bound)
                bound = created;
            else
                bound = isBefore ? std::min(*bound, created) : std::max(*bound, created);
        }
        if (!newer && std::adjacent_find(seen.cbegin(), seen.cend(), std::not_equal_to<>())
                          != seen.cend())
            *ambiguous = true;
    }
    return {};
}

// Newer engines fold until into before: images created strictly earlier than the time.
ImageFilter::Error resolveUntil(const ImageFilter &filter, qint64 now, Criteria *criteria)
{
    for (const QString &value : filter.values(QStringLiteral("until"))) {
        qint64 nanos = 0;
        QString error;
        if (!ImageFilter::parseTimestamp(value, now, &nanos, &error))
            return engineError(400, error);
        if (!criteria->beforeNs || nanos < *criteria->beforeNs)
            criteria->beforeNs = nanos;
    }
    return {};
}

// The references of one image that the reference patterns keep (all when there are none).
ImageFilter::Error keptReferences(const QStringList &references, const Criteria &criteria,
                                  QStringList *kept)
{
    for (const QString &reference : references) {
        bool found = criteria.patterns.isEmpty();
        for (const QString &pattern : criteria.patterns) {
            const ImageFilter::MatchResult match
                = ImageFilter::matchesReference(pattern, reference);
            if (match == ImageFilter::MatchResult::BadPattern)
                return engineError(500, QStringLiteral("syntax error in pattern"));
            if (match == ImageFilter::MatchResult::Match) {
                found = true;
                break;
            }
        }
        if (found)
            kept->append(reference);
    }
    return {};
}

// One image through the engine's loop: nullopt when it is not listed.
std::optional<ImageRecord> filterImage(const Snapshot &snapshot, const ImageRecord &image,
                                       const Criteria &criteria, ImageFilter::Error *error)
{
    const qint64 created = image.created * NanosPerSecond;
    const bool hasChildren = snapshot.hasChildren(image.id);
    if ((criteria.danglingOnly && hasChildren)
        || (criteria.beforeNs && created >= *criteria.beforeNs)
        || (criteria.sinceNs && created <= *criteria.sinceNs)
        || !ImageFilter::matchesLabels(criteria.labels, image.labels))
        return std::nullopt;
    ImageRecord kept = image;
    kept.repoTags.clear();
    kept.repoDigests.clear();
    *error = keptReferences(image.repoTags, criteria, &kept.repoTags);
    if (!error->isError())
        *error = keptReferences(image.repoDigests, criteria, &kept.repoDigests);
    if (error->isError())
        return std::nullopt;
    if (!kept.hasReferences()) {
        if ((!criteria.all && hasChildren) || criteria.danglingFalse
            || !criteria.patterns.isEmpty())
            return std::nullopt;
    } else if (criteria.danglingOnly && !kept.repoTags.isEmpty()) {
        return std::nullopt;
    }
    return kept;
}

} // namespace

ImageFilter::Result ImageFilter::apply(const Snapshot &snapshot, const Options &options) const
{
    Result result;
    const bool newer = compareVersions(options.apiVersion, QStringLiteral("1.41")) > 0;
    Criteria criteria;
    criteria.all = options.all;
    criteria.labels = values(QStringLiteral("label"));
    criteria.patterns = values(QStringLiteral("reference"));
    result.error = checkKeysAndDangling(*this, newer, &criteria, &result.ambiguous);
    if (!result.error.isError())
        result.error = resolveTimes(*this, snapshot, newer, &criteria, &result.ambiguous);
    if (!result.error.isError() && newer)
        result.error = resolveUntil(*this, options.nowUnixSeconds, &criteria);
    if (result.error.isError())
        return result;

    const QList<ImageRecord> &images = snapshot.images();
    for (qsizetype i = 0; i < images.size(); ++i) {
        std::optional<ImageRecord> kept = filterImage(snapshot, images.at(i), criteria,
                                                      &result.error);
        if (result.error.isError()) {
            // The engine stops at the first reference it tries against a malformed pattern;
            // with other patterns beside it, a match may come first in some runs.
            result.ambiguous = result.ambiguous || criteria.patterns.size() > 1;
            result.images.clear();
            result.imageIndexes.clear();
            return result;
        }
        if (kept) {
            result.images.append(*std::move(kept));
            result.imageIndexes.append(i);
        }
    }

    // Newest first; the engine leaves ties in map order, the ID makes ours stable.
    QList<qsizetype> order(result.images.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&result](qsizetype a, qsizetype b) {
        const ImageRecord &left = result.images.at(a);
        const ImageRecord &right = result.images.at(b);
        return left.created != right.created ? left.created > right.created : left.id < right.id;
    });
    Result sorted;
    sorted.ambiguous = result.ambiguous;
    for (const qsizetype at : std::as_const(order)) {
        sorted.images.append(result.images.at(at));
        sorted.imageIndexes.append(result.imageIndexes.at(at));
    }
    qCDebug(lcFilter) << "filter kept" << sorted.images.size() << "of" << images.size();
    return sorted;
}

QList<ImageListRow> ImageFilter::rows(const Snapshot &snapshot, const Options &options,
                                      bool digests, Error *error) const
{
    const Result result = apply(snapshot, options);
    if (error)
        *error = result.error;
    if (result.error.isError())
        return {};
    // Visibility is decided already: list every image the engine returned.
    const Snapshot listed(result.images, {}, snapshot.takenAt(), snapshot.storeKind());
    QList<ImageListRow> rows = ImageListing::rows(listed, {true, digests});
    for (ImageListRow &row : rows)
        row.imageIndex = result.imageIndexes.at(row.imageIndex);
    return rows;
}

} // namespace Strata
