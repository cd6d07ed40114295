// libFuzzer target: OTLP protobuf requests of the three signals. Besides "no crash, no leak, no
// sanitizer report", it checks the codec's promise: whatever decodes, re-encodes to something that
// decodes to the same records.
#include "fuzzroundtrip.h"
#include "otlp/otlpcodec.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    FuzzRoundTrip::check(
        OtlpCodec::decodeTraces(input, Otlp::Encoding::Protobuf), OtlpCodec::encodeTraces, OtlpCodec::decodeTraces);
    FuzzRoundTrip::check(
        OtlpCodec::decodeMetrics(input, Otlp::Encoding::Protobuf), OtlpCodec::encodeMetrics, OtlpCodec::decodeMetrics);
    FuzzRoundTrip::check(
        OtlpCodec::decodeLogs(input, Otlp::Encoding::Protobuf), OtlpCodec::encodeLogs, OtlpCodec::decodeLogs);
    return 0;
}
