#include "database.h"

#include "migrations.h"

#include <QAtomicInt>
#include <QLoggingCategory>
#include <QSqlError>
#include <QTimeZone>
#include <QUrl>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStorage, "latchkey.server.storage")

namespace Latchkey::Server {

StorageError::StorageError(const QString &message)
    : std::runtime_error(message.toStdString())
{
}

QString StorageError::message() const
{
    return QString::fromStdString(what());
}

namespace {

QString nextConnectionName()
{
    static QAtomicInt counter;
    return u"latchkey-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

Database::Database(QSqlDatabase connection, Dialect dialect)
    : m_db(std::move(connection))
    , m_dialect(dialect)
{
}

Database::~Database()
{
    const QString name = m_db.connectionName();
    m_statements.clear();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
}

std::unique_ptr<Database> Database::open(const QString &location, QString *error)
{
    const QString name = nextConnectionName();
    const bool postgres =
        location.startsWith(u"postgres://") || location.startsWith(u"postgresql://");
    QSqlDatabase db;
    if (postgres) {
        const QUrl url(location);
        db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
    } else {
        db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(location);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    }
    if (!db.open()) {
        if (error)
            *error = db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return nullptr;
    }
    std::unique_ptr<Database> database(
        new Database(db, postgres ? Dialect::Postgres : Dialect::Sqlite));
    try {
        if (!postgres) {
            database->exec(u"PRAGMA journal_mode=WAL"_s);
            database->exec(u"PRAGMA synchronous=NORMAL"_s);
            database->exec(u"PRAGMA foreign_keys=ON"_s);
            database->exec(u"PRAGMA busy_timeout=5000"_s);
        }
    } catch (const StorageError &e) {
        if (error)
            *error = e.message();
        return nullptr;
    }
    return database;
}

QSqlQuery &Database::prepare(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            throw StorageError(u"cannot prepare statement: %1"_s.arg(query.lastError().text()));
        it = m_statements.insert(sql, query);
    }
    it->finish();
    return *it;
}

QSqlQuery &Database::exec(const QString &sql, const QVariantList &values)
{
    // Outside an explicit transaction a write commits when it completes only if no other
    // statement is still active; reset them first so it is durable before we answer.
    if (m_transactionDepth == 0 && !sql.startsWith(u"SELECT"_s) && !sql.startsWith(u"PRAGMA"_s))
        releaseStatements();
    QSqlQuery &query = prepare(sql);
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        // SQL NULL is an invalid QVariant (timeValue, textValue); a QString that happens to be
        // null is text, and goes in as ''.
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query.bindValue(int(i), u""_s);
        else
            query.bindValue(int(i), value);
    }
    if (!query.exec()) {
        // Statements carry placeholders only, never values: safe to name in a log.
        const QString message = query.lastError().text() + u" in: "_s + sql.left(120);
        qCWarning(lcStorage) << "statement failed:" << message;
        throw StorageError(message);
    }
    return query;
}

void Database::migrate()
{
    exec(u"CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
         "name TEXT NOT NULL, applied_at BIGINT NOT NULL)"_s);
    const int current = schemaVersion();
    for (const Migration &migration : migrations()) {
        if (migration.version <= current)
            continue;
        Transaction transaction(*this);
        for (QString statement : migration.statements) {
            statement.replace(u"{{autoincrement}}"_s, m_dialect == Dialect::Sqlite
                                                          ? u"INTEGER PRIMARY KEY AUTOINCREMENT"_s
                                                          : u"BIGSERIAL PRIMARY KEY"_s);
            QSqlQuery query(m_db);
            if (!query.exec(statement))
                throw StorageError(
                    u"migration %1 (%2) failed: %3"_s.arg(migration.version)
                        .arg(QString::fromLatin1(migration.name), query.lastError().text()));
        }
        if (migration.backfill)
            migration.backfill(*this);
        exec(u"INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"_s,
             {migration.version, QString::fromLatin1(migration.name),
              QDateTime::currentMSecsSinceEpoch()});
        transaction.commit();
        qCInfo(lcStorage) << "applied migration" << migration.version << migration.name;
    }
}

int Database::schemaVersion()
{
    QSqlQuery &query = exec(u"SELECT COALESCE(MAX(version), 0) FROM schema_migrations"_s);
    return query.next() ? query.value(0).toInt() : 0;
}

bool Database::isHealthy()
{
    try {
        QSqlQuery &query = exec(u"SELECT 1"_s);
        return query.next() && query.value(0).toInt() == 1;
    } catch (const StorageError &) {
        return false;
    }
}

Database::Transaction::Transaction(Database &database)
    : m_database(database)
{
    if (m_database.m_transactionDepth++ == 0 && !m_database.m_db.transaction())
        throw StorageError(
            u"cannot begin a transaction: %1"_s.arg(m_database.m_db.lastError().text()));
}

Database::Transaction::~Transaction()
{
    if (!m_done && --m_database.m_transactionDepth == 0) {
        m_database.releaseStatements();
        m_database.m_db.rollback();
    }
}

void Database::releaseStatements()
{
    for (QSqlQuery &query : m_statements)
        query.finish();
}

void Database::Transaction::commit()
{
    m_done = true;
    if (--m_database.m_transactionDepth != 0)
        return;
    // A cached SELECT still positioned on a row keeps SQLite from committing.
    m_database.releaseStatements();
    if (!m_database.m_db.commit()) {
        const QString message = m_database.m_db.lastError().text();
        m_database.m_db.rollback();
        throw StorageError(u"cannot commit: %1"_s.arg(message));
    }
}

QVariant timeValue(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

QDateTime timeFrom(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QVariant textValue(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

} // namespace Latchkey::Server
