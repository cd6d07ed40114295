#pragma once

#include "clickhouse/clickhouseendpoint.h"
#include "clickhouse/clickhouseserverinfo.h"
#include "clickhouse/localclickhouse.h"
#include "telemetry/clickhouserowmapper.h"

#include <QTemporaryDir>

#include <memory>

/// The ClickHouse a benchmark measures against: a managed server in a temporary folder (or an
/// external one), with the upstream schema installed in a database of the benchmark's own.
/// Blocking helpers: benchmarks run headless, one step after another.
class BenchServer final
{
public:
    explicit BenchServer(QString database = QStringLiteral("bench"));
    ~BenchServer();
    Q_DISABLE_COPY_MOVE(BenchServer)

    /// Starts the managed server (or uses `external` when it is valid) and installs the schema.
    bool start(QString* error, const ClickHouseEndpoint& external = {});

    ClickHouseEndpoint endpoint() const; ///< with the benchmark database
    const ClickHouseServerInfo& info() const { return m_info; }
    QString database() const { return m_database; }
    /// The native port for clickhouse-client (managed server only; 0 otherwise).
    quint16 tcpPort() const;
    QString password() const { return m_endpoint.password; }
    QString user() const { return m_endpoint.user; }

    /// Runs one statement and waits; returns its text (or the error, with ok = false).
    QString run(const QString& sql, bool* ok = nullptr) const;
    /// True when clickhouse-client is installed and the server has a native port for it.
    bool hasClient() const;
    /// Runs clickhouse-client with `query` (and `inputFile` on its standard input, when given),
    /// timing the whole process: start, connection, parsing and insert.
    bool runClient(const QString& query, const QString& inputFile, double* seconds, QString* error) const;
    /// The telemetry rows of the benchmark's events as the server's dialect writes them.
    ClickHouseRowMapper::Dialect rowDialect() const;

private:
    QString m_database;
    QTemporaryDir m_directory;
    std::unique_ptr<LocalClickHouse> m_managed;
    ClickHouseEndpoint m_endpoint;
    ClickHouseServerInfo m_info;
};
