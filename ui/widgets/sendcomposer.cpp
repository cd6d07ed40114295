#include "sendcomposer.h"

#include "attributetableeditor.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

#include <limits>

using namespace Qt::StringLiterals;

namespace {
using Signal = SendRequest::Signal;
using Kind = SdkRecordBuilder::MetricKind;

QLineEdit* lineEdit(const QString& accessibleName, const QString& text, QWidget* parent)
{
    auto* edit = new QLineEdit(text, parent);
    edit->setAccessibleName(accessibleName);
    return edit;
}

/// Severity numbers of the SDKs' LogSeverity (TRACE 1 ... FATAL 21), one step of four apart.
int severityIndex(qint32 severity)
{
    return qBound(0, (severity - 1) / 4, 5);
}
} // namespace

SendComposer::SendComposer(QWidget* parent)
    : QWidget(parent)
    , m_form(new QFormLayout)
    , m_signal(new QComboBox(this))
    , m_metricKind(new QComboBox(this))
    , m_severity(new QComboBox(this))
    , m_name(lineEdit(tr("Name"), QString(), this))
    , m_message(lineEdit(tr("Error message"), QString(), this))
    , m_value(new QDoubleSpinBox(this))
    , m_attributes(new AttributeTableEditor(tr("Attributes"), this))
    , m_project(lineEdit(tr("Project"), u"workbench-send"_s, this))
    , m_version(lineEdit(tr("Version"), u"0.0.0"_s, this))
    , m_environment(lineEdit(tr("Environment"), QString(), this))
    , m_resourceAttributes(new AttributeTableEditor(tr("Resource attributes"), this))
{
    m_signal->setAccessibleName(tr("Signal"));
    m_signal->addItem(tr("Event (track_event)"), int(Signal::Event));
    m_signal->addItem(tr("Error (track_error)"), int(Signal::Error));
    m_signal->addItem(tr("Metric (track_metric)"), int(Signal::Metric));
    m_signal->addItem(tr("Log (track_log)"), int(Signal::Log));
    m_metricKind->setAccessibleName(tr("Metric type"));
    m_metricKind->addItem(tr("Gauge"), int(Kind::Gauge));
    m_metricKind->addItem(tr("Counter"), int(Kind::Counter));
    m_metricKind->addItem(tr("Histogram"), int(Kind::Histogram));
    m_severity->setAccessibleName(tr("Severity"));
    const QStringList severities { tr("Trace"), tr("Debug"), tr("Info"), tr("Warn"), tr("Error"), tr("Fatal") };
    for (int i = 0; i < severities.size(); ++i)
        m_severity->addItem(severities.at(i), i * 4 + 1);
    m_severity->setCurrentIndex(2);
    m_value->setAccessibleName(tr("Value"));
    m_value->setRange(-std::numeric_limits<double>::max(), std::numeric_limits<double>::max());
    m_value->setDecimals(6);
    m_value->setValue(1);
    m_name->setPlaceholderText(tr("Required"));
    m_environment->setPlaceholderText(tr("Not sent (stored as production)"));

    auto* record = new QGroupBox(tr("Record"), this);
    record->setLayout(m_form);
    m_form->addRow(tr("&Signal:"), m_signal);
    m_form->addRow(tr("Metric &type:"), m_metricKind);
    m_form->addRow(tr("Severit&y:"), m_severity);
    m_form->addRow(tr("&Name:"), m_name);
    m_form->addRow(tr("&Message:"), m_message);
    m_form->addRow(tr("Va&lue:"), m_value);
    m_form->addRow(tr("&Attributes:"), m_attributes);

    auto* resource = new QGroupBox(tr("Sender (resource)"), this);
    auto* resourceForm = new QFormLayout(resource);
    resourceForm->addRow(tr("&Project:"), m_project);
    resourceForm->addRow(tr("V&ersion:"), m_version);
    resourceForm->addRow(tr("Env&ironment:"), m_environment);
    resourceForm->addRow(tr("More &resource attributes:"), m_resourceAttributes);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(record);
    layout->addWidget(resource);

    connect(m_signal, &QComboBox::currentIndexChanged, this, &SendComposer::signalChanged);
    signalChanged();
}

void SendComposer::signalChanged()
{
    const auto signal = Signal(m_signal->currentData().toInt());
    m_form->setRowVisible(m_metricKind, signal == Signal::Metric);
    m_form->setRowVisible(m_value, signal == Signal::Metric);
    m_form->setRowVisible(m_severity, signal == Signal::Log);
    m_form->setRowVisible(m_message, signal == Signal::Error);
    auto* label = qobject_cast<QLabel*>(m_form->labelForField(m_name));
    switch (signal) {
    case Signal::Event:
        label->setText(tr("Event &name:"));
        break;
    case Signal::Error:
        label->setText(tr("Error &type:"));
        break;
    case Signal::Metric:
        label->setText(tr("Metric &name:"));
        break;
    case Signal::Log:
        label->setText(tr("Log &message:"));
        break;
    }
}

void SendComposer::applyTemplate(const SendTemplate& source)
{
    m_signal->setCurrentIndex(m_signal->findData(int(source.signal)));
    m_metricKind->setCurrentIndex(m_metricKind->findData(int(source.metricKind)));
    m_severity->setCurrentIndex(severityIndex(source.severity));
    m_name->setText(source.name);
    m_message->setText(source.message);
    m_value->setValue(source.value);
    m_attributes->model()->setAttributes(source.attributes);
}

SendTemplate SendComposer::toTemplate(const QString& title) const
{
    SendTemplate result;
    result.title = title;
    result.signal = Signal(m_signal->currentData().toInt());
    result.metricKind = Kind(m_metricKind->currentData().toInt());
    result.severity = m_severity->currentData().toInt();
    result.name = m_name->text();
    result.message = m_message->text();
    result.value = m_value->value();
    result.attributes = m_attributes->model()->rows();
    return result;
}

QString SendComposer::projectName() const
{
    return m_project->text().trimmed();
}

bool SendComposer::compose(SendRequest* request, SdkIdentity* identity, QStringList* problems) const
{
    const SendTemplate composed = toTemplate(QString());
    if (composed.name.trimmed().isEmpty()) {
        problems->append(
            qobject_cast<QLabel*>(m_form->labelForField(m_name))->text().remove(u'&').chopped(1) + tr(" is required"));
        return false;
    }
    if (projectName().isEmpty()) {
        problems->append(tr("Project is required"));
        return false;
    }
    request->signal = composed.signal;
    request->name = composed.name;
    request->message = composed.message;
    request->value = composed.value;
    request->metricKind = composed.metricKind;
    request->severity = composed.severity;
    request->attributes = m_attributes->model()->attributes(problems);
    identity->projectName = projectName();
    identity->projectVersion = m_version->text().trimmed();
    identity->environment = m_environment->text().trimmed();
    identity->resourceAttributes = m_resourceAttributes->model()->attributes(problems);
    return true;
}
