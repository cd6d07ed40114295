#pragma once

#include "collector/collectorstatus.h"

#include <QGroupBox>

class LocalCollector;
class QLabel;

/// The Health page's "Local collector" tile: the OTLP receiver's and the ClickHouse gateway's
/// addresses and state, what they took per signal, errors by status, and how deliveries to
/// ClickHouse stand (rows stored, rows waiting in the spool). Fed by the collector's
/// statusChanged() from its own thread; calls nothing on it.
class CollectorTile final : public QGroupBox
{
    Q_OBJECT

public:
    explicit CollectorTile(const LocalCollector* collector, QWidget* parent = nullptr);
    ~CollectorTile() override;
    Q_DISABLE_COPY_MOVE(CollectorTile)

    void showStatus(const CollectorStatus& status);
    QString stateText() const;
    QString receiverText() const;
    QString acceptedText() const;
    QString errorsText() const;

private:
    QLabel* m_dot;
    QLabel* m_state;
    QLabel* m_receiver;
    QLabel* m_gateway;
    QLabel* m_accepted;
    QLabel* m_errors;
    QLabel* m_delivery;
};
