#pragma once

#include "clickhouse/clickhouseendpoint.h"
#include "clickhousefigures.h"

#include <QElapsedTimer>
#include <QObject>

#include <functional>
#include <memory>

class ClickHouseClient;
class ClickHouseProbe;
class ClickHouseReply;

/// Looks at a ClickHouse server's figures (ClickHouseFigures) whenever the followed probe finds
/// it reachable, at most every `minimumIntervalMs`: uptime, queries running and rows inserted
/// (system.processes, system.events), rows, bytes and the parts count per telemetry table
/// (system.parts, no table scanned), each table's newest row, and the INSERTs from other clients
/// that failed in the last 24 hours (system.query_log, where the server keeps one: the managed
/// server does). The workbench's own requests are left out of the failures by their User-Agent:
/// the collector tile reports those. One query at a time; a look in flight is never doubled.
class ClickHouseFiguresProbe final : public QObject
{
    Q_OBJECT

public:
    explicit ClickHouseFiguresProbe(QObject* parent = nullptr);
    ~ClickHouseFiguresProbe() override;
    Q_DISABLE_COPY_MOVE(ClickHouseFiguresProbe)

    void setDatabase(const QString& database) { m_database = database; }
    void follow(ClickHouseProbe* probe, int minimumIntervalMs = 5000);
    void setMinimumIntervalMs(int milliseconds) { m_minimumIntervalMs = milliseconds; }
    /// Looks now (or, during a look, once more when it is done: a look is never abandoned).
    void refresh();

    bool hasFigures() const { return m_figures.takenAt.isValid(); }
    const ClickHouseFigures& figures() const { return m_figures; }

    /// The statements of one look, for tests and "open as SQL".
    static QString loadStatement();
    static QString partsStatement(const QString& database);
    static QString newestRowStatement(const QString& database, const QStringList& tables);
    static QString failedInsertsStatement();
    /// The most failed inserts one look lists.
    static constexpr int failedInsertsLimit = 100;

Q_SIGNALS:
    void updated(const ClickHouseFigures& figures);

private:
    using Step = std::function<void(ClickHouseReply*)>;
    void ask(const QString& sql, Step then);
    void onLoad(ClickHouseReply* reply);
    void onParts(ClickHouseReply* reply);
    void onNewestRows(ClickHouseReply* reply);
    void onFailedInserts(ClickHouseReply* reply);
    void finish(const QString& error = {});

    ClickHouseProbe* m_probe = nullptr;
    QString m_database = QStringLiteral("telemetry");
    std::unique_ptr<ClickHouseClient> m_client;
    ClickHouseReply* m_inFlight = nullptr;
    QElapsedTimer m_sinceLast;
    int m_minimumIntervalMs = 5000;
    bool m_refreshAgain = false;
    ClickHouseFigures m_figures;
    ClickHouseFigures m_next; ///< the look under way
    qint64 m_insertedRows = -1; ///< system.events InsertedRows at the last look
    QElapsedTimer m_sinceInsertedRows;
};
