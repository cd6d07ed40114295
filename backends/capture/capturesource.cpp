#include "capturesource.h"

#include "common/gzip.h"
#include "common/gzipinflatestream.h"
#include "common/zstd.h"

using namespace Qt::StringLiterals;

namespace {
constexpr qsizetype fileChunkBytes = 256 * 1024;
/// Compressed input is fed in slices this small, so one slice cannot expand without bound.
constexpr qsizetype inflateSliceBytes = 16 * 1024;

bool isBlank(QByteArrayView line)
{
    for (const char c : line) {
        if (c != ' ' && c != '\t' && c != '\r')
            return false;
    }
    return true;
}
} // namespace

CaptureSource::CaptureSource() = default;
CaptureSource::~CaptureSource() = default;

bool CaptureSource::open(const QString& path, QString* error)
{
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly)) {
        *error = u"cannot open %1: %2"_s.arg(path, m_file.errorString());
        return false;
    }
    m_fileSize = m_file.size();
    const QByteArray head = m_file.peek(4);
    if (Gzip::hasGzipMagic(head)) {
        m_compression = Compression::Gzip;
        m_gzip = std::make_unique<GzipInflateStream>();
    } else if (Zstd::hasMagic(head)) {
        m_compression = Compression::Zstd;
        m_zstd = std::make_unique<ZstdInflateStream>();
    }
    // The framing shows in the first decompressed bytes: JSON Lines begin with an object (after a
    // byte order mark or blank lines, perhaps); length-prefixed messages with a length.
    while (m_buffer.size() < 4 && fill()) { }
    if (!m_error.isEmpty()) {
        *error = m_error;
        return false;
    }
    qsizetype at = m_buffer.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (at < m_buffer.size() && (m_buffer[at] == ' ' || m_buffer[at] == '\n' || m_buffer[at] == '\r'))
        ++at;
    m_framing = m_buffer.size() >= 4 && m_buffer.at(at) != '{' ? Framing::LengthPrefixed : Framing::Lines;
    if (m_framing == Framing::Lines && m_buffer.startsWith("\xEF\xBB\xBF"))
        m_bufferStart = 3;
    return true;
}

bool CaptureSource::fill()
{
    if (m_atEnd || !m_error.isEmpty())
        return false;
    // Drop what was framed already before the buffer grows.
    if (m_bufferStart > 0 && m_bufferStart >= m_buffer.size() / 2) {
        m_buffer.remove(0, m_bufferStart);
        m_bufferStart = 0;
    }
    const QByteArray chunk = m_file.read(m_compression == Compression::None ? fileChunkBytes : inflateSliceBytes);
    if (chunk.isEmpty()) {
        m_atEnd = true;
        if (m_file.error() != QFileDevice::NoError)
            fail(u"cannot read %1: %2"_s.arg(m_file.fileName(), m_file.errorString()));
        else if (m_gzip && !m_gzip->finish())
            fail(m_gzip->error());
        else if (m_zstd && !m_zstd->finish())
            fail(m_zstd->error());
        return false;
    }
    m_fileBytesRead += chunk.size();
    switch (m_compression) {
    case Compression::None:
        m_buffer.append(chunk);
        break;
    case Compression::Gzip:
        if (!m_gzip->feed(chunk, &m_buffer)) {
            fail(m_gzip->error());
            return false;
        }
        break;
    case Compression::Zstd:
        if (!m_zstd->feed(chunk, &m_buffer, m_buffer.size() + 2 * m_maxItemBytes)) {
            fail(m_zstd->error());
            return false;
        }
        break;
    }
    return true;
}

bool CaptureSource::takeLine(QList<CaptureItem>* items)
{
    for (;;) {
        const qsizetype newline = m_buffer.indexOf('\n', m_bufferStart);
        if (newline < 0) {
            const qsizetype pending = m_buffer.size() - m_bufferStart;
            if (m_skippingLongLine) {
                m_bufferStart = m_buffer.size(); // more of a line already reported
                return false;
            }
            if (pending > m_maxItemBytes) {
                // Too long to keep: reported once, then its bytes are dropped up to its end.
                items->append({ ++m_itemNumber, {}, u"line longer than %1 bytes: skipped"_s.arg(m_maxItemBytes) });
                m_skippingLongLine = true;
                m_bufferStart = m_buffer.size();
                return true;
            }
            if (!m_atEnd)
                return false;
            if (pending == 0)
                return false;
            // The last line has no newline after it.
        }
        const qsizetype end = newline < 0 ? m_buffer.size() : newline;
        const QByteArrayView line(m_buffer.constData() + m_bufferStart, end - m_bufferStart);
        m_bufferStart = newline < 0 ? m_buffer.size() : newline + 1;
        if (m_skippingLongLine) {
            m_skippingLongLine = false;
            continue;
        }
        ++m_itemNumber;
        if (isBlank(line))
            continue;
        items->append({ m_itemNumber, (line.endsWith('\r') ? line.chopped(1) : line).toByteArray(), {} });
        return true;
    }
}

bool CaptureSource::takeMessage(QList<CaptureItem>* items)
{
    const qsizetype pending = m_buffer.size() - m_bufferStart;
    if (pending == 0)
        return false;
    const auto* head = reinterpret_cast<const uchar*>(m_buffer.constData() + m_bufferStart);
    if (pending < 4) {
        if (m_atEnd) {
            items->append({ ++m_itemNumber, {}, u"the file ends inside a message's length"_s });
            m_bufferStart = m_buffer.size();
            return true;
        }
        return false;
    }
    const quint32 length = (quint32(head[0]) << 24) | (quint32(head[1]) << 16) | (quint32(head[2]) << 8) | head[3];
    if (qsizetype(length) > m_maxItemBytes) {
        // A length-prefixed stream cannot be resynchronised after a wrong length.
        fail(
            u"message %1 claims %2 bytes, more than the limit of %3: the file is not in the file exporter's format, or is corrupt"_s
                .arg(m_itemNumber + 1)
                .arg(length)
                .arg(m_maxItemBytes));
        return false;
    }
    if (pending < 4 + qsizetype(length)) {
        if (m_atEnd) {
            items->append({ ++m_itemNumber, {},
                u"the file ends inside a message (%1 of %2 bytes)"_s.arg(pending - 4).arg(length) });
            m_bufferStart = m_buffer.size();
            return true;
        }
        return false;
    }
    items->append({ ++m_itemNumber, m_buffer.mid(m_bufferStart + 4, length), {} });
    m_bufferStart += 4 + qsizetype(length);
    return true;
}

bool CaptureSource::read(QList<CaptureItem>* items, qsizetype budgetBytes)
{
    qsizetype taken = 0;
    const qsizetype before = items->size();
    while (taken < budgetBytes && m_error.isEmpty()) {
        const qsizetype count = items->size();
        const bool got = m_framing == Framing::Lines ? takeLine(items) : takeMessage(items);
        if (got) {
            taken += items->at(count).bytes.size() + 1;
            continue;
        }
        if (!fill() && (m_atEnd || !m_error.isEmpty())) {
            // One more pass frames what the end of the file completes.
            if (m_error.isEmpty() && (m_framing == Framing::Lines ? takeLine(items) : takeMessage(items)))
                continue;
            break;
        }
    }
    return items->size() > before;
}
