#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>
#include <QString>

/// An HTTP/1.1 response read as it arrives, in any chunks: status line, headers, then a body framed
/// by Content-Length, chunked transfer coding, or the end of the connection. Body bytes are handed
/// out as they come (takeBody()), so a long answer never has to sit in memory. Strict: a malformed
/// status line, oversized headers or a bad chunk size is an error that says what and where.
class HttpResponseParser final
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    /// Headers of an answer to HEAD or to a request whose body never comes (not used by ClickHouse).
    static constexpr qsizetype maxHeaderBytes = 64 * 1024;

    /// Appends received bytes; false on a protocol error (error()).
    bool feed(QByteArrayView data);
    /// The connection was closed by the peer: completes an until-close body, else an error.
    bool connectionClosed();

    bool hasHeaders() const { return m_state > State::Headers; }
    bool isComplete() const { return m_state == State::Complete; }
    int status() const { return m_status; }
    QByteArray reason() const { return m_reason; }
    const Headers& headers() const { return m_headers; }
    /// A header's value (case-insensitive name), or an empty array.
    QByteArray header(QByteArrayView name) const;
    /// Whether the connection may carry another request after this answer.
    bool keepAlive() const { return m_keepAlive; }
    /// Body bytes received since the last call.
    QByteArray takeBody() { return std::exchange(m_body, {}); }
    qint64 bodyBytesSeen() const { return m_bodySeen; }
    QString error() const { return m_error; }

private:
    enum class State
    {
        StatusLine,
        Headers,
        Body,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        Complete,
        Failed,
    };
    enum class Framing
    {
        Length,
        Chunked,
        UntilClose,
    };

    bool fail(const QString& message);
    bool parseStatusLine(QByteArrayView line);
    bool parseHeaderLine(QByteArrayView line);
    bool beginBody();
    void appendBody(QByteArrayView data);

    State m_state = State::StatusLine;
    Framing m_framing = Framing::UntilClose;
    QByteArray m_buffer; ///< unparsed bytes (lines in progress)
    qsizetype m_headerBytes = 0;
    int m_status = 0;
    QByteArray m_reason;
    Headers m_headers;
    bool m_keepAlive = true;
    qint64 m_remaining = 0; ///< of the body (Length) or of the chunk (ChunkData)
    QByteArray m_body;
    qint64 m_bodySeen = 0;
    QString m_error;
};
