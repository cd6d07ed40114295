#pragma once

#include "clickhouseschemadefinition.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

class ClickHouseClient;
class ClickHouseReply;

/// How a live database compares with the schema definition.
struct ClickHouseSchemaReport
{
    bool databaseExists = false;
    QStringList missingObjects; ///< tables and views
    QStringList missingColumns; ///< "traces.user_id String"
    QStringList wrongTypes; ///< "traces.duration_ms: expected UInt32, found UInt64"

    bool isComplete() const
    {
        return databaseExists && missingObjects.isEmpty() && missingColumns.isEmpty() && wrongTypes.isEmpty();
    }
    QString summary() const;
};

/// Installs, verifies, upgrades, resets and drops the upstream schema on one server, in the
/// dialect that server needs (ClickHouseServerInfo::dialect()). Asynchronous; one operation at a
/// time; finished() after each. Reset and drop destroy data: the caller asks the user first.
class ClickHouseSchema final : public QObject
{
    Q_OBJECT

public:
    ClickHouseSchema(ClickHouseClient* client, ClickHouseSchemaDefinition definition, QObject* parent = nullptr);
    ~ClickHouseSchema() override;
    Q_DISABLE_COPY_MOVE(ClickHouseSchema)

    const ClickHouseSchemaDefinition& definition() const { return m_definition; }
    bool isBusy() const { return m_busy; }
    ClickHouseSchemaReport lastReport() const { return m_report; }

    /// CREATE ... IF NOT EXISTS for everything: safe to run on an existing database.
    void install();
    /// Compares the database with the definition; the result is lastReport().
    void verify();
    /// Creates what is missing (objects, then columns); never drops or changes what exists.
    void upgrade();
    /// Empties every table of the schema: drops the schema's tables and views and creates them
    /// again (durable on every version, unlike TRUNCATE on 18.16).
    void reset();
    /// DROP DATABASE: everything goes.
    void drop();

    /// What verify() asks the server (TabSeparated), and how it compares the answer with the
    /// definition: apart, so that a server without HTTP (the modern test peer) is verified alike.
    static QString reportQuery(const QString& database);
    static ClickHouseSchemaReport compare(const ClickHouseSchemaDefinition& definition, const QString& answer);

Q_SIGNALS:
    void progress(const QString& step);
    void finished(bool ok, const QString& error);

private:
    bool begin(const QString& operation);
    void runStatements(QStringList statements, std::function<void()> then);
    void fetchReport(std::function<void()> then);
    void succeed();
    void fail(const QString& error);

    QPointer<ClickHouseClient> m_client;
    ClickHouseSchemaDefinition m_definition;
    ClickHouseSchemaReport m_report;
    ClickHouseReply* m_reply = nullptr;
    QString m_operation;
    bool m_busy = false;
};
