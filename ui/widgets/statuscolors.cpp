#include "statuscolors.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;
using Level = ClickHouseStatusSummary::Level;

namespace StatusColors {

QColor color(Level level)
{
    switch (level) {
    case Level::Ok:
        return QColor(0x2e, 0xa0, 0x43);
    case Level::Pending:
        return QColor(0xe0, 0xa1, 0x1b);
    case Level::Error:
        return QColor(0xd0, 0x3b, 0x3b);
    case Level::Idle:
        break;
    }
    return QColor(0x9a, 0xa0, 0xa6);
}

QString dotStyleSheet(Level level)
{
    return u"background-color: %1; border-radius: 6px;"_s.arg(color(level).name());
}

QString levelName(Level level)
{
    switch (level) {
    case Level::Ok:
        return QCoreApplication::translate("StatusColors", "healthy");
    case Level::Pending:
        return QCoreApplication::translate("StatusColors", "pending");
    case Level::Error:
        return QCoreApplication::translate("StatusColors", "failing");
    case Level::Idle:
        break;
    }
    return QCoreApplication::translate("StatusColors", "idle");
}

} // namespace StatusColors
