#pragma once

#include "paneltheme.h"

#include <QFrame>

class DashboardSession;
class PanelContent;
class QLabel;
class QToolButton;

/// One panel of a dashboard as Grafana draws it: its title, what it is doing (a spinner's
/// worth of "loading"), its content (chosen by panel type; "unsupported panel type X" for the
/// others), its error or warning at the bottom, and its menu: view the SQL that was sent, open
/// it in the Query page, export a PNG or the rows as CSV, full screen. A row panel is a header
/// that opens and closes its row.
class DashboardPanelView final : public QFrame
{
    Q_OBJECT

public:
    DashboardPanelView(DashboardSession* session, int panel, QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(DashboardPanelView)

    int panel() const { return m_panel; }
    void setTheme(const PanelTheme& theme);
    /// Reads the panel's state and results from the session again.
    void refresh();
    PanelContent* content() const { return m_content; }
    QString messageText() const;
    bool saveCsv(const QString& path, QString* error) const;

    /// The content for a Grafana panel type.
    static PanelContent* createContent(const QString& type, QWidget* parent);
    static bool isSupportedType(const QString& type);

Q_SIGNALS:
    void rangeSelected(qint64 fromMs, qint64 toMs);
    void openInQuery(const QString& sql);
    void fullScreenRequested(int panel);
    void rowToggled(int panel);

protected:
    void mousePressEvent(class QMouseEvent* event) override;
    void paintEvent(class QPaintEvent* event) override;

private:
    void showSql();
    void exportPng();
    void exportCsv();

    DashboardSession* m_session;
    int m_panel;
    bool m_row;
    QLabel* m_title;
    QLabel* m_state;
    QToolButton* m_menu = nullptr;
    PanelContent* m_content = nullptr;
    QLabel* m_message;
    PanelTheme m_theme = PanelTheme::darkTheme();
};
