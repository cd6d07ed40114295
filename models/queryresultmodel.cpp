#include "queryresultmodel.h"

#include "clickhouse/clickhousemapvalue.h"
#include "resultchartdata.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>
#include <QThreadPool>

#include <algorithm>
#include <charconv>

using namespace Qt::StringLiterals;

namespace {
QString nested(const QVariant& value)
{
    // Inside a container strings are quoted, so that ['a, b'] and ['a', 'b'] look different.
    if (value.typeId() == QMetaType::QString)
        return u'\'' + value.toString().replace(u'\'', u"\\'"_s) + u'\'';
    return QueryResultModel::text(value);
}
} // namespace

QueryResultModel::QueryResultModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void QueryResultModel::setColumns(const QList<ClickHouseColumn>& columns)
{
    beginResetModel();
    m_columns = columns;
    m_numeric.clear();
    m_time.clear();
    for (const ClickHouseColumn& column : columns) {
        m_numeric.append(isNumericType(column.type));
        m_time.append(isTimeType(column.type));
    }
    // A million numbers, or a result full of arrays, take a while to free: not on the GUI thread.
    if (m_rowCount > 10000)
        QThreadPool::globalInstance()->start(
            [numbers = std::exchange(m_numbers, {}), blocks = std::exchange(m_blocks, {})]() mutable {
                numbers.clear();
                blocks.clear();
            });
    m_numbers = QList<ChunkedList<double>>(columns.size());
    m_blocks.clear();
    m_blockEnds.clear();
    m_rowCount = 0;
    endResetModel();
}

void QueryResultModel::appendRows(const ResultRows& rows)
{
    if (rows.isEmpty() || m_columns.isEmpty())
        return;
    Q_ASSERT(rows.columnCount() == m_columns.size());
    beginInsertRows({}, int(m_rowCount), int(m_rowCount + rows.rowCount() - 1));
    m_blocks.append(rows);
    m_rowCount += rows.rowCount();
    m_blockEnds.append(m_rowCount);
    for (int column = 0; column < m_columns.size(); ++column) {
        if (!m_numeric.at(column) && !m_time.at(column))
            continue;
        ChunkedList<double>& numbers = m_numbers[column];
        for (qsizetype row = 0; row < rows.rowCount(); ++row)
            numbers.append(numberAt(rows, row, column));
    }
    endInsertRows();
}

double QueryResultModel::numberAt(const ResultRows& rows, qsizetype row, int column) const
{
    if (m_time.at(column)) {
        qint64 local = 0;
        bool ok = false;
        if (rows.kind(row, column) == ResultRows::Kind::Text) {
            ok = ResultChartData::parseLocalDateTime(rows.text(row, column), &local);
        } else {
            const QVariant value = rows.value(row, column); // a string the general reader kept
            ok = value.typeId() == QMetaType::QString && ResultChartData::parseLocalDateTime(value.toString(), &local);
        }
        return ok ? double(local) : qQNaN();
    }
    double number = 0;
    if (rows.number(row, column, &number))
        return number;
    if (rows.kind(row, column) == ResultRows::Kind::Text) {
        // Decimals and other numbers ClickHouse quotes.
        const QByteArrayView text = rows.text(row, column);
        const auto result = std::from_chars(text.data(), text.data() + text.size(), number);
        return result.ec == std::errc() && result.ptr == text.data() + text.size() && !text.isEmpty() ? number
                                                                                                      : qQNaN();
    }
    bool ok = false;
    number = toNumber(rows.value(row, column), &ok);
    return ok ? number : qQNaN();
}

const ResultRows& QueryResultModel::blockOf(int row, qsizetype* rowInBlock) const
{
    const auto block = std::upper_bound(m_blockEnds.cbegin(), m_blockEnds.cend(), qsizetype(row));
    const qsizetype index = block - m_blockEnds.cbegin();
    *rowInBlock = row - (index == 0 ? 0 : m_blockEnds.at(index - 1));
    return m_blocks.at(index);
}

void QueryResultModel::clear()
{
    setColumns({});
}

QVariant QueryResultModel::value(int row, int column) const
{
    if (row < 0 || row >= m_rowCount || column < 0 || column >= m_columns.size())
        return {};
    qsizetype rowInBlock = 0;
    const ResultRows& rows = blockOf(row, &rowInBlock);
    return rows.value(rowInBlock, column);
}

const ChunkedList<double>* QueryResultModel::numbers(int column) const
{
    if (column < 0 || column >= m_columns.size() || (!m_numeric.at(column) && !m_time.at(column)))
        return nullptr;
    return &m_numbers.at(column);
}

double QueryResultModel::toNumber(const QVariant& value, bool* ok)
{
    switch (value.typeId()) {
    case QMetaType::Double:
        *ok = true;
        return *static_cast<const double*>(value.constData());
    case QMetaType::LongLong:
        *ok = true;
        return double(*static_cast<const qlonglong*>(value.constData()));
    case QMetaType::ULongLong:
        *ok = true;
        return double(*static_cast<const qulonglong*>(value.constData()));
    case QMetaType::QString:
        return static_cast<const QString*>(value.constData())->toDouble(ok);
    case QMetaType::UnknownType:
        *ok = false;
        return 0;
    default:
        return value.toDouble(ok);
    }
}

int QueryResultModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rowCount);
}

int QueryResultModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant QueryResultModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QVariant value = this->value(index.row(), index.column());
    const QString& type = m_columns.at(index.column()).type;
    switch (role) {
    case Qt::DisplayRole: {
        if (!value.isValid())
            return u"NULL"_s;
        const QString shown = text(value);
        return shown.size() > maxShownCharacters ? shown.left(maxShownCharacters) + u'…' : shown;
    }
    case Qt::ToolTipRole: {
        const QString shown = value.isValid() ? text(value) : QString();
        return shown.size() > 80 ? shown.left(20000) : QVariant();
    }
    case Qt::TextAlignmentRole:
        return QVariant::fromValue((m_numeric.at(index.column()) ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        return value.isValid() ? QVariant() : QVariant(QColor(Qt::gray));
    case SortRole:
        return sortValue(value, type);
    case RawValueRole:
        return value;
    case ColumnTypeRole:
        return type;
    case IsNullRole:
        return !value.isValid();
    default:
        return {};
    }
}

QVariant QueryResultModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (section < 0 || section >= m_columns.size())
        return {};
    if (role == Qt::DisplayRole)
        return m_columns.at(section).name;
    if (role == Qt::ToolTipRole || role == ColumnTypeRole)
        return m_columns.at(section).type;
    return {};
}

QHash<int, QByteArray> QueryResultModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SortRole, "sortValue");
    names.insert(RawValueRole, "rawValue");
    names.insert(ColumnTypeRole, "columnType");
    names.insert(IsNullRole, "isNull");
    return names;
}

QString QueryResultModel::text(const QVariant& value)
{
    switch (value.typeId()) {
    case QMetaType::UnknownType:
        return u"NULL"_s;
    case QMetaType::Double:
        // The shortest text that reads back as the same double, as ClickHouse prints it.
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    case QMetaType::QVariantList: {
        QStringList parts;
        for (const QVariant& element : value.toList())
            parts.append(nested(element));
        return u'[' + parts.join(u", "_s) + u']';
    }
    case QMetaType::QVariantMap: {
        // A JSON object (named tuples, the JSON type) arrives as a QVariantMap, a Map column as
        // a ClickHouseMapValue in the server's order: both are shown the same way.
        ClickHouseMapValue entries;
        const QVariantMap map = value.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            entries.entries.append({ it.key(), it.value() });
        return nested(QVariant::fromValue(entries));
    }
    default:
        if (value.metaType() == QMetaType::fromType<ClickHouseMapValue>()) {
            QStringList parts;
            for (const auto& [key, entry] : value.value<ClickHouseMapValue>().entries)
                parts.append(nested(key) + u": "_s + nested(entry));
            return u'{' + parts.join(u", "_s) + u'}';
        }
        return value.toString();
    }
}

bool QueryResultModel::isNumericType(QStringView type)
{
    type = ClickHouseColumn::baseType(type);
    return type.startsWith(u"Int") || type.startsWith(u"UInt") || type.startsWith(u"Float")
        || type.startsWith(u"Decimal");
}

bool QueryResultModel::isTimeType(QStringView type)
{
    type = ClickHouseColumn::baseType(type);
    return type.startsWith(u"DateTime") || type == u"Date" || type == u"Date32";
}

QVariant QueryResultModel::sortValue(const QVariant& value, QStringView type)
{
    if (!value.isValid())
        return {};
    type = ClickHouseColumn::baseType(type);
    if (type.startsWith(u"Decimal"))
        return value.toString().toDouble();
    if (type == u"Date" || type == u"Date32")
        return QDate::fromString(value.toString(), Qt::ISODate);
    if (type.startsWith(u"DateTime")) {
        QDateTime time = QDateTime::fromString(value.toString(), u"yyyy-MM-dd HH:mm:ss.zzz"_s);
        if (!time.isValid())
            time = QDateTime::fromString(value.toString().left(19), u"yyyy-MM-dd HH:mm:ss"_s);
        return time.isValid() ? QVariant(time) : value;
    }
    if (value.typeId() == QMetaType::QVariantList || value.typeId() == QMetaType::QVariantMap
        || value.metaType() == QMetaType::fromType<ClickHouseMapValue>())
        return text(value);
    return value;
}

QString QueryResultModel::copyText(const QModelIndexList& indexes) const
{
    QModelIndexList sorted = indexes;
    std::sort(sorted.begin(), sorted.end(), [](const QModelIndex& a, const QModelIndex& b) {
        return a.row() != b.row() ? a.row() < b.row() : a.column() < b.column();
    });
    QString out;
    int row = -1;
    for (const QModelIndex& index : std::as_const(sorted)) {
        if (row != -1)
            out += index.row() == row ? u'\t' : u'\n';
        row = index.row();
        const QVariant value = index.data(RawValueRole);
        out += value.isValid() ? text(value) : u"NULL"_s;
    }
    return out;
}
