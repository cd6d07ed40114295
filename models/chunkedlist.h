#pragma once

#include <QList>

/// A list kept in fixed-size chunks. Appending never moves what is already stored: a plain list
/// of a million values reallocates and copies megabytes at once when it grows, a stall on the GUI
/// thread while a large result streams in. Copies are cheap and share the chunks.
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

private:
    QList<QList<T>> m_chunks;
    qsizetype m_size = 0;
};
