#pragma once

#include "capture/sendrunner.h"

#include <QAbstractTableModel>
#include <QList>

/// The sends of this session, newest first, as the Send page lists them: what was sent where,
/// how it went (delivered, failed, in the spool, cancelled), latency, bytes before and after
/// compression, retries, and the payload of the first record. Also the SQL that finds a send's
/// rows again in ClickHouse (the page's "Look it up").
class SendHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        SignalColumn,
        NameColumn,
        BackendColumn,
        SentColumn,
        DeliveredColumn,
        FailedColumn,
        SpooledColumn,
        LatencyColumn,
        BytesColumn,
        RetriesColumn,
        StatusColumn,
        ColumnCount,
    };

    enum Role
    {
        PayloadRole = Qt::UserRole + 1, ///< QString: the first record as it went on the wire
        SucceededRole, ///< bool: every record delivered
    };

    explicit SendHistoryModel(QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(SendHistoryModel)

    /// Adds a finished send at the top; beyond `limit` sends the oldest go.
    void add(const SendRunner::Outcome& outcome);
    const SendRunner::Outcome& outcome(int row) const { return m_outcomes.at(row); }
    void clear();

    /// "Delivered", "Cancelled after 40 of 100", "Failed: ...", "In the spool: ...".
    static QString statusText(const SendRunner::Outcome& outcome);
    /// A query for the rows a send wrote: its table, its name and project, from a second before
    /// it started. `database` is the telemetry database.
    static QString lookUpSql(const SendRunner::Outcome& outcome, const QString& database);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static constexpr int limit = 1000;

private:
    QList<SendRunner::Outcome> m_outcomes;
};
