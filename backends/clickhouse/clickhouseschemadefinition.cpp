#include "clickhouseschemadefinition.h"

#include "sql/sqlstatementsplitter.h"

#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {
/// "Nested(key String, value Float64)" becomes the two Array columns system.columns lists.
QList<ClickHouseSchemaDefinition::Column> expand(const QString& name, const QString& type, const QString& definition)
{
    static const QRegularExpression nested(uR"(^Nested\((.*)\)$)"_s);
    const QRegularExpressionMatch match = nested.match(type);
    if (!match.hasMatch())
        return { { name, type, definition } };
    QList<ClickHouseSchemaDefinition::Column> columns;
    for (const QString& part : match.captured(1).split(u',')) {
        const QString field = part.trimmed();
        const qsizetype space = field.indexOf(u' ');
        columns.append(
            { name + u'.' + field.left(space), u"Array(%1)"_s.arg(field.mid(space + 1).trimmed()), definition });
    }
    return columns;
}

QList<ClickHouseSchemaDefinition::Column> parseColumns(const QString& statement)
{
    QList<ClickHouseSchemaDefinition::Column> columns;
    const qsizetype open = statement.indexOf(u'(');
    const qsizetype close = statement.indexOf(u"\n) ENGINE"_s);
    if (open < 0 || close < 0)
        return columns;
    static const QRegularExpression defaultClause(uR"(\s+DEFAULT\s.*$)"_s);
    for (QString line : statement.mid(open + 1, close - open - 1).split(u'\n')) {
        line = line.trimmed();
        if (line.endsWith(u','))
            line.chop(1);
        if (line.isEmpty() || line.startsWith(u"INDEX "_s))
            continue;
        const qsizetype space = line.indexOf(u' ');
        const QString name = line.left(space);
        QString type = line.mid(space + 1);
        type.remove(defaultClause);
        columns += expand(name, type.trimmed(), line);
    }
    return columns;
}
} // namespace

ClickHouseSchemaDefinition ClickHouseSchemaDefinition::load(
    ClickHouseServerInfo::Dialect dialect, const QString& database)
{
    ClickHouseSchemaDefinition definition;
    definition.m_dialect = dialect;
    definition.m_database = database;
    QFile file(dialect == ClickHouseServerInfo::Dialect::Modern ? u":/schema/modern.sql"_s : u":/schema/legacy.sql"_s);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("the schema resource %s is missing from the build", qPrintable(file.fileName()));
    QString sql = QString::fromUtf8(file.readAll());
    sql.replace(u"{database}"_s, database);
    static const QRegularExpression objectName(
        uR"(^CREATE\s+(TABLE|MATERIALIZED VIEW|VIEW)\s+IF NOT EXISTS\s+\S+?\.(\w+))"_s);
    for (const SqlStatementSplitter::Statement& statement : SqlStatementSplitter::split(sql)) {
        // Drop the comment lines in front of a statement: the server does not need them.
        QStringList lines = statement.text.split(u'\n');
        while (!lines.isEmpty() && lines.first().trimmed().startsWith(u"--"_s))
            lines.removeFirst();
        const QString text = lines.join(u'\n');
        definition.m_statements.append(text);
        const QRegularExpressionMatch match = objectName.match(text);
        if (!match.hasMatch())
            continue;
        Object object;
        object.name = match.captured(2);
        object.isTable = match.captured(1) == u"TABLE"_s;
        object.createStatement = text;
        if (object.isTable)
            object.columns = parseColumns(text);
        definition.m_objects.append(object);
    }
    return definition;
}

const ClickHouseSchemaDefinition::Object* ClickHouseSchemaDefinition::object(const QString& name) const
{
    for (const Object& object : m_objects) {
        if (object.name == name)
            return &object;
    }
    return nullptr;
}

QStringList ClickHouseSchemaDefinition::tables() const
{
    QStringList names;
    for (const Object& object : m_objects) {
        if (object.isTable)
            names.append(object.name);
    }
    return names;
}
