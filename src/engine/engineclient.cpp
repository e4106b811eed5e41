#include "engineclient.h"

#include "enginelog.h"

#include <cerrno>
#include <cstring>
#include <memory>
#include <mutex>
#include <utility>

#include <curl/curl.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

namespace Strata {

namespace {

using namespace Qt::StringLiterals;

struct CurlEasyDeleter
{
    void operator()(CURL *handle) const { curl_easy_cleanup(handle); }
};
struct CurlListDeleter
{
    void operator()(curl_slist *list) const { curl_slist_free_all(list); }
};
using CurlEasy = std::unique_ptr<CURL, CurlEasyDeleter>;
using CurlList = std::unique_ptr<curl_slist, CurlListDeleter>;

// curl_global_init is not thread-safe; every client in every thread goes through here first.
void initCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

size_t appendBody(char *data, size_t size, size_t count, void *userData)
{
    static_cast<QByteArray *>(userData)->append(data, qsizetype(size * count));
    return size * count;
}

// Header lines arrive one by one; a status line starts a new header block (after a 100).
size_t appendHeader(char *data, size_t size, size_t count, void *userData)
{
    auto *headers = static_cast<QMap<QByteArray, QByteArray> *>(userData);
    const QByteArray line = QByteArray(data, qsizetype(size * count)).trimmed();
    if (line.startsWith("HTTP/")) {
        headers->clear();
    } else if (const qsizetype colon = line.indexOf(':'); colon > 0) {
        headers->insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    return size * count;
}

// libcurl asks this while a transfer runs; a non-zero answer abandons it.
int abandonWhenCancelled(void *flag, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    return static_cast<const std::atomic_bool *>(flag)->load() ? 1 : 0;
}

EngineError::Code codeForCurlError(CURLcode result, long osErrno)
{
    switch (result) {
    case CURLE_ABORTED_BY_CALLBACK:
        return EngineError::Code::Cancelled;
    case CURLE_COULDNT_CONNECT:
        return osErrno == EACCES || osErrno == EPERM ? EngineError::Code::PermissionDenied
                                                     : EngineError::Code::Unreachable;
    case CURLE_OPERATION_TIMEDOUT:
        return EngineError::Code::Timeout;
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_BAD_CONTENT_ENCODING:
    case CURLE_UNSUPPORTED_PROTOCOL:
        return EngineError::Code::ProtocolError;
    default:
        // Resolve failures, resets, empty replies: the engine is not there (or went away).
        return EngineError::Code::Unreachable;
    }
}

// curl's message names "localhost port 80" for a unix socket; say which socket and why.
QString transportDetail(const Endpoint &endpoint, CURLcode result, const char *errorBuffer,
                        long osErrno)
{
    const QString reason = osErrno != 0
        ? QString::fromLocal8Bit(std::strerror(int(osErrno)))
        : QString();
    if (endpoint.kind == Endpoint::Kind::Unix && result == CURLE_COULDNT_CONNECT
        && !reason.isEmpty())
        return u"cannot connect to %1: %2"_s.arg(endpoint.socketPath, reason);

    QString detail = QString::fromUtf8(errorBuffer).trimmed();
    if (detail.isEmpty())
        detail = QString::fromUtf8(curl_easy_strerror(result));
    if (!reason.isEmpty() && !detail.contains(reason))
        detail += u" ("_s + reason + u')';
    if (endpoint.kind == Endpoint::Kind::Unix)
        detail = endpoint.socketPath + u": "_s + detail;
    return detail;
}

// The engine's error bodies are {"message": "..."}; anything else is reported as it came.
QString errorMessageOf(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    const QJsonValue message = document.object().value(u"message"_s);
    if (document.isObject() && message.isString())
        return message.toString();
    return QString::fromUtf8(body).trimmed();
}

QStringList stringsOf(const QJsonValue &value)
{
    QStringList strings;
    const QJsonArray array = value.toArray();
    for (const QJsonValue &item : array) {
        if (item.isString())
            strings.append(item.toString());
    }
    return strings;
}

// Old API versions report an untagged image as ["<none>:<none>"] and ["<none>@<none>"].
QStringList withoutPlaceholders(QStringList references)
{
    references.removeAll(u"<none>:<none>"_s);
    references.removeAll(u"<none>@<none>"_s);
    return references;
}

ImageRecord imageFromJson(const QJsonObject &object)
{
    ImageRecord image;
    image.id = object.value(u"Id"_s).toString();
    image.parentId = object.value(u"ParentId"_s).toString();
    image.repoTags = withoutPlaceholders(stringsOf(object.value(u"RepoTags"_s)));
    image.repoDigests = withoutPlaceholders(stringsOf(object.value(u"RepoDigests"_s)));
    image.created = object.value(u"Created"_s).toInteger();
    image.size = object.value(u"Size"_s).toInteger();
    const QJsonObject labels = object.value(u"Labels"_s).toObject();
    for (auto it = labels.constBegin(); it != labels.constEnd(); ++it)
        image.labels.insert(it.key(), it.value().toString());
    return image;
}

ContainerRecord containerFromJson(const QJsonObject &object)
{
    ContainerRecord container;
    container.id = object.value(u"Id"_s).toString();
    for (QString name : stringsOf(object.value(u"Names"_s))) {
        if (name.startsWith(u'/'))
            name.remove(0, 1);
        container.names.append(name);
    }
    container.image = object.value(u"Image"_s).toString();
    container.imageId = object.value(u"ImageID"_s).toString();
    container.state = object.value(u"State"_s).toString();
    return container;
}

// Reads "1.41" into {1, 41}; {-1, -1} when it is not a version.
std::pair<int, int> versionParts(const QString &version)
{
    const QStringList parts = version.split(u'.');
    if (parts.size() != 2)
        return {-1, -1};
    bool majorOk = false;
    bool minorOk = false;
    const int major = parts.at(0).toInt(&majorOk);
    const int minor = parts.at(1).toInt(&minorOk);
    if (!majorOk || !minorOk || major < 0 || minor < 0)
        return {-1, -1};
    return {major, minor};
}

bool isApiVersion(const QString &version)
{
    return versionParts(version).first >= 0;
}

} // namespace

EngineClient::EngineClient(Endpoint endpoint)
    : m_endpoint(std::move(endpoint))
{
    initCurlOnce();
}

int EngineClient::compareApiVersions(const QString &a, const QString &b)
{
    const auto left = versionParts(a);
    const auto right = versionParts(b);
    return left < right ? -1 : (right < left ? 1 : 0);
}

QByteArray EngineClient::encodePathSegment(const QString &reference)
{
    // Go's shouldEscape(c, encodePath) keeps unreserved characters and $&+,/:;=@.
    return reference.toUtf8().toPercentEncoding("$&+,/:;=@");
}

EngineError EngineClient::protocolError(const QString &detail) const
{
    return EngineError{EngineError::Code::ProtocolError, m_endpoint.address, detail, 0};
}

EngineError EngineClient::request(const QByteArray &method, const QString &pathAndQuery,
                                  HttpResponse *response, bool versioned) const
{
    const QString prefix = versioned && !m_info.apiVersion.isEmpty()
        ? u"/v"_s + m_info.apiVersion
        : QString();
    const QByteArray url = (m_endpoint.baseUrl + prefix + pathAndQuery).toUtf8();
    CurlEasy handle(curl_easy_init());
    if (!handle)
        return protocolError(u"could not create a libcurl handle"_s);

    char errorBuffer[CURL_ERROR_SIZE] = {};
    HttpResponse result;
    CURL *h = handle.get();
    curl_easy_setopt(h, CURLOPT_URL, url.constData());
    if (m_endpoint.kind == Endpoint::Kind::Unix) {
        const QByteArray socketPath = m_endpoint.socketPath.toLocal8Bit();
        curl_easy_setopt(h, CURLOPT_UNIX_SOCKET_PATH, socketPath.constData()); // copied
    }
    // An http_proxy in the environment must never see engine traffic.
    curl_easy_setopt(h, CURLOPT_PROXY, "");
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, long(m_connectTimeout.count()));
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, long(m_timeout.count()));
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(h, CURLOPT_USERAGENT, "Strata/0.1");
    if (method == "HEAD")
        curl_easy_setopt(h, CURLOPT_NOBODY, 1L);
    else if (method != "GET")
        curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, method.constData());
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, &appendBody);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &result.body);
    curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, &appendHeader);
    curl_easy_setopt(h, CURLOPT_HEADERDATA, &result.headers);
    if (m_cancel) {
        curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
        curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, &abandonWhenCancelled);
        curl_easy_setopt(h, CURLOPT_XFERINFODATA, m_cancel.get());
    }

    const CURLcode code = curl_easy_perform(h);
    if (code != CURLE_OK) {
        long osErrno = 0;
        curl_easy_getinfo(h, CURLINFO_OS_ERRNO, &osErrno);
        const EngineError error{codeForCurlError(code, osErrno), m_endpoint.address,
                                transportDetail(m_endpoint, code, errorBuffer, osErrno), 0};
        qCWarning(lcEngine) << method << url << "failed:" << error.detail;
        return error;
    }
    long status = 0;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    result.status = int(status);
    qCDebug(lcEngine) << method << url << "->" << result.status << result.body.size() << "bytes";
    if (response)
        *response = std::move(result);
    return {};
}

