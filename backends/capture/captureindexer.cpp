#include "captureindexer.h"

#include "telemetry/clickhouserowmapper.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

CaptureIndexer::CaptureIndexer(QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<CaptureIndexBlock>();
}

quint32 CaptureIndexer::intern(QByteArrayView text, CaptureIndexBlock* block)
{
    const QByteArray key = text.toByteArray();
    const auto found = m_strings.constFind(key);
    if (found != m_strings.cend())
        return found.value();
    const auto number = quint32(m_strings.size());
    m_strings.insert(key, number);
    block->newStrings.append(key);
    return number;
}

void CaptureIndexer::index(const QStringList& files, quint64 generation)
{
    const auto cancelled = [this, generation] { return m_wanted != generation; };
    m_strings.clear();
    m_problemTexts = 0;
    QList<qint64> fileBytes;
    qint64 totalBytes = 0;
    for (const QString& file : files)
        totalBytes += fileBytes.emplace_back(QFileInfo(file).size());
    qint64 doneBytes = 0;
    QStringList errors;
    for (int fileIndex = 0; fileIndex < files.size() && !cancelled(); ++fileIndex) {
        const QString& file = files.at(fileIndex);
        CaptureReader reader;
        QString error;
        if (!reader.open(file, &error)) {
            errors.append(u"%1: %2"_s.arg(file, error));
            continue;
        }
        CaptureBatch batch;
        while (!cancelled() && reader.next(&batch)) {
            CaptureIndexBlock block;
            block.generation = generation;
            block.rows.reserve(batch.recordCount());
            for (const SpanRecord& span : std::as_const(batch.spans)) {
                block.rows.append({ span.startTimeUnixNano, intern(serviceNameOf(span.resource), &block),
                    intern(span.name, &block), intern(ClickHouseRowMapper::statusText(span.statusCode), &block),
                    quint16(fileIndex), CaptureIndexRow::Span });
            }
            for (const MetricPoint& point : std::as_const(batch.metrics)) {
                block.rows.append(
                    { point.timeUnixNano, intern(serviceNameOf(point.resource), &block), intern(point.name, &block),
                        intern(metricTypeText(point.type), &block), quint16(fileIndex), CaptureIndexRow::Metric });
            }
            for (const LogRecord& log : std::as_const(batch.logs)) {
                const QByteArray body =
                    (log.body.type() == AttributeValue::Type::String ? log.body.stringUtf8() : log.body.toDisplayUtf8())
                        .left(200);
                const QByteArray severity = log.severityText.isEmpty()
                    ? ClickHouseRowMapper::severityText(log.severityNumber)
                    : log.severityText;
                block.rows.append({ log.timeUnixNano ? log.timeUnixNano : log.observedTimeUnixNano,
                    intern(serviceNameOf(log.resource), &block),
                    intern(body.isEmpty() ? QByteArrayView(log.eventName) : QByteArrayView(body), &block),
                    intern(severity, &block), quint16(fileIndex), CaptureIndexRow::Log });
            }
            block.problems = batch.problems.size();
            for (const CaptureProblem& problem : std::as_const(batch.problems)) {
                if (m_problemTexts++ >= maxProblemTexts)
                    break;
                block.problemTexts.append(
                    u"%1:%2: %3"_s.arg(QFileInfo(file).fileName()).arg(problem.item).arg(problem.reason));
            }
            block.bytesRead = doneBytes + reader.source().fileBytesRead();
            block.totalBytes = totalBytes;
            Q_EMIT indexed(block);
        }
        if (!reader.error().isEmpty())
            errors.append(u"%1: %2"_s.arg(file, reader.error()));
        doneBytes += fileBytes.at(fileIndex);
    }
    Q_EMIT finished(generation, cancelled(), errors.join(u"; "_s));
}
