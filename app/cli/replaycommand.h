#pragma once

#include <QStringList>

/// `automagik-workbench replay FILE...`: replays captures through a backend with the records'
/// own timing (or at a speed, a rate, or as fast as possible), and with --verify checks in
/// ClickHouse that every record arrived exactly once.
namespace ReplayCommand {
int run(const QStringList& arguments);
}
