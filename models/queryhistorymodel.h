#pragma once

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

/// Every statement the Query page ran, newest first: when, the SQL as written, and how it ended.
/// Kept in a JSON Lines file (one object per run, appended as runs end) so it survives restarts;
/// a damaged line is skipped and reported, the rest is kept. At most `maxEntries` are kept.
class QueryHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        StatementColumn,
        OutcomeColumn,
        ColumnCount,
    };

    enum Role
    {
        SqlRole = Qt::UserRole + 1, ///< the whole statement
        RanAtRole, ///< QDateTime
    };

    struct Entry
    {
        QDateTime ranAt;
        QString sql;
        QString outcome; ///< "1,234 rows in 0.05 s", "Failed: …", "Cancelled"
        bool failed = false;
    };

    static constexpr int maxEntries = 1000;

    explicit QueryHistoryModel(QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(QueryHistoryModel)

    /// Reads the file (if it exists) and appends to it from now on; empty: kept in memory only.
    void setFile(const QString& path);
    QString file() const { return m_path; }
    /// What was wrong with the file's lines ("line 3: not a JSON object"), if anything.
    QStringList loadProblems() const { return m_problems; }

    void add(const Entry& entry);
    const Entry& entry(int row) const { return m_entries.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rewriteFile();
    bool appendToFile(const Entry& entry);

    QString m_path;
    QList<Entry> m_entries; ///< newest first
    QStringList m_problems;
};
