#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Strata::Digest {

// "sha256:" + 64 lowercase hex.
bool isFullImageId(const QString &text);
// 64 lowercase hex, no algorithm.
bool isBareHexId(const QString &text);
// The engine's stringid.TruncateID: drop up to the first ':', keep at most 12 characters.
QString shortId(const QString &id);
// "sha256:" + hex(sha256(data)), using OpenSSL.
QString sha256Of(const QByteArray &data);
// Chain IDs of a diff-ID list, base first: chain[0] = diff[0],
// chain[n] = sha256(chain[n-1] + " " + diff[n]).
QStringList chainIds(const QStringList &diffIds);

} // namespace Strata::Digest
