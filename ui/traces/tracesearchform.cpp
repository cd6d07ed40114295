#include "tracesearchform.h"

#include "widgets/timerangepicker.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

using namespace Qt::StringLiterals;

namespace {
/// A duration bound in milliseconds whose lowest value means "no bound".
QSpinBox* durationBox(const QString& accessibleName, QWidget* parent)
{
    auto* box = new QSpinBox(parent);
    box->setRange(-1, 86'400'000);
    box->setValue(-1);
    box->setSuffix(u" ms"_s);
    box->setSpecialValueText(TraceSearchForm::tr("any"));
    box->setAccessibleName(accessibleName);
    return box;
}
} // namespace

TraceSearchForm::TraceSearchForm(QWidget* parent)
    : QWidget(parent)
    , m_range(new TimeRangePicker(this))
    , m_service(new QComboBox(this))
    , m_operation(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_minDuration(durationBox(tr("Minimum duration"), this))
    , m_maxDuration(durationBox(tr("Maximum duration"), this))
    , m_attribute(new QLineEdit(this))
    , m_traceId(new QLineEdit(this))
    , m_search(new QPushButton(tr("&Search"), this))
    , m_openAsSql(new QPushButton(tr("Open as SQL"), this))
{
    m_service->setEditable(true);
    m_service->setAccessibleName(tr("Service"));
    m_service->setToolTip(tr("Traces with a span of this service; empty: any service"));
    m_service->setMinimumContentsLength(14);
    m_service->lineEdit()->setPlaceholderText(tr("any"));
    m_operation->setAccessibleName(tr("Operation"));
    m_operation->setPlaceholderText(tr("any span name"));
    m_status->setAccessibleName(tr("Status"));
    m_status->addItem(tr("Any status"), int(TraceSearchCriteria::Status::Any));
    m_status->addItem(tr("With errors"), int(TraceSearchCriteria::Status::WithErrors));
    m_status->addItem(tr("Without errors"), int(TraceSearchCriteria::Status::WithoutErrors));
    m_attribute->setAccessibleName(tr("Attribute"));
    m_attribute->setPlaceholderText(tr("key=value"));
    m_attribute->setToolTip(tr("Traces with a span that has this attribute value (or, without =, this attribute)"));
    m_traceId->setAccessibleName(tr("Trace id"));
    m_traceId->setPlaceholderText(tr("trace id"));
    m_search->setDefault(true);
    m_openAsSql->setToolTip(tr("Open the search's SQL in a Query tab"));

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto label = [this](const QString& text, QWidget* buddy) {
        auto* l = new QLabel(text, this);
        l->setBuddy(buddy);
        return l;
    };
    layout->addWidget(m_range, 0, 0, 1, 2);
    layout->addWidget(label(tr("S&ervice"), m_service), 0, 2);
    layout->addWidget(m_service, 0, 3);
    layout->addWidget(label(tr("O&peration"), m_operation), 0, 4);
    layout->addWidget(m_operation, 0, 5);
    layout->addWidget(m_status, 0, 6);
    layout->addWidget(m_search, 0, 7);
    layout->addWidget(label(tr("Duration from"), m_minDuration), 1, 0);
    auto* durations = new QHBoxLayout;
    durations->addWidget(m_minDuration);
    durations->addWidget(label(tr("to"), m_maxDuration));
    durations->addWidget(m_maxDuration);
    layout->addLayout(durations, 1, 1);
    layout->addWidget(label(tr("A&ttribute"), m_attribute), 1, 2);
    layout->addWidget(m_attribute, 1, 3);
    layout->addWidget(label(tr("Trace &id"), m_traceId), 1, 4);
    layout->addWidget(m_traceId, 1, 5);
    layout->addWidget(m_openAsSql, 1, 7);
    layout->setColumnStretch(3, 1);
    layout->setColumnStretch(5, 1);

    connect(m_search, &QPushButton::clicked, this, &TraceSearchForm::searchRequested);
    connect(m_openAsSql, &QPushButton::clicked, this, &TraceSearchForm::openAsSqlRequested);
    for (QLineEdit* edit : { m_operation, m_attribute, m_traceId, m_service->lineEdit() })
        connect(edit, &QLineEdit::returnPressed, this, &TraceSearchForm::searchRequested);
}

TraceSearchCriteria TraceSearchForm::criteria() const
{
    TraceSearchCriteria criteria;
    const TimeRangePicker::Range range = m_range->range();
    criteria.fromMs = range.fromMs;
    criteria.toMs = range.toMs;
    criteria.service = m_service->currentText().trimmed();
    criteria.operation = m_operation->text().trimmed();
    criteria.status = TraceSearchCriteria::Status(m_status->currentData().toInt());
    criteria.minDurationMs = m_minDuration->value();
    criteria.maxDurationMs = m_maxDuration->value();
    criteria.attribute = m_attribute->text().trimmed();
    criteria.traceId = m_traceId->text().trimmed();
    return criteria;
}

void TraceSearchForm::setCriteria(const TraceSearchCriteria& criteria)
{
    m_service->setCurrentText(criteria.service);
    m_operation->setText(criteria.operation);
    m_status->setCurrentIndex(m_status->findData(int(criteria.status)));
    m_minDuration->setValue(int(qBound(qint64(-1), criteria.minDurationMs, qint64(m_minDuration->maximum()))));
    m_maxDuration->setValue(int(qBound(qint64(-1), criteria.maxDurationMs, qint64(m_maxDuration->maximum()))));
    m_attribute->setText(criteria.attribute);
    m_traceId->setText(criteria.traceId);
}

void TraceSearchForm::setServices(const QStringList& services)
{
    const QString current = m_service->currentText();
    m_service->clear();
    m_service->addItem(QString());
    m_service->addItems(services);
    m_service->setCurrentText(current);
}
