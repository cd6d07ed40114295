#include "jsoncompactstreamparser.h"

#include "clickhouseerror.h"
#include "clickhousemapvalue.h"
#include "common/jsonreader.h"

using namespace Qt::StringLiterals;

namespace {
/// The element types of a Tuple(...) or the element type of an Array(...), top-level commas only.
QList<QStringView> splitTypes(QStringView inner)
{
    QList<QStringView> parts;
    int depth = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i < inner.size(); ++i) {
        const QChar c = inner.at(i);
        if (c == u'(')
            ++depth;
        else if (c == u')')
            --depth;
        else if (c == u',' && depth == 0) {
            parts.append(inner.mid(start, i - start).trimmed());
            start = i + 1;
        }
    }
    parts.append(inner.mid(start).trimmed());
    return parts;
}

} // namespace

QVariant JsonCompactStreamParser::toVariant(const JsonValue& value, QStringView type)
{
    type = ClickHouseColumn::baseType(type);
    switch (value.type()) {
    case JsonValue::Type::Null:
        return {};
    case JsonValue::Type::Bool:
        return value.boolean();
    case JsonValue::Type::Number: {
        // Int128/256 and wide Decimals, printed unquoted by modern servers, stay exact as text;
        // a 64-bit integer is wider than a double too, but fits the readings below. A wide
        // Decimal's fraction would be rounded away by them, so it never gets there.
        const bool wide = JsonCompactRowReader::exceedsDouble(value.text());
        if (!wide || !value.text().contains('.')) {
            qint64 integer = 0;
            if (value.toInt64(&integer))
                return integer;
            quint64 unsignedInteger = 0;
            if (value.toUInt64(&unsignedInteger))
                return unsignedInteger;
        }
        if (wide)
            return QString::fromUtf8(value.text());
        double number = 0;
        value.toDouble(&number);
        return number;
    }
    case JsonValue::Type::String: {
        // ClickHouse quotes 64-bit integers (output_format_json_quote_64bit_integers).
        if (type == u"Int64" || type == u"UInt64") {
            bool ok = false;
            if (type == u"Int64") {
                const qint64 integer = value.text().toLongLong(&ok);
                if (ok)
                    return integer;
            } else {
                const quint64 integer = value.text().toULongLong(&ok);
                if (ok)
                    return integer;
            }
        }
        return QString::fromUtf8(value.text());
    }
    case JsonValue::Type::Array: {
        QVariantList list;
        const QStringView arrayOf = ClickHouseColumn::unwrap(type, u"Array(");
        const QList<QStringView> tupleOf =
            type.startsWith(u"Tuple(") ? splitTypes(ClickHouseColumn::unwrap(type, u"Tuple(")) : QList<QStringView>();
        qsizetype index = 0;
        for (const JsonValue& element : value.elements()) {
            const QStringView elementType = !tupleOf.isEmpty() ? tupleOf.value(index)
                : arrayOf != type                              ? arrayOf
                                                               : QStringView();
            list.append(toVariant(element, elementType));
            ++index;
        }
        return list;
    }
    case JsonValue::Type::Object: {
        // Map(K, V): the values have V's type (a quoted UInt64 inside is a number again).
        const QList<QStringView> keyAndValue =
            type.startsWith(u"Map(") ? splitTypes(ClickHouseColumn::unwrap(type, u"Map(")) : QList<QStringView>();
        const QStringView valueType = keyAndValue.size() == 2 ? keyAndValue.at(1) : QStringView();
        ClickHouseMapValue map;
        map.entries.reserve(value.members().size());
        for (const auto& [key, member] : value.members())
            map.entries.append({ QString::fromUtf8(key), toVariant(member, valueType) });
        return QVariant::fromValue(std::move(map));
    }
    }
    return {};
}

bool JsonCompactStreamParser::fail(const QString& message)
{
    if (m_state != State::Failed)
        m_error = message;
    m_state = State::Failed;
    return false;
}

bool JsonCompactStreamParser::failOnException(QByteArrayView text)
{
    const qsizetype at = QByteArrayView(text).indexOf("Code: ");
    if (at < 0)
        return false;
    int code = 0;
    QString message;
    if (!ClickHouseError::parseExceptionText(QString::fromUtf8(text.sliced(at)).trimmed(), &code, &message))
        return false;
    m_serverCode = code;
    fail(u"the server failed while answering (code %1): %2"_s.arg(code).arg(message));
    return true;
}

bool JsonCompactStreamParser::feed(QByteArrayView chunk)
{
    if (m_state == State::Failed || m_state == State::Done)
        return m_state != State::Failed;
    m_statistics.bytesReceived += chunk.size();
    // Lines are read where they are in the chunk; only the unfinished line is copied.
    qsizetype start = 0;
    if (!m_pending.isEmpty()) {
        const qsizetype newline = chunk.indexOf('\n');
        if (newline < 0) {
            m_pending.append(chunk.data(), chunk.size());
            return true;
        }
        m_pending.append(chunk.data(), newline);
        if (!processLine(std::exchange(m_pending, {})))
            return false;
        start = newline + 1;
    }
    for (;;) {
        const qsizetype newline = chunk.indexOf('\n', start);
        if (newline < 0)
            break;
        if (!processLine(chunk.sliced(start, newline - start)))
            return false;
        start = newline + 1;
    }
    m_pending.append(chunk.data() + start, chunk.size() - start);
    return true;
}

