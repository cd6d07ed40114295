#pragma once

#include <QSortFilterProxyModel>

/// The Live page's filters over LiveRecordModel: signals (a mask of 1 << Signal), service and
/// name (case-insensitive substrings), a log's lowest severity (spans and metrics pass), and free
/// text looked for in the service, name, level and trace id. Rows streaming in are filtered as they are inserted.
class LiveFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit LiveFilterModel(QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(LiveFilterModel)

    void setSignalMask(int mask);
    void setService(const QString& text);
    void setName(const QString& text);
    /// Otlp::Severity number (9 = INFO); 0 lets every log through.
    void setMinimumSeverity(int severity);
    void setSearchText(const QString& text);
    int signalMask() const { return m_mask; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    void changed();

    int m_mask = 0b111;
    QString m_service;
    QString m_name;
    int m_minimumSeverity = 0;
    QString m_search;
};
