#pragma once

#include "collector/collectorstatus.h"

#include <QGroupBox>

class LocalCollector;
class QGridLayout;
class QLabel;

/// The Health page's "Local collector" tile: the OTLP receiver's and the ClickHouse gateway's
/// addresses and state, errors by status, and the pipeline: per signal the records accepted,
/// refused and stored in ClickHouse, and the spool's backlog with its age. Fed by the
/// collector's statusChanged() from its own thread; calls nothing on it.
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
    /// One signal's row of the pipeline: "7 accepted, 0 refused, 7 stored".
    QString pipelineText(ListenerStatistics::Kind kind) const;
    QString spoolText() const;
    QString errorsText() const;

private:
    QGridLayout* buildPipeline();

    QLabel* m_dot;
    QLabel* m_state;
    QLabel* m_receiver;
    QLabel* m_gateway;
    QLabel* m_pipeline[3][3]; ///< per kind: accepted, refused, stored
    QLabel* m_errors;
    QLabel* m_spool;
};
