#include "clickhouseingestgateway.h"

#include "clickhouse/clickhousedirectexporter.h"
#include "common/constanttime.h"
#include "delivery/deliveryticket.h"
#include "httpbody.h"
#include "httplistener.h"
#include "ingestrowconverter.h"
#include "insertstatement.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace {
// ClickHouse's own error codes, so clients that look at them read them right.
constexpr int codeNotImplemented = 48;
constexpr int codeUnknownTable = 60;
constexpr int codeUnknownDatabase = 81;
constexpr int codeIncorrectData = 117;
constexpr int codeNetworkError = 210;
constexpr int codeTooManyBytes = 307;
constexpr int codeAuthenticationFailed = 516;

/// The statement and the data of an insert: from the `query` parameter, or (as ClickHouse also
/// allows) from the start of the body up to the format name.
bool splitQuery(const QUrlQuery& query, const QByteArray& body, QString* sql, QByteArrayView* data)
{
    if (query.hasQueryItem(u"query"_s)) {
        *sql = query.queryItemValue(u"query"_s, QUrl::FullyDecoded);
        *data = body;
        return true;
    }
    const qsizetype format = body.left(4096).toLower().indexOf("jsoneachrow");
    if (format < 0) {
        *sql = QString::fromUtf8(body.left(200)).trimmed();
        return false;
    }
    const qsizetype end = format + qsizetype(sizeof("jsoneachrow") - 1);
    *sql = QString::fromUtf8(body.left(end));
    *data = QByteArrayView(body).sliced(end);
    return true;
}
} // namespace