bool JsonCompactStreamParser::processLine(QByteArrayView line)
{
    switch (m_state) {
    case State::Header:
        if (line.trimmed() == "\"data\":")
            return parseHeader();
        m_header.append(line.data(), line.size()).append('\n');
        if (m_header.size() > 16 << 20)
            return fail(u"the answer's header is longer than 16 MiB: this is not a JSONCompact result"_s);
        return true;
    case State::Data: {
        const QByteArrayView trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed == "[")
            return true;
        if (trimmed == "]" || trimmed == "],") {
            m_state = State::Tail;
            return true;
        }
        QByteArrayView row = trimmed;
        if (row.endsWith(','))
            row.chop(1);
        if (m_rowReader.read(row, &m_rows)) {
            rowAdded();
            return true;
        }
        JsonValue value;
        JsonReader reader;
        if (!reader.parse(row, &value) || !value.isArray()) {
            if (failOnException(line))
                return false;
            return fail(u"row %1 is not a JSON array: %2"_s.arg(m_statistics.rows + 1).arg(reader.error()));
        }
        qsizetype column = 0;
        for (const JsonValue& element : value.elements()) {
            m_rows.appendVariant(
                toVariant(element, column < m_columns.size() ? QStringView(m_columns.at(column).type) : QStringView()));
            ++column;
        }
        m_rows.endRow();
        rowAdded();
        return true;
    }
    case State::Tail:
        m_tail.append(line.data(), line.size()).append('\n');
        return true;
    case State::Done:
    case State::Failed:
        break;
    }
    return m_state != State::Failed;
}

void JsonCompactStreamParser::rowAdded()
{
    ++m_statistics.rows;
    if (m_rows.rowCount() == maxRowsPerBlock)
        m_fullBlocks.append(std::exchange(m_rows, ResultRows(int(m_columns.size()))));
}

QList<ResultRows> JsonCompactStreamParser::takeBlocks()
{
    QList<ResultRows> blocks = std::exchange(m_fullBlocks, {});
    if (!m_rows.isEmpty())
        blocks.append(std::exchange(m_rows, ResultRows(int(m_columns.size()))));
    return blocks;
}

bool JsonCompactStreamParser::parseHeader()
{
    // "{ "meta": [...], " up to the data: close it and read it as JSON.
    QByteArray text = m_header.trimmed();
    if (text.endsWith(','))
        text.chop(1);
    text.append('}');
    JsonValue header;
    JsonReader reader;
    if (!reader.parse(text, &header))
        return failOnException(m_header) ? false : fail(u"cannot read the result's header: "_s + reader.error());
    const JsonValue* meta = header.member("meta");
    if (!meta || !meta->isArray())
        return fail(u"the result has no column list (\"meta\")"_s);
    for (const JsonValue& column : meta->elements()) {
        const JsonValue* name = column.member("name");
        const JsonValue* type = column.member("type");
        m_columns.append(
            { name ? QString::fromUtf8(name->text()) : QString(), type ? QString::fromUtf8(type->text()) : QString() });
    }
    QStringList types;
    for (const ClickHouseColumn& column : std::as_const(m_columns))
        types.append(column.type);
    m_rowReader = JsonCompactRowReader(types);
    m_rows = ResultRows(int(m_columns.size()));
    m_header.clear();
    m_state = State::Data;
    return true;
}

bool JsonCompactStreamParser::parseTail()
{
    QByteArray text = m_tail.trimmed();
    JsonValue tail;
    JsonReader reader;
    text.prepend('{');
    if (!reader.parse(text, &tail))
        return failOnException(m_tail) ? false
                                       : fail(u"the result ends in something that is not JSON: "_s + reader.error());
    // Modern servers put an exception raised mid-answer into the JSON itself.
    if (const JsonValue* exception = tail.member("exception")) {
        if (!failOnException(exception->text()))
            fail(u"the server failed while answering: "_s + QString::fromUtf8(exception->text()));
        return false;
    }
    if (const JsonValue* statistics = tail.member("statistics")) {
        if (const JsonValue* elapsed = statistics->member("elapsed"))
            elapsed->toDouble(&m_statistics.elapsedSeconds);
        if (const JsonValue* rows = statistics->member("rows_read"))
            rows->toInt64(&m_statistics.rowsRead);
        if (const JsonValue* bytes = statistics->member("bytes_read"))
            bytes->toInt64(&m_statistics.bytesRead);
    }
    if (const JsonValue* before = tail.member("rows_before_limit_at_least"))
        before->toInt64(&m_statistics.rowsBeforeLimit);
    m_state = State::Done;
    return true;
}

bool JsonCompactStreamParser::finish()
{
    if (m_state == State::Failed)
        return false;
    if (!m_pending.isEmpty()) {
        const QByteArray rest = std::exchange(m_pending, {});
        if (!processLine(rest))
            return false;
    }
    // A statement without a result (CREATE, INSERT, DROP, ...) is answered with no body at all.
    if (m_state == State::Header && m_header.trimmed().isEmpty()) {
        m_state = State::Done;
        return true;
    }
    if (m_state == State::Header)
        return failOnException(m_header) ? false : fail(u"the answer ended before its data began"_s);
    if (m_state == State::Data)
        return fail(u"the answer ended in the middle of the data (after %1 rows)"_s.arg(m_statistics.rows));
    if (m_state == State::Tail)
        return parseTail();
    return true;
}
