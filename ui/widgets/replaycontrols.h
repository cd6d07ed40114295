#pragma once

#include "capture/replayengine.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSlider;
class QSpinBox;

/// The replay engine's options as the Replay page offers them: timing (the capture's own at a
/// speed from 0.1x to 1000x, with presets, a fixed rate, or as fast as possible), the longest
/// wait, timestamps kept or shifted to now, ids remapped, loops, filters (signals, name pattern,
/// service), and whether to verify the delivery afterwards.
class ReplayControls final : public QWidget
{
    Q_OBJECT

public:
    explicit ReplayControls(QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(ReplayControls)

    /// The options the fields describe (files left empty); false with `error` when they cannot
    /// be used (no signal chosen, a bad pattern).
    bool options(ReplayEngine::Options* options, QString* error) const;
    bool verifyAfterwards() const;
    /// The signals chosen, as CaptureRecordModel::SignalMask bits (spans 1, metrics 2, logs 4).
    int signalMask() const;
    /// Whether a name or service condition leaves out records the capture's summary counts.
    bool filtersByNameOrService() const;
    int loops() const;

    /// 0 for "as fast as possible", otherwise the speed factor (0.1 to 1000).
    void setSpeed(double speed);
    double speed() const;
    void setFixedRate(double recordsPerSecond);
    void setLoops(int loops);
    void setVerify(bool verify);

    QComboBox* timingBox() const { return m_timing; }
    QSlider* speedSlider() const { return m_speedSlider; }

private:
    QWidget* buildSpeedRow();
    void timingChanged();
    void showSpeed();

    QFormLayout* m_form;
    QComboBox* m_timing;
    QSlider* m_speedSlider;
    QLabel* m_speedLabel;
    QWidget* m_speedRow;
    QDoubleSpinBox* m_rate;
    QDoubleSpinBox* m_maxWait;
    QComboBox* m_shift;
    QCheckBox* m_remapIds;
    QSpinBox* m_loops;
    QCheckBox* m_spans;
    QCheckBox* m_metrics;
    QCheckBox* m_logs;
    QLineEdit* m_name;
    QLineEdit* m_service;
    QCheckBox* m_verify;
};
