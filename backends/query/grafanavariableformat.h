#pragma once

#include "grafanamacrocontext.h"

#include <QDateTime>
#include <QString>
#include <QStringList>

/// Grafana's interpolation formats for template variables (${var:format}), as its template
/// service applies them: csv, distributed, doublequote, glob, json, lucene, percentencode, pipe,
/// raw, regex, singlequote, sqlstring, text, queryparam. An unknown format falls back to glob,
/// as Grafana does; no format is what the ClickHouse data source does (values joined by commas).
namespace GrafanaVariableFormat {

/// The values a variable stands for now ("All" resolved), and whether they are a custom all
/// value that must go in unformatted.
QStringList valuesOf(const GrafanaTemplateVariable& variable, bool* verbatim);

/// `values` rendered in `format` (empty: the ClickHouse data source's default). `name` is the
/// variable's, for the formats that repeat it (distributed, queryparam).
QString apply(const QStringList& values, const QString& format, const QString& name);

/// Whether `format` is one Grafana knows (others fall back to glob).
bool isKnown(const QString& format);

/// A time in a moment.js format, as Grafana's ${__from:date:<format>} (YYYY, YY, MM, M, DD, D,
/// HH, H, hh, h, mm, m, ss, s, SSS, A, a, X for epoch seconds, x for epoch milliseconds).
QString momentDate(const QDateTime& time, QStringView format);

/// A duration as Grafana writes intervals: 500ms, 30s, 5m, 2h, 1d.
QString durationText(qint64 milliseconds);

} // namespace GrafanaVariableFormat
