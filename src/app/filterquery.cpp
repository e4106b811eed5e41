#include "filterquery.h"

#include <QRegularExpression>

namespace Strata {

QStringList FilterQuery::filterKeys()
{
    return {QStringLiteral("before"), QStringLiteral("dangling"), QStringLiteral("label"),
            QStringLiteral("reference"), QStringLiteral("since"), QStringLiteral("until")};
}

FilterQuery FilterQuery::parse(const QString &text)
{
    FilterQuery query;
    QStringList words;
    static const QRegularExpression space(QStringLiteral("\\s+"));
    const QStringList tokens = text.split(space, Qt::SkipEmptyParts);
    for (const QString &token : tokens) {
        const qsizetype equals = token.indexOf(QLatin1Char('='));
        const QString key = token.left(equals).trimmed().toLower();
        if (equals <= 0 || !filterKeys().contains(key)) {
            words << token;
            continue;
        }
        query.m_terms << token;
        const ImageFilter::Error error = query.m_filter.addArgument(token);
        if (error.isError() && !query.m_error.isError())
            query.m_error = error;
    }
    query.m_freeText = words.join(QLatin1Char(' '));
    return query;
}

} // namespace Strata
