#include "query/grafanamacroexpander.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {
// Grafana's own test range (macros_test.go): from 1415792726123 ms, i.e. 2014-11-12 11:45:26.123Z.
GrafanaMacroContext context()
{
    GrafanaMacroContext context;
    context.fromMs = 1415792726123;
    context.toMs = 1447328726456; // 2015-11-12 11:45:26.456Z
    context.intervalMs = 60000;
    context.variables = {
        { u"service"_s, { u"api"_s }, false, { u"api"_s, u"web"_s, u"o'hara"_s }, {} },
        { u"services"_s, { u"api"_s, u"o'hara"_s }, false, { u"api"_s, u"web"_s, u"o'hara"_s }, {} },
        { u"everything"_s, {}, true, { u"api"_s, u"web"_s }, {} },
        { u"custom_all"_s, {}, true, { u"api"_s, u"web"_s }, u".*"_s },
        { u"empty"_s, { QString() }, false, {}, {} },
    };
    return context;
}
} // namespace

class TestGrafanaMacroExpander final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void expands_data();
    void expands();
    void oldServersGetEquivalents_data();
    void oldServersGetEquivalents();
    void errors_data();
    void errors();
    void everyListedMacroIsKnown();
};

void TestGrafanaMacroExpander::expands_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("expected");
    // The plugin's tested examples (anchors.md, A1).
    QTest::newRow("grafana: timeInterval of fromTime")
        << u"SELECT $__timeInterval($__fromTime)"_s
        << u"SELECT toStartOfInterval(toDateTime(toDateTime(1415792726)), INTERVAL 60 second)"_s;
    QTest::newRow("grafana: timeInterval_ms of fromTime_ms")
        << u"SELECT $__timeInterval_ms($__fromTime_ms)"_s
        << u"SELECT toStartOfInterval(toDateTime64(fromUnixTimestamp64Milli(1415792726123), 3), INTERVAL 60000 millisecond)"_s;
    // Every macro.
    QTest::newRow("timeFilter") << u"WHERE $__timeFilter(ts)"_s
                                << u"WHERE ts >= toDateTime(1415792726) AND ts <= toDateTime(1447328726)"_s;
    QTest::newRow("timeFilter_ms")
        << u"WHERE $__timeFilter_ms(ts)"_s
        << u"WHERE ts >= fromUnixTimestamp64Milli(1415792726123) AND ts <= fromUnixTimestamp64Milli(1447328726456)"_s;
    QTest::newRow("dateFilter") << u"WHERE $__dateFilter(d)"_s
                                << u"WHERE d >= toDate('2014-11-12') AND d <= toDate('2015-11-12')"_s;
    QTest::newRow("dateTimeFilter")
        << u"WHERE $__dateTimeFilter(d, ts)"_s
        << u"WHERE (d >= toDate('2014-11-12') AND d <= toDate('2015-11-12')) AND (ts >= toDateTime(1415792726) AND ts <= toDateTime(1447328726))"_s;
    QTest::newRow("dt alias")
        << u"WHERE $__dt(d, ts)"_s
        << u"WHERE (d >= toDate('2014-11-12') AND d <= toDate('2015-11-12')) AND (ts >= toDateTime(1415792726) AND ts <= toDateTime(1447328726))"_s;
    QTest::newRow("timeFrom") << u"$__timeFrom(ts)"_s << u"ts >= toDateTime(1415792726)"_s;
    QTest::newRow("timeTo") << u"$__timeTo(ts)"_s << u"ts <= toDateTime(1447328726)"_s;
    QTest::newRow("timeGroup 5m") << u"$__timeGroup(ts, 5m)"_s
                                  << u"toStartOfInterval(toDateTime(ts), INTERVAL 300 second)"_s;
    QTest::newRow("timeGroup quoted 1h30m")
        << u"$__timeGroup(ts, '1h30m')"_s << u"toStartOfInterval(toDateTime(ts), INTERVAL 5400 second)"_s;
    QTest::newRow("fromTime toTime") << u"$__fromTime, $__toTime"_s
                                     << u"toDateTime(1415792726), toDateTime(1447328726)"_s;
    QTest::newRow("fromTime_ms toTime_ms")
        << u"$__fromTime_ms, $__toTime_ms"_s
        << u"fromUnixTimestamp64Milli(1415792726123), fromUnixTimestamp64Milli(1447328726456)"_s;
    QTest::newRow("timeInterval") << u"$__timeInterval(ts)"_s
                                  << u"toStartOfInterval(toDateTime(ts), INTERVAL 60 second)"_s;
    QTest::newRow("interval_s") << u"$__interval_s"_s << u"60"_s;
    // Grafana's globals.
    QTest::newRow("from to ms") << u"$__from $__to"_s << u"1415792726123 1447328726456"_s;
    QTest::newRow("from date") << u"'${__from:date}'"_s << u"'2014-11-12T11:45:26.123Z'"_s;
    QTest::newRow("from date iso") << u"'${__to:date:iso}'"_s << u"'2015-11-12T11:45:26.456Z'"_s;
    QTest::newRow("from date seconds") << u"${__from:date:seconds}"_s << u"1415792726"_s;
    QTest::newRow("from custom date") << u"'${__from:date:YYYY-MM}'"_s << u"'2014-11'"_s;
    QTest::newRow("interval") << u"$__interval $__interval_ms"_s << u"1m 60000"_s;
    QTest::newRow("range") << u"$__range_s $__range_ms"_s << u"31536000 31536000333"_s;
    // Template variables.
    QTest::newRow("plain variable in a string") << u"WHERE s = '$service'"_s << u"WHERE s = 'api'"_s;
    QTest::newRow("braces mid-word") << u"SELECT x_${service}_y"_s << u"SELECT x_api_y"_s;
    QTest::newRow("singlequote list") << u"s IN (${services:singlequote})"_s << uR"(s IN ('api','o\'hara'))"_s;
    QTest::newRow("sqlstring list") << u"s IN (${services:sqlstring})"_s << u"s IN ('api','o''hara')"_s;
    QTest::newRow("csv") << u"${services:csv}"_s << u"api,o'hara"_s;
    QTest::newRow("raw") << u"${service:raw}"_s << u"api"_s;
    QTest::newRow("old bracket syntax") << u"[[service]] [[services:pipe]]"_s << u"api api|o'hara"_s;
    QTest::newRow("all is every option") << u"${everything:singlequote}"_s << u"'api','web'"_s;
    QTest::newRow("custom all value verbatim") << u"${custom_all:singlequote}"_s << u".*"_s;
    QTest::newRow("unknown variable stays")
        << u"SELECT $nothing, ${nothing:csv}"_s << u"SELECT $nothing, ${nothing:csv}"_s;
    // conditionalAll.
    QTest::newRow("conditionalAll with a value")
        << u"WHERE $__conditionalAll(s IN (${services:singlequote}), $services)"_s
        << uR"(WHERE s IN ('api','o\'hara'))"_s;
    QTest::newRow("conditionalAll with All")
        << u"WHERE $__conditionalAll(s IN ($everything), $everything)"_s << u"WHERE 1=1"_s;
    QTest::newRow("conditionalAll with custom All")
        << u"WHERE $__conditionalAll(match(s, '$custom_all'), ${custom_all})"_s << u"WHERE 1=1"_s;
    QTest::newRow("conditionalAll with nothing")
        << u"WHERE $__conditionalAll(s = '$empty', $empty)"_s << u"WHERE 1=1"_s;
    // Left alone.
    QTest::newRow("macro in a string") << u"SELECT '$__timeFilter(ts)'"_s << u"SELECT '$__timeFilter(ts)'"_s;
    QTest::newRow("macro in a line comment")
        << u"SELECT 1 -- $__timeFilter(ts) and $service\n"_s << u"SELECT 1 -- $__timeFilter(ts) and $service\n"_s;
    QTest::newRow("macro in a block comment") << u"SELECT /* $__fromTime */ 1"_s << u"SELECT /* $__fromTime */ 1"_s;
    QTest::newRow("unknown macro stays") << u"SELECT $__columns(a, b) FROM t"_s << u"SELECT $__columns(a, b) FROM t"_s;
    QTest::newRow("string argument with a parenthesis")
        << u"WHERE $__timeFilter(if(x = ')', a, b))"_s
        << u"WHERE if(x = ')', a, b) >= toDateTime(1415792726) AND if(x = ')', a, b) <= toDateTime(1447328726)"_s;
    QTest::newRow("macro name prefix is not the macro") << u"$__timeFilterX(ts)"_s << u"$__timeFilterX(ts)"_s;
    QTest::newRow("a dollar alone") << u"SELECT '$', $"_s << u"SELECT '$', $"_s;
    QTest::newRow("upstream overview panel")
        << u"SELECT toStartOfInterval(timestamp, INTERVAL 1 minute) as time, count() FROM telemetry.traces WHERE $__timeFilter(timestamp) GROUP BY time"_s
        << u"SELECT toStartOfInterval(timestamp, INTERVAL 1 minute) as time, count() FROM telemetry.traces WHERE timestamp >= toDateTime(1415792726) AND timestamp <= toDateTime(1447328726) GROUP BY time"_s;
}

