#pragma once

#include <QString>
#include <QStringView>

/// What a statement does, from its first keyword (comments skipped), so that the Query page can
/// ask before anything destructive and explain a refusal in read-only mode.
namespace SqlStatementKind {

enum class Kind
{
    Read, ///< SELECT, WITH, SHOW, DESCRIBE, EXISTS, EXPLAIN, CHECK
    Write, ///< INSERT, CREATE, ATTACH, SET, USE, SYSTEM, GRANT and anything unknown
    Destructive, ///< DROP, TRUNCATE, DELETE, ALTER, DETACH, RENAME, KILL, OPTIMIZE, REVOKE
};

/// The first keyword, upper-cased ("" when there is none).
QString firstKeyword(QStringView sql);
Kind classify(QStringView sql);

} // namespace SqlStatementKind
