#include "digest.h"

#include <QLoggingCategory>
#include <openssl/evp.h>

namespace Strata::Digest {

namespace {

Q_LOGGING_CATEGORY(lcDigest, "strata.core")

constexpr qsizetype Sha256HexLength = 64;

bool isLowerHex(QStringView text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (!((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f')))
            return false;
    }
    return true;
}

} // namespace

bool isFullImageId(const QString &text)
{
    static const QLatin1String prefix("sha256:");
    return text.size() == prefix.size() + Sha256HexLength && text.startsWith(prefix)
        && isLowerHex(QStringView(text).mid(prefix.size()));
}

bool isBareHexId(const QString &text)
{
    return text.size() == Sha256HexLength && isLowerHex(text);
}

QString shortId(const QString &id)
{
    // stringid.TruncateID cuts at the first ':' whatever the algorithm is.
    const qsizetype colon = id.indexOf(QLatin1Char(':'));
    const QString hex = colon < 0 ? id : id.mid(colon + 1);
    return hex.left(12);
}

QString sha256Of(const QByteArray &data)
{
    unsigned char hash[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    // EVP_Digest only fails when OpenSSL cannot allocate or has no sha256; neither is
    // recoverable here, so say so and return an empty string the caller will not match.
    if (EVP_Digest(data.constData(), static_cast<size_t>(data.size()), hash, &length, EVP_sha256(),
            nullptr)
        != 1) {
        qCWarning(lcDigest) << "OpenSSL could not compute a sha256 digest";
        return {};
    }
    const QByteArray raw(reinterpret_cast<const char *>(hash), static_cast<int>(length));
    return QStringLiteral("sha256:") + QString::fromLatin1(raw.toHex());
}

QStringList chainIds(const QStringList &diffIds)
{
    QStringList chain;
    chain.reserve(diffIds.size());
    for (const QString &diffId : diffIds) {
        if (chain.isEmpty())
            chain.append(diffId);
        else
            chain.append(sha256Of((chain.constLast() + QLatin1Char(' ') + diffId).toUtf8()));
    }
    return chain;
}

} // namespace Strata::Digest
