#include "recordbar.h"

#include "collector/localcollector.h"
#include "pluralcount.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

using namespace Qt::StringLiterals;

RecordBar::RecordBar(QWidget* parent)
    : QWidget(parent)
    , m_record(new QPushButton(tr("Record…"), this))
    , m_stop(new QPushButton(tr("Stop recording"), this))
    , m_label(new QLabel(this))
{
    m_record->setToolTip(tr("Write what the workbench's OTLP receiver takes into a new capture"));
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_record);
    layout->addWidget(m_stop);
    layout->addWidget(m_label, 1);
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &RecordBar::showCounts);
    connect(m_record, &QPushButton::clicked, this, &RecordBar::chooseFile);
    connect(m_stop, &QPushButton::clicked, this, &RecordBar::stop);
    // The app stops the collector once its event loop has returned: the recording ends first.
    connect(qApp, &QCoreApplication::aboutToQuit, this, [this] { finish(false); });
    updateButtons();
}

RecordBar::~RecordBar()
{
    finish(false);
}

void RecordBar::setCollector(LocalCollector* collector)
{
    m_collector = collector;
    updateButtons();
}

void RecordBar::updateButtons()
{
    m_record->setEnabled(m_collector && !m_writer);
    m_stop->setEnabled(m_writer != nullptr);
    if (!m_collector)
        m_label->setText(tr("Recording needs the workbench's receiver, which runs with the managed ClickHouse."));
    else if (!m_writer && m_label->text().startsWith(tr("Recording needs")))
        m_label->clear();
}

void RecordBar::chooseFile()
{
    const QString suggested =
        QDir::home().filePath(u"capture-%1.jsonl"_s.arg(QDateTime::currentDateTime().toString(u"yyyyMMdd-HHmmss"_s)));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Record into"), suggested, tr("OpenTelemetry JSON Lines (*.jsonl);;Compressed (*.jsonl.gz)"));
    if (!path.isEmpty())
        start(path);
}

bool RecordBar::start(const QString& path)
{
    if (!m_collector || m_writer)
        return false;
    auto writer = std::make_unique<CaptureWriter>();
    QString error;
    if (!writer->open(path, {}, &error)) {
        m_label->setText(tr("Cannot record: %1").arg(error));
        return false;
    }
    m_writer = std::move(writer);
    LocalCollector::setCaptureSinkFrom(m_collector, m_writer.get());
    m_timer.start();
    showCounts();
    updateButtons();
    return true;
}

void RecordBar::stop()
{
    finish(true);
}

void RecordBar::finish(bool announce)
{
    if (!m_writer)
        return;
    m_timer.stop();
    // The receiver lets go of the writer before it is closed: nothing is written after that.
    if (m_collector)
        LocalCollector::setCaptureSinkFrom(m_collector, nullptr);
    const bool ok = m_writer->close();
    const CaptureWriter::Statistics s = m_writer->statistics();
    const QString path = m_writer->path();
    m_writer.reset();
    m_label->setText(ok ? tr("Recorded %1, %2, %3 into %4")
                              .arg(tr("%Ln span(s)", nullptr, PluralCount::n(s.spans)),
                                  tr("%Ln metric point(s)", nullptr, PluralCount::n(s.metrics)),
                                  tr("%Ln log(s)", nullptr, PluralCount::n(s.logs)), QDir::toNativeSeparators(path))
                        : tr("The recording into %1 failed: %2").arg(QDir::toNativeSeparators(path), s.lastError));
    updateButtons();
    if (announce)
        Q_EMIT recordingStopped(path, ok);
}

void RecordBar::showCounts()
{
    if (!m_writer)
        return;
    const CaptureWriter::Statistics s = m_writer->statistics();
    m_label->setText(
        tr("Recording into %1: %2, %3, %4, %5")
            .arg(QDir::toNativeSeparators(m_writer->path()), tr("%Ln span(s)", nullptr, PluralCount::n(s.spans)),
                tr("%Ln metric point(s)", nullptr, PluralCount::n(s.metrics)),
                tr("%Ln log(s)", nullptr, PluralCount::n(s.logs)), QLocale().formattedDataSize(s.bytes)));
}

QString RecordBar::text() const
{
    return m_label->text();
}
