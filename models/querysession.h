#pragma once

#include "query/queryrunner.h"
#include "queryresultmodel.h"

#include <QElapsedTimer>
#include <QObject>

/// One query as the Query page runs it: the runner on its worker thread, the result model it
/// fills, and the row cap. The first `rowCap` rows are shown (the server is held back after
/// them); loadMore() shows another `rowCap`, loadAll() the rest. cancel() stops the query on the
/// server and keeps what arrived.
class QuerySession final : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Idle,
        Running,
        MoreAvailable, ///< the cap is reached and the server has more
        Finished,
        Failed,
        Cancelled,
    };
    Q_ENUM(State)

    explicit QuerySession(QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(QuerySession)

    void setServer(const ClickHouseEndpoint& endpoint, const ClickHouseServerInfo& info);
    void setRowCap(qint64 rows) { m_rowCap = rows; }
    qint64 rowCap() const { return m_rowCap; }

    /// Runs one statement (without a FORMAT clause); the model starts over.
    void run(const QString& sql, const ClickHouseClient::Settings& settings = {});
    void loadMore();
    void loadAll();
    void cancel();

    QueryResultModel* model() { return &m_model; }
    State state() const { return m_state; }
    bool isActive() const { return m_state == State::Running || m_state == State::MoreAvailable; }
    const ClickHouseError& error() const { return m_error; }
    const ClickHouseQueryStatistics& statistics() const { return m_statistics; }
    qint64 elapsedMs() const;
    /// One line for the status under the grid: rows, time, what the server read, or the error.
    QString statusText() const;

Q_SIGNALS:
    void stateChanged(QuerySession::State state);
    /// Rows were added to the model.
    void progressed();

private:
    void setState(State state);
    void onRows(const ResultRows& rows);
    void onFinished(const ClickHouseError& error, const ClickHouseQueryStatistics& statistics, qint64 elapsedMs);

    /// How many rows "load all" asks for at a time: the worker may get this far ahead of the grid.
    static constexpr qint64 loadAllStep = 50000;

    QueryRunner m_runner;
    QueryResultModel m_model;
    State m_state = State::Idle;
    ClickHouseError m_error;
    ClickHouseQueryStatistics m_statistics;
    QElapsedTimer m_timer;
    qint64 m_elapsedMs = 0;
    qint64 m_rowCap = 10000;
    qint64 m_granted = 0; ///< rows allowed so far
    qint64 m_received = 0;
    bool m_loadingAll = false;
};
