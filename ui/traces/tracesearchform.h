#pragma once

#include "trace/tracesearchcriteria.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QSpinBox;
class TimeRangePicker;

/// The search fields of the Traces page: time range (the same picker as Query and Dashboards),
/// service, operation, status, duration bounds, an attribute "key=value" and a trace id, with
/// Search and Open as SQL. Enter in any text field searches.
class TraceSearchForm final : public QWidget
{
    Q_OBJECT

public:
    explicit TraceSearchForm(QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(TraceSearchForm)

    /// The fields as criteria; a relative time range ends now.
    TraceSearchCriteria criteria() const;
    /// Fills the fields (the time range is left as it is).
    void setCriteria(const TraceSearchCriteria& criteria);
    void setServices(const QStringList& services);
    TimeRangePicker* timeRange() const { return m_range; }

Q_SIGNALS:
    void searchRequested();
    void openAsSqlRequested();

private:
    TimeRangePicker* m_range;
    QComboBox* m_service;
    QLineEdit* m_operation;
    QComboBox* m_status;
    QSpinBox* m_minDuration;
    QSpinBox* m_maxDuration;
    QLineEdit* m_attribute;
    QLineEdit* m_traceId;
    QPushButton* m_search;
    QPushButton* m_openAsSql;
};
