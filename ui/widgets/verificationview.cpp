#include "verificationview.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

VerificationView::VerificationView(QWidget* parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 5, this))
    , m_verdict(new QLabel(this))
{
    m_table->setAccessibleName(tr("Delivery verification"));
    m_table->setHorizontalHeaderLabels({ tr("Table"), tr("Expected"), tr("Found"), tr("Missing"), tr("Duplicated") });
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setMaximumHeight(130);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_verdict->setWordWrap(true);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addWidget(m_verdict);
}

void VerificationView::clear()
{
    m_table->setRowCount(0);
    m_verdict->clear();
}

QString VerificationView::verdictText() const
{
    return m_verdict->text();
}

void VerificationView::show(const ReplayRunner::Outcome& outcome)
{
    clear();
    if (!outcome.verified)
        return;
    if (!outcome.verification.error.isEmpty()) {
        m_verdict->setText(tr("The verification could not ask ClickHouse: %1").arg(outcome.verification.error));
        return;
    }
    QStringList missing;
    for (const ReplayVerifier::SignalResult& r : outcome.verification.signalResults) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QList<QVariant> cells { r.table, r.expected, r.found, r.missing, r.duplicated };
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem;
            item->setData(Qt::DisplayRole, cells.at(column));
            if (column > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, column, item);
        }
        if (r.missing == 0 && r.duplicated == 0)
            continue;
        QStringList numbers;
        for (const qint64 key : r.missingKeys)
            numbers.append(QString::number(key));
        QStringList twice;
        for (const qint64 key : r.duplicatedKeys)
            twice.append(QString::number(key));
        if (r.missing > 0)
            missing.append(tr("%1: %2 missing, seq %3%4")
                               .arg(r.table)
                               .arg(r.missing)
                               .arg(numbers.join(u", "_s), r.missing > r.missingKeys.size() ? u", …"_s : QString()));
        if (r.duplicated > 0)
            missing.append(
                tr("%1: %2 stored more than once, seq %3%4")
                    .arg(r.table)
                    .arg(r.duplicated)
                    .arg(twice.join(u", "_s), r.duplicated > r.duplicatedKeys.size() ? u", …"_s : QString()));
    }
    m_verdict->setText(
        outcome.verification.exactlyOnce() ? tr("Every record arrived exactly once.") : missing.join(u'\n'));
}
