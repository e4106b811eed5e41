#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace Strata {

// Recovers each layer's size from an image's history. The engine walks the image config's
// history oldest first and gives every entry not marked empty_layer the diff size of the next
// layer in RootFS order, every other entry 0 (moby daemon/images/image_history.go, v20.10 to
// v28). The API leaves empty_layer out, so an entry of 0 bytes is either a metadata-only step
// or a layer whose diff is empty; only some histories can be inverted.
namespace LayerSizes {

// historySizes: the Size of each entry of GET /images/{id}/history, newest first, as it comes.
// Returns the size of each of the image's layerCount layers, base first; nullopt when the
// history does not fit the layers or when zero-byte entries make the mapping ambiguous, with
// the reason in *why.
std::optional<QList<qint64>> fromHistory(const QList<qint64> &historySizes, qsizetype layerCount,
                                         QString *why);

} // namespace LayerSizes

} // namespace Strata
