#include "clickhouse/clickhouseschemadefinition.h"
#include "common/shortcopy.h"
#include "delivery/deliverybatch.h"
#include "recordsamples.h"
#include "telemetry/clickhouserowmapper.h"
#include "telemetry/rowbinaryjson.h"
#include "telemetry/rowbinarylayout.h"
#include "telemetry/rowbinarywriter.h"

#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Dialect = ClickHouseRowMapper::Dialect;
using Kind = RowBinaryLayout::Kind;
using Table = ClickHouseRowMapper::Table;

namespace {
/// The column types of `table` as the schema the workbench installs declares them, read from its
/// CREATE TABLE (a Nested column gives its parts, as system.columns does).
QHash<QString, QString> schemaTypes(Dialect dialect, const QString& table)
{
    const auto serverDialect =
        dialect == Dialect::Modern ? ClickHouseServerInfo::Dialect::Modern : ClickHouseServerInfo::Dialect::Legacy;
    QHash<QString, QString> types;
    for (const QString& statement : ClickHouseSchemaDefinition::load(serverDialect, u"db"_s).statements()) {
        if (!statement.contains(u"CREATE TABLE IF NOT EXISTS db.%1 ("_s.arg(table)))
            continue;
        const QString body = statement.section(u'(', 1).section(u") ENGINE"_s, 0, 0);
        // Split at the commas outside parentheses.
        QStringList parts;
        int depth = 0;
        QString part;
        for (const QChar c : body) {
            depth += c == u'(' ? 1 : c == u')' ? -1 : 0;
            if (c == u',' && depth == 0) {
                parts.append(part.trimmed());
                part.clear();
            } else {
                part += c;
            }
        }
        parts.append(part.trimmed());
        for (const QString& definition : std::as_const(parts)) {
            const QString name = definition.section(u' ', 0, 0);
            if (name.isEmpty() || name == u"INDEX"_s)
                continue;
            // The type runs to the first space outside parentheses (then DEFAULT, CODEC, ...).
            QString type;
            depth = 0;
            for (const QChar c : definition.mid(name.size() + 1)) {
                depth += c == u'(' ? 1 : c == u')' ? -1 : 0;
                if (c == u' ' && depth == 0)
                    break;
                type += c;
            }
            if (type.startsWith(u"Nested("_s)) {
                for (const QString& field : type.mid(7).chopped(1).split(u", "_s))
                    types.insert(name + u'.' + field.section(u' ', 0, 0), u"Array(%1)"_s.arg(field.section(u' ', 1)));
            } else {
                types.insert(name, type);
            }
        }
    }
    return types;
}

RowBinaryLayout layoutOf(const ClickHouseRowMapper& mapper, Table table)
{
    static const char* const names[] = { "traces", "metrics", "logs" };
    RowBinaryLayout layout;
    if (!RowBinaryLayout::forColumns(
            mapper.columns(table), schemaTypes(mapper.dialect(), QString::fromLatin1(names[int(table)])), &layout))
        qFatal("the schema of %s has no RowBinary layout", names[int(table)]);
    return layout;
}

/// JSONEachRow has no NaN: the mapper writes null, which the server reads as the column's 0, and
/// RowBinary stores that 0 directly.
QByteArray nullsAsZero(const QByteArray& json)
{
    QByteArray out;
    bool inString = false;
    for (qsizetype at = 0; at < json.size(); ++at) {
        const char c = json.at(at);
        if (inString && c == '\\') {
            out += json.mid(at, 2);
            ++at;
            continue;
        }
        if (c == '"')
            inString = !inString;
        if (!inString && json.mid(at, 4) == "null") {
            out += '0';
            at += 3;
            continue;
        }
        out += c;
    }
    return out;
}

/// Spans with what tends to break a row format: quotes, unicode, a 200 kB value, 300 attributes
/// (counts above 127 take more than one byte), a duplicate key, extreme integers.
QList<SpanRecord> awkwardSpans()
{
    QList<SpanRecord> spans = RecordSamples::realisticEvents(10) + RecordSamples::spans();
    spans[0].statusCode = Otlp::StatusCode::Error;
    spans[0].statusMessage = "boom: \"quoted\", \\ backslash, tab\there, new\nline";
    spans[1].attributes.append({ QByteArray("unicode.ключ ✓"), AttributeValue::fromString(u"valor ação 日本 🚀"_s) });
    spans[2].attributes.append({ QByteArray("very.long"), AttributeValue::fromString(QByteArray(200'000, 'x')) });
    for (int index = 0; index < 300; ++index)
        spans[3].attributes.append(
            { "key." + QByteArray::number(index), AttributeValue::fromString(QByteArray::number(index * 7)) });
    spans[4].attributes.append({ QByteArray("number"), AttributeValue::fromInt(-9'223'372'036'854'775'807LL) });
    spans[4].attributes.append(spans[4].attributes.first());
    return spans;
}

template<typename Record>
void compareFormats(const ClickHouseRowMapper& mapper, Table table, const QList<Record>& records,
    QByteArray (ClickHouseRowMapper::*json)(QByteArray&, const Record&) const,
    QByteArray (ClickHouseRowMapper::*binary)(RowBinaryWriter&, const Record&) const)
{
    const RowBinaryLayout layout = layoutOf(mapper, table);
    QCOMPARE(layout.columns().size(), mapper.columns(table).size());
    for (const Record& record : records) {
        QByteArray text;
        const QByteArray textKey = (mapper.*json)(text, record);
        QByteArray bytes = "left alone";
        RowBinaryWriter writer(bytes, layout);
        const QByteArray binaryKey = (mapper.*binary)(writer, record);
        writer.finish();
        QVERIFY2(writer.error().isEmpty(), qPrintable(writer.error()));
        QCOMPARE(bytes.size(), writer.size());
        QVERIFY(bytes.startsWith("left alone"));
        QByteArray back;
        QString error;
        QVERIFY2(
            RowBinaryJson::toJsonLines(layout, QByteArrayView(bytes).sliced(10), &back, &error), qPrintable(error));
        // Metric and log ids are made per row: the same row has another id each time.
        if (textKey != binaryKey)
            back.replace(binaryKey, textKey);
        const QByteArray expected = nullsAsZero(text);
        qsizetype differs = 0;
        while (differs < qMin(back.size(), expected.size()) && back.at(differs) == expected.at(differs))
            ++differs;
        QVERIFY2(back == expected,
            qPrintable(u"differs at byte %1: %2 / %3"_s.arg(differs).arg(
                QString::fromUtf8(back.mid(differs - 40, 120)), QString::fromUtf8(expected.mid(differs - 40, 120)))));
    }
}
} // namespace

class TestRowBinary final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseType_data();
    void parseType();
    void rowsReadBackAsTheMappersText_data();
    void rowsReadBackAsTheMappersText();
    void aLayoutThatDoesNotFitIsAnError();
    void truncatedRowsAreAnErrorWithTheRowNumber();
    void batchesKeepRowBoundaries();
    void shortCopiesStayInsideTheirBytes();
    void namesAreCheckedWhereTheirAddressChanges();
};

void TestRowBinary::parseType_data()
{
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<bool>("known");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<Kind>("element");
    QTest::addRow("String") << QByteArray("String") << true << Kind::String << Kind::String;
    QTest::addRow("UInt64") << QByteArray("UInt64") << true << Kind::UInt64 << Kind::String;
    QTest::addRow("Int64") << QByteArray("Int64") << true << Kind::Int64 << Kind::String;
    QTest::addRow("Float64") << QByteArray("Float64") << true << Kind::Float64 << Kind::String;
    QTest::addRow("DateTime") << QByteArray("DateTime") << true << Kind::DateTime << Kind::String;
    QTest::addRow("DateTime with zone") << QByteArray("DateTime('UTC')") << true << Kind::DateTime << Kind::String;
    QTest::addRow("LowCardinality") << QByteArray("LowCardinality(String)") << true << Kind::String << Kind::String;
    QTest::addRow("Enum8") << QByteArray("Enum8('GAUGE' = 1, 'it\\'s' = 2, 'x''y' = -3)") << true << Kind::Enum8
                           << Kind::String;
    QTest::addRow("Array(Float64)") << QByteArray("Array(Float64)") << true << Kind::Array << Kind::Float64;
    QTest::addRow("Map(String, Float64)") << QByteArray("Map(String, Float64)") << true << Kind::Map << Kind::Float64;
    QTest::addRow("Nullable") << QByteArray("Nullable(String)") << false << Kind::String << Kind::String;
    QTest::addRow("FixedString") << QByteArray("FixedString(16)") << false << Kind::String << Kind::String;
    QTest::addRow("DateTime64") << QByteArray("DateTime64(9)") << false << Kind::String << Kind::String;
    QTest::addRow("Decimal") << QByteArray("Decimal(10, 2)") << false << Kind::String << Kind::String;
    QTest::addRow("Map with number keys") << QByteArray("Map(UInt64, String)") << false << Kind::String << Kind::String;
    QTest::addRow("Array of arrays") << QByteArray("Array(Array(String))") << false << Kind::String << Kind::String;
    QTest::addRow("Enum8 without a value") << QByteArray("Enum8('A')") << false << Kind::String << Kind::String;
}

void TestRowBinary::parseType()
{
    QFETCH(QByteArray, type);
    QFETCH(bool, known);
    RowBinaryLayout::Column column;
    QCOMPARE(RowBinaryLayout::parseType(type, &column), known);
    if (!known)
        return;
    QFETCH(Kind, kind);
    QFETCH(Kind, element);
    QCOMPARE(column.kind, kind);
    if (kind == Kind::Array || kind == Kind::Map)
        QCOMPARE(column.element, element);
    if (kind == Kind::Enum8) {
        qint16 value = 0;
        QVERIFY(RowBinaryLayout::enumValue(column, "it's", &value));
        QCOMPARE(value, 2);
        QVERIFY(RowBinaryLayout::enumValue(column, "x'y", &value));
        QCOMPARE(value, -3);
        QCOMPARE(RowBinaryLayout::enumName(column, 1), QByteArray("GAUGE"));
    }
}

void TestRowBinary::rowsReadBackAsTheMappersText_data()
{
    QTest::addColumn<Dialect>("dialect");
    QTest::addColumn<Table>("table");
    for (const Dialect dialect : { Dialect::Legacy, Dialect::Modern }) {
        const char* name = dialect == Dialect::Legacy ? "legacy" : "modern";
        QTest::addRow("%s traces", name) << dialect << Table::Traces;
        QTest::addRow("%s metrics", name) << dialect << Table::Metrics;
        QTest::addRow("%s logs", name) << dialect << Table::Logs;
    }
}

void TestRowBinary::rowsReadBackAsTheMappersText()
{
    // RowBinary turned back into text (as the spool keeps it) is the mapper's own JSONEachRow row:
    // every column, in order, with the same values.
    QFETCH(Dialect, dialect);
    QFETCH(Table, table);
    const ClickHouseRowMapper mapper(dialect);
    switch (table) {
    case Table::Traces:
        compareFormats<SpanRecord>(mapper, table, awkwardSpans(), &ClickHouseRowMapper::appendTraceRow,
            &ClickHouseRowMapper::appendBinaryTraceRow);
        break;
    case Table::Metrics:
        compareFormats<MetricPoint>(mapper, table, RecordSamples::metrics(), &ClickHouseRowMapper::appendMetricRow,
            &ClickHouseRowMapper::appendBinaryMetricRow);
        break;
    case Table::Logs:
        compareFormats<LogRecord>(mapper, table, RecordSamples::logs(), &ClickHouseRowMapper::appendLogRow,
            &ClickHouseRowMapper::appendBinaryLogRow);
        break;
    }
}

void TestRowBinary::aLayoutThatDoesNotFitIsAnError()
{
    const ClickHouseRowMapper mapper(Dialect::Legacy);
    QHash<QString, QString> types = schemaTypes(Dialect::Legacy, u"metrics"_s);
    RowBinaryLayout layout;
    QVERIFY(RowBinaryLayout::forColumns(mapper.columns(Table::Metrics), types, &layout));

    // A type without an encoding here, or a column the table lacks: no layout (JSONEachRow then).
    types[u"value_double"_s] = u"Nullable(Float64)"_s;
    QVERIFY(!RowBinaryLayout::forColumns(mapper.columns(Table::Metrics), types, &layout));
    types.remove(u"value_double"_s);
    QVERIFY(!RowBinaryLayout::forColumns(mapper.columns(Table::Metrics), types, &layout));

    // An enum that lacks a value the rows use: the writer says so instead of storing a wrong number.
    types = schemaTypes(Dialect::Legacy, u"metrics"_s);
    types[u"metric_type"_s] = u"Enum8('SUM' = 2)"_s;
    QVERIFY(RowBinaryLayout::forColumns(mapper.columns(Table::Metrics), types, &layout));
    QByteArray bytes;
    RowBinaryWriter writer(bytes, layout);
    MetricPoint gauge = RecordSamples::metrics().first();
    gauge.type = MetricPoint::Type::Gauge;
    mapper.appendBinaryMetricRow(writer, gauge);
    QVERIFY(writer.error().contains(u"GAUGE is not a value of Enum8('SUM' = 2)"_s));

    // Rows of another table's layout: the first column that differs is named.
    RowBinaryLayout traces;
    QVERIFY(
        RowBinaryLayout::forColumns(mapper.columns(Table::Traces), schemaTypes(Dialect::Legacy, u"traces"_s), &traces));
    QByteArray other;
    RowBinaryWriter wrong(other, traces);
    mapper.appendBinaryMetricRow(wrong, gauge);
    QVERIFY2(wrong.error().contains(u"metric_id written where the layout has trace_id"_s), qPrintable(wrong.error()));
}

void TestRowBinary::truncatedRowsAreAnErrorWithTheRowNumber()
{
    const ClickHouseRowMapper mapper(Dialect::Legacy);
    const RowBinaryLayout layout = layoutOf(mapper, Table::Traces);
    QByteArray bytes;
    {
        RowBinaryWriter writer(bytes, layout);
        for (const SpanRecord& span : RecordSamples::realisticEvents(3))
            mapper.appendBinaryTraceRow(writer, span);
    }
    QByteArray text;
    QString error;
    QVERIFY(RowBinaryJson::toJsonLines(layout, bytes, &text, &error));
    QCOMPARE(text.count('\n'), 3);
    QVERIFY(!RowBinaryJson::toJsonLines(layout, QByteArrayView(bytes).chopped(5), &text, &error));
    QVERIFY2(error.startsWith(u"RowBinary row 3 ends inside its column"_s), qPrintable(error));
}

void TestRowBinary::batchesKeepRowBoundaries()
{
    // A resend after a check takes out the rows that landed; coalesced batches keep each row's end.
    const ClickHouseRowMapper mapper(Dialect::Legacy);
    const RowBinaryLayout layout = layoutOf(mapper, Table::Traces);
    auto batchOf = [&](const QList<SpanRecord>& spans) {
        DeliveryBatch batch;
        batch.binaryColumns = layout.spec();
        RowBinaryWriter writer(batch.rows, layout);
        for (const SpanRecord& span : spans) {
            batch.keys.append(mapper.appendBinaryTraceRow(writer, span));
            batch.rowEnds.append(qint32(writer.size()));
        }
        return batch;
    };
    const QList<SpanRecord> spans = RecordSamples::realisticEvents(6);
    DeliveryBatch whole = batchOf(spans.first(2));
    whole.append(batchOf(spans.mid(2)));
    QCOMPARE(whole, batchOf(spans));

    const DeliveryBatch rest = whole.without({ whole.keys.at(0), whole.keys.at(3), whole.keys.at(5) });
    QCOMPARE(rest, batchOf({ spans.at(1), spans.at(2), spans.at(4) }));
    QVERIFY(rest.isRowBinary());
    QVERIFY(!rest.sameFormat(DeliveryBatch()));
}

void TestRowBinary::shortCopiesStayInsideTheirBytes()
{
    // Every size the fixed-width paths cover and past them, at every alignment of source and
    // target: the bytes arrive, and the guard bytes around the target stay as they were. The
    // source ends where its heap block ends, so a read past it is an error under ASan (CI).
    for (qsizetype size = 0; size <= 72; ++size) {
        for (qsizetype from = 0; from < 8; ++from) {
            const auto source = std::make_unique<char[]>(size_t(from + size));
            for (qsizetype i = 0; i < from + size; ++i)
                source[size_t(i)] = char('a' + i % 26);
            const QByteArrayView copied(source.get() + from, size);
            for (qsizetype to = 0; to < 8; ++to) {
                QByteArray target(size + 24, '#');
                shortCopy(target.data() + 8 + to, copied.data(), size);
                QCOMPARE(target.sliced(8 + to, size), copied.toByteArray());
                QCOMPARE(target.first(8 + to), QByteArray(8 + to, '#'));
                QCOMPARE(target.sliced(8 + to + size), QByteArray(16 - to, '#'));
            }
        }
    }
}

void TestRowBinary::namesAreCheckedWhereTheirAddressChanges()
{
    // The writer compares a column's name again only at an address it has not seen there: a
    // good row first, then a wrong name from another buffer is still found.
    RowBinaryLayout layout;
    QVERIFY(RowBinaryLayout::forColumns({ "a", "b" }, { { u"a"_s, u"String"_s }, { u"b"_s, u"UInt8"_s } }, &layout));
    QByteArray bytes;
    RowBinaryWriter writer(bytes, layout);
    for (int row = 0; row < 2; ++row) {
        writer.beginObject();
        writer.key("a");
        writer.string("x");
        writer.key("b");
        writer.unsignedInteger(1);
        writer.endObject();
    }
    QVERIFY2(writer.error().isEmpty(), qPrintable(writer.error()));
    const QByteArray wrong("c");
    writer.beginObject();
    writer.key("a");
    writer.string("x");
    writer.key(wrong);
    QCOMPARE(writer.error(), u"c written where the layout has b"_s);
}

QTEST_GUILESS_MAIN(TestRowBinary)
#include "tst_rowbinary.moc"
