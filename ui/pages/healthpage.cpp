#include "healthpage.h"

#include "health/clickhousefiguresprobe.h"
#include "health/telemetrytablesprobe.h"
#include "widgets/clickhousefigurestile.h"
#include "widgets/clickhousetile.h"
#include "widgets/collectortile.h"
#include "widgets/telemetrydatatile.h"

#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>

HealthPage::HealthPage(LocalClickHouse* managed, ClickHouseProbe* probe, TelemetryTablesProbe* tables,
    SampleTelemetryLoader* sampleLoader, const LocalCollector* collector, QWidget* parent)
    : QWidget(parent)
    , m_figuresProbe(new ClickHouseFiguresProbe(this))
    , m_clickHouseTile(new ClickHouseTile(managed, probe))
    , m_figuresTile(new ClickHouseFiguresTile)
    , m_dataTile(new TelemetryDataTile(tables, sampleLoader, probe))
    , m_collectorTile(new CollectorTile(collector))
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto* content = new QWidget(scroll);
    scroll->setWidget(content);

    auto* layout = new QGridLayout(content);
    layout->setContentsMargins(24, 24, 24, 24);
    auto* heading = new QLabel(tr("Stack health"), content);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.6);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    layout->addWidget(heading, 0, 0, 1, 2);
    layout->addWidget(m_clickHouseTile, 1, 0);
    layout->addWidget(m_collectorTile, 1, 1);
    layout->addWidget(m_figuresTile, 2, 0, 1, 2);
    layout->addWidget(m_dataTile, 3, 0, 1, 2);
    layout->setColumnStretch(0, 1);
    layout->setColumnStretch(1, 1);
    layout->setRowStretch(2, 1);

    if (tables)
        m_figuresProbe->setDatabase(tables->database());
    if (probe)
        m_figuresProbe->follow(probe);
    connect(m_figuresProbe, &ClickHouseFiguresProbe::updated, m_figuresTile, &ClickHouseFiguresTile::setFigures);
    connect(m_figuresProbe, &ClickHouseFiguresProbe::updated, m_clickHouseTile, &ClickHouseTile::setFigures);
    connect(m_clickHouseTile, &ClickHouseTile::dataChanged, m_figuresProbe, &ClickHouseFiguresProbe::refresh);
    if (tables)
        connect(m_clickHouseTile, &ClickHouseTile::dataChanged, tables, &TelemetryTablesProbe::refresh);
    if (probe)
        m_figuresProbe->refresh();
}

HealthPage::~HealthPage() = default;

QString HealthPage::clickHouseStateText() const
{
    return m_clickHouseTile->stateText();
}

QString HealthPage::serverLogText() const
{
    return m_clickHouseTile->serverLogText();
}

QString HealthPage::schemaText() const
{
    return m_clickHouseTile->schemaText();
}
