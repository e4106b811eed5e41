#pragma once

#include "layergraph.h"
#include "removalplan.h"
#include "snapshot.h"

#include <QStringList>

class QTextStream;

namespace Strata {

// `strata-cli why [--host H] REF`: every reason an image (or a layer, by chain ID) is still on
// the engine, one per line in plain English, each with what would remove that reason. REF is
// resolved as `docker image rm REF` resolves it; a full chain ID or a unique hex prefix of one
// names a layer when no image matches.
class WhyCommand final
{
public:
    // arguments excludes the program name and the word "why". Returns 0 when REF was found,
    // 1 when it was not (with the engine's message on err), 2 for unusable arguments or engine.
    static int run(const QStringList &arguments, QTextStream &out, QTextStream &err);

    struct Explanation
    {
        bool found = false;
        QString errorMessage; // the engine's text when REF names nothing
        QStringList lines;    // title first, then one line per reason
    };
    static Explanation explain(const Snapshot &snapshot, const LayerGraph &graph,
                               const QString &reference);
    // One reason in words, with what the user can do about it.
    static QString reasonText(const Snapshot &snapshot, const SurvivalReason &reason);
    // "redis:alpine (999296fbb423)", "<none> (ee2f0247d204)".
    static QString imageName(const Snapshot &snapshot, const QString &imageId);
};

} // namespace Strata
