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
    if (m_numeric)
        return; // the model's numbers are the keys
    m_texts.reserve(m_size);
    for (; m_keyedBlocks < m_blocks.size(); ++m_keyedBlocks)
        addKeys(m_blocks.at(m_keyedBlocks));
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

bool ResultRowOrder::lessThan(int a, int b) const
{
    // NULLs last whichever the direction; otherwise by key, reversed for descending.
    if (m_numeric) {
        const double x = m_sourceNumbers.at(a);
        const double y = m_sourceNumbers.at(b);
        if (std::isnan(x) || std::isnan(y))
            return !std::isnan(x) && std::isnan(y);
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
