#include "healthpage.h"

#include "health/clickhousefiguresprobe.h"
#include "health/servicehealthprobe.h"
#include "health/telemetrytablesprobe.h"
#include "widgets/clickhousefigurestile.h"
#include "widgets/clickhousetile.h"
#include "widgets/collectortile.h"
#include "widgets/servicetile.h"
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
    , m_otelProbe(new ServiceHealthProbe(ServiceHealthProbe::Kind::OtelCollector, this))
    , m_grafanaProbe(new ServiceHealthProbe(ServiceHealthProbe::Kind::Grafana, this))
    , m_otelTile(new ServiceTile(tr("OpenTelemetry collector"), m_otelProbe))
    , m_grafanaTile(new ServiceTile(tr("Grafana"), m_grafanaProbe))
{
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* scroll = new QScrollArea(this);
    scroll->setAccessibleName(tr("Health of the stack"));
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
    layout->addWidget(m_otelTile, 2, 0);
    layout->addWidget(m_grafanaTile, 2, 1);
    layout->addWidget(m_figuresTile, 3, 0, 1, 2);
    layout->addWidget(m_dataTile, 4, 0, 1, 2);
    layout->setColumnStretch(0, 1);
    layout->setColumnStretch(1, 1);
    layout->setRowStretch(3, 1);

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

void HealthPage::setServices(
    int intervalMs, const QUrl& collectorHealth, const QUrl& collectorMetrics, const QUrl& grafana)
{
    // Four queries a look, one of them over a day of the query log: not more often than 5 s.
    m_figuresProbe->setMinimumIntervalMs(qMax(intervalMs, 5000));
    for (ServiceHealthProbe* probe : { m_otelProbe, m_grafanaProbe })
        probe->setIntervalMs(intervalMs);
    m_otelProbe->setUrls(collectorHealth, collectorMetrics);
    m_grafanaProbe->setUrls(grafana);
    for (ServiceHealthProbe* probe : { m_otelProbe, m_grafanaProbe }) {
        if (probe->isConfigured())
            probe->start();
        else
            probe->stop();
    }
    m_otelTile->refresh();
    m_grafanaTile->refresh();
}

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
