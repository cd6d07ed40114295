#include "queryoutputdevice.h"

#include <cstring>

using namespace Qt::StringLiterals;

namespace {
bool isNumericType(QStringView type)
{
    if (type.startsWith(u"Nullable("))
        type = type.mid(9);
    return type.startsWith(u"Int") || type.startsWith(u"UInt") || type.startsWith(u"Float")
        || type.startsWith(u"Decimal");
}

QStringList tsvFields(QByteArrayView line)
{
    QStringList fields;
    qsizetype start = 0;
    while (true) {
        const qsizetype tab = line.indexOf('\t', start);
        const QByteArrayView field = line.sliced(start, (tab < 0 ? line.size() : tab) - start);
        // Escapes (\t, \n, \\) stay visible, as ClickHouse's own client shows them; \N is NULL.
        fields.append(field == "\\N" ? u"NULL"_s : QString::fromUtf8(field));
        if (tab < 0)
            return fields;
        start = tab + 1;
    }
}
} // namespace

std::optional<QueryOutputDevice::Format> QueryOutputDevice::formatFromName(QStringView name)
{
    if (name == u"table")
        return Format::Table;
    if (name == u"csv")
        return Format::Csv;
    if (name == u"tsv")
        return Format::Tsv;
    if (name == u"json")
        return Format::Json;
    if (name == u"jsonl")
        return Format::JsonLines;
    return std::nullopt;
}

QString QueryOutputDevice::clickHouseFormat(Format format)
{
    switch (format) {
    case Format::Table:
        return u"TabSeparatedWithNamesAndTypes"_s;
    case Format::Csv:
        return u"CSVWithNames"_s;
    case Format::Tsv:
        return u"TabSeparatedWithNames"_s;
    case Format::Json:
    case Format::JsonLines:
        break;
    }
    return u"JSONEachRow"_s;
}

