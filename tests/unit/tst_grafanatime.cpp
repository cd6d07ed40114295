#include "query/grafanatime.h"

#include <QDateTime>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
// Monday 2026-11-30 10:20:30.400 UTC: the "now" of every case.
const QDateTime now(QDate(2026, 11, 30), QTime(10, 20, 30, 400), QTimeZone::utc());

qint64 at(int year, int month, int day, int hour = 0, int minute = 0, int second = 0, int ms = 0)
{
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), QTimeZone::utc()).toMSecsSinceEpoch();
}
} // namespace

/// Grafana's time expressions as dashboards and `query --from/--to` write them: relative
/// arithmetic and rounding (to the start for a range's start, to the end for its end), absolute
/// forms, and an error that says what is wrong and where.
class TestGrafanaTime final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void errors_data();
    void errors();
    void ranges();
    void displayZoneDecidesCalendarUnits();
};

void TestGrafanaTime::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("roundUp");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("now") << u"now"_s << false << now.toMSecsSinceEpoch();
    QTest::newRow("now, spaces around") << u"  now "_s << false << now.toMSecsSinceEpoch();
    QTest::newRow("now-6h") << u"now-6h"_s << false << at(2026, 11, 30, 4, 20, 30, 400);
    QTest::newRow("now-15m") << u"now-15m"_s << false << at(2026, 11, 30, 10, 5, 30, 400);
    QTest::newRow("now-30s") << u"now-30s"_s << false << at(2026, 11, 30, 10, 20, 0, 400);
    QTest::newRow("now+1h") << u"now+1h"_s << false << at(2026, 11, 30, 11, 20, 30, 400);
    QTest::newRow("now-7d") << u"now-7d"_s << false << at(2026, 11, 23, 10, 20, 30, 400);
    QTest::newRow("now-2w") << u"now-2w"_s << false << at(2026, 11, 16, 10, 20, 30, 400);
    QTest::newRow("now-1M, a calendar month") << u"now-1M"_s << false << at(2026, 10, 30, 10, 20, 30, 400);
    QTest::newRow("now-1y") << u"now-1y"_s << false << at(2025, 11, 30, 10, 20, 30, 400);
    QTest::newRow("number left out is 1") << u"now-d"_s << false << at(2026, 11, 29, 10, 20, 30, 400);
    QTest::newRow("several steps") << u"now-1d-2h"_s << false << at(2026, 11, 29, 8, 20, 30, 400);
    QTest::newRow("start of today") << u"now/d"_s << false << at(2026, 11, 30);
    QTest::newRow("end of today") << u"now/d"_s << true << at(2026, 11, 30, 23, 59, 59, 999);
    QTest::newRow("yesterday's start") << u"now-1d/d"_s << false << at(2026, 11, 29);
    QTest::newRow("yesterday's end") << u"now-1d/d"_s << true << at(2026, 11, 29, 23, 59, 59, 999);
    QTest::newRow("start of the hour") << u"now/h"_s << false << at(2026, 11, 30, 10);
    QTest::newRow("start of the minute") << u"now/m"_s << false << at(2026, 11, 30, 10, 20);
    QTest::newRow("start of the second") << u"now/s"_s << false << at(2026, 11, 30, 10, 20, 30);
    QTest::newRow("week starts on Monday") << u"now-1d/w"_s << false << at(2026, 11, 23);
    QTest::newRow("end of the week") << u"now/w"_s << true << at(2026, 12, 6, 23, 59, 59, 999);
    QTest::newRow("start of the month") << u"now/M"_s << false << at(2026, 11, 1);
    QTest::newRow("end of the month") << u"now/M"_s << true << at(2026, 11, 30, 23, 59, 59, 999);
    QTest::newRow("start of the year") << u"now/y"_s << false << at(2026, 1, 1);
    QTest::newRow("epoch milliseconds") << u"1764498030400"_s << false << qint64(1764498030400);
    QTest::newRow("ISO with Z") << u"2026-11-29T08:00:00Z"_s << false << at(2026, 11, 29, 8);
    QTest::newRow("ISO with milliseconds") << u"2026-11-29T08:00:00.250Z"_s << false << at(2026, 11, 29, 8, 0, 0, 250);
    QTest::newRow("ISO with an offset") << u"2026-11-29T10:00:00+02:00"_s << false << at(2026, 11, 29, 8);
    QTest::newRow("ISO without a zone: the display zone") << u"2026-11-29T08:00:00"_s << false << at(2026, 11, 29, 8);
    QTest::newRow("date and time") << u"2026-11-29 08:30:15"_s << false << at(2026, 11, 29, 8, 30, 15);
    QTest::newRow("date and minutes") << u"2026-11-29 08:30"_s << false << at(2026, 11, 29, 8, 30);
    QTest::newRow("date") << u"2026-11-29"_s << false << at(2026, 11, 29);
}

