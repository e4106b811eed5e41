#pragma once

#include "imagelisting.h"
#include "snapshot.h"

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace Strata {

// Docker's image filters: the arguments of `docker image ls --filter` and what the engine's
// GET /images/json does with them (SEMANTICS.md §4.1, §4.2), applied to a Snapshot so that the
// result equals the engine's answer on the same images.
//
// Keys: reference (Go path.Match globs, ORed, trimming the listed tags and digests), before and
// since (resolved like `docker image inspect`), dangling (true/false; only heads), label (key
// or key=value, ANDed) and, on engines above API 1.41, until.
//
// Where Docker 20.10 itself is random we give its likeliest answer and set `ambiguous`. The
// engine keeps the values of a key in a Go map and walks them in map order, which for a handful
// of values is their byte order 7 times in 8 (Go starts a small map's walk at a random slot).
// So with several before (or since) values the one sorting last in byte order wins, as it does
// in most runs of the engine; newer engines (and perhaps a user) would expect the oldest before
// and the newest since instead. An invalid key among several is reported as the first in byte
// order, an unknown before/since value likewise.
class ImageFilter final
{
public:
    // An error as the CLI (bad -f syntax: nothing is sent) or the engine reports it.
    struct Error
    {
        enum class Source { None, Cli, Engine };

        Source source = Source::None;
        int httpStatus = 0; // engine errors: 400, 404 or 500
        QString message; // exactly as Docker words it, without "Error response from daemon: "

        bool isError() const { return source != Source::None; }
        // What Debian's docker CLI 20.10 prints on stderr for it, newline included.
        QString cliText(const QString &flagArgument = {}) const;
    };

    struct Options
    {
        bool all = false; // the API's all=1 (`-a`): intermediate images too
        // The engine's API version: above 1.41 the engine knows `until` and words invalid keys
        // in lower case ("invalid filter 'foo'", moby 23 and later).
        QString apiVersion = QStringLiteral("1.41");
        qint64 nowUnixSeconds = 0; // what relative `until` values count back from; 0: now
    };

    struct Result
    {
        Error error;
        // The images the engine returns, newest first (ties by ID: the engine leaves them in
        // map order), RepoTags and RepoDigests trimmed to what the reference filter kept.
        QList<ImageRecord> images;
        QList<qsizetype> imageIndexes; // into the snapshot's images(), parallel to `images`
        // The engine may answer otherwise in some runs (see the class comment).
        bool ambiguous = false;
    };

    enum class MatchResult { NoMatch, Match, BadPattern };

    ImageFilter() = default;

    // One --filter argument as the CLI's FilterOpt reads it: an empty argument is ignored;
    // "name=value" is split at the first '=', the name lower-cased and trimmed, the value
    // trimmed. Without '=' the CLI refuses the argument (Error::Source::Cli).
    Error addArgument(const QString &argument);
    // A value for a key, as filters.Args.Add: values of one key form a set.
    void add(const QString &key, const QString &value);

    bool isEmpty() const { return m_values.isEmpty(); }
    bool contains(const QString &key) const { return m_values.contains(key); }
    QStringList keys() const { return m_values.keys(); }
    // The distinct values of a key in byte order (the order the engine most often walks them).
    QStringList values(const QString &key) const { return m_values.value(key); }

    // GET /images/json?filters=…&all=… on the snapshot.
    Result apply(const Snapshot &snapshot, const Options &options) const;
    // The rows `docker image ls` prints for that answer; imageIndex names the image in
    // `snapshot`. On error the list is empty and *error says why.
    QList<ImageListRow> rows(const Snapshot &snapshot, const Options &options, bool digests,
                             Error *error) const;

    // Go's path.Match (Go 1.19, which Debian's engine is built with): '*' and '?' do not cross
    // '/', [...] classes with ranges and '^' negation, '\' escapes; a malformed pattern is
    // reported whenever it is tried, even where the name already failed to match.
    static MatchResult pathMatch(const QString &pattern, const QString &name);
    // reference.FamiliarMatch: the pattern against the familiar string ("app:1",
    // "app@sha256:…"), then against the familiar name ("app"); only the first can fail.
    static MatchResult matchesReference(const QString &pattern, const QString &familiar);
    // api/types/time GetTimestamp + ParseTimestamps, for `until`: a Go duration before now
    // ("90m", "1h30m", "2.5h"), Unix seconds ("1700000000", "1700000000.5") or an RFC 3339
    // date or time ("2023-06-01", "2023-06-01T10:00:00Z", local time without a zone). On
    // failure returns false with the engine's text in *error where we know it.
    static bool parseTimestamp(const QString &value, qint64 nowUnixSeconds, qint64 *unixSeconds,
                               QString *error);
    // filters.Args.MatchKVList: every "key" must exist and every "key=value" must equal; an
    // image without labels matches no filter.
    static bool matchesLabels(const QStringList &filters, const QMap<QString, QString> &labels);

private:
    QMap<QString, QStringList> m_values;
};

} // namespace Strata
