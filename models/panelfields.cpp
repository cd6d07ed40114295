#include "panelfields.h"

#include "query/grafanareducer.h"
#include "queryresultmodel.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace PanelFields {

QString calcOf(const QStringList& calcs)
{
    return calcs.isEmpty() ? u"lastNotNull"_s : calcs.first();
}

QList<Field> reduce(const QList<const QueryResultModel*>& results, const QStringList& calcs)
{
    const QString calc = calcOf(calcs);
    QList<Field> fields;
    for (const QueryResultModel* result : results) {
        const QList<ClickHouseColumn>& columns = result->columns();
        for (int column = 0; column < columns.size(); ++column) {
            if (!QueryResultModel::isNumericType(columns.at(column).type))
                continue;
            const ChunkedList<double>* numbers = result->numbers(column);
            Field field;
            field.name = columns.at(column).name;
            if (numbers) {
                field.values.reserve(numbers->size());
                for (qsizetype row = 0; row < numbers->size(); ++row)
                    field.values.append(numbers->at(row));
            }
            field.value = GrafanaReducer::reduce(field.values, calc);
            fields.append(field);
        }
    }
    return fields;
}

QList<Field> rows(const QList<const QueryResultModel*>& results)
{
    QList<Field> fields;
    for (const QueryResultModel* result : results) {
        const QList<ClickHouseColumn>& columns = result->columns();
        int valueColumn = -1;
        QList<int> labelColumns;
        for (int column = 0; column < columns.size(); ++column) {
            if (QueryResultModel::isNumericType(columns.at(column).type)) {
                if (valueColumn < 0)
                    valueColumn = column;
            } else if (!QueryResultModel::isTimeType(columns.at(column).type)) {
                labelColumns.append(column);
            }
        }
        const ChunkedList<double>* numbers = valueColumn >= 0 ? result->numbers(valueColumn) : nullptr;
        for (int row = 0; numbers && row < result->rowCount() && row < numbers->size(); ++row) {
            QStringList name;
            for (const int column : std::as_const(labelColumns))
                name.append(QueryResultModel::text(result->value(row, column)));
            Field field;
            field.name = name.isEmpty() ? columns.at(valueColumn).name : name.join(u' ');
            field.values = { numbers->at(row) };
            if (!std::isnan(numbers->at(row)))
                field.value = numbers->at(row);
            fields.append(field);
        }
    }
    return fields;
}

QString thresholdColor(const GrafanaFieldDefaults& defaults, double value)
{
    QString color;
    double position = value;
    if (defaults.percentageThresholds) {
        const double min = defaults.min.value_or(0);
        const double max = defaults.max.value_or(100);
        position = max > min ? (value - min) * 100 / (max - min) : 0;
    }
    for (const GrafanaThresholdStep& step : defaults.thresholds) {
        if (!step.value || position >= *step.value)
            color = step.color;
    }
    return color;
}

} // namespace PanelFields