EngineError EngineClient::getJson(const QString &pathAndQuery, QByteArray *body) const
{
    HttpResponse response;
    if (EngineError error = request("GET", pathAndQuery, &response); error.isError())
        return error;
    if (response.status != 200) {
        return EngineError{EngineError::Code::HttpError, m_endpoint.address,
                           errorMessageOf(response.body), response.status};
    }
    *body = std::move(response.body);
    return {};
}

EngineError EngineClient::negotiate()
{
    HttpResponse ping;
    m_info = {};
    if (EngineError error = request("GET", u"/_ping"_s, &ping, false); error.isError())
        return error;
    const QString maxVersion = QString::fromLatin1(ping.headers.value("api-version"));
    if (maxVersion.isEmpty() && ping.status != 200) {
        return protocolError(u"GET /_ping answered %1 without an Api-Version: is this a Docker "
                             "engine?"_s.arg(ping.status));
    }
    EngineInfo info;
    info.maxApiVersion = maxVersion.isEmpty() ? QString::fromLatin1(FallbackApiVersion)
                                              : maxVersion;
    info.isPodman = ping.headers.contains("libpod-api-version");
    if (!isApiVersion(info.maxApiVersion))
        return protocolError(u"invalid Api-Version \"%1\" in /_ping"_s.arg(info.maxApiVersion));

    QByteArray body;
    if (EngineError error = getJson(u"/version"_s, &body); error.isError())
        return error;
    const QJsonObject version = QJsonDocument::fromJson(body).object();
    info.serverVersion = version.value(u"Version"_s).toString();
    info.minApiVersion = version.value(u"MinAPIVersion"_s).toString();
    info.operatingSystem = version.value(u"Os"_s).toString();

    const QString clientMax = QString::fromLatin1(ClientMaxApiVersion);
    const QString clientMin = QString::fromLatin1(ClientMinApiVersion);
    info.apiVersion = compareApiVersions(clientMax, info.maxApiVersion) < 0 ? clientMax
                                                                             : info.maxApiVersion;
    if (compareApiVersions(info.apiVersion, clientMin) < 0) {
        return EngineError{EngineError::Code::ApiVersion, m_endpoint.address,
                           u"the engine offers API %1, older than the oldest this client "
                           "supports (%2)"_s.arg(info.apiVersion, clientMin), 0};
    }
    if (isApiVersion(info.minApiVersion)
        && compareApiVersions(info.apiVersion, info.minApiVersion) < 0) {
        return EngineError{EngineError::Code::ApiVersion, m_endpoint.address,
                           u"the engine requires API %1 or newer; this client speaks up to %2"_s
                               .arg(info.minApiVersion, clientMax), 0};
    }
    m_info = info;
    qCInfo(lcEngine).noquote() << u"engine at %1: %2 %3, API %4 (minimum %5), using %6"_s.arg(
        m_endpoint.address, info.isPodman ? u"Podman"_s : u"Docker"_s, info.serverVersion,
        info.maxApiVersion, info.minApiVersion, info.apiVersion);
    return {};
}

