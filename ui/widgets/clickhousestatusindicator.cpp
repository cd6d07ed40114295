#include "clickhousestatusindicator.h"

#include "clickhouse/localclickhouse.h"
#include "clickhousestatussummary.h"
#include "health/clickhouseprobe.h"
#include "statuscolors.h"

#include <QHBoxLayout>
#include <QLabel>

ClickHouseStatusIndicator::ClickHouseStatusIndicator(LocalClickHouse* managed, ClickHouseProbe* probe, QWidget* parent)
    : QWidget(parent)
    , m_managed(managed)
    , m_probe(probe)
    , m_dot(new QLabel(this))
    , m_text(new QLabel(this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(6);
    m_dot->setFixedSize(12, 12);
    layout->addWidget(m_dot);
    layout->addWidget(m_text);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);

    if (m_managed)
        connect(m_managed, &LocalClickHouse::stateChanged, this, &ClickHouseStatusIndicator::refresh);
    if (m_probe)
        connect(m_probe, &ClickHouseProbe::sampled, this, &ClickHouseStatusIndicator::refresh);
    refresh();
}

ClickHouseStatusIndicator::~ClickHouseStatusIndicator() = default;

QString ClickHouseStatusIndicator::text() const
{
    return m_text->text();
}

void ClickHouseStatusIndicator::refresh()
{
    const ClickHouseStatusSummary summary = ClickHouseStatusSummary::summarize(m_managed, m_probe);
    m_text->setText(summary.text);
    setToolTip(summary.detail);
    m_dot->setStyleSheet(StatusColors::dotStyleSheet(summary.level));
    m_dot->setAccessibleName(StatusColors::levelName(summary.level));
}
