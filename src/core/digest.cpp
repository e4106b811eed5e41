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

namespace {

// OpenSSL 3 looks the algorithm up in its provider tables on every EVP_sha256() digest; the
// fetched one is kept for the process (chain IDs hash tens of thousands of short strings).
const EVP_MD *sha256Algorithm()
{
    static EVP_MD *const algorithm = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return algorithm ? algorithm : EVP_sha256();
}

} // namespace

QString sha256Of(const QByteArray &data)
{
    unsigned char hash[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    // EVP_Digest only fails when OpenSSL cannot allocate or has no sha256; neither is
    // recoverable here, so say so and return an empty string the caller will not match.
    if (EVP_Digest(data.constData(), static_cast<size_t>(data.size()), hash, &length,
            sha256Algorithm(), nullptr)
        != 1) {
        qCWarning(lcDigest) << "OpenSSL could not compute a sha256 digest";
        return {};
    }
    static const char16_t digits[] = u"0123456789abcdef";
    static const QLatin1String prefix("sha256:");
    QString text(prefix.size() + 2 * qsizetype(length), Qt::Uninitialized);
    QChar *out = text.data();
    for (const char c : prefix)
        *out++ = QLatin1Char(c);
    for (unsigned int i = 0; i < length; ++i) {
        *out++ = QChar(digits[hash[i] >> 4]);
        *out++ = QChar(digits[hash[i] & 0xf]);
    }
    return text;
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
