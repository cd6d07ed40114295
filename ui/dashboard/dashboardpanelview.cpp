#include "dashboardpanelview.h"

#include "barchartpanel.h"
#include "dashboardsession.h"
#include "gaugepanel.h"
#include "piepanel.h"
#include "queryresultmodel.h"
#include "statpanel.h"
#include "tablepanel.h"
#include "textpanel.h"
#include "timeseriespanel.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPainter>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using PanelState = DashboardSession::PanelState;

namespace {
QString csvField(const QString& text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n'))
        return text;
    return u'"' + QString(text).replace(u"\""_s, u"\"\""_s) + u'"';
}
} // namespace

bool DashboardPanelView::isSupportedType(const QString& type)
{
    static const QStringList supported { u"timeseries"_s, u"graph"_s, u"stat"_s, u"singlestat"_s, u"table"_s,
        u"piechart"_s, u"barchart"_s, u"bargauge"_s, u"gauge"_s, u"text"_s };
    return supported.contains(type);
}

PanelContent* DashboardPanelView::createContent(const QString& type, QWidget* parent)
{
    if (type == u"timeseries"_s || type == u"graph"_s)
        return new TimeSeriesPanel(parent);
    if (type == u"stat"_s || type == u"singlestat"_s)
        return new StatPanel(parent);
    if (type == u"table"_s)
        return new TablePanel(parent);
    if (type == u"piechart"_s)
        return new PiePanel(parent);
    if (type == u"barchart"_s)
        return new BarChartPanel(parent);
    if (type == u"bargauge"_s)
        return new GaugePanel(GaugePanel::Style::Bars, parent);
    if (type == u"gauge"_s)
        return new GaugePanel(GaugePanel::Style::Arc, parent);
    return new TextPanel(parent); // text, and the message for an unsupported type
}

DashboardPanelView::DashboardPanelView(DashboardSession* session, int panel, QWidget* parent)
    : QFrame(parent)
    , m_session(session)
    , m_panel(panel)
    , m_row(session->dashboard().panels.at(panel).isRow())
    , m_title(new QLabel(this))
    , m_state(new QLabel(this))
    , m_message(new QLabel(this))
{
    const GrafanaPanel& definition = session->dashboard().panels.at(panel);
    setObjectName(u"panel-%1"_s.arg(definition.id));
    setAccessibleName(definition.title);
    m_title->setText(definition.title);
    m_title->setToolTip(definition.description);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    auto* header = new QHBoxLayout;
    header->setContentsMargins(8, 4, 4, 0);
    header->addWidget(m_title, 1);
    header->addWidget(m_state);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 4);
    layout->setSpacing(2);
    layout->addLayout(header);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    if (!m_row) {
        m_menu = new QToolButton(this);
        m_menu->setText(u"⋮"_s);
        m_menu->setAutoRaise(true);
        m_menu->setAccessibleName(tr("Menu of %1").arg(definition.title)); // five alike would not say which
        m_menu->setPopupMode(QToolButton::InstantPopup);
        auto* menu = new QMenu(m_menu);
        menu->addAction(tr("View SQL"), this, &DashboardPanelView::showSql);
        menu->addAction(tr("Open in the Query page"), this, [this] {
            const QStringList sql = m_session->panelSentSql(m_panel);
            if (!sql.isEmpty())
                Q_EMIT openInQuery(sql.first());
        });
        menu->addAction(tr("Export PNG…"), this, &DashboardPanelView::exportPng);
        menu->addAction(tr("Export CSV…"), this, &DashboardPanelView::exportCsv);
        menu->addAction(tr("Full screen"), this, [this] { Q_EMIT fullScreenRequested(m_panel); });
        m_menu->setMenu(menu);
        header->addWidget(m_menu);
        m_content = createContent(definition.type, this);
        m_content->setAccessibleName(definition.title);
        connect(m_content, &PanelContent::rangeSelected, this, &DashboardPanelView::rangeSelected);
        layout->addWidget(m_content, 1);
        auto* messageLayout = new QHBoxLayout;
        messageLayout->setContentsMargins(8, 0, 8, 0);
        messageLayout->addWidget(m_message);
        layout->addLayout(messageLayout);
    } else {
        setCursor(Qt::PointingHandCursor);
    }
    setTheme(m_theme);
    refresh();
}

