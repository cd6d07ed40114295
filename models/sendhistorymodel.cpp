#include "sendhistorymodel.h"

#include "clickhouse/clickhouseclient.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace {
QString bytesText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}
} // namespace

SendHistoryModel::SendHistoryModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void SendHistoryModel::add(const SendRunner::Outcome& outcome)
{
    if (m_outcomes.size() >= limit) {
        beginRemoveRows({}, int(m_outcomes.size()) - 1, int(m_outcomes.size()) - 1);
        m_outcomes.removeLast();
        endRemoveRows();
    }
    beginInsertRows({}, 0, 0);
    m_outcomes.prepend(outcome);
    endInsertRows();
}

void SendHistoryModel::clear()
{
    beginResetModel();
    m_outcomes.clear();
    endResetModel();
}

QString SendHistoryModel::statusText(const SendRunner::Outcome& outcome)
{
    if (!outcome.startError.isEmpty())
        return tr("Not sent: %1").arg(outcome.startError);
    const SendJob::Summary& summary = outcome.summary;
    const ReplayOutput::Statistics& statistics = summary.statistics;
    QString text;
    if (summary.cancelled)
        text = tr("Cancelled after %1 of %2").arg(summary.sent).arg(outcome.request.count);
    else if (statistics.delivered == summary.sent)
        text = tr("Delivered");
    else if (statistics.failed > 0)
        text = tr("%n failed", nullptr, int(qMin<qint64>(statistics.failed, INT_MAX)));
    else if (statistics.spooled > 0)
        text = tr(
            "%n in the spool, sent when the endpoint answers", nullptr, int(qMin<qint64>(statistics.spooled, INT_MAX)));
    else
        text = tr("%1 of %2 delivered").arg(statistics.delivered).arg(summary.sent);
    if (!statistics.lastError.isEmpty() && statistics.delivered != summary.sent)
        text += u": "_s + statistics.lastError;
    return text;
}

QString SendHistoryModel::lookUpSql(const SendRunner::Outcome& outcome, const QString& database)
{
    QString table;
    QString nameCondition;
    const QString name = ClickHouseClient::quoteString(outcome.request.name);
    switch (outcome.request.signal) {
    case SendRequest::Signal::Event:
        table = u"traces"_s;
        nameCondition = u"span_name = "_s + name;
        break;
    case SendRequest::Signal::Error:
        table = u"traces"_s;
        // track_error names every error span automagik.error; the type is an attribute.
        nameCondition = u"span_name = 'automagik.error' AND status_code = 'ERROR'"_s;
        break;
    case SendRequest::Signal::Metric:
        table = u"metrics"_s;
        nameCondition = u"metric_name = "_s + name;
        break;
    case SendRequest::Signal::Log:
        table = u"logs"_s;
        nameCondition = u"body = "_s + name;
        break;
    }
    // From a second before the send started to a second after it ended (DateTime has seconds).
    const qint64 since = outcome.started.toSecsSinceEpoch() - 1;
    const qint64 until = outcome.started.addMSecs(outcome.totalMs).toSecsSinceEpoch() + 1;
    return u"SELECT *\nFROM %1.%2\nWHERE project_name = %3\n  AND %4\n  AND timestamp BETWEEN toDateTime(%5) AND "
           "toDateTime(%6)\nORDER BY timestamp DESC\nLIMIT 100"_s.arg(ClickHouseClient::quoteIdentifier(database),
               table, ClickHouseClient::quoteString(outcome.projectName), nameCondition, QString::number(since),
               QString::number(until));
}

int SendHistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_outcomes.size());
}

int SendHistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SendHistoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SendRunner::Outcome& outcome = m_outcomes.at(index.row());
    const ReplayOutput::Statistics& statistics = outcome.summary.statistics;
    if (role == PayloadRole)
        return outcome.payload;
    if (role == SucceededRole)
        return outcome.startError.isEmpty() && !outcome.summary.cancelled
            && statistics.delivered == outcome.summary.sent;
    if (role == Qt::TextAlignmentRole && index.column() >= SentColumn && index.column() <= RetriesColumn)
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == BackendColumn)
        return outcome.destination;
    if (role == Qt::ToolTipRole && index.column() == StatusColumn)
        return statusText(outcome);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case TimeColumn:
        return QLocale().toString(outcome.started.time(), u"HH:mm:ss"_s);
    case SignalColumn:
        return SendRequest::signalName(outcome.request.signal);
    case NameColumn:
        return outcome.request.name;
    case BackendColumn:
        return SendTarget::backendName(outcome.backend);
    case SentColumn:
        return outcome.summary.sent;
    case DeliveredColumn:
        return statistics.delivered;
    case FailedColumn:
        return statistics.failed;
    case SpooledColumn:
        return statistics.spooled;
    case LatencyColumn:
        return statistics.requests > 0 ? tr("%1 ms").arg(statistics.lastLatencyMs) : QString();
    case BytesColumn:
        if (statistics.bytesRaw == 0)
            return QString();
        return statistics.bytesSent == statistics.bytesRaw
            ? bytesText(statistics.bytesRaw)
            : tr("%1 → %2").arg(bytesText(statistics.bytesRaw), bytesText(statistics.bytesSent));
    case RetriesColumn:
        return statistics.retries;
    case StatusColumn:
        return statusText(outcome);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SendHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case TimeColumn:
        return tr("Time");
    case SignalColumn:
        return tr("Signal");
    case NameColumn:
        return tr("Name");
    case BackendColumn:
        return tr("Backend");
    case SentColumn:
        return tr("Sent");
    case DeliveredColumn:
        return tr("Delivered");
    case FailedColumn:
        return tr("Failed");
    case SpooledColumn:
        return tr("Spooled");
    case LatencyColumn:
        return tr("Latency");
    case BytesColumn:
        return tr("Bytes (raw → sent)");
    case RetriesColumn:
        return tr("Retries");
    case StatusColumn:
        return tr("Status");
    case ColumnCount:
        break;
    }
    return {};
}
