#include "replaycontrols.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {
using Mode = ReplaySchedule::Mode;

/// The slider is logarithmic: 0 is 0.1x, 400 is 1000x, 100 steps per decade.
int sliderPosition(double speed)
{
    return int(std::lround(std::log10(speed / 0.1) * 100));
}

double speedAt(int position)
{
    return 0.1 * std::pow(10.0, position / 100.0);
}
} // namespace

ReplayControls::ReplayControls(QWidget* parent)
    : QWidget(parent)
    , m_form(new QFormLayout(this))
    , m_timing(new QComboBox(this))
    , m_speedSlider(new QSlider(Qt::Horizontal, this))
    , m_speedLabel(new QLabel(this))
    , m_speedRow(nullptr)
    , m_rate(new QDoubleSpinBox(this))
    , m_maxWait(new QDoubleSpinBox(this))
    , m_shift(new QComboBox(this))
    , m_remapIds(new QCheckBox(tr("New trace and span ids (a second replay does not collide with the first)"), this))
    , m_loops(new QSpinBox(this))
    , m_spans(new QCheckBox(tr("Spans"), this))
    , m_metrics(new QCheckBox(tr("Metrics"), this))
    , m_logs(new QCheckBox(tr("Logs"), this))
    , m_name(new QLineEdit(this))
    , m_service(new QLineEdit(this))
    , m_verify(new QCheckBox(tr("Verify the delivery in ClickHouse afterwards"), this))
{
    m_form->setContentsMargins(0, 0, 0, 0);
    m_timing->setAccessibleName(tr("Timing"));
    m_timing->addItem(tr("The capture's own, at a speed"), int(Mode::Speed));
    m_timing->addItem(tr("A fixed rate"), int(Mode::FixedRate));
    m_timing->addItem(tr("As fast as possible"), int(Mode::AsFastAsPossible));
    m_rate->setAccessibleName(tr("Fixed rate"));
    m_rate->setRange(0.1, 1'000'000);
    m_rate->setValue(100);
    m_rate->setSuffix(tr(" records/s"));
    m_maxWait->setAccessibleName(tr("Longest wait"));
    m_maxWait->setRange(0, 86'400);
    m_maxWait->setValue(5);
    m_maxWait->setSuffix(tr(" s"));
    m_maxWait->setToolTip(tr("A longer gap between two records (after the speed) counts as this long."));
    m_shift->setAccessibleName(tr("Timestamps"));
    m_shift->addItem(tr("Kept as captured"), int(ReplayEngine::Shift::Keep));
    m_shift->addItem(tr("Shifted so the capture starts now"), int(ReplayEngine::Shift::StartNow));
    m_shift->addItem(tr("Shifted so the capture ends now"), int(ReplayEngine::Shift::EndNow));
    m_remapIds->setAccessibleName(tr("Remap ids"));
    m_loops->setAccessibleName(tr("Loops"));
    m_loops->setRange(0, 1'000'000);
    m_loops->setValue(1);
    m_loops->setSpecialValueText(tr("Until cancelled"));
    for (QCheckBox* box : { m_spans, m_metrics, m_logs })
        box->setChecked(true);
    m_name->setAccessibleName(tr("Name pattern"));
    m_name->setPlaceholderText(tr("Any (wildcards: checkout.*)"));
    m_service->setAccessibleName(tr("Service"));
    m_service->setPlaceholderText(tr("Any"));
    m_verify->setAccessibleName(tr("Verify"));
    m_verify->setChecked(true);

    auto* signalRow = new QHBoxLayout;
    for (QCheckBox* box : { m_spans, m_metrics, m_logs })
        signalRow->addWidget(box);
    signalRow->addStretch(1);

    m_form->addRow(tr("&Timing:"), m_timing);
    m_form->addRow(tr("&Speed:"), buildSpeedRow());
    m_form->addRow(tr("&Rate:"), m_rate);
    m_form->addRow(tr("Longest &wait:"), m_maxWait);
    m_form->addRow(tr("Time&stamps:"), m_shift);
    m_form->addRow(QString(), m_remapIds);
    m_form->addRow(tr("&Loops:"), m_loops);
    m_form->addRow(tr("Signals:"), signalRow);
    m_form->addRow(tr("&Name:"), m_name);
    m_form->addRow(tr("Servi&ce:"), m_service);
    m_form->addRow(QString(), m_verify);

    // Tab follows the rows: the speed presets sit under the slider, though made after the rest.
    QList<QWidget*> order { m_timing, m_speedSlider };
    for (QPushButton* preset : m_speedRow->findChildren<QPushButton*>())
        order.append(preset);
    order +=
        { m_rate, m_maxWait, m_shift, m_remapIds, m_loops, m_spans, m_metrics, m_logs, m_name, m_service, m_verify };
    for (qsizetype i = 1; i < order.size(); ++i)
        QWidget::setTabOrder(order.at(i - 1), order.at(i));

    connect(m_timing, &QComboBox::currentIndexChanged, this, &ReplayControls::timingChanged);
    connect(m_speedSlider, &QSlider::valueChanged, this, &ReplayControls::showSpeed);
    setSpeed(1);
    timingChanged();
}

QWidget* ReplayControls::buildSpeedRow()
{
    m_speedRow = new QWidget(this);
    m_speedSlider->setAccessibleName(tr("Speed"));
    m_speedSlider->setRange(0, sliderPosition(1000));
    m_speedSlider->setPageStep(100);
    m_speedLabel->setMinimumWidth(m_speedLabel->fontMetrics().horizontalAdvance(u"1000.0x"_s));
    auto* row = new QVBoxLayout(m_speedRow);
    row->setContentsMargins(0, 0, 0, 0);
    auto* sliderRow = new QHBoxLayout;
    sliderRow->addWidget(m_speedSlider, 1);
    sliderRow->addWidget(m_speedLabel);
    auto* presets = new QHBoxLayout;
    for (const double preset : { 0.5, 1.0, 2.0, 10.0, 100.0, 0.0 }) {
        auto* button = new QPushButton(preset == 0 ? tr("Max") : tr("%1x").arg(preset), m_speedRow);
        button->setAccessibleName(preset == 0 ? tr("As fast as possible") : tr("Speed %1x").arg(preset));
        button->setAutoDefault(false);
        button->setMaximumWidth(button->fontMetrics().horizontalAdvance(u"100x"_s) + 24);
        connect(button, &QPushButton::clicked, this, [this, preset] { setSpeed(preset); });
        presets->addWidget(button);
    }
    presets->addStretch(1);
    row->addLayout(sliderRow);
    row->addLayout(presets);
    return m_speedRow;
}

void ReplayControls::setSpeed(double speed)
{
    if (speed <= 0) {
        m_timing->setCurrentIndex(m_timing->findData(int(Mode::AsFastAsPossible)));
        return;
    }
    m_timing->setCurrentIndex(m_timing->findData(int(Mode::Speed)));
    m_speedSlider->setValue(sliderPosition(qBound(0.1, speed, 1000.0)));
    showSpeed();
}

double ReplayControls::speed() const
{
    // Presets land on round numbers: 2x is 2, not 1.9999.
    const double exact = speedAt(m_speedSlider->value());
    return exact >= 1 ? std::round(exact * 10) / 10 : std::round(exact * 100) / 100;
}

void ReplayControls::setFixedRate(double recordsPerSecond)
{
    m_timing->setCurrentIndex(m_timing->findData(int(Mode::FixedRate)));
    m_rate->setValue(recordsPerSecond);
}

void ReplayControls::setLoops(int loops)
{
    m_loops->setValue(loops);
}

void ReplayControls::setVerify(bool verify)
{
    m_verify->setChecked(verify);
}

int ReplayControls::signalMask() const
{
    return (m_spans->isChecked() ? 1 : 0) | (m_metrics->isChecked() ? 2 : 0) | (m_logs->isChecked() ? 4 : 0);
}

bool ReplayControls::filtersByNameOrService() const
{
    return !m_name->text().trimmed().isEmpty() || !m_service->text().trimmed().isEmpty();
}

int ReplayControls::loops() const
{
    return m_loops->value();
}

bool ReplayControls::verifyAfterwards() const
{
    return m_verify->isChecked();
}

void ReplayControls::showSpeed()
{
    m_speedLabel->setText(tr("%1x").arg(speed()));
}

void ReplayControls::timingChanged()
{
    const auto mode = Mode(m_timing->currentData().toInt());
    m_form->setRowVisible(m_speedRow, mode == Mode::Speed);
    m_form->setRowVisible(m_rate, mode == Mode::FixedRate);
    m_form->setRowVisible(m_maxWait, mode == Mode::Speed);
}

bool ReplayControls::options(ReplayEngine::Options* options, QString* error) const
{
    ReplaySchedule::Options& schedule = options->schedule;
    schedule.mode = Mode(m_timing->currentData().toInt());
    schedule.speed = speed();
    schedule.rate = m_rate->value();
    schedule.maxWaitNanos = qint64(m_maxWait->value() * 1e9);
    options->shift = ReplayEngine::Shift(m_shift->currentData().toInt());
    options->remapIds = m_remapIds->isChecked();
    options->loops = m_loops->value();
    QStringList signalNames;
    if (m_spans->isChecked())
        signalNames.append(u"traces"_s);
    if (m_metrics->isChecked())
        signalNames.append(u"metrics"_s);
    if (m_logs->isChecked())
        signalNames.append(u"logs"_s);
    if (signalNames.isEmpty()) {
        *error = tr("Choose at least one signal to replay");
        return false;
    }
    QStringList conditions;
    if (signalNames.size() < 3)
        conditions.append(u"signal="_s + signalNames.join(u','));
    if (!m_name->text().trimmed().isEmpty())
        conditions.append(u"name="_s + m_name->text().trimmed());
    if (!m_service->text().trimmed().isEmpty())
        conditions.append(u"service="_s + m_service->text().trimmed());
    for (const QString& condition : std::as_const(conditions)) {
        if (!options->filter.add(condition, error))
            return false;
    }
    return true;
}
