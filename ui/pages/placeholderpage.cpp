#include "placeholderpage.h"

#include <QLabel>
#include <QVBoxLayout>

PlaceholderPage::PlaceholderPage(const QString& title, const QString& description, QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    auto* heading = new QLabel(title, this);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.6);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    layout->addWidget(heading);
    auto* summary = new QLabel(description, this);
    summary->setWordWrap(true);
    layout->addWidget(summary);
    auto* notice = new QLabel(tr("Not built yet: this page arrives with later work. Its engine will also be "
                                 "available as a command-line subcommand."),
        this);
    notice->setWordWrap(true);
    notice->setEnabled(false);
    layout->addSpacing(12);
    layout->addWidget(notice);
    layout->addStretch(1);
}

PlaceholderPage::~PlaceholderPage() = default;
