#include "dashboardlibrary.h"

#include "query/grafanadashboardparser.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("DashboardLibrary", text);
}

std::optional<QByteArray> readFile(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("DashboardLibrary", "cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return file.readAll();
}

bool writeFile(const QString& path, const QByteArray& bytes, QString* error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = QCoreApplication::translate("DashboardLibrary", "cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}
} // namespace

DashboardLibrary::DashboardLibrary(QString importFolder)
    : m_folder(std::move(importFolder))
{ }

QList<DashboardLibrary::Entry> DashboardLibrary::builtIns()
{
    // The upstream dashboards first, in the order the upstream stack lists them.
    return {
        { u"automagik-telemetry-overview"_s, u"Automagik Telemetry Overview"_s,
            u":/dashboards/telemetry-overview.json"_s, true },
        { u"automagik-traces"_s, u"Automagik Traces"_s, u":/dashboards/traces-dashboard.json"_s, true },
        { u"automagik-metrics"_s, u"Automagik Metrics"_s, u":/dashboards/metrics-dashboard.json"_s, true },
        { u"automagik-logs"_s, u"Automagik Logs"_s, u":/dashboards/logs-dashboard.json"_s, true },
        { u"workbench-clickhouse-server"_s, u"ClickHouse server"_s, u":/dashboards/clickhouse-server.json"_s, true },
    };
}

QList<DashboardLibrary::Entry> DashboardLibrary::entries() const
{
    QList<Entry> result = builtIns();
    QList<Entry> imported;
    const QFileInfoList files = QDir(m_folder).entryInfoList({ u"*.json"_s }, QDir::Files, QDir::Name);
    for (const QFileInfo& file : files) {
        QString error;
        const GrafanaDashboardParser::Result parsed =
            GrafanaDashboardParser::parse(readFile(file.filePath(), &error).value_or(QByteArray()));
        const QString title = parsed.ok() ? parsed.dashboard.title : tr("%1 (cannot be read)").arg(file.fileName());
        imported.append({ file.completeBaseName(), title, file.filePath(), false });
    }
    std::sort(imported.begin(), imported.end(),
        [](const Entry& a, const Entry& b) { return a.title.compare(b.title, Qt::CaseInsensitive) < 0; });
    return result + imported;
}

std::optional<DashboardLibrary::Entry> DashboardLibrary::find(const QString& uidOrTitle) const
{
    const QList<Entry> all = entries();
    for (const Entry& entry : all) {
        if (entry.uid == uidOrTitle)
            return entry;
    }
    for (const Entry& entry : all) {
        if (entry.title.compare(uidOrTitle, Qt::CaseInsensitive) == 0)
            return entry;
    }
    return std::nullopt;
}

std::optional<QByteArray> DashboardLibrary::read(const Entry& entry, QString* error) const
{
    return readFile(entry.path, error);
}

std::optional<DashboardLibrary::Entry> DashboardLibrary::import(const QString& file, QString* error)
{
    const std::optional<QByteArray> json = readFile(file, error);
    if (!json)
        return std::nullopt;
    const GrafanaDashboardParser::Result parsed = GrafanaDashboardParser::parse(*json);
    if (!parsed.ok()) {
        *error = tr("%1 is not a dashboard the workbench can read: %2").arg(file, parsed.error);
        return std::nullopt;
    }
    QString uid = parsed.dashboard.uid;
    if (uid.isEmpty())
        uid = QFileInfo(file).completeBaseName();
    uid.replace(QRegularExpression(u"[^A-Za-z0-9._-]"_s), u"-"_s);
    for (const Entry& builtIn : builtIns()) {
        if (builtIn.uid == uid) {
            *error = tr("%1 has the uid \"%2\" of the built-in dashboard \"%3\"; give it another uid to import it")
                         .arg(file, uid, builtIn.title);
            return std::nullopt;
        }
    }
    if (!QDir().mkpath(m_folder)) {
        *error = tr("cannot create %1").arg(m_folder);
        return std::nullopt;
    }
    const QString path = QDir(m_folder).filePath(uid + u".json"_s);
    if (!writeFile(path, *json, error))
        return std::nullopt;
    return Entry { uid, parsed.dashboard.title, path, false };
}

bool DashboardLibrary::remove(const QString& uid, QString* error)
{
    const std::optional<Entry> entry = find(uid);
    if (!entry || entry->uid != uid) {
        *error = tr("there is no dashboard with the uid \"%1\"").arg(uid);
        return false;
    }
    if (entry->builtIn) {
        *error = tr("\"%1\" is built in and cannot be removed").arg(entry->title);
        return false;
    }
    if (!QFile::remove(entry->path)) {
        *error = tr("cannot remove %1").arg(entry->path);
        return false;
    }
    return true;
}

bool DashboardLibrary::exportTo(const QString& uid, const QString& file, QString* error) const
{
    const std::optional<Entry> entry = find(uid);
    if (!entry) {
        *error = tr("there is no dashboard with the uid \"%1\"").arg(uid);
        return false;
    }
    const std::optional<QByteArray> json = read(*entry, error);
    return json && writeFile(file, *json, error);
}
