#include "querypreparation.h"

#include "clickhouse/clickhouseserverinfo.h"
#include "grafanainterval.h"
#include "grafanamacroexpander.h"
#include "sql/sqlstatementkind.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {
constexpr int readOnlyErrorCode = 164; // ClickHouse's READONLY

QString tr(const char* text)
{
    return QCoreApplication::translate("QueryPreparation", text);
}
} // namespace

namespace QueryPreparation {

GrafanaMacroContext macroContext(qint64 fromMs, qint64 toMs, const ClickHouseServerInfo& info)
{
    GrafanaMacroContext context;
    context.fromMs = fromMs;
    context.toMs = toMs;
    context.intervalMs = GrafanaInterval::forRange(fromMs, toMs);
    context.serverHasToStartOfInterval = info.hasToStartOfInterval();
    context.serverHasDateTime64 = info.hasDateTime64();
    return context;
}

Prepared prepare(const QString& statement, const Options& options)
{
    const GrafanaMacroExpander::Result expanded = GrafanaMacroExpander::expand(statement, options.macros);
    if (!expanded.ok())
        return { QString(), tr("Macro error: %1").arg(expanded.error), qMax<qsizetype>(0, expanded.errorOffset) };
    if (!options.readOnly && options.confirmDestructive
        && SqlStatementKind::classify(statement) == SqlStatementKind::Kind::Destructive
        && !options.confirmDestructive(statement))
        return { QString(), tr("Not run: %1 was not confirmed.").arg(SqlStatementKind::firstKeyword(statement)), -1 };
    return { expanded.sql, QString(), -1 };
}

ClickHouseClient::Settings requestSettings(bool readOnly)
{
    if (readOnly)
        return { { u"readonly"_s, u"2"_s } };
    return {};
}

qsizetype errorOffset(const QString& statement, const QString& sent, const ClickHouseError& error)
{
    static const QRegularExpression position(u"at position (\\d+)"_s);
    const QRegularExpressionMatch match = position.match(error.message());
    if (!match.hasMatch())
        return 0;
    const qsizetype inSent = match.captured(1).toLongLong() - 1;
    if (inSent >= 0 && inSent <= statement.size()
        && QStringView(sent).left(inSent) == QStringView(statement).left(inSent))
        return inSent;
    return 0;
}

QString readOnlyHint(const ClickHouseError& error, bool readOnly)
{
    if (readOnly && error.kind() == ClickHouseError::Kind::Server && error.code() == readOnlyErrorCode)
        return tr("Read-only is on: turn it off to change data.");
    return QString();
}

} // namespace QueryPreparation
