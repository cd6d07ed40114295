#include "clickhousebatchsender.h"

#include "clickhouseclient.h"
#include "clickhousereply.h"
#include "common/gzip.h"
#include "telemetry/rowbinarylayout.h"

#include <QElapsedTimer>

using namespace Qt::StringLiterals;

namespace {
/// Keys per existence check: keeps each query far below max_query_size (256 KiB on 18.16).
constexpr qsizetype keysPerCheck = 2000;

QString idOfKey(const QByteArray& key)
{
    const qsizetype slash = key.indexOf('/');
    return QString::fromUtf8(slash < 0 ? key : key.left(slash));
}
} // namespace

ClickHouseBatchSender::ClickHouseBatchSender(
    ClickHouseClient* client, RetryPolicy retry, int compressionLevel, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_retry(retry)
    , m_compressionLevel(compressionLevel)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] { m_checkBeforeNextInsert ? check() : insert(); });
}

ClickHouseBatchSender::~ClickHouseBatchSender()
{
    delete m_reply;
}

bool ClickHouseBatchSender::isBadData(const ClickHouseError& error)
{
    if (error.kind() != ClickHouseError::Kind::Server)
        return false;
    switch (error.code()) {
    case 6: // CANNOT_PARSE_TEXT
    case 16: // NO_SUCH_COLUMN_IN_TABLE
    case 26: // CANNOT_PARSE_QUOTED_STRING
    case 27: // CANNOT_PARSE_INPUT_ASSERTION_FAILED
    case 38: // CANNOT_PARSE_DATE
    case 41: // CANNOT_PARSE_DATETIME
    case 53: // TYPE_MISMATCH
    case 70: // CANNOT_CONVERT_TYPE
    case 72: // CANNOT_PARSE_NUMBER
    case 33: // CANNOT_READ_ALL_DATA (RowBinary rows shorter than their columns)
    case 117: // INCORRECT_DATA (unknown field in JSONEachRow)
        return true;
    default:
        break;
    }
    return false;
}

bool ClickHouseBatchSender::isPermanent(const ClickHouseError& error)
{
    if (error.kind() == ClickHouseError::Kind::Authentication || isBadData(error))
        return true;
    if (error.kind() != ClickHouseError::Kind::Server)
        return false;
    // The server's set-up, which the user can fix (the rows themselves: isBadData()).
    switch (error.code()) {
    case 60: // UNKNOWN_TABLE
    case 62: // SYNTAX_ERROR
    case 73: // UNKNOWN_FORMAT
    case 81: // UNKNOWN_DATABASE
    case 115: // UNKNOWN_SETTING
    case 164: // READONLY
    case 497: // ACCESS_DENIED
        return true;
    default:
        break;
    }
    // Other client errors are the request's fault; 408 (timeout) and 429 (throttled) are not.
    return error.httpStatus() >= 400 && error.httpStatus() < 500 && error.httpStatus() != 408
        && error.httpStatus() != 429;
}

void ClickHouseBatchSender::deliver(const DeliveryBatch& batch, const ClickHouseTableKeys& keys, bool checkFirst)
{
    Q_ASSERT(!m_busy);
    m_busy = true;
    m_batch = batch;
    m_remaining = batch;
    m_keys = keys;
    m_outcome = {};
    m_outcome.bytesRaw = batch.rows.size();
    if (checkFirst)
        check();
    else
        insert();
}

void ClickHouseBatchSender::abort()
{
    if (!m_busy)
        return;
    m_retryTimer.stop();
    delete std::exchange(m_reply, nullptr);
    finish(false, ClickHouseError::cancelled());
}

