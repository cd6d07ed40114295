#include "clickhouseclient.h"

#include "clickhousereply.h"
#include "clickhouseresultstream.h"
#include "common/gzip.h"

#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUuid>

using namespace Qt::StringLiterals;

ClickHouseClient::ClickHouseClient(ClickHouseEndpoint endpoint, QObject* parent)
    : QObject(parent)
    , m_endpoint(std::move(endpoint))
{
    // A ClickHouse server never redirects; following one could send credentials elsewhere.
    m_network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

ClickHouseClient::~ClickHouseClient() = default;

void ClickHouseClient::closeIdleConnections()
{
    m_network.clearConnectionCache();
}

QString ClickHouseClient::newQueryId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QNetworkRequest ClickHouseClient::makeRequest(Settings parameters, const QString& queryId) const
{
    QUrl url = m_endpoint.url;
    url.setPath(url.path().isEmpty() ? u"/"_s : url.path());
    if (!queryId.isEmpty())
        parameters.append({ u"query_id"_s, queryId });
    if (!m_endpoint.database.isEmpty())
        parameters.append({ u"database"_s, m_endpoint.database });
    // Encoded by hand: QUrlQuery leaves '+' alone, which ClickHouse would read as a space.
    QByteArray encoded;
    for (const auto& [name, value] : std::as_const(parameters)) {
        if (!encoded.isEmpty())
            encoded += '&';
        encoded += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    url.setQuery(QString::fromLatin1(encoded), QUrl::StrictMode);

    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!m_endpoint.user.isEmpty()) {
        const QByteArray credentials = (m_endpoint.user + QLatin1Char(':') + m_endpoint.password).toUtf8();
        request.setRawHeader("Authorization", "Basic " + credentials.toBase64());
    }
    return request;
}

ClickHouseReply* ClickHouseClient::track(QNetworkReply* reply, const QString& queryId)
{
    return new ClickHouseReply(reply, queryId, m_timeoutMs, this);
}

ClickHouseReply* ClickHouseClient::ping()
{
    QUrl url = m_endpoint.url;
    url.setPath(u"/ping"_s);
    url.setQuery(QString());
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    return track(m_network.get(request), {});
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
    parameters += supportedSettings(settings);
    // Quoted 64-bit integers are the 18.16 default; newer servers need to be asked.
    if (m_serverInfo.knowsSetting(u"output_format_json_quote_64bit_integers"_s))
        parameters.append({ u"output_format_json_quote_64bit_integers"_s, u"1"_s });
    QNetworkRequest request = makeRequest(parameters, queryId);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"text/plain; charset=UTF-8"_s);
    return new ClickHouseResultStream(m_network.post(request, sql.toUtf8()), queryId, m_timeoutMs, this);
}

ClickHouseReply* ClickHouseClient::kill(const QString& queryId)
{
    return query(u"KILL QUERY WHERE query_id = %1 ASYNC"_s.arg(quoteString(queryId)));
}

ClickHouseReply* ClickHouseClient::insertBody(
    const QString& statement, const QByteArray& body, bool gzipped, const Settings& settings)
{
    const QString queryId = newQueryId();
    Settings parameters { { u"query"_s, statement } };
    parameters += supportedSettings(settings);
    QNetworkRequest request = makeRequest(parameters, queryId);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-ndjson"_s);
    if (gzipped)
        request.setRawHeader("Content-Encoding", "gzip");
    return track(m_network.post(request, body), queryId);
}

ClickHouseReply* ClickHouseClient::query(const QString& sql, const Settings& settings)
{
    const QString queryId = newQueryId();
    QNetworkRequest request = makeRequest(supportedSettings(settings), queryId);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"text/plain; charset=UTF-8"_s);
    return track(m_network.post(request, sql.toUtf8()), queryId);
}

ClickHouseReply* ClickHouseClient::insert(const QString& statement, const QByteArray& rows, bool compress)
{
    const QString queryId = newQueryId();
    QNetworkRequest request = makeRequest({ { u"query"_s, statement } }, queryId);
    request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/x-ndjson"_s);
    if (compress) {
        request.setRawHeader("Content-Encoding", "gzip");
        return track(m_network.post(request, Gzip::compress(rows)), queryId);
    }
    return track(m_network.post(request, rows), queryId);
}
