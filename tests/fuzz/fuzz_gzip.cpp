// libFuzzer target: the gzip guard. Never more output than the limit; what inflates, deflates and
// inflates back to the same bytes; the streaming inflater gives the same bytes as the one-shot one.
#include "common/gzip.h"
#include "common/gzipinflatestream.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    constexpr qsizetype limit = 1 << 20;
    const QByteArrayView input(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const Gzip::Inflated inflated = Gzip::decompress(input, limit);
    if (!inflated.ok()) {
        if (!inflated.data.isEmpty() || inflated.error.isEmpty())
            std::abort();
        return 0;
    }
    if (inflated.data.size() > limit)
        std::abort();
    // The streaming inflater (compressed HTTP answers) agrees, fed in two pieces.
    GzipInflateStream stream;
    QByteArray streamed;
    const qsizetype half = input.size() / 2;
    if (!stream.feed(input.first(half), &streamed) || !stream.feed(input.sliced(half), &streamed) || !stream.finish()
        || streamed != inflated.data)
        std::abort();
    const Gzip::Inflated again = Gzip::decompress(Gzip::compress(inflated.data), limit);
    if (!again.ok() || again.data != inflated.data)
        std::abort();
    return 0;
}
