#pragma once

#include <QColor>
#include <QString>

/// The colours of the Dashboards page, as Grafana's two themes have them (dark by default, as
/// Grafana): the page, a panel, its border and text, the grid lines of a chart; Grafana's named
/// colours ("green", "semi-dark-red", ...) and its classic palette for series.
struct PanelTheme
{
    bool dark = true;
    QColor page;
    QColor panel;
    QColor border;
    QColor text;
    QColor secondaryText;
    QColor grid;
    QColor error;

    static PanelTheme darkTheme();
    static PanelTheme lightTheme();

    /// A Grafana colour name or #rrggbb / rgb(...); `fallback` when it is neither.
    static QColor named(const QString& name, const QColor& fallback);
    /// Grafana's classic palette, for the `index`th series.
    static QColor series(int index);
};
