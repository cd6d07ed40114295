#pragma once

#include "clickhouse/clickhouseendpoint.h"
#include "clickhouse/clickhouseserverinfo.h"
#include "clickhouse/localclickhouse.h"

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

private:
    QString m_database;
    QTemporaryDir m_directory;
    std::unique_ptr<LocalClickHouse> m_managed;
    ClickHouseEndpoint m_endpoint;
    ClickHouseServerInfo m_info;
};
