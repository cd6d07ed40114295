#include "clickhouseclient.h"

#include "clickhousedownload.h"
#include "clickhousehttpconnection.h"
#include "clickhousereply.h"
#include "clickhouseresultstream.h"
#include "common/buildinfo.h"
#include "common/gzip.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QHostAddress>
#include <QTimer>
#include <QUrl>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {
bool isLoopback(const QUrl& url)
{
    const QString host = url.host();
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}
} // namespace

ClickHouseClient::ClickHouseClient(ClickHouseEndpoint endpoint, QObject* parent)
    : QObject(parent)
{
    setEndpoint(endpoint);
}

void ClickHouseClient::setEndpoint(const ClickHouseEndpoint& endpoint)
{
    m_endpoint = endpoint;
    m_compressResponses = !isLoopback(endpoint.url);
}

ClickHouseClient::Settings ClickHouseClient::withResponseCompression(Settings parameters) const
{
    if (m_compressResponses && (!m_serverInfo.isValid() || m_serverInfo.knowsSetting(u"enable_http_compression"_s)))
        parameters.append({ u"enable_http_compression"_s, u"1"_s });
    return parameters;
}

ClickHouseClient::~ClickHouseClient() = default;

void ClickHouseClient::closeIdleConnections()
{
    for (ClickHouseHttpConnection* connection : std::as_const(m_idle))
        connection->deleteLater();
    m_idle.clear();
}

void ClickHouseClient::release(ClickHouseHttpConnection* connection)
{
    if (connection->isReusable(maxIdleMs) && connection->parent() == this)
        m_idle.append(connection);
    else
        connection->deleteLater();
}

ClickHouseHttpConnection* ClickHouseClient::acquire()
{
    while (!m_idle.isEmpty()) {
        ClickHouseHttpConnection* connection = m_idle.takeLast();
        if (connection->isReusable(maxIdleMs))
            return connection;
        connection->deleteLater();
    }
    return new ClickHouseHttpConnection(m_endpoint.url, this);
}

QString ClickHouseClient::newQueryId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QByteArray ClickHouseClient::makeRequest(const char* method, const QString& path, Settings parameters,
    const QString& queryId, const QByteArray& contentType, const QByteArray& body, bool gzipped) const
{
    return makeHead(method, path, std::move(parameters), queryId, contentType, body, gzipped) + body;
}

QByteArray ClickHouseClient::makeHead(const char* method, const QString& path, Settings parameters,
    const QString& queryId, const QByteArray& contentType, const QByteArray& body, bool gzipped) const
{
    if (!queryId.isEmpty())
        parameters.append({ u"query_id"_s, queryId });
    if (!m_endpoint.database.isEmpty())
        parameters.append({ u"database"_s, m_endpoint.database });
    // Percent-encoded by hand: a '+' left alone would reach ClickHouse as a space.
    QByteArray query;
    for (const auto& [name, value] : std::as_const(parameters)) {
        query += query.isEmpty() ? '?' : '&';
        query += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    const QByteArray basePath = m_endpoint.url.path(QUrl::FullyEncoded).toUtf8();
    QByteArray target = basePath.endsWith('/') ? basePath.chopped(1) : basePath;
    target += path.toUtf8() + query;

    QByteArray request;
    request.reserve(512);
    request += QByteArray(method) + ' ' + target + " HTTP/1.1\r\n";
    request += "Host: " + m_endpoint.url.host(QUrl::FullyEncoded).toUtf8() + ':'
        + QByteArray::number(m_endpoint.url.port(m_endpoint.url.scheme() == u"https"_s ? 443 : 8123)) + "\r\n";
    request += "User-Agent: " + QByteArray(BuildInfo::applicationName) + '/' + QByteArray(BuildInfo::version) + "\r\n";
    request += "Connection: keep-alive\r\n";
    if (!m_endpoint.user.isEmpty()) {
        const QByteArray credentials = (m_endpoint.user + QLatin1Char(':') + m_endpoint.password).toUtf8();
        request += "Authorization: Basic " + credentials.toBase64() + "\r\n";
    }
    // The server compresses only when both the header and the setting ask for it.
    if (parameters.contains(QPair<QString, QString>(u"enable_http_compression"_s, u"1"_s)))
        request += "Accept-Encoding: gzip\r\n";
    if (qstrcmp(method, "POST") == 0) {
        request += "Content-Type: " + contentType + "\r\n";
        if (gzipped)
            request += "Content-Encoding: gzip\r\n";
        request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    }
    request += "\r\n";
    return request;
}

ClickHouseReply* ClickHouseClient::send(const QByteArray& request, const QString& queryId, const QByteArray& body)
{
    ClickHouseHttpConnection* connection = acquire();
    auto* reply = new ClickHouseReply(connection, queryId, m_timeoutMs, this);
    connection->send(request, m_timeoutMs, body);
    return reply;
}

ClickHouseReply* ClickHouseClient::ping()
{
    return send(makeRequest("GET", u"/ping"_s, {}, {}, {}, {}, false), {});
}

ClickHouseClient::Settings ClickHouseClient::supportedSettings(const Settings& settings) const
{
    if (!m_serverInfo.isValid())
        return settings;
    Settings supported;
    for (const auto& setting : settings) {
        // HTTP parameters are not settings; only settings can be unknown to a server.
        static const QStringList httpParameters { u"wait_end_of_query"_s, u"default_format"_s, u"session_id"_s,
            u"session_timeout"_s, u"session_check"_s, u"buffer_size"_s, u"quota_key"_s };
        if (httpParameters.contains(setting.first) || m_serverInfo.knowsSetting(setting.first))
            supported.append(setting);
    }
    return supported;
}

QString ClickHouseClient::quoteString(const QString& text)
{
    QString escaped = text;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'\'', u"\\'"_s);
    return u'\'' + escaped + u'\'';
}