EngineError EngineClient::listImages(QList<ImageRecord> *images)
{
    QByteArray body;
    if (EngineError error = getJson(u"/images/json?all=1"_s, &body); error.isError())
        return error;
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isArray())
        return protocolError(u"GET /images/json did not answer a JSON array"_s);
    QList<ImageRecord> result;
    const QJsonArray array = document.array();
    result.reserve(array.size());
    for (const QJsonValue &item : array) {
        if (!item.isObject() || !item.toObject().value(u"Id"_s).isString())
            return protocolError(u"GET /images/json answered an item without an Id"_s);
        result.append(imageFromJson(item.toObject()));
    }
    *images = std::move(result);
    return {};
}

EngineError EngineClient::inspectDiffIds(const QString &imageId, QStringList *diffIds)
{
    QByteArray body;
    const QString path = u"/images/%1/json"_s.arg(QString::fromLatin1(encodePathSegment(imageId)));
    if (EngineError error = getJson(path, &body); error.isError())
        return error;
    const QJsonObject inspect = QJsonDocument::fromJson(body).object();
    if (!inspect.value(u"RootFS"_s).isObject())
        return protocolError(u"GET /images/{name}/json answered no RootFS"_s);
    *diffIds = stringsOf(inspect.value(u"RootFS"_s).toObject().value(u"Layers"_s));
    return {};
}

