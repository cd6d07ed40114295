#pragma once

#include "paneltheme.h"

#include <QWidget>

class DashboardSession;

/// What a dashboard panel shows under its title, one subclass per kind of panel: it reads the
/// panel's definition and results from the session whenever they change (showResults) and
/// paints in the page's theme. Panels that can zoom (time series) say which range was dragged.
class PanelContent : public QWidget
{
    Q_OBJECT

public:
    explicit PanelContent(QWidget* parent = nullptr);
    ~PanelContent() override;
    Q_DISABLE_COPY_MOVE(PanelContent)

    virtual void showResults(const DashboardSession& session, int panel) = 0;
    void setTheme(const PanelTheme& theme);
    const PanelTheme& theme() const { return m_theme; }

Q_SIGNALS:
    /// A time range was dragged out on the panel (milliseconds since the epoch).
    void rangeSelected(qint64 fromMs, qint64 toMs);

protected:
    /// A subclass's child widgets follow the theme here.
    virtual void themeChanged() { }
    /// "No data", centred, as Grafana says it.
    void paintNoData(class QPainter& painter) const;
    /// The panel's colour overrides by series name (fieldConfig.overrides), kept for seriesColor().
    void setColorOverrides(const QList<QPair<QString, QString>>& overrides) { m_overrides = overrides; }
    /// The colour of the `index`th series named `name`: its override, else the classic palette's.
    QColor seriesColor(const QString& name, int index) const;

private:
    PanelTheme m_theme = PanelTheme::darkTheme();
    QList<QPair<QString, QString>> m_overrides;
};