void DashboardPanelView::setTheme(const PanelTheme& theme)
{
    m_theme = theme;
    setFrameShape(QFrame::NoFrame);
    // Colours by palette only: a style sheet here would take the children off their palettes.
    for (QWidget* widget : std::initializer_list<QWidget*> { this, m_title, m_state, m_menu, m_message }) {
        if (!widget)
            continue;
        QPalette colors = widget->palette();
        colors.setColor(QPalette::Window, m_row ? theme.page : theme.panel);
        colors.setColor(QPalette::WindowText, widget == m_state ? theme.secondaryText : theme.text);
        colors.setColor(QPalette::ButtonText, theme.text);
        colors.setColor(QPalette::Button, theme.panel);
        widget->setPalette(colors);
    }
    if (m_content)
        m_content->setTheme(theme);
    refresh();
    update();
}

void DashboardPanelView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    if (m_row) {
        painter.fillRect(rect(), m_theme.page);
        painter.setPen(m_theme.border);
        painter.drawLine(rect().bottomLeft(), rect().bottomRight());
        return;
    }
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(m_theme.border);
    painter.setBrush(m_theme.panel);
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 2, 2);
}

void DashboardPanelView::refresh()
{
    const GrafanaPanel& definition = m_session->dashboard().panels.at(m_panel);
    if (m_row) {
        m_title->setText((definition.collapsed ? u"▸ "_s : u"▾ "_s) + definition.title);
        return;
    }
    const PanelState state = m_session->panelState(m_panel);
    m_state->setText(state == PanelState::Running || state == PanelState::Queued ? tr("loading…") : QString());
    if (state != PanelState::Running && state != PanelState::Queued && m_content)
        m_content->showResults(*m_session, m_panel);
    QString message = m_session->panelMessage(m_panel);
    if (!isSupportedType(definition.type) && !definition.type.isEmpty())
        message = tr("Unsupported panel type \"%1\"").arg(definition.type)
            + (message.isEmpty() ? QString() : u"\n"_s + message);
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    const bool failed = state == PanelState::Failed || state == PanelState::NotRun || !isSupportedType(definition.type);
    QPalette colors = m_message->palette();
    colors.setColor(QPalette::WindowText, failed ? m_theme.error : m_theme.secondaryText);
    m_message->setPalette(colors);
}

QString DashboardPanelView::messageText() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void DashboardPanelView::mousePressEvent(QMouseEvent* event)
{
    if (m_row && event->button() == Qt::LeftButton)
        Q_EMIT rowToggled(m_panel);
    QFrame::mousePressEvent(event);
}

void DashboardPanelView::showSql()
{
    const QStringList sql = m_session->panelSentSql(m_panel);
    auto* box = new QPlainTextEdit;
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setReadOnly(true);
    box->setWindowTitle(tr("SQL of %1").arg(m_title->text()));
    box->setPlainText(sql.isEmpty() ? tr("This panel has not run a query.") : sql.join(u"\n\n;\n\n"_s));
    box->resize(700, 400);
    box->show();
}

void DashboardPanelView::exportPng()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the panel"), m_title->text() + u".png"_s, tr("PNG images (*.png)"));
    if (!path.isEmpty() && !grab().save(path, "PNG"))
        QMessageBox::warning(this, tr("Export the panel"), tr("Could not write %1").arg(path));
}

void DashboardPanelView::exportCsv()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export the rows"), m_title->text() + u".csv"_s, tr("CSV (*.csv)"));
    QString error;
    if (!path.isEmpty() && !saveCsv(path, &error))
        QMessageBox::warning(this, tr("Export the rows"), error);
}

bool DashboardPanelView::saveCsv(const QString& path, QString* error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    for (const QueryResultModel* result : m_session->panelResults(m_panel)) {
        QStringList header;
        for (const ClickHouseColumn& column : result->columns())
            header.append(csvField(column.name));
        file.write((header.join(u',') + u"\r\n"_s).toUtf8());
        for (int row = 0; row < result->rowCount(); ++row) {
            QStringList cells;
            for (int column = 0; column < result->columnCount(); ++column)
                cells.append(csvField(QueryResultModel::text(result->value(row, column))));
            file.write((cells.join(u',') + u"\r\n"_s).toUtf8());
        }
    }
    if (!file.commit()) {
        *error = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}