EngineError EngineClient::history(const QString &imageId, QList<HistoryEntry> *oldestFirst)
{
    QByteArray body;
    const QString path =
        u"/images/%1/history"_s.arg(QString::fromLatin1(encodePathSegment(imageId)));
    if (EngineError error = getJson(path, &body); error.isError())
        return error;
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isArray())
        return protocolError(u"GET /images/{name}/history did not answer a JSON array"_s);
    const QJsonArray array = document.array();
    QList<HistoryEntry> entries(array.size());
    // The engine answers newest first; fill from the back so the list reads oldest first.
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject item = array.at(i).toObject();
        const QJsonValue size = item.value(u"Size"_s);
        if (!size.isDouble())
            return protocolError(u"GET /images/{name}/history answered an entry without Size"_s);
        HistoryEntry &entry = entries[array.size() - 1 - i];
        entry.created = item.value(u"Created"_s).toInteger();
        entry.createdBy = item.value(u"CreatedBy"_s).toString();
        entry.size = size.toInteger();
        entry.comment = item.value(u"Comment"_s).toString();
    }
    *oldestFirst = std::move(entries);
    return {};
}

EngineError EngineClient::historySizes(const QString &imageId, QList<qint64> *sizesNewestFirst)
{
    QList<HistoryEntry> entries;
    if (EngineError error = history(imageId, &entries); error.isError())
        return error;
    *sizesNewestFirst = sizesNewestFirstOf(entries);
    return {};
}

QList<qint64> EngineClient::sizesNewestFirstOf(const QList<HistoryEntry> &oldestFirst)
{
    QList<qint64> sizes;
    sizes.reserve(oldestFirst.size());
    for (auto it = oldestFirst.crbegin(); it != oldestFirst.crend(); ++it)
        sizes.append(it->size);
    return sizes;
}

EngineError EngineClient::detectStoreKind(ImageStoreKind *kind)
{
    if (m_info.isPodman) {
        *kind = ImageStoreKind::Podman;
        return {};
    }
    QByteArray body;
    if (EngineError error = getJson(u"/info"_s, &body); error.isError())
        return error;
    *kind = ImageStoreKind::Graphdriver;
    const QJsonObject info = QJsonDocument::fromJson(body).object();
    const QJsonArray labels = info.value(u"Labels"_s).toArray();
    m_info.isStrataSandbox = labels.contains(QJsonValue(u"io.github.strata.sandbox=true"_s));
    // DriverStatus is a list of [name, value] pairs.
    const QJsonArray status = info.value(u"DriverStatus"_s).toArray();
    for (const QJsonValue &pair : status) {
        const QJsonArray entry = pair.toArray();
        if (entry.size() == 2 && entry.at(0).toString() == u"driver-type"_s
            && entry.at(1).toString() == u"io.containerd.snapshotter.v1"_s)
            *kind = ImageStoreKind::Containerd;
    }
    return {};
}

