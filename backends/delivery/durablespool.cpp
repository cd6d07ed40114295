#include "durablespool.h"

#include <QDataStream>
#include <QDir>
#include <QFileInfo>
#include <QtEndian>

#include <unistd.h>
#include <zlib.h>

using namespace Qt::StringLiterals;

namespace {
constexpr char magic[4] = { 'A', 'W', 'S', '1' };
constexpr qint64 headerSize = 16;
constexpr quint8 batchFrame = 1;
constexpr quint8 ackFrame = 2;

quint32 crc(const QByteArray& data)
{
    return static_cast<quint32>(
        crc32(0L, reinterpret_cast<const Bytef*>(data.constData()), static_cast<uInt>(data.size())));
}

QByteArray encodeBatch(const DeliveryBatch& batch)
{
    // RowBinary depends on the table's types at the time: its owner spools such rows as text.
    Q_ASSERT(!batch.isRowBinary());
    QByteArray payload;
    QDataStream out(&payload, QIODevice::WriteOnly);
    out.setByteOrder(QDataStream::LittleEndian);
    out << quint64(batch.sequence) << qint64(batch.createdAtMs) << batch.destination.toUtf8()
        << quint32(batch.keys.size());
    for (const QByteArray& key : batch.keys)
        out << key;
    out << batch.rows;
    return payload;
}

bool decodeBatch(const QByteArray& payload, DeliveryBatch* batch)
{
    QDataStream in(payload);
    in.setByteOrder(QDataStream::LittleEndian);
    quint64 sequence = 0;
    qint64 created = 0;
    QByteArray destination;
    quint32 keyCount = 0;
    in >> sequence >> created >> destination >> keyCount;
    if (in.status() != QDataStream::Ok || keyCount > quint32(payload.size()))
        return false;
    batch->sequence = sequence;
    batch->createdAtMs = created;
    batch->destination = QString::fromUtf8(destination);
    batch->keys.clear();
    batch->keys.reserve(keyCount);
    for (quint32 i = 0; i < keyCount; ++i) {
        QByteArray key;
        in >> key;
        batch->keys.append(key);
    }
    in >> batch->rows;
    return in.status() == QDataStream::Ok && in.atEnd();
}
} // namespace

DurableSpool::DurableSpool(QString path, qint64 maxBytes)
    : m_path(std::move(path))
    , m_maxBytes(maxBytes)
    , m_file(m_path)
{ }

DurableSpool::~DurableSpool() = default;

qint64 DurableSpool::pendingRows() const
{
    qint64 rows = 0;
    for (const Entry& entry : m_pending)
        rows += entry.rows;
    return rows;
}

bool DurableSpool::open(QString* error, QString* warning)
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    if (!m_file.open(QIODevice::ReadWrite)) {
        *error = u"cannot open the spool %1: %2"_s.arg(m_path, m_file.errorString());
        return false;
    }
    m_pending.clear();
    m_nextSequence = 1;
    const qint64 fileSize = m_file.size();
    qint64 offset = 0;
    QString damage;
    while (offset < fileSize) {
        m_file.seek(offset);
        const QByteArray header = m_file.read(headerSize);
        if (header.size() < headerSize || !header.startsWith(QByteArrayView(magic, 4))) {
            damage = u"%1 bytes that are not a spool frame"_s.arg(fileSize - offset);
            break;
        }
        const quint8 type = static_cast<quint8>(header.at(4));
        const quint32 length = qFromLittleEndian<quint32>(header.constData() + 8);
        const quint32 checksum = qFromLittleEndian<quint32>(header.constData() + 12);
        if (qint64(length) > fileSize - offset - headerSize) {
            damage = u"a frame cut short (%1 of %2 bytes)"_s.arg(fileSize - offset - headerSize).arg(length);
            break;
        }
        const QByteArray payload = m_file.read(length);
        if (crc(payload) != checksum) {
            damage = u"a frame whose checksum does not match"_s;
            break;
        }
        if (type == batchFrame) {
            DeliveryBatch batch;
            if (!decodeBatch(payload, &batch)) {
                damage = u"a batch frame that does not parse"_s;
                break;
            }
            m_pending.append({ batch.sequence, offset + headerSize, length, batch.rowCount(), batch.createdAtMs });
            m_nextSequence = qMax(m_nextSequence, batch.sequence + 1);
        } else if (type == ackFrame && payload.size() == 8) {
            const quint64 sequence = qFromLittleEndian<quint64>(payload.constData());
            m_pending.removeIf([sequence](const Entry& entry) { return entry.sequence == sequence; });
        }
        offset += headerSize + length;
    }
    if (!damage.isEmpty()) {
        // Only the last write can be torn (every frame is synced before the next one starts).
        if (warning)
            *warning = u"spool %1: discarded %2 at byte %3 (an interrupted write)"_s.arg(m_path, damage).arg(offset);
        m_file.resize(offset);
    }
    m_size = offset;
    if (m_pending.isEmpty() && m_size > 0) {
        m_file.resize(0);
        m_size = 0;
    }
    return true;
}

