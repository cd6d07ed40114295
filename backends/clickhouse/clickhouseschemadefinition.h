#pragma once

#include "clickhouseserverinfo.h"

#include <QList>
#include <QString>

/// The upstream schema as data, read from resources/schema/{modern,legacy}.sql: the statements to
/// run, and for each table its columns (name and type, Nested columns expanded the way
/// system.columns shows them), so a live database can be compared with it.
class ClickHouseSchemaDefinition final
{
public:
    struct Column
    {
        QString name;
        QString type; ///< as system.columns prints it
        QString definition; ///< the DDL text, for ALTER TABLE ... ADD COLUMN
    };

    struct Object
    {
        QString name; ///< table or view name, without the database
        bool isTable = false; ///< false: a view or materialized view
        QString createStatement;
        QList<Column> columns; ///< tables only
    };

    /// The definition for `dialect`, with `{database}` replaced.
    static ClickHouseSchemaDefinition load(ClickHouseServerInfo::Dialect dialect, const QString& database);

    ClickHouseServerInfo::Dialect dialect() const { return m_dialect; }
    QString database() const { return m_database; }
    /// CREATE DATABASE first, then the objects in dependency order.
    QStringList statements() const { return m_statements; }
    const QList<Object>& objects() const { return m_objects; }
    const Object* object(const QString& name) const;
    /// The tables that hold data (for a reset): everything that is not a view.
    QStringList tables() const;

private:
    ClickHouseServerInfo::Dialect m_dialect = ClickHouseServerInfo::Dialect::Legacy;
    QString m_database;
    QStringList m_statements;
    QList<Object> m_objects;
};
