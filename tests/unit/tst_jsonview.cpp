#include "common/jsonreader.h"
#include "common/jsonvalidator.h"
#include "common/jsonview.h"
#include "jsonviewcheck.h"

#include <QTest>

using namespace Qt::StringLiterals;

/// JsonView walks validated text where it lies; these documents poke at what a scan for a
/// value's end can get wrong (brackets and quotes inside strings, escapes, a number at the very
/// end of the text) and check the walk against the tree parser.
class TestJsonView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void agreesWithTheTree_data();
    void agreesWithTheTree();
    void stringsWithoutEscapesAreViewsIntoTheText();
    void rawIsTheValueAsWritten();
    void validateReportsWhatParseReports_data();
    void validateReportsWhatParseReports();
    void stringsOfEveryLengthEndWhereTheyEnd_data();
    void stringsOfEveryLengthEndWhereTheyEnd();
};

void TestJsonView::agreesWithTheTree_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addRow("object") << QByteArray(R"({"a":1,"b":"two","c":[true,false,null],"d":{}})");
    QTest::addRow("brackets in strings") << QByteArray(R"({"a":"}]{[","b":["]",{"x":"}"}],"c":1})");
    QTest::addRow("escaped quotes") << QByteArray(R"({"a\"b":"c\"}\\","d":"\\\\","e":[1]})");
    QTest::addRow("escapes") << QByteArray(R"(["\n\t\r\b\f\/","\u00e9\u4e2d","\ud83d\ude00 smile"])");
    QTest::addRow("raw UTF-8") << QByteArray("{\"k\xc3\xa9\":\"\xe4\xb8\xad\xf0\x9f\x98\x80\"}");
    QTest::addRow("number at the end") << QByteArray("-12.5e+3");
    QTest::addRow("number at the end, whitespace after") << QByteArray("42 \n");
    QTest::addRow("literal at the end") << QByteArray("true");
    QTest::addRow("byte order mark") << QByteArray("\xEF\xBB\xBF {\"a\":[1,2]}");
    QTest::addRow("whitespace everywhere") << QByteArray(" { \"a\" : [ 1 , { \"b\" : null } ] , \"c\" : \"d\" } ");
    QTest::addRow("empty containers") << QByteArray(R"({"a":[],"b":{},"c":[[],[{}]]})");
    QTest::addRow("deep") << QByteArray(100, '[') + QByteArray(100, ']');
    QTest::addRow("as deep as allowed") << QByteArray(128, '[') + QByteArray(128, ']');
    QTest::addRow("as deep as allowed, objects") << QByteArray(R"({"a":)").repeated(127) + "{}" + QByteArray(127, '}');
    QTest::addRow("surrogate pair, upper-case hex") << QByteArray(R"(["\uD83D\uDE00"])");
    QTest::addRow("four-byte UTF-8 at the limit") << QByteArray("[\"\xf4\x8f\xbf\xbf\"]");
    QTest::addRow("escaped solidus and controls") << QByteArray(R"(["\/\b\f\u0000"])");
    QTest::addRow("numbers") << QByteArray(R"([0,-0,1e5,1E-5,0.5,-123456789012345678901234567890])");
}

void TestJsonView::agreesWithTheTree()
{
    QFETCH(QByteArray, text);
    JsonValue tree;
    JsonReader reader;
    QVERIFY2(reader.parse(text, &tree), qPrintable(reader.error()));
    QVERIFY2(JsonReader().validate(text), "validate() refuses what parse() accepts");
    QVERIFY2(JsonValidator::accepts(text, JsonReader::defaultMaxDepth), "the quick check refuses what parse() accepts");
    const QString problem = JsonViewCheck::compare(tree, JsonView::root(text));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TestJsonView::stringsWithoutEscapesAreViewsIntoTheText()
{
    const QByteArray text = R"(["plain","with \" quote"])";
    QVERIFY(JsonReader().validate(text));
    QList<QByteArray> decoded;
    QList<bool> verbatim;
    JsonView::root(text).forEachElement([&](const JsonView& element, qsizetype) {
        QByteArray scratch;
        const QByteArrayView content = element.string(&scratch);
        verbatim.append(content.data() >= text.constData() && content.data() < text.constData() + text.size());
        decoded.append(content.toByteArray());
        return true;
    });
    QCOMPARE(decoded, (QList<QByteArray> { "plain", "with \" quote" }));
    QCOMPARE(verbatim, (QList<bool> { true, false }));
}

