#include "textpanel.h"

#include "dashboardsession.h"

#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

TextPanel::TextPanel(QWidget* parent)
    : PanelContent(parent)
    , m_browser(new QTextBrowser(this))
{
    m_browser->setFrameShape(QFrame::NoFrame);
    m_browser->setOpenExternalLinks(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->addWidget(m_browser);
    themeChanged();
}

void TextPanel::showResults(const DashboardSession& session, int panel)
{
    const GrafanaPanel& definition = session.dashboard().panels.at(panel);
    if (definition.type != u"text"_s) {
        QStringList sql;
        for (const GrafanaTarget& target : definition.targets)
            sql.append(target.rawSql);
        m_browser->setPlainText((definition.type.isEmpty() ? tr("The panel has no type.")
                                                           : tr("Unsupported panel type \"%1\".").arg(definition.type))
            + (sql.isEmpty() ? QString() : u"\n\n"_s + sql.join(u"\n\n"_s)));
        return;
    }
    if (definition.textMode == u"html"_s)
        m_browser->setHtml(definition.textContent);
    else if (definition.textMode == u"code"_s)
        m_browser->setPlainText(definition.textContent);
    else
        m_browser->setMarkdown(definition.textContent);
}

QString TextPanel::plainText() const
{
    return m_browser->toPlainText();
}

void TextPanel::themeChanged()
{
    QPalette palette = m_browser->palette();
    palette.setColor(QPalette::Base, theme().panel);
    palette.setColor(QPalette::Text, theme().text);
    m_browser->setPalette(palette);
}
