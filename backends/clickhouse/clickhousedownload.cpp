#include "clickhousedownload.h"

#include "clickhousehttpconnection.h"

#include <QIODevice>

using namespace Qt::StringLiterals;

namespace {
constexpr qsizetype tailBytes = 64 * 1024;
} // namespace

ClickHouseDownload::ClickHouseDownload(
    ClickHouseHttpConnection* connection, QString queryId, int timeoutMs, QIODevice* sink, ClickHouseClient* client)
    : ClickHouseExchange(connection, std::move(queryId), timeoutMs, client)
    , m_sink(sink)
{ }

ClickHouseDownload::~ClickHouseDownload() = default;

void ClickHouseDownload::onBody()
{
    ClickHouseHttpConnection* transport = connection();
    const QByteArray data = transport->takeBody();
    if (transport->response().status() != 200) {
        m_errorBody += data.left(tailBytes - m_errorBody.size());
        return;
    }
    if (m_sink->write(data) != data.size())
        return stopOnServer(ClickHouseError::network(u"cannot write the file: "_s + m_sink->errorString()));
    m_bytes += data.size();
    m_tail += data;
    if (m_tail.size() > 2 * tailBytes)
        m_tail = m_tail.right(tailBytes);
    Q_EMIT progressed(m_bytes);
}

void ClickHouseDownload::onTransportFinished(const QString& networkError, bool timedOut)
{
    onBody();
    if (isFinished())
        return;
    const ClickHouseError error = endTransport(networkError, timedOut, m_errorBody);
    complete(error.isError() ? error : trailingException());
}

ClickHouseError ClickHouseDownload::trailingException() const
{
    // 18.16: "Code: 395, e.displayText() = DB::Exception: ..." on a line of its own; newer
    // servers: "Code: 395. DB::Exception: ...". Only the last such line counts.
    const qsizetype at = m_tail.lastIndexOf("Code: ");
    if (at < 0 || (at > 0 && m_tail.at(at - 1) != '\n'))
        return {};
    int code = 0;
    QString message;
    if (!ClickHouseError::parseExceptionText(QString::fromUtf8(m_tail.mid(at)).trimmed(), &code, &message))
        return {};
    return ClickHouseError::server(code, message);
}
