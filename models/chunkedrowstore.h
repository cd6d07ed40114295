#pragma once

#include <QList>
#include <QVariantList>

#include <utility>

/// Rows kept in fixed-size chunks. Appending never moves the rows already stored: a plain list of
/// a million rows reallocates and copies tens of megabytes at once when it grows, which stalled
/// the GUI thread for 20-30 ms at a time while a large result streamed in.
class ChunkedRowStore final
{
public:
    static constexpr qsizetype chunkSize = 4096;

    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    const QVariantList& at(qsizetype row) const { return m_chunks.at(row / chunkSize).at(row % chunkSize); }

    void append(const QList<QVariantList>& rows)
    {
        for (const QVariantList& row : rows) {
            if (m_chunks.isEmpty() || m_chunks.constLast().size() == chunkSize) {
                m_chunks.append(QList<QVariantList>());
                m_chunks.last().reserve(chunkSize);
            }
            m_chunks.last().append(row);
        }
        m_size += rows.size();
    }

    /// Hands the rows over (to be freed elsewhere) and leaves the store empty.
    ChunkedRowStore take() { return std::exchange(*this, {}); }

private:
    QList<QList<QVariantList>> m_chunks;
    qsizetype m_size = 0;
};
