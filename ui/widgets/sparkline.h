#pragma once

#include <QColor>
#include <QList>
#include <QWidget>

/// A small line of recent values (a probe's round trips), newest on the right, scaled to its
/// own maximum; gaps (negative values: no answer) are drawn as red ticks on the baseline.
class Sparkline final : public QWidget
{
    Q_OBJECT

public:
    explicit Sparkline(QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(Sparkline)

    void setValues(const QList<double>& values);
    const QList<double>& values() const { return m_values; }
    void setColor(const QColor& color);

    QSize sizeHint() const override { return { 160, 28 }; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QList<double> m_values;
    QColor m_color;
};