void ClickHouseBatchSender::insert()
{
    if (!m_client)
        return finish(false, ClickHouseError::network(u"the client is gone"_s));
    m_checkBeforeNextInsert = false;
    const bool gzip = m_compressionLevel > 0;
    const QByteArray body = gzip ? Gzip::compress(m_remaining.rows, m_compressionLevel) : m_remaining.rows;
    m_outcome.bytesSent += body.size();
    // A server that batches inserts asynchronously (the default from 26.3) would answer before the
    // rows are visible; the existence check needs to see them.
    ClickHouseClient::Settings settings;
    if (m_client->serverInfo().knowsSetting(u"async_insert"_s))
        settings.append({ u"async_insert"_s, u"0"_s });
    // RowBinary names its columns (a Nested column's parts too); omitted ones take their defaults.
    const QString statement = m_remaining.isRowBinary() ? u"INSERT INTO %1 %2 FORMAT RowBinary"_s.arg(m_keys.table,
                                  QString::fromUtf8(RowBinaryLayout::insertColumnList(m_remaining.binaryColumns)))
                                                        : u"INSERT INTO %1 FORMAT JSONEachRow"_s.arg(m_keys.table);
    m_reply = m_client->insertBody(statement, body, gzip, settings);
    connect(m_reply, &ClickHouseReply::finished, this, [this, reply = m_reply] { onInsertFinished(reply); });
}

void ClickHouseBatchSender::onInsertFinished(ClickHouseReply* reply)
{
    if (reply != m_reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    if (reply->isOk() && !reply->body().trimmed().isEmpty()) {
        // ClickHouse answers a successful INSERT with an empty body; this is something else.
        return retryOrGiveUp(ClickHouseError::protocol(
            u"the server answered the INSERT with %1 bytes of unexpected text: %2"_s.arg(reply->body().size())
                .arg(QString::fromUtf8(reply->body().left(120)))));
    }
    if (reply->isOk()) {
        m_outcome.rowsInserted += m_remaining.rowCount();
        m_outcome.latencyMs = reply->elapsedMs();
        return finish(true);
    }
    retryOrGiveUp(reply->error());
}

void ClickHouseBatchSender::retryOrGiveUp(const ClickHouseError& error)
{
    if (isPermanent(error)) {
        m_outcome.permanent = true;
        return finish(false, error);
    }
    if (m_outcome.retries >= m_retry.maxRetries)
        return finish(false, error);
    ++m_outcome.retries;
    m_outcome.error = error;
    // The server may have stored the rows and lost the answer: look before sending again.
    m_checkBeforeNextInsert = true;
    m_retryTimer.start(m_retry.delayMs(m_outcome.retries));
}

void ClickHouseBatchSender::check()
{
    if (!m_client)
        return finish(false, ClickHouseError::network(u"the client is gone"_s));
    m_present.clear();
    m_checkOffset = 0;
    checkNextChunk();
}

void ClickHouseBatchSender::checkNextChunk()
{
    const QList<QByteArray> chunk = m_remaining.keys.mid(m_checkOffset, keysPerCheck);
    QStringList ids;
    ids.reserve(chunk.size());
    for (const QByteArray& key : chunk)
        ids.append(ClickHouseClient::quoteString(idOfKey(key)));
    ids.removeDuplicates();
    const QString sql = u"SELECT %1 FROM %2 WHERE %3 IN (%4) FORMAT TabSeparated"_s.arg(
        m_keys.keyExpression, m_keys.table, m_keys.idColumn, ids.join(u','));
    m_reply = m_client->query(sql);
    connect(m_reply, &ClickHouseReply::finished, this, [this, reply = m_reply] { onCheckFinished(reply); });
}

void ClickHouseBatchSender::onCheckFinished(ClickHouseReply* reply)
{
    if (reply != m_reply)
        return;
    m_reply = nullptr;
    reply->deleteLater();
    if (!reply->isOk())
        return retryOrGiveUp(reply->error());
    for (const QByteArray& line : reply->body().split('\n')) {
        if (!line.isEmpty())
            m_present.insert(line);
    }
    m_checkOffset += keysPerCheck;
    if (m_checkOffset < m_remaining.keys.size())
        return checkNextChunk();
    const qsizetype before = m_remaining.rowCount();
    m_remaining = m_remaining.without(QList<QByteArray>(m_present.cbegin(), m_present.cend()));
    m_outcome.rowsAlreadyThere += before - m_remaining.rowCount();
    if (m_remaining.isEmpty())
        return finish(true);
    insert();
}

void ClickHouseBatchSender::finish(bool delivered, const ClickHouseError& error)
{
    m_busy = false;
    m_outcome.delivered = delivered;
    if (!delivered)
        m_outcome.error = error;
    else
        m_outcome.error = {};
    const DeliveryBatch batch = m_batch;
    const Outcome outcome = m_outcome;
    m_batch = {};
    m_remaining = {};
    Q_EMIT finished(batch, outcome);
}
