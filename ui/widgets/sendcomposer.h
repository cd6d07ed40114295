#pragma once

#include "sendtemplate.h"
#include "telemetry/sdkidentity.h"

#include <QWidget>

class AttributeTableEditor;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLineEdit;

/// The record the Send page sends, composed as the SDKs shape one: the signal (an event, an
/// error, a gauge, counter or histogram, a log of each severity), its name and attributes with
/// their types, and who sends it (project, version, environment, more resource attributes).
class SendComposer final : public QWidget
{
    Q_OBJECT

public:
    explicit SendComposer(QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(SendComposer)

    void applyTemplate(const SendTemplate& source);
    /// What is composed, as a template titled `title` (for saving).
    SendTemplate toTemplate(const QString& title) const;
    /// The request (count and rate left as they are) and the identity; false with `problems`
    /// when the record cannot go (no name). Attribute rows with problems are left out and listed.
    bool compose(SendRequest* request, SdkIdentity* identity, QStringList* problems) const;
    QString projectName() const;

    QComboBox* signalBox() const { return m_signal; }
    QComboBox* metricKindBox() const { return m_metricKind; }
    QComboBox* severityBox() const { return m_severity; }
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* messageEdit() const { return m_message; }
    QDoubleSpinBox* valueBox() const { return m_value; }
    QLineEdit* projectEdit() const { return m_project; }
    QLineEdit* versionEdit() const { return m_version; }
    QLineEdit* environmentEdit() const { return m_environment; }
    AttributeTableEditor* attributes() const { return m_attributes; }
    AttributeTableEditor* resourceAttributes() const { return m_resourceAttributes; }

private:
    /// Shows the fields the chosen signal has and names the name field after it.
    void signalChanged();

    QFormLayout* m_form;
    QComboBox* m_signal;
    QComboBox* m_metricKind;
    QComboBox* m_severity;
    QLineEdit* m_name;
    QLineEdit* m_message;
    QDoubleSpinBox* m_value;
    AttributeTableEditor* m_attributes;
    QLineEdit* m_project;
    QLineEdit* m_version;
    QLineEdit* m_environment;
    AttributeTableEditor* m_resourceAttributes;
};
