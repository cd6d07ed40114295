#include "resultsortmodel.h"

#include "queryresultmodel.h"

#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

ResultSortModel::ResultSortModel(QObject* parent)
    : QAbstractProxyModel(parent)
{
    m_placeTimer.setSingleShot(true);
    m_placeTimer.setInterval(placeDelayMs);
    connect(&m_placeTimer, &QTimer::timeout, this, [this] {
        if (hasUnplacedRows())
            placeNewRows();
    });
}

ResultSortModel::~ResultSortModel()
{
    // No sortingChanged from here: a receiver may be half destroyed already. A running sort
    // finishes on its pool thread and its result goes with the watcher.
    if (m_pending)
        m_pending->disconnect(this);
}

void ResultSortModel::setResultModel(QueryResultModel* model)
{
    beginResetModel();
    cancelPending();
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    // Connected before QAbstractProxyModel's own handlers (setSourceModel), which announce a
    // header change when the first rows arrive: by then the maps must know those rows.
    if (model) {
        connect(model, &QAbstractItemModel::modelAboutToBeReset, this, &ResultSortModel::onAboutToBeReset);
        connect(model, &QAbstractItemModel::modelReset, this, &ResultSortModel::onReset);
        connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, &ResultSortModel::onRowsAboutToBeInserted);
        connect(model, &QAbstractItemModel::rowsInserted, this, &ResultSortModel::onRowsInserted);
    }
    setSourceModel(model);
    m_column = -1;
    m_mapped = false;
    m_proxyToSource.clear();
    m_sourceToProxy.clear();
    endResetModel();
}

QModelIndex ResultSortModel::mapToSource(const QModelIndex& proxyIndex) const
{
    if (!m_model || !proxyIndex.isValid())
        return {};
    const int row = m_mapped ? m_proxyToSource.value(proxyIndex.row(), -1) : proxyIndex.row();
    return m_model->index(row, proxyIndex.column());
}

QModelIndex ResultSortModel::mapFromSource(const QModelIndex& sourceIndex) const
{
    if (!m_model || !sourceIndex.isValid())
        return {};
    const int row = m_mapped ? m_sourceToProxy.value(sourceIndex.row(), -1) : sourceIndex.row();
    return index(row, sourceIndex.column());
}

