#include "gzip.h"

#include <QtGlobal>

#include <zlib.h>

using namespace Qt::StringLiterals;

namespace {
// windowBits 15 plus 16 selects the gzip wrapper in deflateInit2/inflateInit2 (zlib manual).
constexpr int gzipWindowBits = 15 + 16;
constexpr int chunkSize = 64 * 1024;

uInt clampToUInt(qsizetype size)
{
    return static_cast<uInt>(qMin<qsizetype>(size, std::numeric_limits<uInt>::max()));
}
} // namespace

namespace Gzip {

QByteArray compress(QByteArrayView data, int level)
{
    z_stream stream {};
    if (deflateInit2(&stream, qBound(0, level, 9), Z_DEFLATED, gzipWindowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        qFatal("zlib deflateInit2 failed: out of memory");
    QByteArray out;
    out.resize(static_cast<qsizetype>(deflateBound(&stream, static_cast<uLong>(data.size()))) + 32);
    // zlib takes a non-const pointer for historical reasons; it never writes through next_in.
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    qsizetype remainingIn = data.size();
    int status = Z_OK;
    do {
        if (stream.total_out >= static_cast<uLong>(out.size()))
            out.resize(out.size() * 2);
        const uInt inChunk = clampToUInt(remainingIn);
        stream.avail_in = inChunk;
        stream.next_out = reinterpret_cast<Bytef*>(out.data()) + stream.total_out;
        stream.avail_out = clampToUInt(out.size() - static_cast<qsizetype>(stream.total_out));
        const bool lastChunk = inChunk == remainingIn;
        const uInt before = stream.avail_in;
        status = deflate(&stream, lastChunk ? Z_FINISH : Z_NO_FLUSH);
        remainingIn -= before - stream.avail_in;
    } while (status == Z_OK || status == Z_BUF_ERROR);
    Q_ASSERT(status == Z_STREAM_END);
    out.resize(static_cast<qsizetype>(stream.total_out));
    deflateEnd(&stream);
    return out;
}

bool hasGzipMagic(QByteArrayView data)
{
    return data.size() >= 2 && static_cast<unsigned char>(data[0]) == 0x1f
        && static_cast<unsigned char>(data[1]) == 0x8b;
}

namespace {
/// `gzip`: members may follow one another; otherwise one zlib or raw deflate stream.
Inflated inflateStream(QByteArrayView data, qsizetype maxOutputBytes, int windowBits, bool gzip)
{
    const char* format = gzip ? "gzip" : "deflate";
    Inflated result;
    z_stream stream {};
    if (inflateInit2(&stream, windowBits) != Z_OK)
        qFatal("zlib inflateInit2 failed: out of memory");
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    qsizetype consumed = 0;
    char buffer[chunkSize];
    for (;;) {
        stream.avail_in = clampToUInt(data.size() - consumed);
        const uInt availBefore = stream.avail_in;
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        const int status = inflate(&stream, Z_NO_FLUSH);
        consumed += availBefore - stream.avail_in;
        const qsizetype produced = qsizetype(sizeof buffer) - stream.avail_out;
        if (result.data.size() + produced > maxOutputBytes) {
            result.overLimit = true;
            result.error =
                u"%1 data expands beyond the limit of %2 bytes"_s.arg(QLatin1StringView(format)).arg(maxOutputBytes);
            break;
        }
        result.data.append(buffer, produced);
        if (status == Z_STREAM_END) {
            if (consumed == data.size())
                break;
            // Another member follows (RFC 1952 allows concatenation); anything else is garbage.
            if (!gzip || !hasGzipMagic(data.sliced(consumed))) {
                result.error =
                    u"trailing garbage after the %1 stream at byte %2"_s.arg(QLatin1StringView(format)).arg(consumed);
                break;
            }
            inflateReset(&stream);
            continue;
        }
        if (status != Z_OK && status != Z_BUF_ERROR) {
            result.error = u"corrupt %1 data near byte %2: %3"_s.arg(QLatin1StringView(format))
                               .arg(consumed)
                               .arg(QString::fromLatin1(stream.msg ? stream.msg : "unknown zlib error"));
            break;
        }
        if (status == Z_BUF_ERROR && consumed == data.size() && produced == 0) {
            result.error = u"%1 data is truncated after %2 bytes"_s.arg(QLatin1StringView(format)).arg(consumed);
            break;
        }
    }
    inflateEnd(&stream);
    if (!result.ok())
        result.data.clear();
    return result;
}
} // namespace

Inflated decompress(QByteArrayView data, qsizetype maxOutputBytes)
{
    if (!hasGzipMagic(data))
        return { {}, u"not gzip data: the first two bytes are not 1f 8b"_s };
    return inflateStream(data, maxOutputBytes, gzipWindowBits, true);
}

Inflated decompressDeflate(QByteArrayView data, qsizetype maxOutputBytes)
{
    // RFC 9110 "deflate" is the zlib format, but some clients send raw deflate: a zlib header
    // (CM 8, header checksum divisible by 31) decides.
    const bool zlibHeader = data.size() >= 2 && (static_cast<unsigned char>(data[0]) & 0x0f) == 8
        && ((static_cast<unsigned char>(data[0]) << 8) | static_cast<unsigned char>(data[1])) % 31 == 0;
    return inflateStream(data, maxOutputBytes, zlibHeader ? 15 : -15, false);
}

} // namespace Gzip
