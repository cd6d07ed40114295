#pragma once

#include "clickhouseerror.h"
#include "delivery/deliverybatch.h"
#include "delivery/retrypolicy.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

class ClickHouseClient;
class ClickHouseReply;

/// How to find a batch's rows again in its table: the column to filter on (indexed by the
/// upstream ORDER BY or bloom filters) and the expression that gives each row's key.
struct ClickHouseTableKeys
{
    QString table; ///< quoted, with its database: `telemetry`.`traces`
    QString idColumn; ///< span_id, metric_id, log_id
    QString keyExpression; ///< e.g. concat(span_id, '/', toString(timestamp_ns))
};

/// Delivers one batch to one table: INSERT ... FORMAT JSONEachRow, retried with backoff and
/// jitter on network errors, timeouts and 5xx, never on authentication or schema errors. A failed
/// insert is not proof that nothing was written (ClickHouse may have stored the rows before the
/// answer was lost), so before every resend it asks which rows are already there and sends only
/// the others: a batch lands exactly once.
class ClickHouseBatchSender final : public QObject
{
    Q_OBJECT

public:
    struct Outcome
    {
        bool delivered = false;
        bool permanent = false; ///< the server refused the rows; retrying will not help
        ClickHouseError error;
        qint64 rowsInserted = 0; ///< rows this sender wrote
        qint64 rowsAlreadyThere = 0; ///< rows a check found stored by an earlier attempt
        int retries = 0;
        qint64 bytesRaw = 0;
        qint64 bytesSent = 0; ///< after compression
        qint64 latencyMs = 0; ///< of the successful insert
    };

    ClickHouseBatchSender(ClickHouseClient* client, RetryPolicy retry, int compressionLevel, QObject* parent = nullptr);
    ~ClickHouseBatchSender() override;
    Q_DISABLE_COPY_MOVE(ClickHouseBatchSender)

    bool isBusy() const { return m_busy; }
    /// `checkFirst`: the rows may already be (partly) stored, e.g. a batch from the spool.
    void deliver(const DeliveryBatch& batch, const ClickHouseTableKeys& keys, bool checkFirst);
    /// Gives up on the current batch now; finished() follows with delivered = false.
    void abort();

    /// True for errors that resending cannot fix (authentication, unknown table or column,
    /// rows the table cannot parse, read-only user).
    static bool isPermanent(const ClickHouseError& error);
    /// Of those, the ones about the rows themselves (they cannot be parsed or do not fit the
    /// columns), as opposed to the server's set-up (credentials, a missing table), which the user
    /// can fix and after which the same rows go in.
    static bool isBadData(const ClickHouseError& error);

Q_SIGNALS:
    void finished(const DeliveryBatch& batch, const ClickHouseBatchSender::Outcome& outcome);

private:
    void insert();
    void check();
    void checkNextChunk();
    void onInsertFinished(ClickHouseReply* reply);
    void onCheckFinished(ClickHouseReply* reply);
    void retryOrGiveUp(const ClickHouseError& error);
    void finish(bool delivered, const ClickHouseError& error = {});

    QPointer<ClickHouseClient> m_client;
    RetryPolicy m_retry;
    int m_compressionLevel;
    DeliveryBatch m_batch; ///< as given
    DeliveryBatch m_remaining; ///< what still has to be inserted
    ClickHouseTableKeys m_keys;
    Outcome m_outcome;
    QSet<QByteArray> m_present;
    qsizetype m_checkOffset = 0;
    ClickHouseReply* m_reply = nullptr;
    QTimer m_retryTimer;
    bool m_busy = false;
    bool m_checkBeforeNextInsert = false;
};

Q_DECLARE_METATYPE(ClickHouseBatchSender::Outcome)