QModelIndex ResultSortModel::index(int row, int column, const QModelIndex& parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex ResultSortModel::parent(const QModelIndex&) const
{
    return {};
}

int ResultSortModel::rowCount(const QModelIndex& parent) const
{
    return m_model && !parent.isValid() ? m_model->rowCount() : 0;
}

int ResultSortModel::columnCount(const QModelIndex& parent) const
{
    return m_model && !parent.isValid() ? m_model->columnCount() : 0;
}

void ResultSortModel::sort(int column, Qt::SortOrder order)
{
    if (!m_model)
        return;
    if (column >= m_model->columnCount())
        column = -1;
    if (column == m_column && order == m_order && (m_mapped || isSorting() || column < 0))
        return;
    cancelPending();
    m_column = column;
    m_order = order;
    if (column < 0) {
        setKeys({});
        return applyOrder({}, false);
    }
    if (m_model->rowCount() <= backgroundThreshold) {
        ResultRowOrder keys(*m_model, column, order);
        keys.computeKeys();
        const QList<int> rows = keys.sorted(0, int(keys.size()));
        setKeys(std::move(keys));
        return applyOrder(rows, true);
    }
    startSort();
}

void ResultSortModel::startSort()
{
    m_pending = new QFutureWatcher<Sorted>(this);
    connect(m_pending, &QFutureWatcherBase::finished, this, &ResultSortModel::onSortDone);
    m_pending->setFuture(QtConcurrent::run([keys = ResultRowOrder(*m_model, m_column, m_order)]() mutable {
        keys.computeKeys();
        Sorted sorted;
        sorted.rows = keys.sorted(0, int(keys.size()));
        sorted.order = std::move(keys);
        return sorted;
    }));
    Q_EMIT sortingChanged(true);
}

void ResultSortModel::onSortDone()
{
    QFutureWatcher<Sorted>* watcher = std::exchange(m_pending, nullptr);
    Sorted sorted = watcher->result();
    watcher->deleteLater();
    // Rows that arrived while it sorted go into place too.
    const int done = int(sorted.order.size());
    sorted.order.extend(*m_model);
    const QList<int> rows =
        sorted.order.merged(sorted.rows, sorted.order.sorted(done, int(sorted.order.size()) - done));
    setKeys(std::move(sorted.order));
    applyOrder(rows, true);
    Q_EMIT sortingChanged(false);
}

void ResultSortModel::cancelPending()
{
    if (!m_pending)
        return;
    // The pool thread finishes its sort and the result is dropped with the watcher.
    m_pending->disconnect(this);
    m_pending->deleteLater();
    m_pending = nullptr;
    Q_EMIT sortingChanged(false);
}

void ResultSortModel::onAboutToBeReset()
{
    beginResetModel();
    cancelPending();
}

void ResultSortModel::onReset()
{
    // A new result keeps the sort column if it has one there, as the header still shows it.
    if (m_column >= m_model->columnCount())
        m_column = -1;
    m_mapped = m_column >= 0;
    m_proxyToSource.clear();
    m_sourceToProxy.clear();
    setKeys(m_mapped ? ResultRowOrder(*m_model, m_column, m_order) : ResultRowOrder());
    if (m_mapped) {
        m_keys.computeKeys();
        m_proxyToSource = m_keys.sorted(0, int(m_keys.size()));
        m_sourceToProxy.resize(m_proxyToSource.size());
        for (int row = 0; row < m_proxyToSource.size(); ++row)
            m_sourceToProxy[m_proxyToSource.at(row)] = row;
    }
    endResetModel();
}

void ResultSortModel::onRowsAboutToBeInserted(const QModelIndex& parent, int first, int last)
{
    if (parent.isValid())
        return;
    // The source only appends; here the new rows appear at the end first.
    const int at = m_mapped ? int(m_proxyToSource.size()) : first;
    beginInsertRows({}, at, at + last - first);
}

void ResultSortModel::onRowsInserted(const QModelIndex& parent)
{
    if (parent.isValid())
        return;
    if (m_mapped) {
        for (int row = int(m_proxyToSource.size()); row < m_model->rowCount(); ++row) {
            m_sourceToProxy.append(int(m_proxyToSource.size()));
            m_proxyToSource.append(row);
        }
    }
    endInsertRows();
    if (!hasUnplacedRows())
        return;
    if (m_model->rowCount() <= backgroundThreshold)
        placeNewRows();
    else if (!m_placeTimer.isActive())
        m_placeTimer.start();
}

bool ResultSortModel::hasUnplacedRows() const
{
    return m_model && m_mapped && !isSorting() && m_keys.column() == m_column && m_keys.size() < m_model->rowCount();
}

void ResultSortModel::setKeys(ResultRowOrder keys)
{
    ResultRowOrder old = std::exchange(m_keys, std::move(keys));
    if (old.size() > 10000)
        QThreadPool::globalInstance()->start([old = std::move(old)]() mutable { old = ResultRowOrder(); });
}

void ResultSortModel::placeNewRows()
{
    const int placed = int(m_keys.size());
    m_keys.extend(*m_model);
    const QList<int> more = m_keys.sorted(placed, int(m_keys.size()) - placed);
    applyOrder(m_keys.merged(m_proxyToSource.first(placed), more), true);
}

void ResultSortModel::applyOrder(const QList<int>& proxyToSource, bool mapped)
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<QModelIndex> sources;
    sources.reserve(before.size());
    for (const QModelIndex& index : before)
        sources.append(mapToSource(index));
    m_mapped = mapped;
    m_proxyToSource = proxyToSource;
    m_sourceToProxy = QList<int>(mapped ? proxyToSource.size() : 0);
    for (int row = 0; row < m_proxyToSource.size(); ++row)
        m_sourceToProxy[m_proxyToSource.at(row)] = row;
    QModelIndexList after;
    after.reserve(sources.size());
    for (const QModelIndex& source : std::as_const(sources))
        after.append(mapFromSource(source));
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}
