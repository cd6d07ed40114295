// libFuzzer target: the HTTP/1.1 response parser that reads ClickHouse's answers off the socket.
// Oracle: the outcome may not depend on how the bytes arrive. Feeding everything at once, split
// at a point taken from the input, and one byte at a time must give the same status, headers,
// body and verdict; the body never exceeds what was received.
#include "clickhouse/httpresponseparser.h"

#include <cstdlib>

namespace {
struct Outcome
{
    bool ok = true;
    bool complete = false;
    int status = 0;
    HttpResponseParser::Headers headers;
    QByteArray body;

    bool operator==(const Outcome&) const = default;
};

Outcome run(QByteArrayView input, qsizetype step, bool closeAtEnd)
{
    HttpResponseParser parser;
    Outcome outcome;
    for (qsizetype at = 0; at < input.size() && outcome.ok; at += step) {
        outcome.ok = parser.feed(input.sliced(at, std::min(step, input.size() - at)));
        outcome.body += parser.takeBody();
    }
    if (outcome.ok && closeAtEnd && !parser.isComplete())
        outcome.ok = parser.connectionClosed();
    outcome.body += parser.takeBody();
    outcome.complete = parser.isComplete();
    outcome.status = parser.status();
    outcome.headers = parser.headers();
    if (!outcome.ok && parser.error().isEmpty())
        std::abort(); // every failure says why
    if (parser.bodyBytesSeen() != outcome.body.size() || outcome.body.size() > input.size())
        std::abort();
    return outcome;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 2)
        return 0;
    // First byte: whether the peer closes the connection at the end; second: where to split.
    const bool closeAtEnd = data[0] & 1;
    const QByteArrayView input(reinterpret_cast<const char*>(data + 2), static_cast<qsizetype>(size - 2));
    const Outcome whole = run(input, std::max<qsizetype>(input.size(), 1), closeAtEnd);
    const Outcome split = run(input, std::max<qsizetype>(data[1], 1), closeAtEnd);
    const Outcome bytes = run(input, 1, closeAtEnd);
    // Failures may be detected at different points (and so keep a different partial body), but
    // the verdict and, for successes, everything else must match.
    if (whole.ok != split.ok || whole.ok != bytes.ok)
        std::abort();
    if (whole.ok && (!(whole == split) || !(whole == bytes)))
        std::abort();
    return 0;
}
