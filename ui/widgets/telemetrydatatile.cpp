#include "telemetrydatatile.h"

#include "clickhouse/clickhousebackendconfig.h"
#include "health/clickhouseprobe.h"
#include "health/telemetrytablesprobe.h"
#include "pluralcount.h"
#include "sample/sampletelemetryloader.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

TelemetryDataTile::TelemetryDataTile(
    TelemetryTablesProbe* tables, SampleTelemetryLoader* loader, ClickHouseProbe* probe, QWidget* parent)
    : QGroupBox(tr("Telemetry data"), parent)
    , m_tables(tables)
    , m_loader(loader)
    , m_probe(probe)
    , m_summary(new QLabel(this))
    , m_emptyNote(new QLabel(this))
    , m_loadButton(new QPushButton(tr("Load sample telemetry"), this))
    , m_cancelButton(new QPushButton(tr("Cancel"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_emptyNote->setWordWrap(true);
    m_emptyNote->setText(tr("The telemetry tables are empty. Load %1 hours of realistic sample telemetry "
                            "(five services: events, errors, metrics and logs) to see the Query page and the "
                            "dashboards with data.")
                             .arg(SampleTelemetry::Options().hours));
    layout->addWidget(m_emptyNote);
    auto* row = new QHBoxLayout;
    m_loadButton->setObjectName(u"loadSampleTelemetry"_s);
    m_cancelButton->setObjectName(u"cancelSampleTelemetry"_s);
    m_progress->setObjectName(u"sampleTelemetryProgress"_s);
    m_progress->setAccessibleName(tr("Sample telemetry progress"));
    row->addWidget(m_loadButton);
    row->addWidget(m_progress, 1);
    row->addWidget(m_cancelButton);
    layout->addLayout(row);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText); // server messages are not markup
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    if (m_probe)
        connect(m_probe, &ClickHouseProbe::reachabilityChanged, this, &TelemetryDataTile::refresh);
    if (m_tables) {
        connect(m_tables, &TelemetryTablesProbe::updated, this, [this] {
            m_awaitingTables = false;
            refresh();
        });
    }
    if (m_loader) {
        connect(m_loadButton, &QPushButton::clicked, this, &TelemetryDataTile::loadSample);
        connect(m_cancelButton, &QPushButton::clicked, m_loader, &SampleTelemetryLoader::cancel);
        connect(m_loader, &SampleTelemetryLoader::stepChanged, m_status, &QLabel::setText);
        connect(m_loader, &SampleTelemetryLoader::progressed, this, [this](qint64 delivered, qint64 expected) {
            // Rows can exceed the estimate; the bar counts in thousands to stay within int.
            m_progress->setRange(0, int(qMax<qint64>(1, expected / 1000)));
            m_progress->setValue(int(qMin(delivered, expected) / 1000));
        });
        connect(m_loader, &SampleTelemetryLoader::finished, this, [this](const SampleTelemetryLoader::Result& result) {
            const QLocale locale;
            if (!result.ok)
                m_status->setText(tr("Loading sample telemetry failed: %1").arg(result.error));
            else
                m_status->setText(
                    (result.cancelled
                            ? tr("Cancelled after loading %Ln row(s) in %1 s: traces %2, metrics %3, logs %4.", nullptr,
                                PluralCount::n(result.rows()))
                            : tr("Loaded %Ln row(s) in %1 s: traces %2, metrics %3, logs %4.", nullptr,
                                PluralCount::n(result.rows())))
                        .arg(locale.toString(double(result.elapsedMs) / 1000.0, 'f', 1), locale.toString(result.spans),
                            locale.toString(result.metrics), locale.toString(result.logs)));
            if (m_tables) {
                m_awaitingTables = result.rows() > 0;
                m_tables->refresh();
            }
            refresh();
        });
    }
    refresh();
}

TelemetryDataTile::~TelemetryDataTile() = default;

QString TelemetryDataTile::summaryText() const
{
    return m_summary->text();
}

QString TelemetryDataTile::statusText() const
{
    return m_status->text();
}

void TelemetryDataTile::loadSample()
{
    if (!m_probe || !m_probe->hasEndpoint() || m_loader->isRunning())
        return;
    ClickHouseBackendConfig config;
    config.endpoint = m_probe->endpoint();
    config.endpoint.database = m_tables ? m_tables->database() : u"telemetry"_s;
    m_progress->setRange(0, 0); // busy until the first rows are counted
    m_loader->start(config, {});
    refresh();
}

void TelemetryDataTile::refresh()
{
    const bool loading = m_loader && m_loader->isRunning();
    const bool known = m_tables && m_tables->hasSample();
    QString summary;
    if (!known) {
        summary = tr("Waiting for ClickHouse to answer.");
    } else if (m_awaitingTables) {
        summary = tr("Counting the rows...");
    } else if (!m_tables->error().isEmpty()) {
        summary = tr("Cannot read the table sizes: %1").arg(m_tables->error());
    } else if (m_tables->tables().isEmpty()) {
        summary = tr("The database %1 holds no rows.").arg(m_tables->database());
    } else {
        const QLocale locale;
        QStringList lines;
        for (const TelemetryTablesProbe::Table& table : m_tables->tables())
            lines.append(PluralCount::withFigure(
                tr("%1.%2: %Ln row(s), %3 on disk", nullptr, PluralCount::n(table.rows)), table.rows)
                             .arg(m_tables->database(), table.name, locale.formattedDataSize(table.bytesOnDisk)));
        summary = lines.join(u'\n');
    }
    m_summary->setText(summary);
    const bool empty = known && !m_awaitingTables && m_tables->error().isEmpty() && m_tables->signalRows() == 0;
    m_emptyNote->setVisible(empty && !loading);
    m_loadButton->setVisible(m_loader && (empty || loading));
    const bool reachable = m_probe && m_probe->hasSample() && m_probe->lastSample().reachable;
    m_loadButton->setEnabled(!loading && reachable);
    m_progress->setVisible(loading);
    m_cancelButton->setVisible(loading);
    m_status->setVisible(!m_status->text().isEmpty());
}
