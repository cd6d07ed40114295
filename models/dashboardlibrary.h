#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

/// The dashboards the workbench knows: the built-in ones (the four upstream Automagik
/// dashboards, listed first, and "ClickHouse server"), compiled in and never changed, and the
/// ones the user imported, kept as the JSON they came as in a folder of the app's data (one
/// file per uid), removable and exportable back to Grafana unchanged.
class DashboardLibrary final
{
public:
    struct Entry
    {
        QString uid;
        QString title;
        QString path; ///< ":/dashboards/..." for a built-in one
        bool builtIn = false;
    };

    explicit DashboardLibrary(QString importFolder);

    QList<Entry> entries() const;
    /// By uid, else by title (case-insensitive).
    std::optional<Entry> find(const QString& uidOrTitle) const;
    std::optional<QByteArray> read(const Entry& entry, QString* error) const;

    /// Reads `file` as a dashboard and keeps a copy; refused (with why) when it is not one or
    /// its uid is a built-in one's. A dashboard without a uid gets one from its file name.
    std::optional<Entry> import(const QString& file, QString* error);
    bool remove(const QString& uid, QString* error);
    /// Writes the dashboard's JSON as it was imported (or built in) to `file`.
    bool exportTo(const QString& uid, const QString& file, QString* error) const;

    QString importFolder() const { return m_folder; }

private:
    static QList<Entry> builtIns();

    QString m_folder;
};
