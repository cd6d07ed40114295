#include "gzipinflatestream.h"

#include <zlib.h>

using namespace Qt::StringLiterals;

struct GzipInflateStream::State
{
    z_stream stream {};
    bool initialised = false;
};

GzipInflateStream::GzipInflateStream()
    : m_state(std::make_unique<State>())
{
    // 16 + MAX_WBITS: gzip framing only (ClickHouse answers "Content-Encoding: gzip").
    m_state->initialised = inflateInit2(&m_state->stream, 16 + MAX_WBITS) == Z_OK;
    if (!m_state->initialised)
        m_error = u"zlib could not be initialised"_s;
}

GzipInflateStream::~GzipInflateStream()
{
    if (m_state->initialised)
        inflateEnd(&m_state->stream);
}

bool GzipInflateStream::feed(QByteArrayView input, QByteArray* output)
{
    if (!m_error.isEmpty())
        return false;
    z_stream& stream = m_state->stream;
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
    stream.avail_in = uInt(input.size());
    char buffer[64 * 1024];
    // Also go round while the output buffer came back full: zlib may hold more output although
    // all input is consumed.
    bool outputFull = false;
    while (stream.avail_in > 0 || outputFull) {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof(buffer);
        const qint64 before = qint64(stream.total_in);
        const int result = inflate(&stream, Z_NO_FLUSH);
        m_compressedBytes += qint64(stream.total_in) - before;
        output->append(buffer, qsizetype(sizeof(buffer) - stream.avail_out));
        outputFull = stream.avail_out == 0;
        if (result == Z_STREAM_END) {
            outputFull = false;
            m_inMember = false;
            // Another member may follow (a server may flush in several).
            if (inflateReset(&stream) != Z_OK) {
                m_error = u"zlib could not start the next gzip member"_s;
                return false;
            }
            continue;
        }
        if (result == Z_BUF_ERROR)
            break; // no progress possible without more input
        if (result != Z_OK) {
            m_error = u"corrupt gzip data after %1 compressed bytes: %2"_s.arg(m_compressedBytes)
                          .arg(QString::fromLatin1(stream.msg ? stream.msg : "unknown zlib error"));
            return false;
        }
        m_inMember = true;
    }
    return true;
}

bool GzipInflateStream::finish()
{
    if (!m_error.isEmpty())
        return false;
    if (m_inMember) {
        m_error = u"the gzip stream ends early, after %1 compressed bytes"_s.arg(m_compressedBytes);
        return false;
    }
    return true;
}
