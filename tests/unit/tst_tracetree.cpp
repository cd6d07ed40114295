#include "trace/tracesearchsql.h"
#include "trace/tracesummary.h"
#include "trace/tracetree.h"
#include "traceformat.h"
#include "traceoutline.h"

#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
/// A span "name" under "parent" (empty: a root) from startMs to endMs after the trace's start.
TraceSpan span(const char* name, const char* parent, quint64 startMs, quint64 endMs, bool error = false)
{
    constexpr quint64 origin = 1'700'000'000'000'000'000ull;
    TraceSpan span;
    span.id = name;
    span.parentId = parent;
    span.record.name = name;
    span.record.startTimeUnixNano = origin + startMs * 1'000'000ull;
    span.record.endTimeUnixNano = origin + endMs * 1'000'000ull;
    span.record.statusCode = error ? Otlp::StatusCode::Error : Otlp::StatusCode::Ok;
    auto resource = std::make_shared<Resource>();
    resource->attributes.append({ "service.name", AttributeValue::fromString(QByteArray(name).left(1)) });
    span.record.resource = resource;
    span.record.attributes.append({ "order.id", AttributeValue::fromString("order-" + QByteArray(name)) });
    span.record.attributes.append({ "http.status_code", AttributeValue::fromInt(500) });
    return span;
}

QStringList names(const TraceTree& tree, const QList<qsizetype>& spans)
{
    QStringList list;
    for (const qsizetype index : spans)
        list.append(QString::fromUtf8(tree.span(index).record.name));
    return list;
}
} // namespace

/// The shape of a trace (tree, order, orphans, cycles), its critical path on hand-built traces
/// whose answers are worked out by hand, and what the waterfall's outline does with it.
class TestTraceTree final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void criticalPath_data();
    void criticalPath();
    void deepChainNeedsNoDeepStack();
    void orphansAndCyclesBecomeRoots();
    void preorderDepthAndDescendants();
    void outlineCollapsesAndReveals();
    void outlineFindsSpansAndErrors();
    void searchSqlForBothDialects();
    void summariesReadAndRefuseRows();
    void durationsAsShown_data();
    void durationsAsShown();
};

void TestTraceTree::initTestCase()
{
    QLocale::setDefault(QLocale::c()); // durations are written in the user's locale
}

void TestTraceTree::criticalPath_data()
{
    QTest::addColumn<QList<TraceSpan>>("spans");
    QTest::addColumn<QStringList>("path");
    // root 0-100 waits on B (20-90, the last to finish), which waits on B2 (45-85) and before it
    // on B1 (20-40). Before B started, A (0-30) was still running: it did not finish before the
    // moment reached (20), so the root's own work covers 0-20. C (50-60) runs beside B.
    QTest::newRow("nested and overlapping") << QList<TraceSpan> { span("root", "", 0, 100), span("A", "root", 0, 30),
        span("B", "root", 20, 90), span("C", "root", 50, 60), span("B1", "B", 20, 40), span("B2", "B", 45, 85) }
                                            << QStringList { u"root"_s, u"B"_s, u"B2"_s, u"B1"_s };
    QTest::newRow("sequential children, latest first") << QList<TraceSpan> { span("root", "", 0, 100),
        span("a", "root", 0, 40), span("b", "root", 40, 70), span("c", "root", 70, 100) }
                                                       << QStringList { u"root"_s, u"c"_s, u"b"_s, u"a"_s };
    QTest::newRow("a child that outlives its parent is clipped, still critical")
        << QList<TraceSpan> { span("root", "", 0, 50), span("x", "root", 10, 80), span("y", "root", 0, 5) }
        << QStringList { u"root"_s, u"x"_s, u"y"_s };
    // After x (50-100), the moment reached is 50: y (60-90) started later and is skipped.
    QTest::newRow("a child starting after the moment reached is skipped") << QList<TraceSpan> {
        span("root", "", 0, 100), span("x", "root", 50, 100), span("y", "root", 60, 90), span("z", "root", 0, 30)
    } << QStringList { u"root"_s, u"x"_s, u"z"_s };
    QTest::newRow("two roots: each has its path") << QList<TraceSpan> { span("r1", "", 0, 10), span("k", "r1", 2, 8),
        span("r2", "", 20, 30) } << QStringList { u"r1"_s, u"k"_s, u"r2"_s };
}

