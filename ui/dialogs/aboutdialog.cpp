#include "aboutdialog.h"

#include "common/buildinfo.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

AboutDialog::AboutDialog(const QString& clickHouseVersion, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About %1").arg(QString::fromLatin1(BuildInfo::displayName)));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    auto* icon = new QLabel(this);
    icon->setPixmap(QIcon(u":/icons/automagik-workbench.svg"_s).pixmap(96, 96));
    top->addWidget(icon, 0, Qt::AlignTop);

    m_versionText = tr("Version %1").arg(QString::fromLatin1(BuildInfo::version));
    const QString serverLine = clickHouseVersion.isEmpty() ? tr("ClickHouse server: not connected")
                                                           : tr("ClickHouse server: %1").arg(clickHouseVersion);
    auto* text = new QLabel(this);
    text->setTextFormat(Qt::RichText);
    text->setWordWrap(true);
    text->setText(u"<h2>%1</h2><p>%2</p><p>%3</p><p>%4<br>%5</p>"_s.arg(
        QString::fromLatin1(BuildInfo::displayName).toHtmlEscaped(), m_versionText.toHtmlEscaped(),
        tr("The whole local telemetry stack of the Automagik Telemetry project in one window: send and replay "
           "events, receive OTLP, store it in ClickHouse, run the dashboard SQL and watch the stack's health.")
            .toHtmlEscaped(),
        tr("Qt %1").arg(QString::fromLatin1(qVersion())).toHtmlEscaped(), serverLine.toHtmlEscaped()));
    text->setMinimumWidth(380);
    top->addWidget(text, 1);
    layout->addLayout(top);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

AboutDialog::~AboutDialog() = default;

QString AboutDialog::versionText() const
{
    return m_versionText;
}