EngineError EngineClient::listContainers(QList<ContainerRecord> *containers)
{
    QByteArray body;
    if (EngineError error = getJson(u"/containers/json?all=1"_s, &body); error.isError())
        return error;
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isArray())
        return protocolError(u"GET /containers/json did not answer a JSON array"_s);
    QList<ContainerRecord> result;
    const QJsonArray array = document.array();
    result.reserve(array.size());
    for (const QJsonValue &item : array) {
        if (!item.isObject() || !item.toObject().value(u"Id"_s).isString())
            return protocolError(u"GET /containers/json answered an item without an Id"_s);
        result.append(containerFromJson(item.toObject()));
    }
    *containers = std::move(result);
    return {};
}

EngineError EngineClient::removeImage(const RemovalRequest &removal, RemovalOutcome *outcome)
{
    // Like the CLI: the flags are sent only when set.
    QString path = u"/images/"_s + QString::fromLatin1(encodePathSegment(removal.reference));
    QStringList query;
    if (removal.force)
        query.append(u"force=1"_s);
    if (removal.noPrune)
        query.append(u"noprune=1"_s);
    if (!query.isEmpty())
        path += u'?' + query.join(u'&');

    RemovalOutcome result;
    result.request = removal;
    HttpResponse response;
    EngineError error = request("DELETE", path, &response);
    if (error.isError()) {
        result.errorMessage = error.detail;
    } else if (response.status != 200) {
        result.httpStatus = response.status;
        result.errorMessage = errorMessageOf(response.body);
    } else {
        result.httpStatus = response.status;
        const QJsonDocument document = QJsonDocument::fromJson(response.body);
        for (const QJsonValue &item : document.array()) {
            const QJsonObject record = item.toObject();
            if (record.value(u"Untagged"_s).isString())
                result.records.append({RemovalRecord::Kind::Untagged,
                                       record.value(u"Untagged"_s).toString()});
            else if (record.value(u"Deleted"_s).isString())
                result.records.append({RemovalRecord::Kind::Deleted,
                                       record.value(u"Deleted"_s).toString()});
        }
        if (!document.isArray() || result.records.isEmpty()) {
            error = protocolError(u"DELETE answered 200 without removal records: %1"_s
                                      .arg(QString::fromUtf8(response.body.left(200))));
            result.errorMessage = error.detail;
        }
    }
    if (outcome)
        *outcome = std::move(result);
    return error;
}

EngineError EngineClient::pruneImages(bool all, QList<RemovalRecord> *records,
                                      qint64 *spaceReclaimed)
{
    // The CLI's query, byte for byte: filters={"dangling":{"true":true}}, URL-encoded.
    const QString filters = all ? u"%7B%22dangling%22%3A%7B%22false%22%3Atrue%7D%7D"_s
                                : u"%7B%22dangling%22%3A%7B%22true%22%3Atrue%7D%7D"_s;
    HttpResponse response;
    if (EngineError error = request("POST", u"/images/prune?filters="_s + filters, &response);
        error.isError())
        return error;
    if (response.status != 200) {
        return EngineError{EngineError::Code::HttpError, m_endpoint.address,
                           errorMessageOf(response.body), response.status};
    }
    const QJsonDocument document = QJsonDocument::fromJson(response.body);
    if (!document.isObject())
        return protocolError(u"POST /images/prune answered 200 without an object: %1"_s.arg(
            QString::fromUtf8(response.body.left(200))));
    const QJsonObject answer = document.object();
    QList<RemovalRecord> found;
    for (const QJsonValue &item : answer.value(u"ImagesDeleted"_s).toArray()) {
        const QJsonObject record = item.toObject();
        if (record.value(u"Untagged"_s).isString())
            found.append({RemovalRecord::Kind::Untagged, record.value(u"Untagged"_s).toString()});
        else if (record.value(u"Deleted"_s).isString())
            found.append({RemovalRecord::Kind::Deleted, record.value(u"Deleted"_s).toString()});
    }
    if (records)
        *records = std::move(found);
    if (spaceReclaimed)
        *spaceReclaimed = qint64(answer.value(u"SpaceReclaimed"_s).toDouble());
    return {};
}

} // namespace Strata
