#include "collectortile.h"

#include "collector/localcollector.h"
#include "statuscolors.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace {
QLabel* valueLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    return label;
}

QString statusErrors(const ListenerStatistics& statistics)
{
    if (statistics.errors() == 0)
        return CollectorTile::tr("none");
    QStringList parts;
    for (auto it = statistics.answersByStatus.cbegin(); it != statistics.answersByStatus.cend(); ++it) {
        if (it.key() >= 400)
            parts.append(QStringLiteral("%1 × %2").arg(it.value()).arg(it.key()));
    }
    return parts.join(QStringLiteral(", ")) + QStringLiteral(" — ") + statistics.lastError;
}
} // namespace

CollectorTile::CollectorTile(const LocalCollector* collector, QWidget* parent)
    : QGroupBox(tr("Local collector"), parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* stateRow = new QHBoxLayout;
    m_dot = new QLabel(this);
    m_dot->setFixedSize(12, 12);
    m_state = valueLabel(this);
    stateRow->addWidget(m_dot);
    stateRow->addWidget(m_state, 1);
    layout->addLayout(stateRow);
    auto* form = new QFormLayout;
    m_receiver = valueLabel(this);
    m_gateway = valueLabel(this);
    m_accepted = valueLabel(this);
    m_errors = valueLabel(this);
    m_delivery = valueLabel(this);
    form->addRow(tr("OTLP receiver:"), m_receiver);
    form->addRow(tr("ClickHouse gateway:"), m_gateway);
    form->addRow(tr("Accepted:"), m_accepted);
    form->addRow(tr("Errors:"), m_errors);
    form->addRow(tr("Into ClickHouse:"), m_delivery);
    layout->addLayout(form);
    showStatus({});
    if (collector)
        connect(collector, &LocalCollector::statusChanged, this, &CollectorTile::showStatus);
    else
        m_state->setText(tr("Not running: the collector runs in front of the managed ClickHouse only"));
}

CollectorTile::~CollectorTile() = default;

void CollectorTile::showStatus(const CollectorStatus& status)
{
    const QLocale locale;
    switch (status.state) {
    case CollectorStatus::State::Running:
        m_dot->setStyleSheet(StatusColors::dotStyleSheet(ClickHouseStatusSummary::Level::Ok));
        m_state->setText(tr("Receiving"));
        break;
    case CollectorStatus::State::Failed:
        m_dot->setStyleSheet(StatusColors::dotStyleSheet(ClickHouseStatusSummary::Level::Error));
        m_state->setText(tr("Could not start: %1").arg(status.error));
        break;
    case CollectorStatus::State::Stopped:
        m_dot->setStyleSheet(StatusColors::dotStyleSheet(ClickHouseStatusSummary::Level::Idle));
        m_state->setText(tr("Stopped; it starts with the managed ClickHouse"));
        break;
    }
    m_receiver->setText(status.otlpUrl.isValid()
            ? tr("%1 (/v1/traces, /v1/metrics, /v1/logs), %2 requests")
                  .arg(status.otlpUrl.toString(), locale.toString(status.receiver.requests))
            : tr("not listening"));
    m_gateway->setText(status.gatewayUrl.isValid()
            ? tr("%1 (INSERT … FORMAT JSONEachRow), %2 requests")
                  .arg(status.gatewayUrl.toString(), locale.toString(status.gateway.requests))
            : tr("not listening"));
    auto accepted = [&](ListenerStatistics::Kind kind) {
        return locale.toString(status.receiver.accepted[size_t(kind)] + status.gateway.accepted[size_t(kind)]);
    };
    m_accepted->setText(tr("%1 spans, %2 metric points, %3 logs")
                            .arg(accepted(ListenerStatistics::Traces), accepted(ListenerStatistics::Metrics),
                                accepted(ListenerStatistics::Logs)));
    const qint64 errors = status.receiver.errors() + status.gateway.errors();
    m_errors->setText(errors == 0
            ? tr("none")
            : tr("receiver: %1; gateway: %2").arg(statusErrors(status.receiver), statusErrors(status.gateway)));
    QString delivery = tr("%1 rows stored, %2 waiting in the spool")
                           .arg(locale.toString(status.rowsDelivered), locale.toString(status.spooledRows));
    if (status.rowsLost > 0)
        delivery += tr(", %1 lost").arg(locale.toString(status.rowsLost));
    if (!status.deliveryError.isEmpty() && status.spooledRows > 0)
        delivery += QStringLiteral(" — ") + status.deliveryError;
    m_delivery->setText(delivery);
}

QString CollectorTile::stateText() const
{
    return m_state->text();
}

QString CollectorTile::receiverText() const
{
    return m_receiver->text();
}

QString CollectorTile::acceptedText() const
{
    return m_accepted->text();
}

QString CollectorTile::errorsText() const
{
    return m_errors->text();
}
