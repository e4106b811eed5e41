#pragma once

#include "endpoint.h"
#include "engineerror.h"
#include "removalrecord.h"
#include "snapshot.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <chrono>

namespace Strata {

struct EngineInfo
{
    QString serverVersion;  // "20.10.24+dfsg1"
    QString apiVersion;     // the negotiated version, used as /v<apiVersion>/ prefix
    QString maxApiVersion;  // what the engine offers
    QString minApiVersion;
    QString operatingSystem;
    bool isPodman = false;  // /_ping carried Libpod-API-Version
    // The engine was started by scripts/sandbox-engine (its /info Labels say so).
    bool isStrataSandbox = false;
};

struct HttpResponse
{
    int status = 0;
    QMap<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;
};

// Typed calls to one engine's HTTP API over libcurl. Each call uses its own easy handle, so one
// client may serve several threads at once once negotiate() has returned. Calls block: run them
// off the UI thread.
class EngineClient final
{
public:
    // Newest and oldest API versions whose fields this client understands.
    static constexpr auto ClientMaxApiVersion = "1.51";
    static constexpr auto ClientMinApiVersion = "1.24";
    // The version the Go client assumes when /_ping carries no Api-Version header.
    static constexpr auto FallbackApiVersion = "1.24";

    static constexpr std::chrono::milliseconds DefaultConnectTimeout{5000};
    // Deleting a large image on a slow storage driver takes a while; listing never should.
    static constexpr std::chrono::milliseconds DefaultTimeout{300000};

    explicit EngineClient(Endpoint endpoint);

    const Endpoint &endpoint() const { return m_endpoint; }
    const EngineInfo &info() const { return m_info; }

    void setConnectTimeout(std::chrono::milliseconds timeout) { m_connectTimeout = timeout; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    // When the flag becomes true, a call under way is abandoned at once with Code::Cancelled:
    // a person who closes the window or refreshes must not wait for a hung engine's timeout.
    void setCancelFlag(std::shared_ptr<const std::atomic_bool> flag) { m_cancel = std::move(flag); }

    // GET /_ping and /version; picks min(client max, engine max) and checks the engine's minimum.
    EngineError negotiate();

    EngineError listImages(QList<ImageRecord> *images);         // /images/json?all=1
    EngineError inspectDiffIds(const QString &imageId, QStringList *diffIds);
    // GET /images/{id}/history: every entry, oldest first (the engine answers newest first).
    EngineError history(const QString &imageId, QList<HistoryEntry> *oldestFirst);
    // The same call, keeping only each entry's Size, newest first as the engine answers.
    EngineError historySizes(const QString &imageId, QList<qint64> *sizesNewestFirst);
    // Each entry's Size, newest first, as LayerSizes::fromHistory takes them.
    static QList<qint64> sizesNewestFirstOf(const QList<HistoryEntry> &oldestFirst);
    // GET /info: the containerd image store names its snapshotter in DriverStatus (§3.1.1);
    // Podman is told by /_ping, so negotiate() must have run.
    EngineError detectStoreKind(ImageStoreKind *kind);
    EngineError listContainers(QList<ContainerRecord> *containers); // /containers/json?all=1
    // DELETE /images/{reference}; an engine error is an outcome, not an EngineError. A
    // transport failure is both: the outcome carries status 0 and the transport's words.
    EngineError removeImage(const RemovalRequest &request, RemovalOutcome *outcome);
    // POST /images/prune as `docker image prune [-a] -f` sends it: the CLI always adds the
    // filter dangling=true, or dangling=false with -a. *records are ImagesDeleted in the
    // engine's order and *spaceReclaimed its SpaceReclaimed; a refusal is an HttpError.
    EngineError pruneImages(bool all, QList<RemovalRecord> *records, qint64 *spaceReclaimed);

    // Raw request relative to the negotiated version prefix, for calls not typed above. Before
    // negotiate() the prefix is left out, so the engine's default (newest) version applies.
    EngineError request(const QByteArray &method, const QString &pathAndQuery,
                        HttpResponse *response, bool versioned = true) const;

    // "1.41" < "1.9" is false: versions compare by number, component by component.
    static int compareApiVersions(const QString &a, const QString &b);
    // The path segment for a reference, escaped as Go's url.URL escapes a path: '/', ':', '@'
    // and the other sub-delimiters stay readable, everything else outside unreserved is %XX.
    static QByteArray encodePathSegment(const QString &reference);

private:
    EngineError getJson(const QString &pathAndQuery, QByteArray *body) const;
    EngineError protocolError(const QString &detail) const;

    Endpoint m_endpoint;
    EngineInfo m_info;
    std::chrono::milliseconds m_connectTimeout = DefaultConnectTimeout;
    std::chrono::milliseconds m_timeout = DefaultTimeout;
    std::shared_ptr<const std::atomic_bool> m_cancel;
};

} // namespace Strata
