#include "upstreampanels.h"

#include "common/jsonreader.h"

#include <QFile>

namespace UpstreamPanels {

QStringList upstreamDashboards()
{
    return { QStringLiteral("telemetry-overview"), QStringLiteral("traces-dashboard"),
        QStringLiteral("metrics-dashboard"), QStringLiteral("logs-dashboard") };
}

QList<Target> load(QString* error, const QStringList& dashboards)
{
    QList<Target> targets;
    for (const QString& dashboard : dashboards) {
        QFile file(QStringLiteral(WORKBENCH_DASHBOARDS_DIR "/%1.json").arg(dashboard));
        JsonValue json;
        JsonReader reader;
        if (!file.open(QIODevice::ReadOnly) || !reader.parse(file.readAll(), &json) || !json.member("panels")) {
            *error = file.fileName() + QStringLiteral(": ") + (file.isOpen() ? reader.error() : file.errorString());
            return {};
        }
        for (const JsonValue& panel : json.member("panels")->elements()) {
            const JsonValue* panelTargets = panel.member("targets");
            if (!panelTargets)
                continue;
            for (const JsonValue& target : panelTargets->elements()) {
                const JsonValue* sql = target.member("rawSql");
                targets.append({ dashboard, QString::fromUtf8(panel.member("title")->text()),
                    QString::fromUtf8(panel.member("type")->text()),
                    sql ? QString::fromUtf8(sql->text()) : QString() });
            }
        }
    }
    return targets;
}

} // namespace UpstreamPanels
