// libFuzzer target: OTLP/JSON requests of the three signals, with the same round-trip oracle as
// the protobuf target (through both encodings); and the lazy JSON walk the decoders use must
// read every text the validator accepts exactly as the tree parser does, and the quick check
// (JsonValidator) must accept exactly what the tree parser accepts.
#include "../support/jsonviewcheck.h"
#include "common/jsonreader.h"
#include "common/jsonvalidator.h"
#include "fuzzroundtrip.h"
#include "otlp/otlpcodec.h"

#include <cstdio>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArrayView input(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    JsonValue tree;
    JsonReader reader;
    const bool parsed = reader.parse(input, &tree);
    if (JsonValidator::accepts(input, JsonReader::defaultMaxDepth) != parsed) {
        std::fprintf(stderr, "the quick check and parse() disagree: %s\n", qPrintable(reader.error()));
        std::abort();
    }
    if (JsonReader().validate(input) != parsed) {
        std::fprintf(stderr, "validate() and parse() disagree: %s\n", qPrintable(reader.error()));
        std::abort();
    }
    if (parsed) {
        const QString problem = JsonViewCheck::compare(tree, JsonView::root(input));
        if (!problem.isEmpty()) {
            std::fprintf(stderr, "JsonView differs from the tree at %s\n", qPrintable(problem));
            std::abort();
        }
    }
    FuzzRoundTrip::check(
        OtlpCodec::decodeTraces(input, Otlp::Encoding::Json), OtlpCodec::encodeTraces, OtlpCodec::decodeTraces);
    FuzzRoundTrip::check(
        OtlpCodec::decodeMetrics(input, Otlp::Encoding::Json), OtlpCodec::encodeMetrics, OtlpCodec::decodeMetrics);
    FuzzRoundTrip::check(
        OtlpCodec::decodeLogs(input, Otlp::Encoding::Json), OtlpCodec::encodeLogs, OtlpCodec::decodeLogs);
    return 0;
}
