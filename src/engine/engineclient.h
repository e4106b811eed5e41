#pragma once

#include "endpoint.h"
#include "engineerror.h"
#include "removalrecord.h"
#include "snapshot.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

#include <atomic>

namespace Strata {

struct EngineInfo
{
    QString serverVersion;  // "20.10.24+dfsg1"
    QString apiVersion;     // the negotiated version, used as /v<apiVersion>/ prefix
    QString maxApiVersion;  // what the engine offers
    QString minApiVersion;
    QString operatingSystem;
    bool isPodman = false;  // /_ping carried Libpod-API-Version
};

struct HttpResponse
{
    int status = 0;
    QMap<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
};

// Typed calls to one engine's HTTP API over libcurl. Each call uses its own easy handle, so one
// client may serve several threads at once. Calls block: run them off the UI thread.
class EngineClient final
{
public:
    // Newest and oldest API versions whose fields this client understands.
    static constexpr auto ClientMaxApiVersion = "1.51";
    static constexpr auto ClientMinApiVersion = "1.24";

    explicit EngineClient(Endpoint endpoint);

    const Endpoint &endpoint() const { return m_endpoint; }
    const EngineInfo &info() const { return m_info; }

    // GET /_ping and /version; picks min(client max, engine max) and checks the engine's minimum.
    EngineError negotiate();

    EngineError listImages(QList<ImageRecord> *images);         // /images/json?all=1
    EngineError inspectDiffIds(const QString &imageId, QStringList *diffIds);
    EngineError listContainers(QList<ContainerRecord> *containers); // /containers/json?all=1
    // DELETE /images/{reference}; an engine error is an outcome, not an EngineError.
    EngineError removeImage(const RemovalRequest &request, RemovalOutcome *outcome);

    // Raw request relative to the negotiated version prefix, for calls not typed above.
    EngineError request(const QByteArray &method, const QString &pathAndQuery,
                        HttpResponse *response, bool versioned = true) const;

private:
    Endpoint m_endpoint;
    EngineInfo m_info;
};

} // namespace Strata
