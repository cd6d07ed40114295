#include "clickhouseschema.h"

#include "clickhouseclient.h"
#include "clickhousereply.h"
#include "clickhousetsv.h"

#include <QHash>

using namespace Qt::StringLiterals;

QString ClickHouseSchemaReport::summary() const
{
    if (!databaseExists)
        return u"the database does not exist"_s;
    if (isComplete())
        return u"the schema is complete"_s;
    QStringList parts;
    if (!missingObjects.isEmpty())
        parts.append(u"missing: %1"_s.arg(missingObjects.join(u", "_s)));
    if (!missingColumns.isEmpty())
        parts.append(u"missing columns: %1"_s.arg(missingColumns.join(u", "_s)));
    if (!wrongTypes.isEmpty())
        parts.append(u"different types: %1"_s.arg(wrongTypes.join(u"; "_s)));
    return parts.join(u"; "_s);
}

ClickHouseSchema::ClickHouseSchema(ClickHouseClient* client, ClickHouseSchemaDefinition definition, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_definition(std::move(definition))
{ }

ClickHouseSchema::~ClickHouseSchema()
{
    delete m_reply;
}

bool ClickHouseSchema::begin(const QString& operation)
{
    if (m_busy || !m_client) {
        Q_EMIT finished(false, m_busy ? u"another schema operation is running"_s : u"no ClickHouse client"_s);
        return false;
    }
    m_busy = true;
    m_operation = operation;
    return true;
}

void ClickHouseSchema::succeed()
{
    m_busy = false;
    Q_EMIT finished(true, {});
}

void ClickHouseSchema::fail(const QString& error)
{
    m_busy = false;
    Q_EMIT finished(false, u"%1 failed: %2"_s.arg(m_operation, error));
}

void ClickHouseSchema::runStatements(QStringList statements, std::function<void()> then)
{
    if (statements.isEmpty())
        return then();
    const QString statement = statements.takeFirst();
    Q_EMIT progress(statement.section(u'\n', 0, 0).left(120));
    m_reply = m_client->query(statement);
    connect(m_reply, &ClickHouseReply::finished, this, [this, reply = m_reply, statement, statements, then] {
        m_reply = nullptr;
        reply->deleteLater();
        if (!reply->isOk())
            return fail(
                u"%1 (statement: %2)"_s.arg(reply->error().toString(), statement.section(u'\n', 0, 0).left(120)));
        runStatements(statements, then);
    });
}

QString ClickHouseSchema::reportQuery(const QString& database)
{
    const QString quoted = ClickHouseClient::quoteString(database);
    return u"SELECT 'database', name, '', '' FROM system.databases WHERE name = %1"
           " UNION ALL SELECT 'object', name, engine, '' FROM system.tables WHERE database = %1"
           " UNION ALL SELECT 'column', table, name, type FROM system.columns WHERE database = %1"
           " FORMAT TabSeparated"_s.arg(quoted);
}

ClickHouseSchemaReport ClickHouseSchema::compare(const ClickHouseSchemaDefinition& definition, const QString& answer)
{
    ClickHouseSchemaReport report;
    QSet<QString> objects;
    QHash<QString, QString> types; // "table.column" -> type
    for (const QStringList& fields : ClickHouseTsv::rows(answer)) {
        if (fields.size() < 4)
            continue;
        if (fields.at(0) == u"database"_s)
            report.databaseExists = true;
        else if (fields.at(0) == u"object"_s)
            objects.insert(fields.at(1));
        else
            types.insert(fields.at(1) + u'.' + fields.at(2), fields.at(3));
    }
    for (const ClickHouseSchemaDefinition::Object& object : definition.objects()) {
        if (!objects.contains(object.name)) {
            report.missingObjects.append(object.name);
            continue;
        }
        for (const ClickHouseSchemaDefinition::Column& column : object.columns) {
            const QString key = object.name + u'.' + column.name;
            const auto found = types.constFind(key);
            if (found == types.cend())
                report.missingColumns.append(key + u' ' + column.type);
            else if (*found != column.type)
                report.wrongTypes.append(u"%1: expected %2, found %3"_s.arg(key, column.type, *found));
        }
    }
    report.missingColumns.removeDuplicates();
    return report;
}

void ClickHouseSchema::fetchReport(std::function<void()> then)
{
    m_reply = m_client->query(reportQuery(m_definition.database()));
    connect(m_reply, &ClickHouseReply::finished, this, [this, reply = m_reply, then] {
        m_reply = nullptr;
        reply->deleteLater();
        if (!reply->isOk())
            return fail(reply->error().toString());
        m_report = compare(m_definition, reply->text());
        then();
    });
}

void ClickHouseSchema::install()
{
    if (begin(u"install"_s))
        runStatements(m_definition.statements(), [this] { succeed(); });
}

void ClickHouseSchema::verify()
{
    if (begin(u"verify"_s))
        fetchReport([this] { succeed(); });
}

void ClickHouseSchema::upgrade()
{
    if (!begin(u"upgrade"_s))
        return;
    fetchReport([this] {
        QStringList statements;
        if (!m_report.databaseExists)
            statements.append(m_definition.statements().value(0)); // CREATE DATABASE
        // Objects in definition order: tables before the views that read them.
        for (const ClickHouseSchemaDefinition::Object& object : m_definition.objects()) {
            if (m_report.missingObjects.contains(object.name))
                statements.append(object.createStatement);
        }
        QSet<QString> addedDefinitions;
        for (const QString& missing : std::as_const(m_report.missingColumns)) {
            const QString table = missing.section(u'.', 0, 0);
            const QString column = missing.section(u'.', 1).section(u' ', 0, 0);
            const ClickHouseSchemaDefinition::Object* object = m_definition.object(table);
            if (!object)
                continue;
            for (const ClickHouseSchemaDefinition::Column& definition : object->columns) {
                // A Nested column is one definition for several system.columns entries.
                if (definition.name == column && !addedDefinitions.contains(table + definition.definition)) {
                    addedDefinitions.insert(table + definition.definition);
                    statements.append(u"ALTER TABLE %1.%2 ADD COLUMN %3"_s.arg(
                        m_definition.database(), table, definition.definition));
                }
            }
        }
        runStatements(statements, [this] { fetchReport([this] { succeed(); }); });
    });
}

void ClickHouseSchema::reset()
{
    if (!begin(u"reset"_s))
        return;
    // Drop and create again rather than TRUNCATE: on 18.16 truncated parts are deleted lazily
    // and come back when the server restarts within a few minutes.
    QStringList statements;
    const QList<ClickHouseSchemaDefinition::Object>& objects = m_definition.objects();
    for (auto object = objects.crbegin(); object != objects.crend(); ++object)
        statements.append(u"DROP TABLE IF EXISTS %1.%2"_s.arg(m_definition.database(), object->name));
    statements += m_definition.statements();
    runStatements(statements, [this] { succeed(); });
}

void ClickHouseSchema::drop()
{
    if (begin(u"drop"_s))
        runStatements({ u"DROP DATABASE IF EXISTS %1"_s.arg(m_definition.database()) }, [this] { succeed(); });
}
