#pragma once

#include "panelcontent.h"

class QTextBrowser;

/// Grafana's text panel (markdown, HTML or code, from options.content), and the panel that says
/// what cannot be shown: an unsupported panel type, with the panel's SQL under it.
class TextPanel final : public PanelContent
{
    Q_OBJECT

public:
    explicit TextPanel(QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(TextPanel)

    void showResults(const DashboardSession& session, int panel) override;
    QString plainText() const;

protected:
    void themeChanged() override;

private:
    QTextBrowser* m_browser;
};
