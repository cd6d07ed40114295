#pragma once

#include "clickhousestatussummary.h"
#include "collector/collectorstatus.h"

#include <QObject>

class ClickHouseProbe;
class LocalClickHouse;
class LocalCollector;

/// Says when a part of the stack changes state (ClickHouse up, down or stopped; the collector
/// receiving, failed or stopped), once per change, for the status bar and the tray. Starting and
/// stopping in between are not worth a word; the first look is announced only when it is a failure.
class StackStateAnnouncer final : public QObject
{
    Q_OBJECT

public:
    explicit StackStateAnnouncer(QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(StackStateAnnouncer)

    /// `managed` may be null (an external server); `probe` may be null.
    void watchClickHouse(LocalClickHouse* managed, ClickHouseProbe* probe);
    /// The collector lives on its own thread: its statuses arrive queued.
    void watchCollector(const LocalCollector* collector);

Q_SIGNALS:
    void announced(const QString& text, bool problem);

private:
    void clickHouseChanged();
    void collectorChanged(const CollectorStatus& status);

    LocalClickHouse* m_managed = nullptr;
    ClickHouseProbe* m_probe = nullptr;
    bool m_clickHouseKnown = false;
    ClickHouseStatusSummary::Level m_clickHouseLevel = ClickHouseStatusSummary::Level::Idle;
    bool m_collectorKnown = false;
    CollectorStatus::State m_collectorState = CollectorStatus::State::Stopped;
};
