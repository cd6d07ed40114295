#pragma once

#include "clickhouse/clickhouseendpoint.h"
#include "clickhouse/clickhouseserverinfo.h"
#include "clickhouse/localclickhouse.h"
#include "telemetry/clickhouserowmapper.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

class ClickHouseReply;

/// A real clickhouse-server for one test: the very LocalClickHouse the app uses, in a temporary
/// folder, on free loopback ports. Stopped and removed when the fixture goes away.
class ClickHouseFixture final
{
public:
    ClickHouseFixture();
    ~ClickHouseFixture();
    Q_DISABLE_COPY_MOVE(ClickHouseFixture)

    /// Starts the server and waits until it answers, knows its capabilities and has the
    /// upstream schema in `options.schemaDatabase` (telemetry by default), or fails. On failure
    /// `error` says why and, when the server is missing, how to install it.
    bool start(QString* error, LocalClickHouse::Options options = {});

    LocalClickHouse& server() { return *m_server; }
    ClickHouseEndpoint endpoint() const { return m_server->endpoint(); }
    QString dataDirectory() const { return m_directory.path(); }

    /// Loads `hours` of sample telemetry into the telemetry database (the rows `sample` writes),
    /// without the minutes near the upstream dashboards' moving edges (an hour and 12 hours ago).
    bool loadSample(int hours, QString* error);

    /// Installs the upstream schema in another `database` too, in the server's dialect.
    bool installSchema(QString* error, const QString& database = QStringLiteral("telemetry"));
    const ClickHouseServerInfo& serverInfo() const { return m_info; }
    ClickHouseRowMapper::Dialect rowDialect() const;

    /// Managed-server options for a data folder of the test's own.
    static LocalClickHouse::Options optionsIn(const QString& dataDirectory);
    /// Leaves a data folder whose next start cannot install the schema, as an older, damaged
    /// installation would: a server runs from it once, then the rollup's view and the column it
    /// needs (traces.duration_ms) are dropped. False, with the reason, when that fails.
    static bool damageSchemaIn(const QString& dataDirectory, QString* error);

    /// Runs one statement and returns its text (or the error text, with `ok` false).
    static QString run(const ClickHouseEndpoint& endpoint, const QString& sql, bool* ok = nullptr);

    /// Waits (processing events) until the reply has finished; false on timeout.
    static bool waitFor(ClickHouseReply* reply, int timeoutMs = 60000);
    /// Waits until the server is Running or Failed.
    static bool waitForStartOutcome(LocalClickHouse& server, int timeoutMs = 90000);

private:
    QTemporaryDir m_directory;
    std::unique_ptr<LocalClickHouse> m_server;
    ClickHouseServerInfo m_info;
};

/// In a test function: start a fixture or fail the test with the reason.
#define START_CLICKHOUSE(fixture)                                                                                      \
    do {                                                                                                               \
        QString startError_;                                                                                           \
        if (!(fixture).start(&startError_))                                                                            \
            QFAIL(qPrintable(startError_));                                                                            \
    } while (false)