QByteArray DurableSpool::frame(quint8 type, const QByteArray& payload)
{
    QByteArray frame(headerSize, '\0');
    std::memcpy(frame.data(), magic, 4);
    frame[4] = static_cast<char>(type);
    qToLittleEndian(quint32(payload.size()), frame.data() + 8);
    qToLittleEndian(crc(payload), frame.data() + 12);
    frame += payload;
    return frame;
}

bool DurableSpool::writeFrame(quint8 type, const QByteArray& payload, QString* error)
{
    return writeFrames(frame(type, payload), error);
}

bool DurableSpool::writeFrames(const QByteArray& frames, QString* error)
{
    m_file.seek(m_size);
    if (m_file.write(frames) != frames.size() || !m_file.flush() || ::fdatasync(m_file.handle()) != 0) {
        *error = u"cannot write the spool %1: %2"_s.arg(m_path, m_file.errorString());
        m_file.resize(m_size); // leave no torn frame behind
        return false;
    }
    m_size += frames.size();
    return true;
}

bool DurableSpool::append(DeliveryBatch* batch, QString* error)
{
    const quint64 sequence = m_nextSequence;
    batch->sequence = sequence;
    const QByteArray payload = encodeBatch(*batch);
    if (m_size + headerSize + payload.size() > m_maxBytes) {
        *error = u"the spool %1 is full: %2 of %3 bytes used, a batch of %4 rows does not fit"_s.arg(m_path)
                     .arg(m_size)
                     .arg(m_maxBytes)
                     .arg(batch->rowCount());
        return false;
    }
    const qint64 payloadOffset = m_size + headerSize;
    if (!writeFrame(batchFrame, payload, error))
        return false;
    ++m_nextSequence;
    m_pending.append({ sequence, payloadOffset, quint32(payload.size()), batch->rowCount(), batch->createdAtMs });
    return true;
}

bool DurableSpool::couldEverHold(const DeliveryBatch& batch) const
{
    return headerSize + encodeBatch(batch).size() <= m_maxBytes;
}

std::optional<DeliveryBatch> DurableSpool::at(qsizetype index, QString* error)
{
    if (index < 0 || index >= m_pending.size())
        return std::nullopt;
    const Entry& entry = m_pending.at(index);
    m_file.seek(entry.offset);
    const QByteArray payload = m_file.read(entry.length);
    DeliveryBatch batch;
    if (payload.size() != qint64(entry.length) || !decodeBatch(payload, &batch)) {
        *error = u"cannot read batch %1 back from the spool %2"_s.arg(entry.sequence).arg(m_path);
        return std::nullopt;
    }
    return batch;
}

bool DurableSpool::acknowledgeFront(QString* error, qsizetype count)
{
    count = qMin(count, m_pending.size());
    if (count <= 0)
        return true;
    QByteArray frames;
    for (qsizetype i = 0; i < count; ++i) {
        QByteArray payload(8, '\0');
        qToLittleEndian(m_pending.at(i).sequence, payload.data());
        frames += frame(ackFrame, payload);
    }
    if (!writeFrames(frames, error))
        return false;
    m_pending.remove(0, count);
    if (m_pending.isEmpty()) {
        // Everything delivered: start the file over so it never grows across outages.
        m_file.resize(0);
        m_size = 0;
        ::fdatasync(m_file.handle());
    }
    return true;
}
