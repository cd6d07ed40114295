#pragma once

#include "clickhouse/clickhouseclient.h"
#include "clickhouse/clickhouseerror.h"
#include "grafanamacrocontext.h"

#include <QString>

#include <functional>

class ClickHouseServerInfo;

/// What happens to a statement between the one who wrote it (the Query page's editor, a
/// dashboard panel, `automagik-workbench query`) and the server, the same for all of them:
/// Grafana's macros expanded for the time range and the server's dialect, a destructive
/// statement stopped unless it was confirmed, read-only sent as a setting the server enforces,
/// and the server's answer mapped back to where the statement was written.
namespace QueryPreparation {

/// Asked before a destructive statement runs when read-only is off; false stops it.
using ConfirmDestructive = std::function<bool(const QString& statement)>;

struct Options
{
    GrafanaMacroContext macros;
    bool readOnly = true; ///< the server refuses writes (readonly=2 on every request)
    ConfirmDestructive confirmDestructive; ///< none: destructive statements run when read-only is off
};

struct Prepared
{
    QString sql; ///< what is sent: macros expanded, rewritten for an old server
    QString error; ///< why it is not sent; empty when it is
    qsizetype errorOffset = -1; ///< where in the statement the problem is; -1: nowhere in particular

    bool ok() const { return error.isEmpty(); }
};

/// The macro context of a time range on `info`'s server: the interval Grafana would choose for
/// it, and the dialect (an 18.16 server gets SQL without toStartOfInterval and DateTime64).
GrafanaMacroContext macroContext(qint64 fromMs, qint64 toMs, const ClickHouseServerInfo& info);

Prepared prepare(const QString& statement, const Options& options);

/// The settings every request carries: readonly=2 when read-only (2, not 1: the request's own
/// settings such as compression stay allowed).
ClickHouseClient::Settings requestSettings(bool readOnly);

/// Where in `statement` the server's `error` points. ClickHouse says "failed at position 8"
/// (1-based, in the SQL that was sent); that is a place in the statement only where the sent
/// text and the statement agree up to there (no macro before it). 0 otherwise.
qsizetype errorOffset(const QString& statement, const QString& sent, const ClickHouseError& error);

/// The server refused a write because read-only is on (ClickHouse's READONLY, code 164): the
/// sentence that tells the user what to do; empty for any other error.
QString readOnlyHint(const ClickHouseError& error, bool readOnly);

} // namespace QueryPreparation
