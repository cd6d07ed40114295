#include "listenerstatistics.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

qint64 ListenerStatistics::errors() const
{
    qint64 sum = 0;
    for (auto it = answersByStatus.cbegin(); it != answersByStatus.cend(); ++it) {
        if (it.key() >= 400)
            sum += it.value();
    }
    return sum;
}

void ListenerStatistics::recordAnswer(int status, qint64 latencyMs)
{
    ++answersByStatus[status];
    ++answered;
    lastLatencyMs = latencyMs;
    maxLatencyMs = qMax(maxLatencyMs, latencyMs);
    averageLatencyMs += (double(latencyMs) - averageLatencyMs) / double(answered);
}

QJsonObject ListenerStatistics::toJson() const
{
    const char* kinds[] = { "traces", "metrics", "logs" };
    QJsonObject acceptedJson;
    QJsonObject rejectedJson;
    for (int i = 0; i < 3; ++i) {
        acceptedJson.insert(QLatin1StringView(kinds[i]), accepted[size_t(i)]);
        rejectedJson.insert(QLatin1StringView(kinds[i]), rejected[size_t(i)]);
    }
    QJsonObject statuses;
    for (auto it = answersByStatus.cbegin(); it != answersByStatus.cend(); ++it)
        statuses.insert(QString::number(it.key()), it.value());
    QJsonObject bendCounts;
    for (int i = 0; i < OtlpBends::count; ++i) {
        const auto bend = static_cast<OtlpBends::Bend>(i);
        if (bends.at(bend) > 0)
            bendCounts.insert(QString::fromLatin1(OtlpBends::name(bend)), bends.at(bend));
    }
    QJsonObject object {
        { u"requests"_s, requests },
        { u"in_flight"_s, inFlight },
        { u"accepted"_s, acceptedJson },
        { u"rejected"_s, rejectedJson },
        { u"bytes_received"_s, bytesReceived },
        { u"bytes_decoded"_s, bytesDecoded },
        { u"answers_by_status"_s, statuses },
        { u"errors"_s, errors() },
        { u"latency_ms"_s,
            QJsonObject {
                { u"last"_s, lastLatencyMs }, { u"average"_s, averageLatencyMs }, { u"max"_s, maxLatencyMs } } },
        { u"bends"_s, bendCounts },
    };
    if (!lastError.isEmpty())
        object.insert(u"last_error"_s, lastError);
    return object;
}
