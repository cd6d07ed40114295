#include "grafanadependencies.h"

#include "grafanamacroexpander.h"

using namespace Qt::StringLiterals;

namespace {
QString expanded(const QString& sql, const GrafanaMacroContext& context)
{
    const GrafanaMacroExpander::Result result = GrafanaMacroExpander::expand(sql, context);
    return result.ok() ? result.sql : result.error;
}
} // namespace

namespace GrafanaDependencies {

bool usesTimeRange(const QString& sql)
{
    GrafanaMacroContext first;
    first.fromMs = 1'700'000'000'000;
    first.toMs = first.fromMs + 3'600'000;
    first.intervalMs = 5'000;
    GrafanaMacroContext second = first;
    second.fromMs += 86'400'123;
    second.toMs += 2 * 86'400'123;
    second.intervalMs = 60'000;
    return expanded(sql, first) != expanded(sql, second);
}

bool usesVariable(const QString& sql, const QString& name)
{
    GrafanaMacroContext first;
    first.variables.append({ name, { u"workbench_first"_s }, false, { u"workbench_first"_s }, QString() });
    GrafanaMacroContext second;
    second.variables.append({ name, { u"workbench_second"_s }, false, { u"workbench_second"_s }, QString() });
    return expanded(sql, first) != expanded(sql, second);
}

} // namespace GrafanaDependencies
