#include "resultroworder.h"

#include "queryresultmodel.h"

#include <algorithm>
#include <cmath>
#include <numeric>

ResultRowOrder::ResultRowOrder(const QueryResultModel& model, int column, Qt::SortOrder order)
    : m_column(column)
    , m_order(order)
    , m_numeric(model.numbers(column) != nullptr)
{
    if (column >= 0 && column < model.columnCount()) {
        const QStringView type = ClickHouseColumn::baseType(model.columns().at(column).type);
        m_integer = type.startsWith(u"Int") || type.startsWith(u"UInt");
        m_unsigned = type == u"UInt64";
    }
    takeBlocks(model);
}

void ResultRowOrder::takeBlocks(const QueryResultModel& model)
{
    m_blocks = model.blocks();
    m_size = model.rowCount();
    if (m_numeric)
        m_sourceNumbers = *model.numbers(m_column);
}

void ResultRowOrder::computeKeys()
{
    if (m_numeric && !m_integer)
        return; // the model's numbers are the keys
    // Reserved once: reserving the exact size again for every block would copy them all.
    if (m_keyedBlocks == 0 && m_integer)
        m_integers.reserve(m_size);
    else if (m_keyedBlocks == 0)
        m_texts.reserve(m_size);
    for (; m_keyedBlocks < m_blocks.size(); ++m_keyedBlocks) {
        if (m_integer)
            addIntegerKeys(m_blocks.at(m_keyedBlocks));
        else
            addKeys(m_blocks.at(m_keyedBlocks));
    }
}

void ResultRowOrder::extend(const QueryResultModel& model)
{
    takeBlocks(model);
    computeKeys();
}

void ResultRowOrder::addKeys(const ResultRows& block)
{
    for (qsizetype row = 0; row < block.rowCount(); ++row) {
        switch (block.kind(row, m_column)) {
        case ResultRows::Kind::Null:
            m_texts.append(QByteArrayView());
            break;
        case ResultRows::Kind::Text: {
            const QByteArrayView text = block.text(row, m_column);
            // An empty text is not NULL: give it a non-null pointer.
            m_texts.append(text.data() ? text : QByteArrayView(""));
            break;
        }
        default:
            // Numbers in a text column, arrays, tuples, maps, strings the general reader kept:
            // by the text the grid shows.
            m_spelled.append(QueryResultModel::text(block.value(row, m_column)).toUtf8());
            m_texts.append(m_spelled.constLast().isNull() ? QByteArrayView("") : QByteArrayView(m_spelled.constLast()));
            break;
        }
    }
}

void ResultRowOrder::addIntegerKeys(const ResultRows& block)
{
    // One unsigned order for both: UInt64 as it is, signed values with the sign bit flipped
    // (so that -1 < 0 < 1 stays true).
    constexpr quint64 signBit = quint64(1) << 63;
    for (qsizetype row = 0; row < block.rowCount(); ++row) {
        quint64 bits = 0;
        bool isUnsigned = false;
        if (!block.integer(row, m_column, &bits, &isUnsigned)) {
            // NULL (the numbers tell it apart), or a value the general reader kept: by its number.
            const double number = m_sourceNumbers.at(m_integers.size());
            const double limit = 9.2e18; // inside both ranges, so that the cast is defined
            const double clamped = std::isnan(number) ? 0 : std::clamp(number, m_unsigned ? 0 : -limit, limit);
            bits = m_unsigned ? quint64(clamped) : quint64(qint64(clamped));
            isUnsigned = m_unsigned;
        }
        if (m_unsigned)
            m_integers.append(isUnsigned || qint64(bits) >= 0 ? bits : 0);
        else
            m_integers.append(isUnsigned && bits >= signBit ? ~quint64(0) : bits ^ signBit);
    }
}

bool ResultRowOrder::lessThan(int a, int b) const
{
    // NULLs last whichever the direction; otherwise by key, reversed for descending.
    if (m_numeric) {
        const double x = m_sourceNumbers.at(a);
        const double y = m_sourceNumbers.at(b);
        if (std::isnan(x) || std::isnan(y))
            return !std::isnan(x) && std::isnan(y);
        if (m_integer) {
            const quint64 i = m_integers.at(a);
            const quint64 j = m_integers.at(b);
            return m_order == Qt::AscendingOrder ? i < j : j < i;
        }
        return m_order == Qt::AscendingOrder ? x < y : y < x;
    }
    const QByteArrayView x = m_texts.at(a);
    const QByteArrayView y = m_texts.at(b);
    if (!x.data() || !y.data())
        return x.data() && !y.data();
    const int compared = x.compare(y); // UTF-8 bytes compare as code points
    return m_order == Qt::AscendingOrder ? compared < 0 : compared > 0;
}

QList<int> ResultRowOrder::sorted(int first, int count) const
{
    QList<int> rows(count);
    std::iota(rows.begin(), rows.end(), first);
    std::stable_sort(rows.begin(), rows.end(), [this](int a, int b) { return lessThan(a, b); });
    return rows;
}

QList<int> ResultRowOrder::merged(const QList<int>& rows, const QList<int>& more) const
{
    QList<int> result(rows.size() + more.size());
    std::merge(rows.cbegin(), rows.cend(), more.cbegin(), more.cend(), result.begin(),
        [this](int a, int b) { return lessThan(a, b); });
    return result;
}
