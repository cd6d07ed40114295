// libFuzzer target: OTLP/JSON requests of the three signals, with the same round-trip oracle as
// the protobuf target (through both encodings).
#include "fuzzroundtrip.h"
#include "otlp/otlpcodec.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    FuzzRoundTrip::check(
        OtlpCodec::decodeTraces(input, Otlp::Encoding::Json), OtlpCodec::encodeTraces, OtlpCodec::decodeTraces);
    FuzzRoundTrip::check(
        OtlpCodec::decodeMetrics(input, Otlp::Encoding::Json), OtlpCodec::encodeMetrics, OtlpCodec::decodeMetrics);
    FuzzRoundTrip::check(
        OtlpCodec::decodeLogs(input, Otlp::Encoding::Json), OtlpCodec::encodeLogs, OtlpCodec::decodeLogs);
    return 0;
}
