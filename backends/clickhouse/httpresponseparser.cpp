#include "httpresponseparser.h"

using namespace Qt::StringLiterals;

namespace {
bool equalsIgnoringCase(QByteArrayView a, QByteArrayView b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}
} // namespace

bool HttpResponseParser::fail(const QString& message)
{
    if (m_state != State::Failed)
        m_error = message;
    m_state = State::Failed;
    return false;
}

QByteArray HttpResponseParser::header(QByteArrayView name) const
{
    for (const auto& [key, value] : m_headers) {
        if (equalsIgnoringCase(key, name))
            return value;
    }
    return {};
}

void HttpResponseParser::appendBody(QByteArrayView data)
{
    m_body.append(data.data(), data.size());
    m_bodySeen += data.size();
}

bool HttpResponseParser::parseStatusLine(QByteArrayView line)
{
    // "HTTP/1.1 200 OK"
    if (!line.startsWith("HTTP/1.") || line.size() < 12 || line.at(8) != ' ')
        return fail(
            u"not an HTTP response: \"%1\""_s.arg(QString::fromLatin1(line.first(qMin<qsizetype>(line.size(), 60)))));
    bool ok = false;
    m_status = line.sliced(9, 3).toInt(&ok);
    if (!ok || m_status < 100 || m_status > 999)
        return fail(
            u"bad HTTP status in \"%1\""_s.arg(QString::fromLatin1(line.first(qMin<qsizetype>(line.size(), 60)))));
    m_reason = line.size() > 13 ? line.sliced(13).toByteArray() : QByteArray();
    m_keepAlive = line.at(7) == '1'; // HTTP/1.1 keeps the connection by default, 1.0 does not
    m_state = State::Headers;
    return true;
}

bool HttpResponseParser::parseHeaderLine(QByteArrayView line)
{
    if (line.isEmpty())
        return beginBody();
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return fail(
            u"malformed header line \"%1\""_s.arg(QString::fromLatin1(line.first(qMin<qsizetype>(line.size(), 60)))));
    const QByteArray name = line.first(colon).trimmed().toByteArray();
    const QByteArray value = line.sliced(colon + 1).trimmed().toByteArray();
    if (equalsIgnoringCase(name, "Connection")) {
        if (value.toLower().contains("close"))
            m_keepAlive = false;
        else if (value.toLower().contains("keep-alive"))
            m_keepAlive = true;
    }
    m_headers.append({ name, value });
    return true;
}

bool HttpResponseParser::beginBody()
{
    const QByteArray transfer = header("Transfer-Encoding").toLower();
    const QByteArray length = header("Content-Length");
    if (m_status == 204 || m_status == 304 || (m_status >= 100 && m_status < 200)) {
        m_state = State::Complete;
        return true;
    }
    if (transfer.contains("chunked")) {
        m_framing = Framing::Chunked;
        m_state = State::ChunkSize;
        return true;
    }
    if (!length.isEmpty()) {
        bool ok = false;
        m_remaining = length.toLongLong(&ok);
        if (!ok || m_remaining < 0)
            return fail(u"bad Content-Length \"%1\""_s.arg(QString::fromLatin1(length)));
        m_framing = Framing::Length;
        m_state = m_remaining == 0 ? State::Complete : State::Body;
        return true;
    }
    m_framing = Framing::UntilClose;
    m_keepAlive = false;
    m_state = State::Body;
    return true;
}

bool HttpResponseParser::feed(QByteArrayView data)
{
    if (m_state == State::Failed)
        return false;
    if (m_state == State::Complete)
        return data.isEmpty() || fail(u"%1 bytes after the end of the response"_s.arg(data.size()));
    qsizetype position = 0;
    // Body bytes go straight through; only lines are buffered.
    auto takeLine = [&](QByteArrayView* line) {
        const qsizetype newline = data.indexOf('\n', position);
        if (newline < 0) {
            m_buffer.append(data.sliced(position).data(), data.size() - position);
            position = data.size();
            return false;
        }
        m_buffer.append(data.sliced(position, newline - position).data(), newline - position);
        position = newline + 1;
        if (m_buffer.endsWith('\r'))
            m_buffer.chop(1);
        *line = m_buffer;
        return true;
    };
    while (position < data.size() && m_state != State::Complete && m_state != State::Failed) {
        QByteArrayView line;
        switch (m_state) {
        case State::StatusLine:
        case State::Headers:
        case State::ChunkSize:
        case State::ChunkDataEnd:
        case State::Trailers: {
            const qsizetype before = m_buffer.size();
            const bool complete = takeLine(&line);
            m_headerBytes += m_buffer.size() - before + (complete ? 1 : 0);
            if ((m_state == State::StatusLine || m_state == State::Headers) && m_headerBytes > maxHeaderBytes)
                return fail(u"the response headers are longer than %1 bytes"_s.arg(maxHeaderBytes));
            if (!complete) {
                if (m_buffer.size() > 4096 && (m_state == State::ChunkSize || m_state == State::ChunkDataEnd))
                    return fail(u"a chunk-size line is longer than 4096 bytes"_s);
                break;
            }
            bool ok = true;
            if (m_state == State::StatusLine) {
                ok = parseStatusLine(line);
            } else if (m_state == State::Headers) {
                ok = parseHeaderLine(line);
            } else if (m_state == State::ChunkSize) {
                const QByteArrayView size =
                    line.first(line.indexOf(';') < 0 ? line.size() : line.indexOf(';')).trimmed();
                bool valid = false;
                m_remaining = size.toLongLong(&valid, 16);
                if (!valid || m_remaining < 0)
                    ok = fail(u"bad chunk size \"%1\""_s.arg(
                        QString::fromLatin1(line.first(qMin<qsizetype>(line.size(), 40)))));
                else
                    m_state = m_remaining == 0 ? State::Trailers : State::ChunkData;
            } else if (m_state == State::ChunkDataEnd) {
                if (!line.isEmpty())
                    ok = fail(u"a chunk is not followed by CRLF"_s);
                else
                    m_state = State::ChunkSize;
            } else if (line.isEmpty()) {
                m_state = State::Complete; // end of trailers
            }
            m_buffer.clear();
            if (!ok)
                return false;
            break;
        }
        case State::Body:
        case State::ChunkData: {
            const qsizetype available = data.size() - position;
            const qsizetype take =
                m_framing == Framing::UntilClose ? available : qsizetype(qMin<qint64>(available, m_remaining));
            appendBody(data.sliced(position, take));
            position += take;
            if (m_framing != Framing::UntilClose) {
                m_remaining -= take;
                if (m_remaining == 0)
                    m_state = m_state == State::ChunkData ? State::ChunkDataEnd : State::Complete;
            }
            break;
        }
        case State::Complete:
        case State::Failed:
            break;
        }
    }
    if (m_state == State::Complete && position < data.size())
        return fail(u"%1 bytes after the end of the response"_s.arg(data.size() - position));
    return m_state != State::Failed;
}

bool HttpResponseParser::connectionClosed()
{
    if (m_state == State::Complete)
        return true;
    if (m_state == State::Body && m_framing == Framing::UntilClose) {
        m_state = State::Complete;
        return true;
    }
    if (m_state == State::Failed)
        return false;
    if (m_state == State::StatusLine && m_buffer.isEmpty() && m_headerBytes == 0)
        return fail(u"the server closed the connection without answering"_s);
    return fail(
        u"the server closed the connection in the middle of the answer (%1 body bytes received)"_s.arg(m_bodySeen));
}
