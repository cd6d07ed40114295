#pragma once

#include <QDateTime>
#include <QWidget>

class QComboBox;
class QDateTimeEdit;

/// The time range the macros see ($__timeFilter, $__fromTime, $__interval, ...), as Grafana's
/// picker offers it: "Last 5 minutes" to "Last 30 days" relative to the moment a query runs, or
/// an absolute range from two date-time fields.
class TimeRangePicker final : public QWidget
{
    Q_OBJECT

public:
    explicit TimeRangePicker(QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(TimeRangePicker)

    /// Relative ranges: the last `milliseconds` up to now.
    void setRelative(qint64 milliseconds);
    void setAbsolute(const QDateTime& from, const QDateTime& to);
    bool isRelative() const;
    struct Range
    {
        qint64 fromMs = 0; ///< milliseconds since the epoch
        qint64 toMs = 0;
    };
    /// The range now: a relative range ends at this moment.
    Range range() const;
    QString text() const;

Q_SIGNALS:
    void changed();

private:
    void onPresetChosen(int index);

    QComboBox* m_presets;
    QDateTimeEdit* m_from;
    QDateTimeEdit* m_to;
};
