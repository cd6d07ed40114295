#include "liverecordmodel.h"

#include "common/jsonindent.h"
#include "otlp/otlpcodec.h"
#include "telemetry/clickhouserowmapper.h"

#include <QDateTime>
#include <QFont>

using namespace Qt::StringLiterals;

LiveRecordModel::LiveRecordModel(int capacity, QObject* parent)
    : QAbstractTableModel(parent)
    , m_capacity(qMax(1, capacity))
{
    m_updates.setInterval(updateIntervalMs);
    connect(&m_updates, &QTimer::timeout, this, &LiveRecordModel::flush);
}

int LiveRecordModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int LiveRecordModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString LiveRecordModel::timeText(quint64 unixNano)
{
    return QDateTime::fromMSecsSinceEpoch(qint64(unixNano / 1000000)).toString(u"HH:mm:ss.zzz"_s);
}

QVariant LiveRecordModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry& entry = m_rows.at(std::size_t(index.row()));
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case TimeColumn:
            return timeText(entry.time);
        case SignalColumn:
            return entry.signal == Span ? tr("span") : entry.signal == Metric ? tr("metric") : tr("log");
        case ServiceColumn:
            return entry.service;
        case NameColumn:
            return entry.name;
        case LevelColumn:
            return entry.level;
        case TraceColumn:
            return entry.trace;
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == NameColumn)
        return entry.name;
    if (role == Qt::ToolTipRole && index.column() == SignalColumn) {
        return entry.source == Source::Table ? tr("Read from the telemetry tables: another client wrote it")
                                             : tr("Taken by the workbench's receiver");
    }
    if (role == Qt::FontRole && entry.source == Source::Table) {
        QFont italic;
        italic.setItalic(true);
        return italic;
    }
    if (role == SourceRole)
        return int(entry.source);
    if (role == SignalRole)
        return int(entry.signal);
    if (role == SeverityRole)
        return entry.severity;
    if (role == SearchTextRole)
        return entry.searchText;
    return {};
}

QVariant LiveRecordModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case SignalColumn:
        return tr("Signal");
    case ServiceColumn:
        return tr("Service");
    case NameColumn:
        return tr("Name");
    case LevelColumn:
        return tr("Status / level");
    case TraceColumn:
        return tr("Trace");
    case ColumnCount:
        break;
    }
    return {};
}

void LiveRecordModel::arrive(Entry entry, Source source)
{
    ++m_received[entry.signal];
    entry.source = source;
    if (source == Source::Table)
        ++m_fromTables;
    entry.searchText = (entry.service + u'\n' + entry.name + u'\n' + entry.level + u'\n' + entry.trace).toLower();
    m_waiting.push_back(std::move(entry));
    if (m_paused && qsizetype(m_waiting.size()) > m_capacity) {
        m_waiting.pop_front(); // only the newest `capacity` could be shown on resume anyway
        ++m_droppedWhilePaused;
    }
    if (!m_updates.isActive() && !m_paused)
        m_updates.start();
}

void LiveRecordModel::addSpansFrom(const QList<SpanRecord>& spans, Source source)
{
    for (const SpanRecord& span : spans) {
        arrive({ span, span.startTimeUnixNano, Span, QString::fromUtf8(serviceNameOf(span.resource)),
                   QString::fromUtf8(span.name), QString::fromLatin1(ClickHouseRowMapper::statusText(span.statusCode)),
                   0, QString::fromLatin1(span.traceId.toHex()), QString() },
            source);
    }
}

void LiveRecordModel::addMetricsFrom(const QList<MetricPoint>& points, Source source)
{
    for (const MetricPoint& point : points) {
        arrive({ point, point.timeUnixNano, Metric, QString::fromUtf8(serviceNameOf(point.resource)),
                   QString::fromUtf8(point.name), QString::fromLatin1(metricTypeText(point.type)), 0, QString(),
                   QString() },
            source);
    }
}

void LiveRecordModel::addLogsFrom(const QList<LogRecord>& logs, Source source)
{
    for (const LogRecord& log : logs) {
        const QByteArray body =
            log.body.type() == AttributeValue::Type::String ? log.body.stringUtf8() : log.body.toDisplayUtf8();
        const QByteArray level =
            log.severityText.isEmpty() ? ClickHouseRowMapper::severityText(log.severityNumber) : log.severityText;
        arrive({ log, log.timeUnixNano ? log.timeUnixNano : log.observedTimeUnixNano, Log,
                   QString::fromUtf8(serviceNameOf(log.resource)),
                   QString::fromUtf8(body.isEmpty() ? log.eventName : body).left(500), QString::fromUtf8(level),
                   severityOf(log), QString::fromLatin1(log.traceId.toHex()), QString() },
            source);
    }
}

qint32 LiveRecordModel::severityOf(const LogRecord& log)
{
    if (log.severityNumber != 0 || log.severityText.isEmpty())
        return log.severityNumber;
    // The first number of each range: TRACE 1, DEBUG 5, INFO 9, WARN 13, ERROR 17, FATAL 21.
    static const std::pair<const char*, qint32> names[] = { { "TRACE", 1 }, { "DEBUG", 5 }, { "INFO", 9 },
        { "WARN", 13 }, { "ERROR", 17 }, { "FATAL", 21 }, { "CRITICAL", 21 } };
    const QByteArray text = log.severityText.toUpper();
    for (const auto& [name, number] : names) {
        if (text.startsWith(name))
            return number;
    }
    return 0;
}

void LiveRecordModel::flush()
{
    m_updates.stop();
    if (m_paused || m_waiting.empty())
        return;
    // Only the newest `capacity` of what waits can be shown.
    while (qsizetype(m_waiting.size()) > m_capacity) {
        m_waiting.pop_front();
        ++m_notShown;
    }
    const auto arriving = qsizetype(m_waiting.size());
    Q_EMIT aboutToPrepend(int(arriving));
    const qsizetype overflow = qsizetype(m_rows.size()) + arriving - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, int(m_rows.size() - overflow), int(m_rows.size() - 1));
        m_rows.resize(m_rows.size() - std::size_t(overflow));
        endRemoveRows();
        m_evicted += overflow;
    }
    beginInsertRows({}, 0, int(arriving - 1));
    while (!m_waiting.empty()) { // the newest ends on top
        m_rows.push_front(std::move(m_waiting.front()));
        m_waiting.pop_front();
    }
    endInsertRows();
    Q_EMIT prepended(int(arriving));
    Q_EMIT countsChanged();
}

void LiveRecordModel::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    if (!paused)
        flush();
    Q_EMIT countsChanged();
}

void LiveRecordModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_waiting.clear();
    m_droppedWhilePaused = 0;
    m_evicted = 0;
    m_notShown = 0;
    m_fromTables = 0;
    m_received = {};
    endResetModel();
    Q_EMIT countsChanged();
}

QString LiveRecordModel::detailText(int row) const
{
    if (row < 0 || row >= rowCount())
        return {};
    const Entry& entry = m_rows.at(std::size_t(row));
    QByteArray json;
    if (const auto* span = std::get_if<SpanRecord>(&entry.record))
        json = OtlpCodec::encodeTraces({ *span }, Otlp::Encoding::Json);
    else if (const auto* point = std::get_if<MetricPoint>(&entry.record))
        json = OtlpCodec::encodeMetrics({ *point }, Otlp::Encoding::Json);
    else if (const auto* log = std::get_if<LogRecord>(&entry.record))
        json = OtlpCodec::encodeLogs({ *log }, Otlp::Encoding::Json);
    return QString::fromUtf8(JsonIndent::indent(json));
}
