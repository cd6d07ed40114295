#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

/// The Prometheus text exposition format as far as the Health page needs it: each family's
/// samples summed over their label sets, the `_total` suffix of counters dropped (the
/// OpenTelemetry collector exports its counters with it since 0.105 and without it before, so
/// both spellings meet under one name), and the first `service_version` label seen. Comment
/// lines and malformed lines are skipped; a line is never half read.
class PrometheusText final
{
public:
    static PrometheusText parse(const QByteArray& text);

    bool contains(const QString& family) const { return m_sums.contains(family); }
    /// The sum of the family's samples, or `fallback` when it has none.
    double value(const QString& family, double fallback = 0) const { return m_sums.value(family, fallback); }
    QString serviceVersion() const { return m_serviceVersion; }
    qsizetype familyCount() const { return m_sums.size(); }
    int skippedLines() const { return m_skipped; }

private:
    QHash<QString, double> m_sums;
    QString m_serviceVersion;
    int m_skipped = 0;
};