void TestGrafanaMacroExpander::expands()
{
    QFETCH(QString, sql);
    QFETCH(QString, expected);
    const GrafanaMacroExpander::Result result = GrafanaMacroExpander::expand(sql, context());
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.sql, expected);
}

void TestGrafanaMacroExpander::oldServersGetEquivalents_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("expected");
    QTest::newRow("timeInterval") << u"$__timeInterval(ts)"_s
                                  << u"toDateTime(intDiv(toUInt32(toDateTime(toDateTime(ts))), 60) * 60)"_s;
    QTest::newRow("timeFilter_ms widens to whole seconds")
        << u"$__timeFilter_ms(ts)"_s << u"ts >= toDateTime(1415792726) AND ts <= toDateTime(1447328727)"_s;
    QTest::newRow("timeInterval_ms in seconds")
        << u"$__timeInterval_ms(ts)"_s << u"toDateTime(intDiv(toUInt32(toDateTime(toDateTime(ts))), 60) * 60)"_s;
    QTest::newRow("literal call in the upstream overview")
        << u"SELECT toStartOfInterval(timestamp, INTERVAL 1 minute) as time"_s
        << u"SELECT toDateTime(intDiv(toUInt32(toDateTime(timestamp)), 60) * 60) as time"_s;
    QTest::newRow("call in a string stays") << u"SELECT 'toStartOfInterval(t, INTERVAL 1 minute)'"_s
                                            << u"SELECT 'toStartOfInterval(t, INTERVAL 1 minute)'"_s;
    QTest::newRow("day") << u"toStartOfInterval(t, INTERVAL 1 DAY)"_s << u"toDate(toDateTime(t))"_s;
    QTest::newRow("month") << u"toStartOfInterval(t, interval 1 month)"_s << u"toStartOfMonth(toDateTime(t))"_s;
}

