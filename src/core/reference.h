#pragma once

#include <QString>

namespace Strata {

// A distribution reference "name[:tag][@digest]" split into its parts, with the engine's
// normalisation (SEMANTICS.md §1.2): domain docker.io, "library/" for single-component names
// on docker.io, and familiar forms for display.
// TODO: the engine's 400 texts for malformed input (SEMANTICS.md §1.5) come with issue 3; until
// then parse() only says whether the input is well-formed, not why it is not.
class Reference final
{
public:
    static Reference parse(const QString &text);

    bool isValid() const { return m_valid; }
    QString domain() const { return m_domain; } // "docker.io", "localhost:5000", …
    QString path() const { return m_path; } // "library/ubuntu", "alpine/git", …
    QString tag() const { return m_tag; } // empty when none was given, case kept
    QString digest() const { return m_digest; } // "sha256:…", empty when none was given

    // "docker.io/library/ubuntu"
    QString normalizedName() const;
    // "ubuntu", "alpine/git", "localhost:5000/x"
    QString familiarName() const;
    // The familiar form with the tag defaulted to latest when neither tag nor digest was given:
    // "ubuntu" -> "ubuntu:latest"; "mongo@sha256:…" stays as it is.
    QString familiarStringWithDefaultTag() const;
    // The fully normalised string, tag defaulted as above: "docker.io/library/ubuntu:latest".
    QString normalizedStringWithDefaultTag() const;

private:
    QString withDefaultTag(const QString &name) const;

    bool m_valid = false;
    QString m_domain;
    QString m_path;
    QString m_tag;
    QString m_digest;
};

} // namespace Strata
