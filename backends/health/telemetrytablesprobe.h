#pragma once

#include "clickhouse/clickhouseendpoint.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>

#include <memory>

class ClickHouseClient;
class ClickHouseProbe;
class ClickHouseReply;

/// Rows and disk use of the telemetry tables, from the server's own bookkeeping (system.parts,
/// active parts only: no table is scanned, however large). The Health page shows it, and offers
/// sample telemetry while the tables are empty.
class TelemetryTablesProbe final : public QObject
{
    Q_OBJECT

public:
    struct Table
    {
        QString name;
        qint64 rows = 0;
        qint64 bytesOnDisk = 0;
    };

    explicit TelemetryTablesProbe(QObject* parent = nullptr);
    ~TelemetryTablesProbe() override;
    Q_DISABLE_COPY_MOVE(TelemetryTablesProbe)

    void setDatabase(const QString& database) { m_database = database; }
    QString database() const { return m_database; }
    /// Looks again whenever `probe` finds the server reachable, at most every `minimumIntervalMs`.
    void follow(ClickHouseProbe* probe, int minimumIntervalMs = 10000);
    /// Looks now, at the followed probe's server; asked during a look, looks again once it is in
    /// (so that an answer started before a change never stands for after it).
    void refresh();

    bool hasSample() const { return m_hasSample; }
    /// Every table of the database that holds rows, largest first.
    const QList<Table>& tables() const { return m_tables; }
    /// Rows in traces, metrics and logs together.
    qint64 signalRows() const;
    QString error() const { return m_error; }

Q_SIGNALS:
    void updated();

private:
    void onFinished(ClickHouseReply* reply);

    ClickHouseProbe* m_probe = nullptr;
    QString m_database = QStringLiteral("telemetry");
    std::unique_ptr<ClickHouseClient> m_client;
    ClickHouseReply* m_inFlight = nullptr;
    QElapsedTimer m_sinceLast;
    int m_minimumIntervalMs = 10000;
    QList<Table> m_tables;
    QString m_error;
    bool m_hasSample = false;
    bool m_refreshAgain = false;
};
