#include "clickhousefixture.h"
#include "query/legacysqlrewriter.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {
// 2025-11-28 13:47:31 UTC, a Friday; day number 20420 since the epoch.
constexpr qint64 instant = 1764337651;
} // namespace

/// The toStartOfInterval equivalents, evaluated by a real server that lacks toStartOfInterval
/// (Debian 12's 18.16): each must give the bucket toStartOfInterval gives on a modern server.
class TestLegacySqlRewriter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void bucketsMatchToStartOfInterval_data();
    void bucketsMatchToStartOfInterval();

private:
    ClickHouseFixture m_fixture;
};

void TestLegacySqlRewriter::initTestCase()
{
    START_CLICKHOUSE(m_fixture);
}

void TestLegacySqlRewriter::bucketsMatchToStartOfInterval_data()
{
    QTest::addColumn<QString>("interval");
    QTest::addColumn<QString>("expected"); // epoch seconds for sub-day buckets, a date otherwise
    auto floorTo = [](qint64 seconds) { return QString::number(instant / seconds * seconds); };
    QTest::newRow("1 second") << u"INTERVAL 1 second"_s << floorTo(1);
    QTest::newRow("90 seconds") << u"INTERVAL 90 SECOND"_s << floorTo(90);
    QTest::newRow("1 minute") << u"INTERVAL 1 minute"_s << floorTo(60);
    QTest::newRow("5 minutes") << u"interval 5 minutes"_s << floorTo(300);
    QTest::newRow("1 hour") << u"INTERVAL 1 HOUR"_s << floorTo(3600);
    QTest::newRow("6 hours") << u"INTERVAL 6 hour"_s << floorTo(6 * 3600);
    QTest::newRow("1 day") << u"INTERVAL 1 day"_s << u"2025-11-28"_s;
    QTest::newRow("3 days") << u"INTERVAL 3 day"_s << u"2025-11-26"_s; // day 20418
    QTest::newRow("1 week") << u"INTERVAL 1 week"_s << u"2025-11-24"_s; // its Monday
    QTest::newRow("2 weeks") << u"INTERVAL 2 week"_s << u"2025-11-24"_s; // week 2916 since 1970-01-05
    QTest::newRow("1 month") << u"INTERVAL 1 month"_s << u"2025-11-01"_s;
    QTest::newRow("4 months") << u"INTERVAL 4 month"_s << u"2025-09-01"_s; // month 668 since 1970-01
    QTest::newRow("1 quarter") << u"INTERVAL 1 quarter"_s << u"2025-10-01"_s;
    QTest::newRow("1 year") << u"INTERVAL 1 year"_s << u"2025-01-01"_s;
    QTest::newRow("2 years") << u"INTERVAL 2 year"_s << u"2024-01-01"_s;
}

void TestLegacySqlRewriter::bucketsMatchToStartOfInterval()
{
    QFETCH(QString, interval);
    QFETCH(QString, expected);
    const bool subDay = !expected.contains(u'-');
    const QString call = u"toStartOfInterval(toDateTime(%1, 'UTC'), %2)"_s.arg(instant).arg(interval);
    const QString sql = subDay ? u"SELECT toUInt32(%1)"_s.arg(call) : u"SELECT toString(%1)"_s.arg(call);
    const LegacySqlRewriter::Result rewritten = LegacySqlRewriter::rewriteToStartOfInterval(sql);
    QCOMPARE(rewritten.rewrittenCalls, 1);
    QVERIFY(!rewritten.sql.contains(u"toStartOfInterval"_s));
    bool ok = false;
    const QString answer = ClickHouseFixture::run(m_fixture.endpoint(), rewritten.sql, &ok);
    QVERIFY2(ok, qPrintable(rewritten.sql + u"\n"_s + answer));
    QCOMPARE(answer, expected);
    if (m_fixture.serverInfo().hasToStartOfInterval()) {
        // A modern server can say what the original gives.
        const QString original = ClickHouseFixture::run(m_fixture.endpoint(), sql, &ok);
        QVERIFY(ok);
        QCOMPARE(answer, original);
    }
}

QTEST_GUILESS_MAIN(TestLegacySqlRewriter)
#include "tst_legacysqlrewriter.moc"
