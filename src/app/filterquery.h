#pragma once

#include "imagefilter.h"

#include <QString>
#include <QStringList>

namespace Strata {

// What a person types in the filter field over the image table: Docker's `--filter` terms
// (reference=, before=, since=, dangling=, label=, until=) mixed with plain words. The terms
// go to ImageFilter, which applies Docker's rules (values of one key ORed, keys ANDed, labels
// ANDed); the words are matched as text in the shown columns. "foo=bar" with any other key is
// a plain word, so searching for "a=b" in a label still works.
class FilterQuery final
{
public:
    static FilterQuery parse(const QString &text);

    // The keys recognised as filter terms, in the order the CLI's help lists them.
    static QStringList filterKeys();

    bool hasFilter() const { return !m_terms.isEmpty(); }
    const ImageFilter &filter() const { return m_filter; }
    // The terms as the CLI would get them: `--filter term` once each, in typed order.
    const QStringList &terms() const { return m_terms; }
    // The remaining words, joined by single spaces.
    const QString &freeText() const { return m_freeText; }
    // A term the CLI itself refuses (never happens for the keys above, kept for safety).
    const ImageFilter::Error &error() const { return m_error; }

private:
    ImageFilter m_filter;
    QStringList m_terms;
    QString m_freeText;
    ImageFilter::Error m_error;
};

} // namespace Strata
