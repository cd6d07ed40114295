#include "clickhouse/clickhouseschema.h"
#include "clickhouse/clickhouseschemadefinition.h"
#include "modernclickhouse.h"

#include <QTest>

using namespace Qt::StringLiterals;

/// The upstream schema as the modern dialect writes it (Map, DateTime64, TTL, skip indexes,
/// materialized views) installs on ClickHouse 26.7 exactly as `schema install` sends it, and the
/// verify logic agrees with what that server's system.columns reports.
class TestModernSchema final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void installsStatementByStatement();
    void verifyAgreesWithTheServer();
    void verifyNoticesWhatIsMissing();

private:
    QString verifyAnswer(const QString& database);

    ModernClickHouse m_server { QStringLiteral(WORKBENCH_MODERN_PEER), QStringLiteral(WORKBENCH_MODERN_PACKAGE_DIR) };
    ClickHouseSchemaDefinition m_definition =
        ClickHouseSchemaDefinition::load(ClickHouseServerInfo::Dialect::Modern, u"telemetry"_s);
};

void TestModernSchema::initTestCase()
{
    START_MODERN_CLICKHOUSE(m_server);
    QVERIFY2(m_server.version().startsWith(u"26."_s), qPrintable(m_server.version()));
    qInfo("ClickHouse %s (libchdb.so)", qPrintable(m_server.version()));
}

QString TestModernSchema::verifyAnswer(const QString& database)
{
    QByteArray answer;
    QString error;
    QString sql = ClickHouseSchema::reportQuery(database);
    sql.chop(u" FORMAT TabSeparated"_s.size()); // the peer names the format itself
    if (!m_server.query(sql.toUtf8(), &answer, &error, "TabSeparated"))
        qWarning("%s", qPrintable(error));
    return QString::fromUtf8(answer);
}

void TestModernSchema::installsStatementByStatement()
{
    const QStringList statements = m_definition.statements();
    QVERIFY(statements.size() >= 6);
    QVERIFY2(statements.first().contains(u"CREATE DATABASE"_s), qPrintable(statements.first()));
    for (int index = 0; index < statements.size(); ++index) {
        QString error;
        QVERIFY2(m_server.execute(statements.at(index).toUtf8(), &error),
            qPrintable(u"statement %1 of %2: %3\n%4"_s.arg(index + 1)
                           .arg(statements.size())
                           .arg(error, statements.at(index).left(300))));
    }
    // Idempotent, as install promises: the same statements again change nothing and fail nowhere.
    for (const QString& statement : statements) {
        QString error;
        QVERIFY2(m_server.execute(statement.toUtf8(), &error), qPrintable(error));
    }
    // What makes the dialect modern is really there.
    QByteArray answer;
    QString error;
    QVERIFY2(m_server.query("SELECT type FROM system.columns WHERE database = 'telemetry' AND table = 'traces' "
                            "AND name = 'attributes'",
                 &answer, &error),
        qPrintable(error));
    QCOMPARE(answer.trimmed(), "Map(String, String)"_ba);
    QVERIFY2(m_server.query(
                 "SELECT count() FROM system.data_skipping_indices WHERE database = 'telemetry'", &answer, &error),
        qPrintable(error));
    QVERIFY2(answer.trimmed().toInt() > 0, answer.constData());
    QVERIFY2(m_server.query("SELECT engine_full FROM system.tables WHERE database = 'telemetry' AND name = 'traces'",
                 &answer, &error),
        qPrintable(error));
    QVERIFY2(answer.contains("TTL"), answer.constData());
}

void TestModernSchema::verifyAgreesWithTheServer()
{
    const ClickHouseSchemaReport report = ClickHouseSchema::compare(m_definition, verifyAnswer(u"telemetry"_s));
    QVERIFY2(report.isComplete(), qPrintable(report.summary()));
}

void TestModernSchema::verifyNoticesWhatIsMissing()
{
    const ClickHouseSchemaDefinition other =
        ClickHouseSchemaDefinition::load(ClickHouseServerInfo::Dialect::Modern, u"telemetry_damaged"_s);
    for (const QString& statement : other.statements()) {
        QString error;
        QVERIFY2(m_server.execute(statement.toUtf8(), &error), qPrintable(error));
    }
    QString error;
    QVERIFY2(m_server.execute("ALTER TABLE telemetry_damaged.logs DROP COLUMN hostname", &error), qPrintable(error));
    QVERIFY2(m_server.execute("ALTER TABLE telemetry_damaged.traces MODIFY COLUMN duration_ms Float64", &error),
        qPrintable(error));
    const ClickHouseSchemaReport report = ClickHouseSchema::compare(other, verifyAnswer(u"telemetry_damaged"_s));
    QVERIFY(report.databaseExists);
    QVERIFY2(report.missingColumns.size() == 1 && report.missingColumns.first().startsWith(u"logs.hostname "_s),
        qPrintable(report.summary()));
    QVERIFY2(report.wrongTypes.size() == 1 && report.wrongTypes.first().startsWith(u"traces.duration_ms"_s),
        qPrintable(report.summary()));
}

QTEST_GUILESS_MAIN(TestModernSchema)
#include "tst_modernschema.moc"
