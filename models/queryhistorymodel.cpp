#include "queryhistorymodel.h"

#include <QColor>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSaveFile>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
QByteArray toLine(const QueryHistoryModel::Entry& entry)
{
    const QJsonObject object { { u"ranAt"_s, entry.ranAt.toUTC().toString(Qt::ISODateWithMs) }, { u"sql"_s, entry.sql },
        { u"outcome"_s, entry.outcome }, { u"failed"_s, entry.failed } };
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

/// One statement on one line for the table: the first line, whitespace runs collapsed.
QString oneLine(const QString& sql)
{
    QString line = sql.simplified();
    if (line.size() > 200)
        line = line.left(200) + u'…';
    return line;
}
} // namespace

QueryHistoryModel::QueryHistoryModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void QueryHistoryModel::setFile(const QString& path)
{
    beginResetModel();
    m_path = path;
    m_entries.clear();
    m_problems.clear();
    QFile file(path);
    if (!path.isEmpty() && file.open(QIODevice::ReadOnly)) {
        int lineNumber = 0;
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            ++lineNumber;
            if (line.isEmpty())
                continue;
            QJsonParseError error;
            const QJsonDocument document = QJsonDocument::fromJson(line, &error);
            const QJsonObject object = document.object();
            const QDateTime ranAt = QDateTime::fromString(object.value(u"ranAt"_s).toString(), Qt::ISODateWithMs);
            if (error.error != QJsonParseError::NoError || !document.isObject()) {
                m_problems.append(
                    tr("%1, line %2: not a JSON object (%3)")
                        .arg(path)
                        .arg(lineNumber)
                        .arg(error.error != QJsonParseError::NoError ? error.errorString() : tr("another JSON value")));
                continue;
            }
            if (!object.value(u"sql"_s).isString() || !ranAt.isValid()) {
                m_problems.append(tr("%1, line %2: needs \"sql\" and an ISO \"ranAt\"").arg(path).arg(lineNumber));
                continue;
            }
            m_entries.prepend({ ranAt, object.value(u"sql"_s).toString(), object.value(u"outcome"_s).toString(),
                object.value(u"failed"_s).toBool() });
        }
    }
    const bool trimmed = m_entries.size() > maxEntries;
    if (trimmed)
        m_entries.resize(maxEntries);
    endResetModel();
    if (trimmed)
        rewriteFile();
}

void QueryHistoryModel::add(const Entry& entry)
{
    beginInsertRows({}, 0, 0);
    m_entries.prepend(entry);
    endInsertRows();
    if (m_entries.size() > maxEntries) {
        beginRemoveRows({}, maxEntries, int(m_entries.size() - 1));
        m_entries.resize(maxEntries);
        endRemoveRows();
        rewriteFile();
    } else if (!appendToFile(entry)) {
        m_problems.append(tr("%1: could not be written").arg(m_path));
    }
}

bool QueryHistoryModel::appendToFile(const Entry& entry)
{
    if (m_path.isEmpty())
        return true;
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QFile file(m_path);
    if (!file.open(QIODevice::ReadWrite | QIODevice::Append))
        return false;
    // A line torn by a crash must not swallow the new entry: start it on a line of its own.
    QByteArray line = toLine(entry);
    if (file.size() > 0 && file.seek(file.size() - 1) && file.read(1) != "\n")
        line.prepend('\n');
    return file.write(line) == line.size();
}

void QueryHistoryModel::rewriteFile()
{
    if (m_path.isEmpty())
        return;
    // Oldest first, as appends leave it; a save file so that a crash never halves the history.
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly))
        return;
    std::for_each(m_entries.crbegin(), m_entries.crend(), [&file](const Entry& entry) { file.write(toLine(entry)); });
    file.commit();
}

int QueryHistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int QueryHistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QueryHistoryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Entry& entry = m_entries.at(index.row());
    switch (role) {
    case SqlRole:
        return entry.sql;
    case RanAtRole:
        return entry.ranAt;
    case Qt::ToolTipRole:
        return entry.sql;
    case Qt::ForegroundRole:
        return index.column() == OutcomeColumn && entry.failed ? QVariant(QColor(0xc6, 0x28, 0x28)) : QVariant();
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: {
            // Today's runs by their time, older ones with the date too.
            const QDateTime local = entry.ranAt.toLocalTime();
            return local.date() == QDate::currentDate() ? QLocale().toString(local.time(), QLocale::ShortFormat)
                                                        : QLocale().toString(local, QLocale::ShortFormat);
        }
        case StatementColumn:
            return oneLine(entry.sql);
        case OutcomeColumn:
            return entry.outcome;
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant QueryHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Ran at");
    case StatementColumn:
        return tr("Statement");
    case OutcomeColumn:
        return tr("Outcome");
    default:
        return {};
    }
}
