#include "clickhouse/clickhouseclient.h"
#include "clickhouse/clickhousereply.h"
#include "clickhouse/clickhouseschemadefinition.h"
#include "clickhouse/clickhouseserverinfo.h"
#include "clickhouse/clickhousetsv.h"
#include "clickhousefixture.h"
#include "modernclickhouse.h"
#include "query/querypreparation.h"
#include "telemetry/clickhouserowmapper.h"
#include "telemetry/sampletelemetry.h"
#include "upstreampanels.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace {
/// Equal text, or numbers equal to 1e-9 relative (the two servers may print a float's last digit
/// differently).
bool sameCell(const QString& a, const QString& b)
{
    if (a == b)
        return true;
    bool aIsNumber = false;
    bool bIsNumber = false;
    const double x = a.toDouble(&aIsNumber);
    const double y = b.toDouble(&bIsNumber);
    return aIsNumber && bIsNumber && std::abs(x - y) <= 1e-9 * std::max({ 1.0, std::abs(x), std::abs(y) });
}

/// A panel's "ORDER BY key [DESC] LIMIT n": rows tied on the key at the cut may differ between
/// servers (which of the tied rows make the cut is not defined), so they are left out of the
/// comparison when the answer is cut.
struct Cut
{
    QString key;
    int limit = -1;
};

