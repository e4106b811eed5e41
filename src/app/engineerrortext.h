#pragma once

#include "endpoint.h"
#include "engineerror.h"

#include <QCoreApplication>
#include <QString>

namespace Strata {

// Turns an EngineError into words for a person: what went wrong, at which address, and what to
// do about it. The transport's or engine's own text is kept verbatim beside the advice.
class EngineErrorText final
{
    Q_DECLARE_TR_FUNCTIONS(Strata::EngineErrorText)

public:
    static QString headline(const EngineError &error);
    static QString advice(const EngineError &error, const Endpoint &endpoint);

private:
    static QString originText(const Endpoint &endpoint);
    static QString joinSentences(const QString &first, const QString &second);
};

} // namespace Strata