void TestJsonView::rawIsTheValueAsWritten()
{
    const QByteArray text = R"({"a": {"k":"v", "n":[1,2]} , "b":3})";
    QVERIFY(JsonReader().validate(text));
    QList<QByteArray> raws;
    JsonView::root(text).forEachMember([&](QByteArrayView, const JsonView& value) {
        raws.append(value.raw().toByteArray());
        return true;
    });
    QCOMPARE(raws, (QList<QByteArray> { R"({"k":"v", "n":[1,2]})", "3" }));
}

void TestJsonView::validateReportsWhatParseReports_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addRow("empty") << QByteArray();
    QTest::addRow("trailing comma") << QByteArray("[1,]");
    QTest::addRow("invalid UTF-8") << QByteArray("[\"\xff\"]");
    QTest::addRow("lone surrogate") << QByteArray(R"(["\udc00"])");
    QTest::addRow("garbage after") << QByteArray("{} x");
    QTest::addRow("too deep") << QByteArray(500, '[');
    QTest::addRow("bad number") << QByteArray("[01]");
    QTest::addRow("too deep by one") << QByteArray(129, '[') + QByteArray(129, ']');
    QTest::addRow("too deep by one, objects") << QByteArray(R"({"a":)").repeated(129) + "1" + QByteArray(129, '}');
    QTest::addRow("only whitespace") << QByteArray(" \n\t");
    QTest::addRow("only a byte order mark") << QByteArray("\xEF\xBB\xBF");
    QTest::addRow("minus alone") << QByteArray("[-]");
    QTest::addRow("point without digits") << QByteArray("[1.]");
    QTest::addRow("exponent without digits") << QByteArray("[1e+]");
    QTest::addRow("leading plus") << QByteArray("[+1]");
    QTest::addRow("short literal") << QByteArray("[tru]");
    QTest::addRow("literal at the end cut") << QByteArray("nul");
    QTest::addRow("capital literal") << QByteArray("[True]");
    QTest::addRow("unquoted name") << QByteArray("{a:1}");
    QTest::addRow("missing colon") << QByteArray(R"({"a" 1})");
    QTest::addRow("missing value") << QByteArray(R"({"a":})");
    QTest::addRow("trailing comma in an object") << QByteArray(R"({"a":1,})");
    QTest::addRow("missing comma") << QByteArray("[1 2]");
    QTest::addRow("wrong closer") << QByteArray("[1}");
    QTest::addRow("unclosed array") << QByteArray("[1,[2]");
    QTest::addRow("unclosed string") << QByteArray(R"(["abc)");
    QTest::addRow("backslash at the end") << QByteArray("[\"abc\\");
    QTest::addRow("invalid escape") << QByteArray(R"(["\x"])");
    QTest::addRow("short unicode escape") << QByteArray(R"(["\u12"])");
    QTest::addRow("bad hex") << QByteArray(R"(["\u12g4"])");
    QTest::addRow("high surrogate alone") << QByteArray(R"(["\ud800"])");
    QTest::addRow("high surrogate, then not low") << QByteArray(R"(["\ud800\u0041"])");
    QTest::addRow("two values") << QByteArray("1 2");
    QTest::addRow("overlong UTF-8") << QByteArray("[\"\xc0\xaf\"]");
    QTest::addRow("UTF-8 surrogate") << QByteArray("[\"\xed\xa0\x80\"]");
    QTest::addRow("UTF-8 above U+10FFFF") << QByteArray("[\"\xf4\x90\x80\x80\"]");
    QTest::addRow("cut UTF-8") << QByteArray("[\"\xe4\xb8");
    QTest::addRow("byte above 0x7f outside a string") << QByteArray("[\xc3\xa9]");
}

