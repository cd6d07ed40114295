#pragma once

#include <QWidget>

class ClickHouseProbe;
class LocalClickHouse;
class QLabel;

/// The status bar's ClickHouse light: a coloured dot and one line of text, kept current from the
/// managed server's state changes and the probe's samples (no polling of its own).
class ClickHouseStatusIndicator final : public QWidget
{
    Q_OBJECT

public:
    ClickHouseStatusIndicator(LocalClickHouse* managed, ClickHouseProbe* probe, QWidget* parent = nullptr);
    ~ClickHouseStatusIndicator() override;
    Q_DISABLE_COPY_MOVE(ClickHouseStatusIndicator)

    QString text() const;

private:
    void refresh();

    LocalClickHouse* m_managed;
    ClickHouseProbe* m_probe;
    QLabel* m_dot;
    QLabel* m_text;
};