QString ClickHouseClient::quoteIdentifier(const QString& name)
{
    QString escaped = name;
    escaped.replace(u'\\', u"\\\\"_s).replace(u'`', u"\\`"_s);
    return u'`' + escaped + u'`';
}

ClickHouseResultStream* ClickHouseClient::stream(const QString& sql, const Settings& settings)
{
    const QString queryId = newQueryId();
    Settings parameters { { u"default_format"_s, u"JSONCompact"_s } };
    parameters += withResponseCompression(supportedSettings(settings));
    // Quoted 64-bit integers are the 18.16 default; newer servers need to be asked. NaN and
    // infinities come as "nan", "inf", "-inf" only when asked for; JSON's null otherwise, which
    // would show as NULL.
    for (const QString& setting :
        { u"output_format_json_quote_64bit_integers"_s, u"output_format_json_quote_denormals"_s }) {
        if (m_serverInfo.knowsSetting(setting))
            parameters.append({ setting, u"1"_s });
    }
    ClickHouseHttpConnection* connection = acquire();
    auto* stream = new ClickHouseResultStream(connection, queryId, m_timeoutMs, this);
    connection->send(makeRequest("POST", u"/"_s, parameters, queryId, "text/plain; charset=UTF-8", sql.toUtf8(), false),
        m_timeoutMs);
    return stream;
}

ClickHouseDownload* ClickHouseClient::download(
    const QString& sql, const QString& format, QIODevice* sink, const Settings& settings)
{
    const QString queryId = newQueryId();
    Settings parameters { { u"default_format"_s, format } };
    parameters += withResponseCompression(supportedSettings(settings));
    ClickHouseHttpConnection* connection = acquire();
    auto* download = new ClickHouseDownload(connection, queryId, m_timeoutMs, sink, this);
    connection->send(makeRequest("POST", u"/"_s, parameters, queryId, "text/plain; charset=UTF-8", sql.toUtf8(), false),
        m_timeoutMs);
    return download;
}

ClickHouseReply* ClickHouseClient::kill(const QString& queryId)
{
    return query(u"KILL QUERY WHERE query_id = %1 ASYNC"_s.arg(quoteString(queryId)));
}

void ClickHouseClient::killInBackground(const QString& queryId)
{
    ClickHouseReply* reply = kill(queryId);
    reply->setParent(this); // goes with the client if the server has not answered by then
    m_kills.append(reply);
    connect(reply, &ClickHouseExchange::finished, reply, &QObject::deleteLater);
}

bool ClickHouseClient::killsPending()
{
    m_kills.removeIf([](const QPointer<ClickHouseReply>& kill) { return !kill || kill->isFinished(); });
    return !m_kills.isEmpty();
}

void ClickHouseClient::waitForKills(int timeoutMs)
{
    if (!killsPending())
        return;
    QEventLoop loop;
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    for (const QPointer<ClickHouseReply>& reply : std::as_const(m_kills)) {
        connect(reply, &ClickHouseExchange::finished, &loop, [this, &loop] {
            if (!killsPending())
                loop.quit();
        });
    }
    loop.exec();
}

void ClickHouseClient::retire(std::unique_ptr<ClickHouseClient> client)
{
    if (!client)
        return;
    ClickHouseClient* retired = client.release();
    retired->setParent(QCoreApplication::instance()); // never outlives the application
    const auto deleteWhenAnswered = [retired] {
        if (!retired->killsPending())
            retired->deleteLater();
    };
    (void)retired->killsPending(); // only the kills still under way are waited for
    for (const QPointer<ClickHouseReply>& kill : std::as_const(retired->m_kills))
        connect(kill, &ClickHouseExchange::finished, retired, deleteWhenAnswered);
    QTimer::singleShot(retired->m_timeoutMs, retired, &QObject::deleteLater);
    deleteWhenAnswered();
}

ClickHouseReply* ClickHouseClient::insertBody(
    const QString& statement, const QByteArray& body, bool gzipped, const Settings& settings)
{
    const QString queryId = newQueryId();
    Settings parameters { { u"query"_s, statement } };
    parameters += supportedSettings(settings);
    return send(makeHead("POST", u"/"_s, parameters, queryId, "application/x-ndjson", body, gzipped), queryId, body);
}

ClickHouseReply* ClickHouseClient::query(const QString& sql, const Settings& settings)
{
    const QString queryId = newQueryId();
    return send(makeRequest("POST", u"/"_s, withResponseCompression(supportedSettings(settings)), queryId,
                    "text/plain; charset=UTF-8", sql.toUtf8(), false),
        queryId);
}

ClickHouseReply* ClickHouseClient::insert(const QString& statement, const QByteArray& rows, bool compress)
{
    return compress ? insertBody(statement, Gzip::compress(rows), true) : insertBody(statement, rows, false);
}
