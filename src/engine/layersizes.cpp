#include "layersizes.h"

#include <algorithm>

namespace Strata::LayerSizes {

using namespace Qt::StringLiterals;

std::optional<QList<qint64>> fromHistory(const QList<qint64> &historySizes, qsizetype layerCount,
                                         QString *why)
{
    QList<qint64> oldestFirst(historySizes.crbegin(), historySizes.crend());
    QList<qint64> nonZero;
    // For each zero entry, how many non-zero entries come before it: the gap it sits in.
    QList<qsizetype> zeroGaps;
    for (qint64 size : std::as_const(oldestFirst)) {
        if (size > 0)
            nonZero.append(size);
        else
            zeroGaps.append(nonZero.size());
    }
    const qsizetype zeroLayers = layerCount - nonZero.size();
    if (zeroLayers < 0 || zeroLayers > zeroGaps.size()) {
        *why = u"%1 history entries (%2 of them non-empty) cannot describe %3 layers"_s
                   .arg(oldestFirst.size()).arg(nonZero.size()).arg(layerCount);
        return std::nullopt;
    }
    if (zeroLayers == 0)
        return nonZero;
    if (zeroLayers == zeroGaps.size())
        return oldestFirst;

    // Some zero entries are empty layers and some are metadata steps. Which ones does not
    // matter only when they all sit between the same two non-empty entries.
    const qsizetype gap = zeroGaps.first();
    const bool oneGap = std::all_of(zeroGaps.cbegin(), zeroGaps.cend(),
                                    [gap](qsizetype g) { return g == gap; });
    if (!oneGap) {
        *why = u"%1 of %2 zero-byte history entries are empty layers, and the API does not say "
               "which"_s.arg(zeroLayers).arg(zeroGaps.size());
        return std::nullopt;
    }
    nonZero.insert(gap, zeroLayers, 0);
    return nonZero;
}

} // namespace Strata::LayerSizes
