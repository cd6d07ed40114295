#include "queryresultmodel.h"

#include "resultchartdata.h"

#include <QColor>
#include <QDateTime>
#include <QLocale>
#include <QThreadPool>

#include <algorithm>

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
    if (m_rows.size() > 10000)
        QThreadPool::globalInstance()->start([old = std::exchange(m_numbers, {})]() mutable { old.clear(); });
    m_numbers = QList<ChunkedList<double>>(columns.size());
    // A million rows take a while to free: not on the GUI thread.
    if (m_rows.size() > 10000)
        QThreadPool::globalInstance()->start([old = m_rows.take()]() mutable { old = {}; });
    m_rows = {};
    endResetModel();
}

void QueryResultModel::appendRows(const QList<QVariantList>& rows)
{
    if (rows.isEmpty() || m_columns.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
    m_rows.append(rows);
    for (qsizetype column = 0; column < m_columns.size(); ++column) {
        if (!m_numeric.at(column) && !m_time.at(column))
            continue;
        ChunkedList<double>& numbers = m_numbers[column];
        for (const QVariantList& row : rows) {
            const QVariant& value = column < row.size() ? row.at(column) : QVariant();
            bool ok = false;
            double number = qQNaN();
            if (m_time.at(column)) {
                qint64 local = 0;
                if (value.typeId() == QMetaType::QString
                    && ResultChartData::parseLocalDateTime(*static_cast<const QString*>(value.constData()), &local))
                    number = double(local);
            } else {
                number = toNumber(value, &ok);
                if (!ok)
                    number = qQNaN();
            }
            numbers.append(number);
        }
    }
    endInsertRows();
}

void QueryResultModel::clear()
{
    setColumns({});
}

QVariant QueryResultModel::value(int row, int column) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    return m_rows.at(row).value(column);
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
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QueryResultModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant QueryResultModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QVariant value = m_rows.at(index.row()).value(index.column());
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
        QStringList parts;
        const QVariantMap map = value.toMap();
        for (auto it = map.cbegin(); it != map.cend(); ++it)
            parts.append(nested(it.key()) + u": "_s + nested(it.value()));
        return u'{' + parts.join(u", "_s) + u'}';
    }
    default:
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
    if (value.typeId() == QMetaType::QVariantList || value.typeId() == QMetaType::QVariantMap)
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
