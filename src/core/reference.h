#pragma once

#include <QString>

namespace Strata {

// A distribution reference "name[:tag][@digest]" split into its parts, with the engine's
// normalisation (SEMANTICS.md §1.2): domain docker.io, "library/" for single-component names
// on docker.io, and familiar forms for display. The grammar and the error texts are those of
// the reference package Debian's engine vendors (REF-old, SEMANTICS.md §1.1 and §1.5).
class Reference final
{
public:
    // ParseNormalizedNamed: on failure the result is invalid and *errorMessage holds the
    // engine's exact text ("invalid reference format", "invalid checksum digest length" …).
    static Reference parse(const QString &text, QString *errorMessage = nullptr);
    // A reference the engine itself printed (RepoTags, RepoDigests): normalised without
    // validating the grammar again, because snapshots carry tens of thousands of them.
    static Reference fromEngineString(const QString &familiar);
    // go-digest's Validate: "" when the digest is valid, else the engine's error text.
    static QString digestError(const QString &digest);

    bool isValid() const { return m_valid; }
    QString domain() const { return m_domain; } // "docker.io", "localhost:5000", …
    QString path() const { return m_path; } // "library/ubuntu", "alpine/git", …
    QString tag() const { return m_tag; } // empty when none was given, case kept
    QString digest() const { return m_digest; } // "sha256:…", empty when none was given
    bool hasTag() const { return !m_tag.isEmpty(); }
    bool hasDigest() const { return !m_digest.isEmpty(); }
    bool isNameOnly() const { return m_tag.isEmpty() && m_digest.isEmpty(); }

    // "docker.io/library/ubuntu" (Name() in the engine)
    QString normalizedName() const;
    // "ubuntu", "alpine/git", "localhost:5000/x"
    QString familiarName() const;
    // "docker.io/library/ubuntu:22.04@sha256:…", nothing defaulted (String() in the engine)
    QString normalizedString() const;
    // "ubuntu:22.04@sha256:…", nothing defaulted (FamiliarString in the engine)
    QString familiarString() const;
    // The familiar form with the tag defaulted to latest when neither tag nor digest was given:
    // "ubuntu" -> "ubuntu:latest"; "mongo@sha256:…" stays as it is.
    QString familiarStringWithDefaultTag() const;
    // The fully normalised string, tag defaulted as above: "docker.io/library/ubuntu:latest".
    QString normalizedStringWithDefaultTag() const;
    // The key the engine's reference store files this reference under: a digest wins over a
    // tag ("name:tag@d" is stored and looked up as "name@d"), a bare name means ":latest".
    QString storeKey() const;

private:
    QString withDefaultTag(const QString &name) const;

    bool m_valid = false;
    QString m_domain; // empty only for names whose first element looks like a host but is not one
    QString m_path;
    QString m_tag;
    QString m_digest;
};

} // namespace Strata
