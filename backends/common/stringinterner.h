#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <cstring>
#include <type_traits>
#include <vector>

/// Gives one shared value (a QByteArray for StringInterner) for every repetition of the same short string while a
/// request is decoded: attribute keys and most attribute values repeat from record to record (a batch of 1,000 events
/// carries "system.os" a thousand times), and sharing them saves an allocation and a free per string. Keys are views
/// into the request body, which must outlive the interner; long strings, and new strings once the table is full, are
/// copied as before. An open-addressing table with a cheap hash: QHash's seeded hash cost as much as the allocation it
/// saved.
template<typename Value>
class BytesInterner final
{
public:
    static constexpr qsizetype maxLength = 128;
    static constexpr size_t firstSlots = 256; ///< a power of two; doubles at half full
    static constexpr size_t maxEntries = 4096;

    /// Where a string was looked up: its shared copy, or the empty slot it would go to.
    struct Probe
    {
        const Value* known = nullptr;
        size_t slot = size_t(-1); ///< -1: the string is not to be remembered
    };

    Probe find(QByteArrayView bytes) const
    {
        if (bytes.size() > maxLength || bytes.data() == nullptr || m_table.empty())
            return { nullptr, m_table.empty() && bytes.size() <= maxLength && bytes.data() ? 0 : size_t(-1) };
        const size_t mask = m_table.size() - 1;
        for (size_t i = hash(bytes) & mask;; i = (i + 1) & mask) {
            const Slot& slot = m_table[i];
            if (slot.key.data() == nullptr)
                return { nullptr, i };
            if (slot.key.size() == bytes.size() && same(slot.key, bytes))
                return { &slot.value, i };
        }
    }
    /// A copy of `bytes` (looked up with find() and not found), remembered while there is room.
    QByteArray add(QByteArrayView bytes, const Probe& probe) requires std::is_same_v<Value, QByteArray>
    {
        QByteArray copy = bytes.toByteArray();
        remember(bytes, copy, probe);
        return copy;
    }
    /// Remembers `value` as what `bytes` (looked up with find() and not found) stand for.
    void remember(QByteArrayView bytes, const Value& copy, const Probe& probe)
    {
        if (probe.slot == size_t(-1) || m_entries >= maxEntries)
            return;
        if (m_table.empty()) {
            m_table.resize(firstSlots);
            place(Slot { bytes, copy });
        } else if (2 * (m_entries + 1) > m_table.size()) {
            grow();
            place(Slot { bytes, copy });
        } else {
            m_table[probe.slot] = Slot { bytes, copy };
        }
        ++m_entries;
    }

private:
    struct Slot
    {
        QByteArrayView key;
        Value value;
    };

    void place(Slot slot)
    {
        const size_t mask = m_table.size() - 1;
        size_t i = hash(slot.key) & mask;
        while (m_table[i].key.data() != nullptr)
            i = (i + 1) & mask;
        m_table[i] = std::move(slot);
    }
    void grow()
    {
        std::vector<Slot> old(m_table.size() * 2);
        old.swap(m_table);
        for (Slot& slot : old) {
            if (slot.key.data() != nullptr)
                place(std::move(slot));
        }
    }

    /// The first and last eight bytes of a string (zero-padded when shorter).
    static void ends(QByteArrayView bytes, quint64* head, quint64* tail)
    {
        const size_t n = size_t(bytes.size());
        *head = 0;
        *tail = 0;
        if (n > 0)
            std::memcpy(head, bytes.data(), n < 8 ? n : 8);
        if (n > 8)
            std::memcpy(tail, bytes.data() + n - 8, 8);
    }
    /// Equal-sized strings.
    static bool same(QByteArrayView a, QByteArrayView b)
    {
        return std::memcmp(a.data(), b.data(), size_t(a.size())) == 0;
    }
    /// Length, first and last eight bytes, mixed: enough to tell attribute keys and values apart.
    static size_t hash(QByteArrayView bytes)
    {
        quint64 head, tail;
        ends(bytes, &head, &tail);
        const quint64 h = (head ^ (tail * 0x9E3779B97F4A7C15ull) ^ quint64(bytes.size())) * 0xFF51AFD7ED558CCDull;
        return size_t(h ^ (h >> 32));
    }

    std::vector<Slot> m_table;
    size_t m_entries = 0;
};

using StringInterner = BytesInterner<QByteArray>;
