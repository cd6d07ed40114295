#pragma once

#include "clickhousestatussummary.h"

#include <QColor>
#include <QString>

/// One palette for health levels, so that a dot, a tile and a sparkline agree on what red means.
namespace StatusColors {
QColor color(ClickHouseStatusSummary::Level level);
QString dotStyleSheet(ClickHouseStatusSummary::Level level);
QString levelName(ClickHouseStatusSummary::Level level);
} // namespace StatusColors
