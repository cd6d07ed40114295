#pragma once

#include "resultroworder.h"

#include <QAbstractProxyModel>
#include <QFutureWatcher>
#include <QPointer>
#include <QTimer>

class QueryResultModel;

/// The result grid's sorting, over a QueryResultModel (which only ever appends rows or starts
/// over). Sorting compares typed keys (ResultRowOrder): numbers as numbers, dates and times in
/// time order, text by code point, NULLs last. A result of more than `backgroundThreshold` rows
/// is sorted on a pool thread: the grid keeps its current order and stays responsive until the
/// new order is ready (sortingChanged), and a newer sort or a new result supersedes a running
/// one. While sorted, rows that arrive appear at the end, then move into place: at once while
/// the result is small, at most every `placeDelayMs` beyond (each placement is a merge over every
/// row, and a million rows arrive in two hundred blocks). Column -1 is the arrival order.
class ResultSortModel final : public QAbstractProxyModel
{
    Q_OBJECT

public:
    static constexpr int backgroundThreshold = 50000;
    static constexpr int placeDelayMs = 100;

    explicit ResultSortModel(QObject* parent = nullptr);
    ~ResultSortModel() override;
    Q_DISABLE_COPY_MOVE(ResultSortModel)

    void setResultModel(QueryResultModel* model);
    int sortColumn() const { return m_column; }
    Qt::SortOrder sortOrder() const { return m_order; }
    /// A sort is running on a pool thread.
    bool isSorting() const { return m_pending != nullptr; }

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    QModelIndex mapToSource(const QModelIndex& proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex& sourceIndex) const override;
    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;

Q_SIGNALS:
    void sortingChanged(bool sorting);

private:
    struct Sorted
    {
        ResultRowOrder order;
        QList<int> rows;
    };

    void onAboutToBeReset();
    void onReset();
    void onRowsAboutToBeInserted(const QModelIndex& parent, int first, int last);
    void onRowsInserted(const QModelIndex& parent);
    void startSort();
    void onSortDone();
    /// Puts the rows that arrived since `m_order` was taken into place.
    void placeNewRows();
    /// Replaces the row mapping (empty: arrival order) in one layout change.
    void applyOrder(const QList<int>& proxyToSource, bool mapped);
    void cancelPending();
    /// Replaces the keys; large old ones are freed on a pool thread (a million keys take a while).
    void setKeys(ResultRowOrder keys);
    bool hasUnplacedRows() const;

    QPointer<QueryResultModel> m_model;
    int m_column = -1;
    Qt::SortOrder m_order = Qt::AscendingOrder;
    ResultRowOrder m_keys; ///< the current order's keys, when sorted and not pending
    bool m_mapped = false; ///< false: arrival order, the maps are empty
    QList<int> m_proxyToSource;
    QList<int> m_sourceToProxy;
    QFutureWatcher<Sorted>* m_pending = nullptr;
    QTimer m_placeTimer;
};
