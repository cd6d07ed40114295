#pragma once

#include "otlp/decodedbatch.h"
#include "otlp/otlpencoding.h"

#include <cstdio>
#include <cstdlib>

/// The oracle the codec fuzzers share: decoded records re-encode (in both encodings) to bodies
/// that decode to the very same records.
namespace FuzzRoundTrip {

template<typename Record, typename Encode, typename Decode>
void check(const DecodedBatch<Record>& decoded, Encode encode, Decode decode)
{
    if (!decoded.ok()) {
        if (!decoded.records.isEmpty() || decoded.error.isEmpty())
            std::abort(); // a failure must say why and keep nothing
        return;
    }
    for (Otlp::Encoding encoding : { Otlp::Encoding::Protobuf, Otlp::Encoding::Json }) {
        const auto again = decode(encode(decoded.records, encoding), encoding);
        if (!again.ok() || again.rejected != 0 || !(again.records == decoded.records)) {
            std::fprintf(stderr, "round trip mismatch (%s): %s\n",
                encoding == Otlp::Encoding::Json ? "json" : "protobuf", qPrintable(again.error));
            std::abort();
        }
    }
}

} // namespace FuzzRoundTrip