void TestTraceTree::criticalPath()
{
    QFETCH(QList<TraceSpan>, spans);
    QFETCH(QStringList, path);
    const TraceTree tree(spans);
    QCOMPARE(names(tree, tree.criticalPath()), path);
    for (qsizetype i = 0; i < tree.size(); ++i)
        QCOMPARE(tree.isOnCriticalPath(i), path.contains(QString::fromUtf8(tree.span(i).record.name)));
}

void TestTraceTree::deepChainNeedsNoDeepStack()
{
    QList<TraceSpan> spans;
    for (int i = 0; i < 20000; ++i) {
        const QByteArray name = "s" + QByteArray::number(i);
        const QByteArray parent = i == 0 ? QByteArray() : "s" + QByteArray::number(i - 1);
        spans.append(span(name.constData(), parent.constData(), quint64(i), quint64(40000 - i)));
    }
    const TraceTree tree(spans);
    QCOMPARE(tree.criticalPath().size(), 20000);
    QCOMPARE(tree.depthOf(tree.indexOfId("s19999")), 19999);
    QCOMPARE(tree.descendantCount(tree.indexOfId("s0")), 19999);
}

void TestTraceTree::orphansAndCyclesBecomeRoots()
{
    const TraceTree tree(
        { span("root", "", 0, 10), span("orphan", "gone", 1, 2), span("p", "q", 3, 4), span("q", "p", 5, 6) });
    QCOMPARE(tree.preorder().size(), 4); // every span listed once
    QVERIFY(tree.isOrphan(tree.indexOfId("orphan")));
    QVERIFY(!tree.isOrphan(tree.indexOfId("root")));
    QCOMPARE(names(tree, tree.roots()), (QStringList { u"root"_s, u"orphan"_s, u"p"_s }));
    QCOMPARE(tree.parentOf(tree.indexOfId("q")), tree.indexOfId("p"));
    QCOMPARE(tree.parentOf(tree.indexOfId("p")), -1);
}

void TestTraceTree::preorderDepthAndDescendants()
{
    // Given out of order: children are listed by start time under their parents.
    const TraceTree tree(
        { span("c2", "root", 50, 60), span("g", "c1", 15, 20), span("root", "", 0, 100), span("c1", "root", 10, 40) });
    QCOMPARE(names(tree, tree.preorder()), (QStringList { u"root"_s, u"c1"_s, u"g"_s, u"c2"_s }));
    QCOMPARE(tree.depthOf(tree.indexOfId("g")), 2);
    QCOMPARE(tree.descendantCount(tree.indexOfId("root")), 3);
    QCOMPARE(tree.endNs() - tree.startNs(), 100'000'000ull);
    QCOMPARE(tree.services(), (QStringList { u"r"_s, u"c"_s, u"g"_s }));
}

void TestTraceTree::outlineCollapsesAndReveals()
{
    TraceOutline outline;
    QSignalSpy rows(&outline, &TraceOutline::rowsChanged);
    outline.setTree(TraceTree(
        { span("root", "", 0, 100), span("c1", "root", 10, 40), span("g", "c1", 15, 20), span("c2", "root", 50, 60) }));
    QCOMPARE(outline.rowCount(), 4);
    const qsizetype c1 = outline.tree().indexOfId("c1");
    const qsizetype g = outline.tree().indexOfId("g");
    rows.clear();
    outline.toggle(c1);
    QCOMPARE(rows.size(), 1);
    QCOMPARE(outline.rowCount(), 3);
    QCOMPARE(outline.rowOf(g), -1);
    QCOMPARE(outline.rowOf(outline.tree().indexOfId("c2")), 2);
    outline.setCollapsed(g, true); // a leaf cannot collapse
    QCOMPARE(rows.size(), 1);
    outline.select(g); // selecting a hidden span reveals it
    QCOMPARE(outline.rowOf(g), 2);
    outline.select(c1);
    outline.collapseBelow(0);
    QCOMPARE(outline.rowCount(), 3); // the selected span stays in sight: root, c1 (folded), c2
    QCOMPARE(outline.rowOf(g), -1);
    outline.expandAll();
    QCOMPARE(outline.rowCount(), 4);
}