void TestGrafanaMacroExpander::oldServersGetEquivalents()
{
    QFETCH(QString, sql);
    QFETCH(QString, expected);
    GrafanaMacroContext old = context();
    old.serverHasToStartOfInterval = false;
    old.serverHasDateTime64 = false;
    const GrafanaMacroExpander::Result result = GrafanaMacroExpander::expand(sql, old);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QCOMPARE(result.sql, expected);
}

void TestGrafanaMacroExpander::errors_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QString>("error");
    QTest::addColumn<qsizetype>("offset");
    QTest::newRow("too many arguments") << u"WHERE $__timeFilter(a, b)"_s
                                        << u"$__timeFilter expected 1 argument(s), received 2"_s << qsizetype(6);
    QTest::newRow("no arguments") << u"WHERE $__timeFilter"_s << u"$__timeFilter expected 1 argument(s), received 0"_s
                                  << qsizetype(6);
    QTest::newRow("never closed") << u"WHERE $__timeFilter(ts"_s << u"the parenthesis is never closed"_s
                                  << qsizetype(19);
    QTest::newRow("bad period") << u"$__timeGroup(ts, soon)"_s << u"\"soon\" is not a period"_s << qsizetype(0);
    QTest::newRow("absurd period") << u"$__timeGroup(ts, '99999999h')"_s << u"is not a period between"_s
                                   << qsizetype(0);
    QTest::newRow("conditionalAll without a variable")
        << u"$__conditionalAll(x = 1, 1)"_s << u"the second argument must be a variable"_s << qsizetype(0);
    QTest::newRow("conditionalAll unknown variable")
        << u"$__conditionalAll(x = 1, $nope)"_s << u"there is no variable named \"nope\""_s << qsizetype(0);
}

void TestGrafanaMacroExpander::errors()
{
    QFETCH(QString, sql);
    QFETCH(QString, error);
    QFETCH(qsizetype, offset);
    const GrafanaMacroExpander::Result result = GrafanaMacroExpander::expand(sql, context());
    QVERIFY(!result.ok());
    QVERIFY2(result.error.contains(error), qPrintable(result.error));
    QCOMPARE(result.errorOffset, offset);
}

void TestGrafanaMacroExpander::everyListedMacroIsKnown()
{
    // What the editor highlights is what the expander expands.
    for (const QString& macro : GrafanaMacroExpander::dataSourceMacros()) {
        if (macro == u"$__conditionalAll"_s)
            continue;
        const QString sql = macro + u"(x, 5m)"_s;
        const GrafanaMacroExpander::Result result = GrafanaMacroExpander::expand(sql, context());
        QVERIFY2(result.sql != sql || !result.ok(), qPrintable(macro));
    }
    QCOMPARE(GrafanaMacroExpander::dataSourceMacros().size(), 16);
}

QTEST_GUILESS_MAIN(TestGrafanaMacroExpander)
#include "tst_grafanamacroexpander.moc"
