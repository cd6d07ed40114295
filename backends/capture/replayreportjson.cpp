#include "replayreportjson.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace {
QJsonArray keys(const QList<qint64>& list)
{
    QJsonArray array;
    for (const qint64 key : list)
        array.append(key);
    return array;
}
} // namespace

namespace ReplayReportJson {

QJsonObject verification(const ReplayVerifier::Result& result)
{
    QJsonObject object { { u"exactly_once"_s, result.exactlyOnce() } };
    if (!result.error.isEmpty())
        object.insert(u"error"_s, result.error);
    for (const ReplayVerifier::SignalResult& r : result.signalResults) {
        object.insert(r.table,
            QJsonObject { { u"expected"_s, r.expected }, { u"found"_s, r.found }, { u"missing"_s, r.missing },
                { u"duplicated"_s, r.duplicated }, { u"unexpected"_s, r.unexpected },
                { u"missing_seq"_s, keys(r.missingKeys) }, { u"duplicated_seq"_s, keys(r.duplicatedKeys) } });
    }
    return object;
}

QJsonObject summary(const ReplayEngine::Summary& s, const ReplayVerifier::Result* verificationResult)
{
    const double decodeRate = s.reading.decodeMs > 0
        ? double(s.reading.spans + s.reading.metrics + s.reading.logs) * 1000.0 / double(s.reading.decodeMs)
        : 0;
    const double replayRate = s.elapsedMs > 0 ? double(s.totalSent()) * 1000.0 / double(s.elapsedMs) : 0;
    QJsonObject object { { u"replay_id"_s, QString::fromUtf8(s.replayId) }, { u"output"_s, s.outputDescription },
        { u"cancelled"_s, s.cancelled }, { u"spans"_s, s.sent[ReplayEngine::Spans] },
        { u"metric_points"_s, s.sent[ReplayEngine::Metrics] }, { u"logs"_s, s.sent[ReplayEngine::Logs] },
        { u"filtered_out"_s, s.filteredOut }, { u"problems"_s, s.problemCount }, { u"delivered"_s, s.output.delivered },
        { u"failed"_s, s.output.failed }, { u"spooled"_s, s.output.spooled }, { u"elapsed_ms"_s, s.elapsedMs },
        { u"finished_ms"_s, s.finishedMs }, { u"scheduled_ms"_s, s.scheduledMs }, { u"max_lag_ms"_s, s.maxLagMs },
        { u"records_per_second"_s, qint64(replayRate) }, { u"decoded_records_per_second"_s, qint64(decodeRate) },
        { u"bytes_read"_s, s.reading.bytes } };
    if (!s.error.isEmpty())
        object.insert(u"error"_s, s.error);
    if (!s.output.lastError.isEmpty())
        object.insert(u"output_error"_s, s.output.lastError);
    if (verificationResult)
        object.insert(u"verification"_s, verification(*verificationResult));
    return object;
}

} // namespace ReplayReportJson
