#include "collectortile.h"

#include "collector/localcollector.h"
#include "pluralcount.h"
#include "statuscolors.h"
#include "tablefiguresmodel.h"

#include <QDateTime>
#include <QFormLayout>
#include <QGridLayout>
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
    m_errors = valueLabel(this);
    m_spool = valueLabel(this);
    form->addRow(tr("OTLP receiver:"), m_receiver);
    form->addRow(tr("ClickHouse gateway:"), m_gateway);
    form->addRow(tr("Errors:"), m_errors);
    layout->addLayout(form);
    layout->addLayout(buildPipeline());
    auto* spoolForm = new QFormLayout;
    spoolForm->addRow(tr("Spool:"), m_spool);
    layout->addLayout(spoolForm);
    showStatus({});
    if (collector)
        connect(collector, &LocalCollector::statusChanged, this, &CollectorTile::showStatus);
    else
        m_state->setText(tr("Not running: the collector runs in front of the managed ClickHouse only"));
}

CollectorTile::~CollectorTile() = default;

QGridLayout* CollectorTile::buildPipeline()
{
    // Receiver and gateway together, as the records go on together into the same tables.
    auto* grid = new QGridLayout;
    const QString columns[] = { tr("Accepted"), tr("Refused"), tr("Stored in ClickHouse") };
    const QString kinds[] = { tr("Spans"), tr("Metric points"), tr("Logs") };
    grid->addWidget(new QLabel(tr("<b>Pipeline</b>"), this), 0, 0);
    for (int column = 0; column < 3; ++column) {
        auto* header = new QLabel(columns[column], this);
        header->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        grid->addWidget(header, 0, column + 1);
    }
    for (int kind = 0; kind < 3; ++kind) {
        grid->addWidget(new QLabel(kinds[kind], this), kind + 1, 0);
        for (int column = 0; column < 3; ++column) {
            m_pipeline[kind][column] = valueLabel(this);
            m_pipeline[kind][column]->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_pipeline[kind][column]->setAccessibleName(kinds[kind] + u' ' + columns[column].toLower());
            grid->addWidget(m_pipeline[kind][column], kind + 1, column + 1);
        }
    }
    grid->setColumnStretch(0, 1);
    return grid;
}

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
    for (size_t kind = 0; kind < 3; ++kind) {
        m_pipeline[kind][0]->setText(locale.toString(status.receiver.accepted[kind] + status.gateway.accepted[kind]));
        m_pipeline[kind][1]->setText(locale.toString(status.receiver.rejected[kind] + status.gateway.rejected[kind]));
        m_pipeline[kind][2]->setText(locale.toString(status.rowsStored[kind]));
    }
    const qint64 errors = status.receiver.errors() + status.gateway.errors();
    m_errors->setText(errors == 0
            ? tr("none")
            : tr("receiver: %1; gateway: %2").arg(statusErrors(status.receiver), statusErrors(status.gateway)));
    QString spool;
    if (status.spooledRows == 0)
        spool = tr("empty");
    else if (status.spoolOldestMs <= 0) // held in memory only: the spool file had no room
        spool = tr("%Ln row(s) waiting for ClickHouse", nullptr, PluralCount::n(status.spooledRows));
    else
        spool =
            tr("%Ln row(s) waiting for ClickHouse, the oldest since %1", nullptr, PluralCount::n(status.spooledRows))
                .arg(TableFiguresModel::ageText((QDateTime::currentMSecsSinceEpoch() - status.spoolOldestMs) / 1000));
    if (status.rowsLost > 0)
        spool += tr(", %Ln row(s) lost (the spool was full)", nullptr, PluralCount::n(status.rowsLost));
    if (!status.deliveryError.isEmpty() && status.spooledRows > 0)
        spool += QStringLiteral(" — ") + status.deliveryError;
    m_spool->setText(spool);
}

QString CollectorTile::stateText() const
{
    return m_state->text();
}

QString CollectorTile::receiverText() const
{
    return m_receiver->text();
}

QString CollectorTile::pipelineText(ListenerStatistics::Kind kind) const
{
    return tr("%1 accepted, %2 refused, %3 stored")
        .arg(m_pipeline[kind][0]->text(), m_pipeline[kind][1]->text(), m_pipeline[kind][2]->text());
}

QString CollectorTile::spoolText() const
{
    return m_spool->text();
}

QString CollectorTile::errorsText() const
{
    return m_errors->text();
}
