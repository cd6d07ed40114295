#pragma once

#include <QList>

#include <utility>

/// A list kept in fixed-size chunks. Appending never moves what is already stored: a plain list
/// of a million rows reallocates and copies tens of megabytes at once when it grows, which
/// stalled the GUI thread for 20-30 ms at a time while a large result streamed in.
template<typename T>
class ChunkedList final
{
public:
    static constexpr qsizetype chunkSize = 4096;

    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    const T& at(qsizetype index) const { return m_chunks.at(index / chunkSize).at(index % chunkSize); }

    void append(const T& value)
    {
        if (m_chunks.isEmpty() || m_chunks.constLast().size() == chunkSize) {
            m_chunks.append(QList<T>());
            m_chunks.last().reserve(chunkSize);
        }
        m_chunks.last().append(value);
        ++m_size;
    }

    void append(const QList<T>& values)
    {
        for (const T& value : values)
            append(value);
    }

    /// Hands the contents over (to be freed elsewhere) and leaves the list empty.
    ChunkedList take() { return std::exchange(*this, {}); }

private:
    QList<QList<T>> m_chunks;
    qsizetype m_size = 0;
};