void TestGrafanaTime::parse()
{
    QFETCH(QString, text);
    QFETCH(bool, roundUp);
    QFETCH(qint64, expected);
    const GrafanaTime::Parsed parsed = GrafanaTime::parse(text, now.toMSecsSinceEpoch(), QTimeZone::utc(), roundUp);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error));
    QCOMPARE(QDateTime::fromMSecsSinceEpoch(parsed.ms, QTimeZone::utc()),
        QDateTime::fromMSecsSinceEpoch(expected, QTimeZone::utc()));
}

void TestGrafanaTime::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("says");

    QTest::newRow("empty") << u""_s << u"empty"_s;
    QTest::newRow("unknown unit") << u"now-6x"_s << u"unit"_s;
    QTest::newRow("no unit") << u"now-6"_s << u"character 6"_s;
    QTest::newRow("rounding without a unit") << u"now/"_s << u"'/'"_s;
    QTest::newRow("rounding to an unknown unit") << u"now/q"_s << u"'/'"_s;
    QTest::newRow("stray character") << u"now*2"_s << u"found '*'"_s;
    QTest::newRow("a huge number") << u"now-99999999999d"_s << u"too large"_s;
    QTest::newRow("words") << u"yesterday"_s << u"'yesterday' is not a time"_s;
    QTest::newRow("a date that does not exist") << u"2026-02-30"_s << u"is not a time"_s;
}

void TestGrafanaTime::errors()
{
    QFETCH(QString, text);
    QFETCH(QString, says);
    const GrafanaTime::Parsed parsed = GrafanaTime::parse(text, now.toMSecsSinceEpoch(), QTimeZone::utc(), false);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error.contains(says), qPrintable(parsed.error));
}

void TestGrafanaTime::ranges()
{
    const qint64 nowMs = now.toMSecsSinceEpoch();
    const GrafanaTime::Range today = GrafanaTime::parseRange(u"now/d"_s, u"now/d"_s, nowMs, QTimeZone::utc());
    QVERIFY2(today.ok(), qPrintable(today.error));
    QCOMPARE(today.fromMs, at(2026, 11, 30));
    QCOMPARE(today.toMs, at(2026, 11, 30, 23, 59, 59, 999));

    const GrafanaTime::Range reversed = GrafanaTime::parseRange(u"now"_s, u"now-1h"_s, nowMs, QTimeZone::utc());
    QVERIFY(!reversed.ok());
    QVERIFY2(reversed.error.contains(u"empty"_s), qPrintable(reversed.error));

    const GrafanaTime::Range badEnd = GrafanaTime::parseRange(u"now-1h"_s, u"later"_s, nowMs, QTimeZone::utc());
    QVERIFY(badEnd.error.startsWith(u"to: "_s));
    const GrafanaTime::Range badStart = GrafanaTime::parseRange(u"earlier"_s, u"now"_s, nowMs, QTimeZone::utc());
    QVERIFY(badStart.error.startsWith(u"from: "_s));
}

void TestGrafanaTime::displayZoneDecidesCalendarUnits()
{
    // 10:20 UTC is 19:20 in Tokyo: "today" there began at 15:00 UTC the day before.
    const QTimeZone tokyo("Asia/Tokyo");
    QVERIFY2(tokyo.isValid(), "the Asia/Tokyo zone is missing: install tzdata");
    const GrafanaTime::Parsed start = GrafanaTime::parse(u"now/d"_s, now.toMSecsSinceEpoch(), tokyo, false);
    QCOMPARE(start.ms, at(2026, 11, 29, 15));
    const GrafanaTime::Parsed local = GrafanaTime::parse(u"2026-11-30 09:00"_s, now.toMSecsSinceEpoch(), tokyo, false);
    QCOMPARE(local.ms, at(2026, 11, 30, 0));
}

QTEST_GUILESS_MAIN(TestGrafanaTime)
#include "tst_grafanatime.moc"
