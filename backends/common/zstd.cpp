#include "zstd.h"

#include <zstd.h>

using namespace Qt::StringLiterals;

namespace Zstd {

bool hasMagic(QByteArrayView data)
{
    return data.size() >= 4 && data.startsWith("\x28\xb5\x2f\xfd");
}

QByteArray compress(QByteArrayView data, int level)
{
    QByteArray out(qsizetype(ZSTD_compressBound(size_t(data.size()))), Qt::Uninitialized);
    const size_t written = ZSTD_compress(out.data(), size_t(out.size()), data.data(), size_t(data.size()), level);
    out.resize(ZSTD_isError(written) ? 0 : qsizetype(written));
    return out;
}

} // namespace Zstd

struct ZstdInflateStream::State
{
    ZSTD_DStream* stream = nullptr;
};

ZstdInflateStream::ZstdInflateStream()
    : m_state(std::make_unique<State>())
{
    m_state->stream = ZSTD_createDStream();
    if (!m_state->stream || ZSTD_isError(ZSTD_initDStream(m_state->stream)))
        m_error = u"zstd could not be initialised"_s;
}

ZstdInflateStream::~ZstdInflateStream()
{
    if (m_state->stream)
        ZSTD_freeDStream(m_state->stream);
}

bool ZstdInflateStream::feed(QByteArrayView input, QByteArray* output, qsizetype maxOutputBytes)
{
    if (!m_error.isEmpty())
        return false;
    ZSTD_inBuffer in { input.data(), size_t(input.size()), 0 };
    char buffer[64 * 1024];
    bool outputFull = false;
    while (in.pos < in.size || outputFull) {
        ZSTD_outBuffer out { buffer, sizeof(buffer), 0 };
        const size_t before = in.pos;
        const size_t hint = ZSTD_decompressStream(m_state->stream, &out, &in);
        m_compressedBytes += qint64(in.pos - before);
        if (ZSTD_isError(hint)) {
            m_error = u"corrupt zstd data after %1 compressed bytes: %2"_s.arg(m_compressedBytes)
                          .arg(QString::fromLatin1(ZSTD_getErrorName(hint)));
            return false;
        }
        if (output->size() + qsizetype(out.pos) > maxOutputBytes) {
            m_error = u"zstd data expands past %1 bytes"_s.arg(maxOutputBytes);
            return false;
        }
        output->append(buffer, qsizetype(out.pos));
        outputFull = out.pos == out.size;
        m_inFrame = hint != 0; // 0: a frame is complete and nothing of the next one was read
    }
    return true;
}

bool ZstdInflateStream::finish()
{
    if (!m_error.isEmpty())
        return false;
    if (m_inFrame) {
        m_error = u"the zstd stream ends early, after %1 compressed bytes"_s.arg(m_compressedBytes);
        return false;
    }
    return true;
}

bool ZstdInflateStream::decompress(QByteArrayView input, QByteArray* output, qsizetype maxOutputBytes, QString* error)
{
    ZstdInflateStream stream;
    output->clear();
    if (stream.feed(input, output, maxOutputBytes) && stream.finish())
        return true;
    *error = stream.error();
    return false;
}