void TestTraceTree::outlineFindsSpansAndErrors()
{
    TraceOutline outline;
    QSignalSpy matches(&outline, &TraceOutline::matchesChanged);
    outline.setTree(TraceTree({ span("root", "", 0, 100), span("db", "root", 10, 40, true),
        span("cache", "root", 50, 60), span("dbx", "cache", 52, 58, true) }));
    outline.setSearchText(u"DB"_s);
    QCOMPARE(names(outline.tree(), outline.matches()), (QStringList { u"db"_s, u"dbx"_s }));
    outline.setSearchText(u"order.id=order-cache"_s);
    QCOMPARE(names(outline.tree(), outline.matches()), (QStringList { u"cache"_s }));
    outline.setSearchText(u"http.status_code=50"_s); // exact: 500 is not 50
    QVERIFY(outline.matches().isEmpty());
    outline.setSearchText(u"http.status_code=500"_s);
    QCOMPARE(outline.matches().size(), 4);
    QVERIFY(matches.size() >= 4);
    outline.setSearchText(u"db"_s);
    outline.select(outline.tree().indexOfId("db"));
    QCOMPARE(outline.nextMatch(true), outline.tree().indexOfId("dbx"));
    outline.select(outline.tree().indexOfId("dbx"));
    QCOMPARE(outline.nextMatch(true), outline.tree().indexOfId("db")); // wraps
    QCOMPARE(outline.nextMatch(false), outline.tree().indexOfId("db"));
    QCOMPARE(outline.nextError(), outline.tree().indexOfId("db")); // wraps from the last error
    outline.select(outline.tree().indexOfId("root"));
    QCOMPARE(outline.nextError(), outline.tree().indexOfId("db"));
}

void TestTraceTree::searchSqlForBothDialects()
{
    TraceSearchCriteria criteria;
    criteria.fromMs = 1'700'000'000'000;
    criteria.toMs = 1'700'000'360'500;
    criteria.service = u"api's"_s;
    criteria.attribute = u"http.route = /orders"_s;
    criteria.status = TraceSearchCriteria::Status::WithErrors;
    criteria.minDurationMs = 5;
    const QString legacy = TraceSearchSql::search(criteria, u"telemetry"_s, TraceSearchSql::Dialect::Legacy);
    QVERIFY2(legacy.contains(u"FROM telemetry.traces"_s), qPrintable(legacy));
    QVERIFY2(legacy.contains(u"toDateTime(1700000000) AND timestamp <= toDateTime(1700000361)"_s), qPrintable(legacy));
    QVERIFY2(legacy.contains(u"service_name = 'api\\'s'"_s), qPrintable(legacy));
    QVERIFY2(
        legacy.contains(u"attributes.value[indexOf(attributes.key, 'http.route')] = '/orders'"_s), qPrintable(legacy));
    QVERIFY2(legacy.contains(u"HAVING duration_ns >= 5000000 AND errors > 0"_s), qPrintable(legacy));
    const QString modern = TraceSearchSql::search(criteria, u"my-db"_s, TraceSearchSql::Dialect::Modern);
    QVERIFY2(modern.contains(u"FROM `my-db`.traces"_s), qPrintable(modern));
    QVERIFY2(modern.contains(u"attributes['http.route'] = '/orders'"_s), qPrintable(modern));
    QCOMPARE(TraceSearchSql::attributeCondition(u"flag"_s, TraceSearchSql::Dialect::Modern),
        u"mapContains(attributes, 'flag')"_s);
}

void TestTraceTree::summariesReadAndRefuseRows()
{
    QList<TraceSummary> summaries;
    QString error;
    QVERIFY(
        TraceSummary::fromTsv(u"abc\tGET /\tapi\tapi, db\t3\t1\t1700000000000000000\t2500000\n"_s, &summaries, &error));
    QCOMPARE(summaries.size(), 1);
    QCOMPARE(summaries.first().services, (QStringList { u"api"_s, u"db"_s }));
    QCOMPARE(summaries.first().durationNs, 2'500'000ull);
    summaries.clear();
    QVERIFY(!TraceSummary::fromTsv(u"abc\tGET /\tapi\n"_s, &summaries, &error));
    QVERIFY2(error.contains(u"row 1"_s), qPrintable(error));
}

void TestTraceTree::durationsAsShown_data()
{
    QTest::addColumn<quint64>("nanoseconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("ns") << quint64(999) << u"999 ns"_s;
    QTest::newRow("µs") << quint64(850'000) << u"850 µs"_s;
    QTest::newRow("ms") << quint64(12'345'678) << u"12.3 ms"_s;
    QTest::newRow("s") << quint64(4'561'000'000) << u"4.56 s"_s;
    QTest::newRow("min") << quint64(125'000'000'000) << u"2 min 5 s"_s;
}

void TestTraceTree::durationsAsShown()
{
    QFETCH(quint64, nanoseconds);
    QFETCH(QString, text);
    QCOMPARE(TraceFormat::duration(nanoseconds), text);
}

QTEST_GUILESS_MAIN(TestTraceTree)
#include "tst_tracetree.moc"