Cut cutOf(const QString& sql)
{
    static const QRegularExpression pattern(u"ORDER BY\\s+(\\w+)(?:\\s+(?:DESC|ASC))?\\s+LIMIT\\s+(\\d+)\\s*$"_s,
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(sql);
    return match.hasMatch() ? Cut { match.captured(1), match.captured(2).toInt() } : Cut {};
}

/// The rows of a TabSeparatedWithNames answer, without those tied at the cut.
QList<QStringList> comparableRows(const QString& answer, const Cut& cut)
{
    QList<QStringList> rows = ClickHouseTsv::rows(answer);
    const QStringList names = rows.isEmpty() ? QStringList() : rows.takeFirst();
    const qsizetype key = names.indexOf(cut.key);
    if (cut.limit > 0 && rows.size() == cut.limit && key >= 0) {
        const QString last = rows.last().value(key);
        rows.removeIf([&](const QStringList& row) { return row.value(key) == last; });
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

/// Empty when the answers agree; otherwise the first difference.
QString difference(const QString& legacy, const QString& modern, const Cut& cut)
{
    const QList<QStringList> a = comparableRows(legacy, cut);
    const QList<QStringList> b = comparableRows(modern, cut);
    if (a.size() != b.size())
        return u"18.16 gave %1 rows, 26.7 gave %2"_s.arg(a.size()).arg(b.size());
    for (qsizetype row = 0; row < a.size(); ++row) {
        if (a.at(row).size() != b.at(row).size())
            return u"row %1: %2 columns on 18.16, %3 on 26.7"_s.arg(row).arg(a.at(row).size()).arg(b.at(row).size());
        for (qsizetype column = 0; column < a.at(row).size(); ++column) {
            if (!sameCell(a.at(row).at(column), b.at(row).at(column)))
                return u"row %1 column %2: 18.16 \"%3\", 26.7 \"%4\""_s.arg(row).arg(column).arg(
                    a.at(row).at(column), b.at(row).at(column));
        }
    }
    return {};
}
} // namespace

/// Every panel query of the four upstream dashboards, expanded by the workbench for each server,
/// gives the same answer on ClickHouse 18.16 (legacy dialect: Nested attributes, no
/// toStartOfInterval) and 26.7 (modern: Map, toStartOfInterval) over the same records, written by
/// the row mapper in each dialect.
class TestModernPanels final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void upstreamPanelsAgree();
    void serverDashboardRunsOnModern();
    void settingsTheClientSendsAreKnown();

private:
    bool fill(QString* error);
    QString prepared(const QString& rawSql, const ClickHouseServerInfo& info, QString* error) const;

    ClickHouseFixture m_legacy;
    ModernClickHouse m_modern { QStringLiteral(WORKBENCH_MODERN_PEER), QStringLiteral(WORKBENCH_MODERN_PACKAGE_DIR) };
    ClickHouseServerInfo m_modernInfo;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
};

void TestModernPanels::initTestCase()
{
    START_CLICKHOUSE(m_legacy);
    START_MODERN_CLICKHOUSE(m_modern);
    QByteArray probe;
    QString error;
    QVERIFY2(m_modern.query(ClickHouseServerInfo::probeQuery().toUtf8(), &probe, &error), qPrintable(error));
    QVERIFY2(ClickHouseServerInfo::fromProbeResult(QString::fromUtf8(probe), &m_modernInfo, &error), qPrintable(error));
    QCOMPARE(m_modernInfo.dialect(), ClickHouseServerInfo::Dialect::Modern);
    QCOMPARE(m_legacy.serverInfo().dialect(), ClickHouseServerInfo::Dialect::Legacy);
    for (const QString& statement :
        ClickHouseSchemaDefinition::load(ClickHouseServerInfo::Dialect::Modern, u"telemetry"_s).statements())
        QVERIFY2(m_modern.execute(statement.toUtf8(), &error), qPrintable(error));
    QVERIFY2(fill(&error), qPrintable(error));
}

bool TestModernPanels::fill(QString* error)
{
    // The sample fleet's last hour, without its first five minutes: the panels that filter on
    // now() - INTERVAL 1 HOUR see every record on both servers however long the test takes.
    const quint64 end = quint64(QDateTime::currentMSecsSinceEpoch()) * 1'000'000;
    SampleTelemetry::Options options;
    options.endUnixNano = end;
    options.hours = 1;
    const SampleTelemetry sample(options);
    const ClickHouseRowMapper legacy(ClickHouseRowMapper::Dialect::Legacy);
    const ClickHouseRowMapper modern(ClickHouseRowMapper::Dialect::Modern);
    QByteArray rows[2][3];
    qint64 records = 0;
    for (int index = 5; index < sample.minuteCount(); ++index) {
        const SampleTelemetry::Minute minute = sample.minute(index);
        for (const SpanRecord& span : minute.spans)
            legacy.appendTraceRow(rows[0][0], span), modern.appendTraceRow(rows[1][0], span);
        for (const MetricPoint& point : minute.metrics)
            legacy.appendMetricRow(rows[0][1], point), modern.appendMetricRow(rows[1][1], point);
        for (const LogRecord& log : minute.logs)
            legacy.appendLogRow(rows[0][2], log), modern.appendLogRow(rows[1][2], log);
        records += minute.spans.size() + minute.metrics.size() + minute.logs.size();
    }
    qInfo("%lld records, the same on both servers", records);
    ClickHouseClient client(m_legacy.endpoint());
    const char* tables[] = { "traces", "metrics", "logs" };
    for (int table = 0; table < 3; ++table) {
        const QString statement =
            u"INSERT INTO telemetry.%1 FORMAT JSONEachRow"_s.arg(QLatin1StringView(tables[table]));
        std::unique_ptr<ClickHouseReply> reply(client.insert(statement, rows[0][table]));
        if (!ClickHouseFixture::waitFor(reply.get()) || !reply->isOk()) {
            *error = u"18.16, %1: %2"_s.arg(QLatin1StringView(tables[table]), reply->error().toString());
            return false;
        }
        if (!m_modern.execute(statement.toUtf8() + '\n' + rows[1][table], error)) {
            *error = u"26.7, %1: %2"_s.arg(QLatin1StringView(tables[table]), *error);
            return false;
        }
    }
    m_toMs = qint64(end / 1'000'000);
    m_fromMs = m_toMs - 6 * 3600 * 1000;
    return true;
}

QString TestModernPanels::prepared(const QString& rawSql, const ClickHouseServerInfo& info, QString* error) const
{
    QueryPreparation::Options options;
    options.macros = QueryPreparation::macroContext(m_fromMs, m_toMs, info);
    const QueryPreparation::Prepared result = QueryPreparation::prepare(rawSql, options);
    *error = result.error;
    return result.sql;
}

void TestModernPanels::upstreamPanelsAgree()
{
    QString error;
    const QList<UpstreamPanels::Target> targets = UpstreamPanels::load(&error);
    QVERIFY2(targets.size() >= 20, qPrintable(error));
    int compared = 0;
    int rewritten = 0; // panels whose SQL differs between the dialects (time buckets, mostly)
    for (const UpstreamPanels::Target& target : targets) {
        const QString name = target.dashboard + u" / "_s + target.title;
        const QString legacySql = prepared(target.rawSql, m_legacy.serverInfo(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(name + u": "_s + error));
        const QString modernSql = prepared(target.rawSql, m_modernInfo, &error);
        QVERIFY2(error.isEmpty(), qPrintable(name + u": "_s + error));
        rewritten += legacySql != modernSql ? 1 : 0;
        bool ok = false;
        const QString legacy =
            ClickHouseFixture::run(m_legacy.endpoint(), legacySql + u" FORMAT TabSeparatedWithNames"_s, &ok);
        QVERIFY2(ok, qPrintable(name + u" on 18.16: "_s + legacy));
        QByteArray modern;
        QVERIFY2(m_modern.query(modernSql.toUtf8(), &modern, &error, "TabSeparatedWithNames"),
            qPrintable(name + u" on 26.7: "_s + error + u"\n"_s + modernSql));
        QVERIFY2(legacy.trimmed().contains(u'\n'), qPrintable(name + u": no rows on 18.16"_s));
        const QString different = difference(legacy, QString::fromUtf8(modern), cutOf(target.rawSql.trimmed()));
        QVERIFY2(different.isEmpty(),
            qPrintable(name + u": "_s + different + u"\n18.16 SQL: "_s + legacySql + u"\n26.7 SQL: "_s + modernSql));
        ++compared;
    }
    qInfo(
        "%d panel queries gave the same answer on both servers; %d of them were sent differently", compared, rewritten);
    QVERIFY(rewritten > 0); // else this would not compare the dialects' macro expansions at all
}

void TestModernPanels::serverDashboardRunsOnModern()
{
    // The built-in "ClickHouse server" dashboard reads system tables whose numbers differ from
    // server to server; on 26.7 every one of its queries must run.
    QString error;
    const QList<UpstreamPanels::Target> targets = UpstreamPanels::load(&error, { u"clickhouse-server"_s });
    QVERIFY2(!targets.isEmpty(), qPrintable(error));
    for (const UpstreamPanels::Target& target : targets) {
        const QString sql = prepared(target.rawSql, m_modernInfo, &error);
        QVERIFY2(error.isEmpty(), qPrintable(target.title + u": "_s + error));
        QByteArray answer;
        QVERIFY2(m_modern.query(sql.toUtf8(), &answer, &error), qPrintable(target.title + u": "_s + error));
    }
}

void TestModernPanels::settingsTheClientSendsAreKnown()
{
    // The probe reads the same on 26.7, and every setting the client may send is one the server
    // knows (an unknown one would fail every request it rides on).
    QStringList unknown;
    for (const QString& setting : ClickHouseServerInfo::probedSettings()) {
        if (!m_modernInfo.knowsSetting(setting))
            unknown.append(setting);
    }
    QVERIFY2(unknown.isEmpty(), qPrintable(u"unknown on 26.7: "_s + unknown.join(u", "_s)));
    QVERIFY(m_modernInfo.hasToStartOfInterval());
    QVERIFY(m_modernInfo.hasDateTime64());
    QVERIFY2(m_modernInfo.versionString().startsWith(u"26."_s), qPrintable(m_modernInfo.versionString()));
    // The values the Query page and the streams send, accepted together.
    QByteArray answer;
    QString error;
    QVERIFY2(m_modern.query("SELECT number FROM numbers(10) SETTINGS readonly = 2, max_execution_time = 300, "
                            "output_format_json_quote_64bit_integers = 1, output_format_json_quote_denormals = 1, "
                            "max_result_rows = 5, result_overflow_mode = 'break'",
                 &answer, &error),
        qPrintable(error));
    QVERIFY2(!answer.isEmpty(), answer.constData());
}

QTEST_GUILESS_MAIN(TestModernPanels)
#include "tst_modernpanels.moc"
