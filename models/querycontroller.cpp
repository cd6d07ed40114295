#include "querycontroller.h"

#include <QFileInfo>
#include <QLocale>

using namespace Qt::StringLiterals;
using State = QuerySession::State;

QueryController::QueryController(QObject* parent)
    : QObject(parent)
{
    connect(&m_exporter, &QueryExporter::progressed, this,
        [this](qint64 bytes) { showMessage(tr("Exporting… %1 written").arg(QLocale().formattedDataSize(bytes))); });
    connect(&m_exporter, &QueryExporter::finished, this,
        [this](const ClickHouseError& error, qint64 bytes, qint64 elapsedMs) {
            const QString seconds = QLocale().toString(double(elapsedMs) / 1000.0, 'f', 2);
            if (!error.isError())
                showMessage(
                    tr("Exported %1 to %2 in %3 s").arg(QLocale().formattedDataSize(bytes), m_exportPath, seconds));
            else if (error.kind() == ClickHouseError::Kind::Cancelled)
                showMessage(tr("Export cancelled after %1 s: %2 was left as it was").arg(seconds, m_exportPath));
            else
                showMessage(tr("Export failed: %1 (%2 was left as it was)").arg(error.toString(), m_exportPath));
            Q_EMIT busyChanged(false);
        });
    connect(&m_session, &QuerySession::stateChanged, this, &QueryController::onStateChanged);
    connect(&m_session, &QuerySession::progressed, this, &QueryController::statusChanged);
}

QueryController::~QueryController() = default;

void QueryController::setServer(const ClickHouseEndpoint& endpoint, const ClickHouseServerInfo& info)
{
    m_info = info;
    m_session.setServer(endpoint, info);
    m_exporter.setServer(endpoint, info);
}

void QueryController::run(const QList<Statement>& statements, const Options& options)
{
    if (isBusy())
        return;
    m_options = options;
    m_message.clear();
    m_queue = statements;
    if (m_queue.isEmpty()) {
        showMessage(tr("Nothing to run: write a statement."));
        return;
    }
    Q_EMIT busyChanged(true);
    runNext();
}

void QueryController::runNext()
{
    m_current = m_queue.takeFirst();
    const QueryPreparation::Prepared prepared = QueryPreparation::prepare(m_current.text, m_options);
    if (!prepared.ok()) {
        fail(prepared.error, prepared.errorOffset < 0 ? -1 : m_current.offset + prepared.errorOffset);
        return;
    }
    m_currentSent = prepared.sql;
    Q_EMIT statementSent(prepared.sql);
    m_session.run(prepared.sql, QueryPreparation::requestSettings(m_options.readOnly));
    Q_EMIT statusChanged();
}

void QueryController::fail(const QString& message, qsizetype offset)
{
    m_queue.clear();
    if (offset >= 0)
        Q_EMIT errorAt(offset);
    showMessage(message);
    Q_EMIT statementEnded(m_current.text, message, true);
    Q_EMIT busyChanged(false);
}

void QueryController::onStateChanged(State state)
{
    Q_EMIT statusChanged();
    // Not on every block: a million rows would be charted a hundred times.
    if (state == State::Finished || state == State::Cancelled || state == State::MoreAvailable
        || state == State::Failed)
        Q_EMIT resultSettled();
    switch (state) {
    case State::Finished:
        Q_EMIT statementEnded(m_current.text, statusText(), false);
        if (!m_queue.isEmpty())
            runNext();
        else
            Q_EMIT busyChanged(false);
        break;
    case State::Cancelled:
        m_queue.clear();
        Q_EMIT statementEnded(m_current.text, statusText(), true);
        Q_EMIT busyChanged(false);
        break;
    case State::Failed: {
        m_queue.clear();
        const ClickHouseError& error = m_session.error();
        // The server refused this statement: show where. A lost connection is not the SQL's fault.
        if (error.kind() == ClickHouseError::Kind::Server)
            Q_EMIT errorAt(m_current.offset + QueryPreparation::errorOffset(m_current.text, m_currentSent, error));
        const QString hint = QueryPreparation::readOnlyHint(error, m_options.readOnly);
        if (!hint.isEmpty())
            showMessage(m_session.statusText() + u' ' + hint);
        Q_EMIT statementEnded(m_current.text, error.toString(), true);
        Q_EMIT busyChanged(false);
        break;
    }
    case State::Idle:
    case State::Running:
    case State::MoreAvailable:
        break;
    }
}

bool QueryController::canExport() const
{
    return !m_currentSent.isEmpty() && m_session.state() != State::Running && m_queue.isEmpty()
        && !m_exporter.isRunning();
}

void QueryController::exportResult(const QString& path)
{
    if (!canExport()) {
        if (m_currentSent.isEmpty())
            showMessage(tr("Run a statement first: the export runs it again and writes every row."));
        return;
    }
    m_exportPath = QFileInfo(path).absoluteFilePath();
    showMessage(tr("Exporting to %1…").arg(m_exportPath));
    m_exporter.start(
        m_currentSent, QueryExporter::formatForPath(path), path, QueryPreparation::requestSettings(m_options.readOnly));
    Q_EMIT busyChanged(true);
}

void QueryController::cancel()
{
    m_queue.clear();
    m_session.cancel();
    m_exporter.cancel();
}

QString QueryController::statusText() const
{
    return m_message.isEmpty() ? m_session.statusText() : m_message;
}

void QueryController::showMessage(const QString& message)
{
    m_message = message;
    Q_EMIT statusChanged();
}