void TestJsonView::validateReportsWhatParseReports()
{
    QFETCH(QByteArray, text);
    JsonValue tree;
    JsonReader parser;
    JsonReader validator;
    QVERIFY(!parser.parse(text, &tree));
    QVERIFY(!JsonValidator::accepts(text, JsonReader::defaultMaxDepth));
    QVERIFY(!validator.validate(text));
    QCOMPARE(validator.error(), parser.error());
    QCOMPARE(validator.errorOffset(), parser.errorOffset());
}

void TestJsonView::stringsOfEveryLengthEndWhereTheyEnd_data()
{
    // The scans go sixteen bytes at a time: a special byte is put at every position of strings
    // of 0 to 40 bytes, on both sides of each sixteen-byte step and of the text's end.
    QTest::addColumn<QByteArray>("written"); ///< as it appears between the quotes
    QTest::addColumn<QByteArray>("content"); ///< what it reads as; empty with `valid` false
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qsizetype>("badByte"); ///< offset of the byte validation stops at
    const struct
    {
        const char* name;
        QByteArray written;
        QByteArray content;
        bool valid;
    } specials[] = {
        { "escaped quote", "\\\"", "\"", true },
        { "escaped backslash", "\\\\", "\\", true },
        { "escaped newline", "\\n", "\n", true },
        { "two-byte UTF-8", "\xc3\xa9", "\xc3\xa9", true },
        { "DEL", "\x7f", "\x7f", true },
        { "raw control character", "\x01", {}, false },
        { "byte that starts no UTF-8", "\xff", {}, false },
    };
    for (int length = 0; length <= 40; ++length) {
        for (int at = 0; at <= length; ++at) {
            for (const auto& special : specials) {
                const QByteArray before(at, 'a');
                const QByteArray after(length - at, 'b');
                QTest::addRow("%s at %d of %d", special.name, at, length)
                    << before + special.written + after << before + special.content + after << special.valid
                    << qsizetype(2 + at);
            }
        }
    }
}

void TestJsonView::stringsOfEveryLengthEndWhereTheyEnd()
{
    QFETCH(QByteArray, written);
    QFETCH(QByteArray, content);
    QFETCH(bool, valid);
    // The string is the last thing but one in the text, so a scan that overshoots meets its end.
    const QByteArray text = "[\"" + written + "\",7]";
    JsonReader reader;
    QCOMPARE(JsonValidator::accepts(text, JsonReader::defaultMaxDepth), valid);
    QCOMPARE(reader.validate(text), valid);
    if (!valid) {
        QFETCH(qsizetype, badByte);
        QCOMPARE(reader.errorOffset(), badByte);
        return;
    }
    QList<QByteArray> strings;
    QList<QByteArray> numbers;
    JsonView::root(text).forEachElement([&](const JsonView& element, qsizetype) {
        QByteArray scratch;
        if (element.isString())
            strings.append(element.string(&scratch).toByteArray());
        else
            numbers.append(element.numberText().toByteArray());
        return true;
    });
    QCOMPARE(strings, QList<QByteArray> { content });
    QCOMPARE(numbers, QList<QByteArray> { "7" });
    // The same string as the text's very end (no bytes after its closing quote to spare).
    const QByteArray alone = "\"" + written + "\"";
    QVERIFY(JsonReader().validate(alone));
    QVERIFY(JsonValidator::accepts(alone, JsonReader::defaultMaxDepth));
    QByteArray scratch;
    QCOMPARE(JsonView::root(alone).string(&scratch).toByteArray(), content);
}

QTEST_GUILESS_MAIN(TestJsonView)
#include "tst_jsonview.moc"
