#pragma once

#include "query/queryexporter.h"
#include "query/querypreparation.h"
#include "querysession.h"
#include "sql/sqlstatementsplitter.h"

#include <QObject>

/// The Query page's engine, without a widget: runs a list of statements one after another into
/// one QuerySession (the result shown is the last one's), stopping at the first error; prepares
/// each one as every caller does (QueryPreparation: macros, the destructive-statement gate,
/// read-only); maps the server's error back to the statement's place in the caller's text; and
/// exports the last statement's whole result to a file. What it says is one status line.
class QueryController final : public QObject
{
    Q_OBJECT

public:
    using Options = QueryPreparation::Options;
    using Statement = SqlStatementSplitter::Statement;

    explicit QueryController(QObject* parent = nullptr);
    ~QueryController() override;
    Q_DISABLE_COPY_MOVE(QueryController)

    void setServer(const ClickHouseEndpoint& endpoint, const ClickHouseServerInfo& info);
    /// Runs `statements` (their offsets are where they stand in the caller's text); nothing
    /// happens while busy. An empty list says there is nothing to run.
    void run(const QList<Statement>& statements, const Options& options);
    void cancel();
    void loadMore() { m_session.loadMore(); }
    void loadAll() { m_session.loadAll(); }

    /// Runs the last statement again with its whole result written to `path` (CSV, TSV or JSON
    /// by the extension); the status line follows it, cancel() stops it.
    void exportResult(const QString& path);
    bool isExporting() const { return m_exporter.isRunning(); }
    /// A statement ran and nothing is running now (a result waiting at its row cap may be exported).
    bool canExport() const;
    bool isBusy() const { return m_session.isActive() || !m_queue.isEmpty() || m_exporter.isRunning(); }

    QuerySession* session() { return &m_session; }
    const ClickHouseServerInfo& serverInfo() const { return m_info; }
    /// The SQL of the last statement as sent (macros expanded).
    QString sentSql() const { return m_currentSent; }
    /// The session's status, or a message of the controller's own (a local error, an export).
    QString statusText() const;
    /// Shows `message` instead of the session's status until the next run.
    void showMessage(const QString& message);

Q_SIGNALS:
    /// A statement was sent as `sql`.
    void statementSent(const QString& sql);
    /// The statement that failed is wrong at `offset` of the caller's text.
    void errorAt(qsizetype offset);
    /// A statement ended (any way): for the history.
    void statementEnded(const QString& sql, const QString& outcome, bool failed);
    /// Rows stopped arriving (finished, failed, cancelled or held at the cap): time to chart them.
    void resultSettled();
    void busyChanged(bool busy);
    void statusChanged();

private:
    void runNext();
    void onStateChanged(QuerySession::State state);
    /// Ends the run with `message`; marks `offset` unless it is negative.
    void fail(const QString& message, qsizetype offset);

    QuerySession m_session;
    QueryExporter m_exporter;
    QList<Statement> m_queue; ///< still to run
    Statement m_current;
    QString m_currentSent;
    Options m_options;
    ClickHouseServerInfo m_info;
    QString m_message;
    QString m_exportPath;
};