QueryOutputDevice::QueryOutputDevice(Format format, QIODevice* out, qint64 maxRows, QObject* parent)
    : QIODevice(parent)
    , m_format(format)
    , m_out(out)
    , m_maxRows(maxRows)
    , m_headerLines(format == Format::Table ? 2 : (format == Format::Csv || format == Format::Tsv ? 1 : 0))
{
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

qint64 QueryOutputDevice::readData(char*, qint64)
{
    return -1;
}

qint64 QueryOutputDevice::writeData(const char* data, qint64 length)
{
    if (m_failed)
        return -1;
    // After the limit the rest of the answer is dropped, as if written, while the query stops.
    if (!m_limitReached && !(m_format == Format::Table ? collectTable(data, length) : passLines(data, length)))
        return -1;
    return length;
}

bool QueryOutputDevice::put(QByteArrayView bytes)
{
    if (bytes.isEmpty() || m_failed)
        return !m_failed;
    if (m_out->write(bytes.data(), bytes.size()) != bytes.size()) {
        setErrorString(m_out->errorString());
        m_failed = true;
    }
    return !m_failed;
}

void QueryOutputDevice::reachLimit()
{
    m_limitReached = true;
    Q_EMIT limitReached();
}

bool QueryOutputDevice::passLines(const char* data, qint64 length)
{
    const bool json = m_format == Format::Json;
    const bool csv = m_format == Format::Csv;
    qint64 from = 0; // the start of what is still to be written
    for (qint64 at = 0; at < length; ++at) {
        if (m_lineStart) {
            m_lineStart = false;
            if (json && m_headerLines == 0) { // a row begins: it follows the array's opening or a comma
                if (!put(QByteArrayView(data + from, at - from)) || !put(m_rows == 0 ? "[\n" : ",\n"))
                    return false;
                from = at;
            }
        }
        if (csv) {
            // A quoted field may hold newlines; "" inside it toggles twice and changes nothing.
            const char* stop = static_cast<const char*>(std::memchr(data + at, m_inQuotes ? '"' : '\n', length - at));
            const char* quote = m_inQuotes
                ? stop
                : static_cast<const char*>(std::memchr(data + at, '"', (stop ? stop : data + length) - (data + at)));
            if (quote) {
                at = quote - data;
                m_inQuotes = !m_inQuotes;
                continue;
            }
            if (!stop)
                break;
            at = stop - data;
        } else {
            const char* stop = static_cast<const char*>(std::memchr(data + at, '\n', length - at));
            if (!stop)
                break;
            at = stop - data;
        }
        // A line ends at `at`.
        m_lineStart = true;
        if (m_headerLines > 0) {
            --m_headerLines;
            continue;
        }
        ++m_rows;
        if (json) { // the row's newline becomes part of the separator before the next one
            if (!put(QByteArrayView(data + from, at - from)))
                return false;
            from = at + 1;
        }
        if (m_maxRows >= 0 && m_rows >= m_maxRows) {
            if (!put(QByteArrayView(data + from, at + 1 - from)))
                return false;
            reachLimit();
            return true;
        }
    }
    return put(QByteArrayView(data + from, length - from));
}

bool QueryOutputDevice::collectTable(const char* data, qint64 length)
{
    qint64 from = 0;
    while (from < length && !m_limitReached) {
        const char* stop = static_cast<const char*>(std::memchr(data + from, '\n', length - from));
        if (!stop) {
            m_pending.append(data + from, length - from);
            break;
        }
        const qint64 end = stop - data;
        if (m_pending.isEmpty()) {
            addTableLine(QByteArrayView(data + from, end - from));
        } else {
            m_pending.append(data + from, end - from);
            addTableLine(m_pending);
            m_pending.clear();
        }
        from = end + 1;
    }
    return m_block.size() < tableBlockRows && !m_limitReached ? true : flushTable();
}

void QueryOutputDevice::addTableLine(QByteArrayView line)
{
    QStringList fields = tsvFields(line);
    if (m_headerLines == 2) {
        m_columns = fields;
        m_widths.clear();
        for (const QString& name : std::as_const(m_columns))
            m_widths.append(name.size());
    } else if (m_headerLines == 1) {
        for (const QString& type : std::as_const(fields))
            m_rightAligned.append(isNumericType(type));
    }
    if (m_headerLines > 0) {
        --m_headerLines;
        return;
    }
    for (qsizetype column = 0; column < fields.size() && column < m_widths.size(); ++column)
        m_widths[column] = qMax(m_widths[column], fields[column].size());
    m_block.append(std::move(fields));
    ++m_rows;
    if (m_maxRows >= 0 && m_rows >= m_maxRows)
        reachLimit();
}

bool QueryOutputDevice::flushTable()
{
    const auto line = [this](const QStringList& cells) -> QByteArray {
        QString text;
        for (qsizetype column = 0; column < cells.size(); ++column) {
            const qsizetype width = column < m_widths.size() ? m_widths[column] : 0;
            const bool right = column < m_rightAligned.size() && m_rightAligned[column];
            if (column > 0)
                text += u"  "_s;
            const bool last = column + 1 == cells.size();
            text += right ? cells[column].rightJustified(width)
                          : (last ? cells[column] : cells[column].leftJustified(width));
        }
        text += u'\n';
        return text.toUtf8();
    };
    QByteArray out;
    if (!m_headerPrinted && !m_columns.isEmpty()) {
        m_headerPrinted = true;
        out += line(m_columns);
        QStringList rules;
        for (const qsizetype width : std::as_const(m_widths))
            rules.append(QString(width, u'-'));
        out += line(rules);
    }
    for (const QStringList& row : std::as_const(m_block))
        out += line(row);
    m_block.clear();
    return put(out);
}

bool QueryOutputDevice::finish()
{
    switch (m_format) {
    case Format::Table:
        if (!m_pending.isEmpty() && !m_limitReached) { // a last line without its newline
            addTableLine(m_pending);
            m_pending.clear();
        }
        return flushTable();
    case Format::Json:
        return put(m_rows == 0 ? "[]\n" : "\n]\n");
    case Format::Csv:
    case Format::Tsv:
    case Format::JsonLines:
        break;
    }
    return !m_failed;
}