ClickHouseIngestGateway::ClickHouseIngestGateway(Options options, ClickHouseDirectExporter* exporter, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_exporter(exporter)
{ }

ClickHouseIngestGateway::~ClickHouseIngestGateway() = default;

bool ClickHouseIngestGateway::start(QString* error)
{
    if (!m_listener) {
        m_listener = new HttpListener(
            [this](const QHttpServerRequest& request, HttpReply reply) { handle(request, std::move(reply)); }, this);
    }
    return m_listener->start(m_options.address, m_options.port, error);
}

void ClickHouseIngestGateway::stopListening()
{
    if (m_listener)
        m_listener->stopListening();
}

bool ClickHouseIngestGateway::isListening() const
{
    return m_listener && m_listener->port() != 0;
}

quint16 ClickHouseIngestGateway::port() const
{
    return m_listener ? m_listener->port() : 0;
}

QUrl ClickHouseIngestGateway::url() const
{
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(m_options.address.toString());
    url.setPort(port());
    return url;
}

ListenerStatistics ClickHouseIngestGateway::statistics() const
{
    QMutexLocker locker(&m_mutex);
    return m_statistics;
}

bool ClickHouseIngestGateway::authorised(const QHttpServerRequest& request) const
{
    if (m_options.user.isEmpty())
        return true;
    QByteArray user = HttpListener::header(request, "x-clickhouse-user");
    QByteArray password = HttpListener::header(request, "x-clickhouse-key");
    const QUrlQuery query(request.url());
    if (user.isEmpty() && query.hasQueryItem(u"user"_s)) {
        user = query.queryItemValue(u"user"_s, QUrl::FullyDecoded).toUtf8();
        password = query.queryItemValue(u"password"_s, QUrl::FullyDecoded).toUtf8();
    }
    const QByteArray authorization = HttpListener::header(request, "authorization").trimmed();
    if (user.isEmpty() && authorization.size() > 6
        && authorization.first(6).compare("Basic ", Qt::CaseInsensitive) == 0) {
        const QByteArray decoded = QByteArray::fromBase64(authorization.sliced(6).trimmed());
        const qsizetype colon = decoded.indexOf(':');
        user = decoded.left(colon);
        password = colon < 0 ? QByteArray() : decoded.sliced(colon + 1);
    }
    // Both compared, always, so the time taken says nothing about which one was wrong.
    const bool userOk = constantTimeEquals(user, m_options.user.toUtf8());
    const bool passwordOk = constantTimeEquals(password, m_options.password.toUtf8());
    return userOk && passwordOk;
}

void ClickHouseIngestGateway::handle(const QHttpServerRequest& request, HttpReply reply)
{
    Exchange exchange { std::move(reply), {} };
    exchange.timer.start();
    {
        QMutexLocker locker(&m_mutex);
        ++m_statistics.requests;
        m_statistics.bytesReceived += request.body().size();
    }
    const QString path = request.url().path();
    const bool get =
        request.method() == QHttpServerRequest::Method::Get || request.method() == QHttpServerRequest::Method::Head;
    if (get && (path == u"/ping"_s || path == u"/"_s) && !QUrlQuery(request.url()).hasQueryItem(u"query"_s))
        return finish(exchange, 200, request.method() == QHttpServerRequest::Method::Head ? QByteArray() : "Ok.\n");
    const QString elsewhere = m_clickHouseUrl.isValid()
        ? u"send it to ClickHouse itself at %1"_s.arg(m_clickHouseUrl.toString())
        : u"send it to ClickHouse itself"_s;
    if (request.method() != QHttpServerRequest::Method::Post || (path != u"/"_s && !path.isEmpty())) {
        // A statement (a GET with ?query=) is answered as ClickHouse answers a bad one: 400.
        const bool statement = QUrlQuery(request.url()).hasQueryItem(u"query"_s);
        return fail(exchange,
            statement                                                  ? 400
                : request.method() == QHttpServerRequest::Method::Post ? 404
                                                                       : 405,
            codeNotImplemented,
            u"the workbench's ClickHouse gateway takes only POST / with INSERT INTO <database>.<table> FORMAT "
            u"JSONEachRow; %1"_s.arg(elsewhere));
    }
    if (!authorised(request))
        return fail(exchange, 403, codeAuthenticationFailed, u"wrong user or password for the gateway"_s);

    const HttpBody body =
        HttpBody::decode(request.body(), HttpListener::header(request, "content-encoding"), m_options.maxBodyBytes);
    if (!body.ok())
        return fail(exchange, body.status == 413 ? 413 : 400, body.status == 413 ? codeTooManyBytes : codeIncorrectData,
            body.error);
    {
        QMutexLocker locker(&m_mutex);
        m_statistics.bytesDecoded += body.data.size();
    }
    QString sql;
    QByteArrayView data;
    InsertStatement statement;
    QString error;
    if (!splitQuery(QUrlQuery(request.url()), body.data, &sql, &data)
        || !InsertStatement::parse(sql, &statement, &error)) {
        return fail(exchange, 400, codeNotImplemented,
            u"%1 (got: %2); %3"_s.arg(error.isEmpty() ? u"only INSERT ... FORMAT JSONEachRow is taken here"_s : error,
                sql.left(200), elsewhere));
    }
    const QString database = statement.database.isEmpty()
        ? QUrlQuery(request.url()).queryItemValue(u"database"_s, QUrl::FullyDecoded)
        : statement.database;
    const ClickHouseBackendConfig& config = m_exporter->config();
    if (!database.isEmpty() && database != config.endpoint.database) {
        return fail(exchange, 404, codeUnknownDatabase,
            u"Database %1 is not served by the gateway, which writes to %2"_s.arg(database, config.endpoint.database));
    }
    if (statement.table != config.tracesTable && statement.table != config.metricsTable
        && statement.table != config.logsTable) {
        return fail(exchange, 404, codeUnknownTable,
            u"Table %1.%2 is not one of the telemetry tables (%3, %4, %5); %6"_s.arg(config.endpoint.database,
                statement.table, config.tracesTable, config.metricsTable, config.logsTable, elsewhere));
    }
    if (m_exporter->isBackedUp()) {
        return fail(exchange, 503, codeNetworkError,
            u"ClickHouse is not answering and the spool is full; try again later"_s,
            { { "Retry-After", QByteArray::number(m_options.retryAfterSeconds) } });
    }
    insert(std::move(exchange), statement.table, data.toByteArray());
}

void ClickHouseIngestGateway::insert(Exchange exchange, const QString& tableName, const QByteArray& body)
{
    const ClickHouseBackendConfig& config = m_exporter->config();
    const auto table = tableName == config.tracesTable ? ClickHouseDirectExporter::Table::Traces
        : tableName == config.metricsTable             ? ClickHouseDirectExporter::Table::Metrics
                                                       : ClickHouseDirectExporter::Table::Logs;
    const auto kind = table == ClickHouseDirectExporter::Table::Traces ? ListenerStatistics::Traces
        : table == ClickHouseDirectExporter::Table::Metrics            ? ListenerStatistics::Metrics
                                                                       : ListenerStatistics::Logs;
    IngestRowConverter::Result rows = IngestRowConverter(table, config.dialect).convert(body);
    const qint64 count = rows.keys.size();
    // As ClickHouse does: an insert with a row it cannot read stores nothing, so that the client
    // can correct it and send the whole batch again without storing the good rows twice.
    if (rows.refused > 0) {
        {
            QMutexLocker locker(&m_mutex);
            m_statistics.rejected[size_t(kind)] += count + rows.refused;
        }
        return fail(exchange, 400, codeIncorrectData,
            u"%1 of %2 rows could not be read; nothing was stored: %3"_s.arg(rows.refused)
                .arg(count + rows.refused)
                .arg(rows.problems.join(u"; "_s)));
    }
    auto answer = [this, kind, count](Exchange& pending, bool safe, const QString& error, bool refused) {
        if (!safe && refused) // the server's own verdict on the rows, as it would have answered
            return fail(pending, 400, codeIncorrectData, error);
        if (!safe) {
            return fail(pending, 503, codeNetworkError, u"the rows could not be stored: "_s + error,
                { { "Retry-After", QByteArray::number(m_options.retryAfterSeconds) } });
        }
        {
            QMutexLocker locker(&m_mutex);
            m_statistics.accepted[size_t(kind)] += count;
        }
        const QByteArray summary = QJsonDocument(
            QJsonObject { { u"written_rows"_s, QString::number(count) }, { u"written_bytes"_s, QString::number(0) } })
                                       .toJson(QJsonDocument::Compact);
        finish(pending, 200, {}, { { "X-ClickHouse-Summary", summary } });
    };
    if (count == 0)
        return answer(exchange, true, {}, false);
    {
        QMutexLocker locker(&m_mutex);
        ++m_statistics.inFlight;
    }
    QPointer<ClickHouseIngestGateway> self(this);
    auto ticket = std::make_shared<DeliveryTicket>(
        [self, exchange, answer](bool safe, const QString& error, bool refused) mutable {
            if (!self)
                return;
            QMetaObject::invokeMethod(self.data(), [self, exchange, answer, safe, error, refused]() mutable {
                if (!self)
                    return;
                {
                    QMutexLocker locker(&self->m_mutex);
                    --self->m_statistics.inFlight;
                }
                answer(exchange, safe, error, refused);
            });
        });
    m_exporter->trackRows(table, std::move(rows.rows), std::move(rows.keys), ticket);
    ticket->release();
}

void ClickHouseIngestGateway::fail(
    Exchange& exchange, int status, int code, const QString& message, const HttpReply::Headers& headers)
{
    {
        QMutexLocker locker(&m_mutex);
        m_statistics.lastError = u"%1: %2"_s.arg(status).arg(message);
    }
    HttpReply::Headers all = headers;
    all.append({ "X-ClickHouse-Exception-Code", QByteArray::number(code) });
    finish(exchange, status, u"Code: %1. DB::Exception: %2\n"_s.arg(code).arg(message).toUtf8(), all);
}

void ClickHouseIngestGateway::finish(
    Exchange& exchange, int status, const QByteArray& body, const HttpReply::Headers& headers)
{
    exchange.reply.send(status, "text/plain; charset=UTF-8", body, headers);
    {
        QMutexLocker locker(&m_mutex);
        m_statistics.recordAnswer(status, exchange.timer.elapsed());
    }
    Q_EMIT statisticsChanged();
}
