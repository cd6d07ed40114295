#include "resultrows.h"

#include <bit>
#include <limits>

ResultRows::ResultRows(int columnCount)
    : m_columns(qMax(0, columnCount))
{ }

ResultRows ResultRows::fromLists(const QList<QVariantList>& rows, int columnCount)
{
    ResultRows result(columnCount);
    for (const QVariantList& row : rows) {
        for (const QVariant& value : row)
            result.appendVariant(value);
        result.endRow();
    }
    return result;
}

QVariant ResultRows::value(qsizetype row, int column) const
{
    const Cell& at = cell(row, column);
    switch (at.kind) {
    case Kind::Null:
        return {};
    case Kind::Bool:
        return at.bits != 0;
    case Kind::Int:
        return at.bits;
    case Kind::UInt:
        return std::bit_cast<quint64>(at.bits);
    case Kind::Double:
        return std::bit_cast<double>(at.bits);
    case Kind::Text:
        return QString::fromUtf8(m_text.constData() + at.bits, at.length);
    case Kind::Other:
        return m_others.at(at.bits);
    }
    return {};
}

QByteArrayView ResultRows::text(qsizetype row, int column) const
{
    const Cell& at = cell(row, column);
    if (at.kind != Kind::Text)
        return {};
    return QByteArrayView(m_text.constData() + at.bits, at.length);
}

bool ResultRows::number(qsizetype row, int column, double* value) const
{
    const Cell& at = cell(row, column);
    switch (at.kind) {
    case Kind::Bool:
    case Kind::Int:
        *value = double(at.bits);
        return true;
    case Kind::UInt:
        *value = double(std::bit_cast<quint64>(at.bits));
        return true;
    case Kind::Double:
        *value = std::bit_cast<double>(at.bits);
        return true;
    default:
        return false;
    }
}

bool ResultRows::integer(qsizetype row, int column, quint64* bits, bool* isUnsigned) const
{
    const Cell& at = cell(row, column);
    if (at.kind != Kind::Bool && at.kind != Kind::Int && at.kind != Kind::UInt)
        return false;
    *bits = std::bit_cast<quint64>(at.bits);
    *isUnsigned = at.kind == Kind::UInt;
    return true;
}

QList<QVariantList> ResultRows::toLists() const
{
    QList<QVariantList> rows;
    rows.reserve(m_rows);
    for (qsizetype row = 0; row < m_rows; ++row) {
        QVariantList values;
        values.reserve(m_columns);
        for (int column = 0; column < m_columns; ++column)
            values.append(value(row, column));
        rows.append(std::move(values));
    }
    return rows;
}

void ResultRows::appendCell(Kind kind, qint64 bits, quint32 length)
{
    if (pendingValues() >= m_columns)
        return; // more values than columns: not shown anywhere, so not kept
    m_cells.append(Cell { bits, length, kind });
}

void ResultRows::appendUInt(quint64 value)
{
    appendCell(Kind::UInt, std::bit_cast<qint64>(value), 0);
}

void ResultRows::appendDouble(double value)
{
    appendCell(Kind::Double, std::bit_cast<qint64>(value), 0);
}

void ResultRows::appendText(QByteArrayView utf8)
{
    const qsizetype start = m_text.size();
    m_text.append(utf8.data(), utf8.size());
    closeText(start);
}

void ResultRows::closeText(qsizetype start)
{
    const qsizetype length = m_text.size() - start;
    if (pendingValues() >= m_columns || length > std::numeric_limits<quint32>::max()) {
        // Dropped, or longer than a cell can say (4 GiB): kept whole as a QString instead.
        const QByteArray bytes = m_text.sliced(start);
        m_text.truncate(start);
        if (pendingValues() < m_columns)
            appendVariant(QString::fromUtf8(bytes));
        return;
    }
    appendCell(Kind::Text, start, quint32(length));
}

void ResultRows::appendVariant(const QVariant& value)
{
    switch (value.typeId()) {
    case QMetaType::UnknownType:
        return appendNull();
    case QMetaType::Bool:
        return appendBool(value.toBool());
    case QMetaType::LongLong:
        return appendInt(value.toLongLong());
    case QMetaType::ULongLong:
        return appendUInt(value.toULongLong());
    case QMetaType::Double:
        return appendDouble(value.toDouble());
    default:
        if (pendingValues() >= m_columns)
            return;
        m_others.append(value);
        appendCell(Kind::Other, m_others.size() - 1, 0);
    }
}

void ResultRows::endRow()
{
    while (pendingValues() < m_columns)
        appendNull();
    ++m_rows;
    m_rowText = m_text.size();
    m_rowOthers = m_others.size();
}

void ResultRows::abandonRow()
{
    if (pendingValues() == 0 && m_text.size() == m_rowText && m_others.size() == m_rowOthers)
        return; // nothing to drop (text pieces count too): and a shared block is not copied for nothing
    m_cells.resize(m_rows * m_columns);
    m_text.truncate(m_rowText);
    m_others.resize(m_rowOthers);
}

void ResultRows::copyCell(const ResultRows& from, const Cell& cell)
{
    switch (cell.kind) {
    case Kind::Text:
        appendText(QByteArrayView(from.m_text.constData() + cell.bits, cell.length));
        break;
    case Kind::Other:
        appendVariant(from.m_others.at(cell.bits));
        break;
    default:
        m_cells.append(cell);
        break;
    }
}

void ResultRows::append(const ResultRows& other)
{
    Q_ASSERT(other.m_columns == m_columns);
    abandonRow();
    if (m_rows == 0) {
        *this = other;
        return;
    }
    m_cells.reserve(m_cells.size() + other.m_cells.size());
    for (qsizetype row = 0; row < other.m_rows; ++row) {
        for (int column = 0; column < m_columns; ++column)
            copyCell(other, other.cell(row, column));
        endRow();
    }
}

ResultRows ResultRows::mid(qsizetype first, qsizetype count) const
{
    first = qBound<qsizetype>(0, first, m_rows);
    count = qBound<qsizetype>(0, count, m_rows - first);
    ResultRows result(m_columns);
    result.m_cells.reserve(count * m_columns);
    for (qsizetype row = first; row < first + count; ++row) {
        for (int column = 0; column < m_columns; ++column)
            result.copyCell(*this, cell(row, column));
        result.endRow();
    }
    return result;
}

ResultRows ResultRows::takeFirst(qsizetype count)
{
    abandonRow();
    if (count >= m_rows)
        return std::exchange(*this, ResultRows(m_columns));
    ResultRows head = mid(0, count);
    *this = mid(count, m_rows - count);
    return head;
}
