#include "upstreampanels.h"

#include "common/jsonreader.h"

#include <QFile>

namespace UpstreamPanels {

QList<Target> load(QString* error)
{
    QList<Target> targets;
    for (const char* dashboard : { "telemetry-overview", "traces-dashboard", "metrics-dashboard", "logs-dashboard" }) {
        QFile file(QStringLiteral(WORKBENCH_DASHBOARDS_DIR "/%1.json").arg(QLatin1StringView(dashboard)));
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
                targets.append({ QLatin1StringView(dashboard), QString::fromUtf8(panel.member("title")->text()),
                    QString::fromUtf8(panel.member("type")->text()),
                    sql ? QString::fromUtf8(sql->text()) : QString() });
            }
        }
    }
    return targets;
}

} // namespace UpstreamPanels
