#pragma once

#include <QStringList>

/// `automagik-workbench schema install|verify|upgrade|reset|drop`: the upstream telemetry schema on
/// any ClickHouse, in the dialect that server needs (which server: ClickHouseTarget); reset and
/// drop destroy data and run only with --yes.
namespace SchemaCommand {
int run(const QStringList& arguments);
} // namespace SchemaCommand
