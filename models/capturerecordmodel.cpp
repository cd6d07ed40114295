#include "capturerecordmodel.h"

#include "pluralcount.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace {
QString timeText(quint64 nanos, const QString& format)
{
    return QDateTime::fromMSecsSinceEpoch(qint64(nanos / 1'000'000)).toString(format);
}
} // namespace

CaptureRecordModel::CaptureRecordModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

QString CaptureRecordModel::signalName(CaptureIndexRow::Signal signal)
{
    switch (signal) {
    case CaptureIndexRow::Span:
        return tr("span");
    case CaptureIndexRow::Metric:
        return tr("metric");
    case CaptureIndexRow::Log:
        break;
    }
    return tr("log");
}

void CaptureRecordModel::reset(const QStringList& files)
{
    beginResetModel();
    m_files.clear();
    for (const QString& file : files)
        m_files.append(QFileInfo(file).fileName());
    m_rows.clear();
    m_strings.clear();
    m_stringMatches.clear();
    m_serviceRecords.clear();
    m_serviceIds.clear();
    m_shown.clear();
    m_summary = {};
    m_problemTexts.clear();
    endResetModel();
}

bool CaptureRecordModel::accepts(const CaptureIndexRow& row) const
{
    if (!(m_mask & (1 << row.signal)))
        return false;
    return m_search.isEmpty() || m_stringMatches[row.service] || m_stringMatches[row.name]
        || m_stringMatches[row.status];
}

void CaptureRecordModel::appendBlock(const CaptureIndexBlock& block)
{
    for (const QByteArray& text : block.newStrings) {
        m_strings.append(QString::fromUtf8(text));
        m_stringMatches.push_back(!m_search.isEmpty() && m_strings.last().contains(m_search, Qt::CaseInsensitive));
        m_serviceRecords.push_back(0);
    }
    for (const CaptureIndexRow& row : block.rows) {
        ++m_summary.records[row.signal];
        if (row.time != 0) {
            m_summary.firstTime = m_summary.firstTime == 0 ? row.time : qMin(m_summary.firstTime, row.time);
            m_summary.lastTime = qMax(m_summary.lastTime, row.time);
        }
        if (m_serviceRecords[row.service]++ == 0)
            m_serviceIds.append(row.service);
    }
    m_summary.problems += block.problems;
    m_problemTexts.append(block.problemTexts);

    const auto first = quint32(m_rows.size());
    if (!isFiltered()) {
        if (block.rows.isEmpty())
            return;
        beginInsertRows({}, int(first), int(first + block.rows.size() - 1));
        m_rows.append(block.rows);
        endInsertRows();
        return;
    }
    m_rows.append(block.rows);
    QList<quint32> shown;
    for (auto i = first; i < quint32(m_rows.size()); ++i) {
        if (accepts(m_rows.at(i)))
            shown.append(i);
    }
    if (shown.isEmpty())
        return;
    beginInsertRows({}, int(m_shown.size()), int(m_shown.size() + shown.size() - 1));
    m_shown.append(shown);
    endInsertRows();
}

void CaptureRecordModel::setSignalMask(int mask)
{
    if (mask == m_mask)
        return;
    m_mask = mask & AllSignals;
    refilter();
}

void CaptureRecordModel::setSearchText(const QString& text)
{
    if (text == m_search)
        return;
    m_search = text;
    refilter();
}

void CaptureRecordModel::refilter()
{
    beginResetModel();
    for (qsizetype i = 0; i < m_strings.size(); ++i)
        m_stringMatches[size_t(i)] = !m_search.isEmpty() && m_strings.at(i).contains(m_search, Qt::CaseInsensitive);
    m_shown.clear();
    if (isFiltered()) {
        for (quint32 i = 0; i < quint32(m_rows.size()); ++i) {
            if (accepts(m_rows.at(i)))
                m_shown.append(i);
        }
    }
    endResetModel();
}

CaptureRecordModel::Summary CaptureRecordModel::summary() const
{
    Summary summed = m_summary;
    for (const quint32 id : m_serviceIds)
        summed.services.insert(m_strings.at(id), m_serviceRecords[id]);
    return summed;
}

QString CaptureRecordModel::summaryText() const
{
    //: Counts of spans, metric points and logs
    const QString counts = tr("%1, %2, %3")
                               .arg(tr("%Ln span(s)", nullptr, PluralCount::n(m_summary.records[0])),
                                   tr("%Ln metric point(s)", nullptr, PluralCount::n(m_summary.records[1])),
                                   tr("%Ln log(s)", nullptr, PluralCount::n(m_summary.records[2])));
    if (m_summary.total() == 0)
        return counts;
    const Summary summed = summary();
    QString text = counts + tr(" from %Ln service(s)", nullptr, PluralCount::n(summed.services.size()));
    if (m_summary.firstTime != 0) {
        text += tr(", %1 to %2")
                    .arg(timeText(m_summary.firstTime, u"yyyy-MM-dd HH:mm:ss"_s),
                        timeText(m_summary.lastTime, u"yyyy-MM-dd HH:mm:ss"_s));
    }
    return text;
}

const CaptureIndexRow& CaptureRecordModel::rowAt(int row) const
{
    return isFiltered() ? m_rows.at(m_shown.at(row)) : m_rows.at(row);
}

int CaptureRecordModel::rowCount(const QModelIndex& parent) const
{
    if (parent.isValid())
        return 0;
    return int(isFiltered() ? m_shown.size() : m_rows.size());
}

int CaptureRecordModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CaptureRecordModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CaptureIndexRow& row = rowAt(index.row());
    if (role == TimeRole)
        return QVariant::fromValue(row.time);
    if (role == SignalRole)
        return int(row.signal);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case SignalColumn:
        return signalName(row.signal);
    case TimeColumn:
        return row.time == 0 ? QString() : timeText(row.time, u"yyyy-MM-dd HH:mm:ss.zzz"_s);
    case ServiceColumn:
        return m_strings.at(row.service);
    case NameColumn:
        return m_strings.at(row.name);
    case StatusColumn:
        return m_strings.at(row.status);
    case FileColumn:
        return row.file < m_files.size() ? m_files.at(row.file) : QString();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant CaptureRecordModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case SignalColumn:
        return tr("Signal");
    case TimeColumn:
        return tr("Time");
    case ServiceColumn:
        return tr("Service");
    case NameColumn:
        return tr("Name");
    case StatusColumn:
        return tr("Status");
    case FileColumn:
        return tr("File");
    case ColumnCount:
        break;
    }
    return {};
}
