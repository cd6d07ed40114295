#include "querysession.h"

#include "pluralcount.h"

#include <QLocale>

using namespace Qt::StringLiterals;

QuerySession::QuerySession(QObject* parent)
    : QObject(parent)
{
    connect(&m_runner, &QueryRunner::columnsReady, &m_model, &QueryResultModel::setColumns);
    connect(&m_runner, &QueryRunner::rowsReady, this, &QuerySession::onRows);
    connect(&m_runner, &QueryRunner::waitingForAllowance, this, [this] {
        if (m_state == State::Running && !m_loadingAll)
            setState(State::MoreAvailable);
    });
    connect(&m_runner, &QueryRunner::finished, this, &QuerySession::onFinished);
}

void QuerySession::setServer(const ClickHouseEndpoint& endpoint, const ClickHouseServerInfo& info)
{
    m_runner.setServer(endpoint, info);
}

void QuerySession::run(const QString& sql, const ClickHouseClient::Settings& settings)
{
    m_model.clear();
    m_error = {};
    m_statistics = {};
    m_received = 0;
    m_granted = m_rowCap;
    m_loadingAll = false;
    m_timer.start();
    m_runner.run(sql, settings, m_rowCap);
    setState(State::Running);
}

void QuerySession::loadMore()
{
    if (m_state != State::MoreAvailable)
        return;
    m_granted += m_rowCap;
    m_runner.grant(m_rowCap);
    setState(State::Running);
}

void QuerySession::loadAll()
{
    if (!isActive())
        return;
    m_loadingAll = true;
    m_granted += loadAllStep;
    m_runner.grant(loadAllStep);
    setState(State::Running);
}

void QuerySession::cancel()
{
    if (isActive())
        m_runner.cancel();
}

void QuerySession::onRows(const ResultRows& rows)
{
    m_model.appendRows(rows);
    m_received += rows.rowCount();
    // "Load all" asks for more while half a step is still on its way, so the worker never waits
    // and never gets more than a step and a half ahead of the grid.
    if (m_loadingAll && m_granted - m_received < loadAllStep / 2) {
        m_granted += loadAllStep;
        m_runner.grant(loadAllStep);
    }
    Q_EMIT progressed();
}

void QuerySession::onFinished(
    const ClickHouseError& error, const ClickHouseQueryStatistics& statistics, qint64 elapsedMs)
{
    m_error = error;
    m_statistics = statistics;
    m_elapsedMs = elapsedMs;
    if (!error.isError())
        setState(State::Finished);
    else if (error.kind() == ClickHouseError::Kind::Cancelled)
        setState(State::Cancelled);
    else
        setState(State::Failed);
}

qint64 QuerySession::elapsedMs() const
{
    return isActive() && m_timer.isValid() ? m_timer.elapsed() : m_elapsedMs;
}

QString QuerySession::statusText() const
{
    const QLocale locale;
    // The row count is the %Ln of each sentence: the words around it agree with it ("1 linha
    // mantida", "2 linhas mantidas").
    const int rows = m_model.rowCount();
    const QString time = tr("%1 s").arg(locale.toString(double(elapsedMs()) / 1000.0, 'f', 2));
    switch (m_state) {
    case State::Idle:
        return {};
    case State::Running:
        return tr("Running… %Ln row(s) so far, %1", nullptr, rows).arg(time);
    case State::MoreAvailable:
        return tr("%Ln row(s) shown; the server has more (load more or load all)", nullptr, rows);
    case State::Cancelled:
        return tr("Cancelled after %1: %Ln row(s) kept", nullptr, rows).arg(time);
    case State::Failed:
        return tr("Failed after %1 (%Ln row(s) kept): %2", nullptr, rows).arg(time, m_error.toString());
    case State::Finished:
        break;
    }
    QString text = tr("%Ln row(s) in %1", nullptr, rows).arg(time);
    // The server can read billions of rows, more than tr()'s count holds.
    if (m_statistics.rowsRead >= 0)
        text += PluralCount::withFigure(
            tr("; the server read %Ln row(s), %1", nullptr, PluralCount::n(m_statistics.rowsRead)),
            m_statistics.rowsRead)
                    .arg(locale.formattedDataSize(qMax<qint64>(0, m_statistics.bytesRead)));
    // 18.16 reports it for queries without a LIMIT too: worth saying only when a LIMIT cut rows.
    if (m_statistics.rowsBeforeLimit > m_received)
        text += PluralCount::withFigure(
            tr("; %Ln row(s) before LIMIT", nullptr, PluralCount::n(m_statistics.rowsBeforeLimit)),
            m_statistics.rowsBeforeLimit);
    return text;
}

void QuerySession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}
