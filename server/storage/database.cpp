#include "database.h"

#include "migrations.h"

#include <QAtomicInt>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSqlError>
#include <QTimeZone>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <utility>

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

bool isPreparable(const QString &sql)
{
    for (const auto verb : {u"SELECT", u"INSERT", u"UPDATE", u"DELETE", u"WITH"}) {
        if (sql.startsWith(verb))
            return true;
    }
    return false;
}

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

bool Database::isPostgresUrl(const QString &location)
{
    return location.startsWith(u"postgres://") || location.startsWith(u"postgresql://");
}

QString Database::redacted(const QString &location)
{
    if (!isPostgresUrl(location))
        return location;
    QUrl url(location, QUrl::StrictMode);
    if (!url.isValid()) {
        // Not parseable, so where the password ends is a guess: hide everything before the host.
        const qsizetype at = location.lastIndexOf(u'@');
        const qsizetype scheme = location.indexOf(u"://"_s) + 3;
        return at < 0 ? location : location.left(scheme) + u"***@"_s + location.mid(at + 1);
    }
    if (!url.password().isEmpty())
        url.setPassword(u"***"_s);
    QUrlQuery query(url);
    if (query.hasQueryItem(u"password"_s)) {
        query.removeAllQueryItems(u"password"_s);
        query.addQueryItem(u"password"_s, u"***"_s);
        url.setQuery(query);
    }
    return url.toString();
}

namespace {

// The libpq connection options of a postgres:// URL's query (?sslmode=require&...), as Qt's
// driver takes them; empty and false when one cannot be passed on safely.
bool postgresOptions(const QUrl &url, QString *options, QString *error)
{
    QStringList list{u"application_name=latchkey-server"_s};
    bool timeoutGiven = false;
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        const bool plain = !key.isEmpty() && std::all_of(key.begin(), key.end(), [](QChar c) {
            return c.isLetterOrNumber() || c == u'_';
        });
        if (!plain || value.contains(u' ') || value.contains(u';') || value.contains(u'\'') ||
            value.contains(u'\\')) {
            *error = u"the URL's option %1 cannot be passed to PostgreSQL (spaces, quotes, "
                     "semicolons and backslashes are not accepted)"_s.arg(plain ? key : u"?"_s);
            return false;
        }
        timeoutGiven = timeoutGiven || key == u"connect_timeout";
        list.append(key + u'=' + value);
    }
    // An unreachable host fails in seconds instead of hanging the start-up.
    if (!timeoutGiven)
        list.append(u"connect_timeout=10"_s);
    *options = list.join(u';');
    return true;
}

} // namespace

std::unique_ptr<Database> Database::open(const QString &location, QString *error)
{
    QString scratch;
    if (!error)
        error = &scratch;
    const QString name = nextConnectionName();
    const bool postgres = isPostgresUrl(location);
    QSqlDatabase db;
    if (postgres) {
        if (!QSqlDatabase::isDriverAvailable(u"QPSQL"_s)) {
            *error = u"Qt's PostgreSQL driver (QPSQL) is not installed: install libqt6sql6-psql."_s;
            return nullptr;
        }
        const QUrl url(location, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() || url.path().size() < 2 ||
            url.path().indexOf(u'/', 1) >= 0) {
            *error = u"not a PostgreSQL URL: write postgres://USER:PASSWORD@HOST:PORT/DATABASE "
                     "(percent-encode special characters of the password)."_s;
            return nullptr;
        }
        QString options;
        if (!postgresOptions(url, &options, error))
            return nullptr;
        db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        db.setConnectOptions(options);
    } else {
        db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(location);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    }
    if (!db.open()) {
        // libpq's messages name the host, port, user and database, never the password.
        const QString reason = db.lastError().databaseText().simplified();
        *error = postgres
                     ? u"cannot connect to PostgreSQL (%1). Check that the server runs and "
                       "accepts connections from here, and the user, password and database "
                       "name in the URL."_s.arg(reason.isEmpty() ? db.lastError().text() : reason)
                     : db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return nullptr;
    }
    std::unique_ptr<Database> database(new Database(
        std::exchange(db, QSqlDatabase()), postgres ? Dialect::Postgres : Dialect::Sqlite));
    try {
        database->applySessionSettings();
    } catch (const StorageError &e) {
        *error = e.message();
        return nullptr;
    }
    return database;
}

void Database::applySessionSettings()
{
    if (m_dialect == Dialect::Postgres) {
        // Wait for a row lock as long as SQLite waits for its file lock, then fail (a 503).
        // SET cannot be prepared: run it as it is.
        QSqlQuery query(m_db);
        if (!query.exec(u"SET lock_timeout = '5s'"_s))
            throw StorageError(query.lastError().text());
        return;
    }
    exec(u"PRAGMA journal_mode=WAL"_s);
    exec(u"PRAGMA synchronous=NORMAL"_s);
    exec(u"PRAGMA foreign_keys=ON"_s);
    exec(u"PRAGMA busy_timeout=5000"_s);
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
    try {
        return run(sql, values);
    } catch (const StorageError &) {
        // A read outside a transaction is safe to repeat on a new connection. A write may have
        // been applied before the connection broke, and a transaction died with it: those fail
        // (a 503) and the next request finds the connection open again.
        const bool lost = m_transactionDepth == 0 && reconnectIfLost();
        if (lost && sql.startsWith(u"SELECT"_s))
            return run(sql, values);
        throw;
    }
}

QSqlQuery &Database::run(const QString &sql, const QVariantList &values)
{
    // Outside an explicit transaction a write commits when it completes only if no other
    // statement is still active; reset them first so it is durable before we answer.
    if (m_transactionDepth == 0 && !sql.startsWith(u"SELECT"_s) && !sql.startsWith(u"PRAGMA"_s))
        releaseStatements();
    if (m_dialect == Dialect::Postgres && values.isEmpty() && !isPreparable(sql)) {
        // PostgreSQL prepares only SELECT, INSERT, UPDATE, DELETE and the like; DDL and SET run
        // as plain statements (they carry no values).
        auto it = m_statements.find(sql);
        if (it == m_statements.end())
            it = m_statements.insert(sql, QSqlQuery(m_db));
        if (!it->exec(sql))
            fail(*it, sql);
        return *it;
    }
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
    if (!query.exec())
        fail(query, sql);
    return query;
}

void Database::fail(const QSqlQuery &query, const QString &sql)
{
    // Statements carry placeholders only, never values: safe to name in a log.
    const QString message = query.lastError().text() + u" in: "_s + sql.left(120);
    qCWarning(lcStorage) << "statement failed:" << message;
    throw StorageError(message);
}

bool Database::reconnectIfLost()
{
    if (m_dialect != Dialect::Postgres)
        return false;
    {
        QSqlQuery probe(m_db);
        if (m_db.isOpen() && probe.exec(u"SELECT 1"_s))
            return false;
    }
    qCWarning(lcStorage) << "the connection to PostgreSQL was lost; connecting again";
    m_statements.clear();
    m_db.close();
    if (!m_db.open()) {
        qCWarning(lcStorage) << "cannot connect to PostgreSQL again:"
                             << m_db.lastError().databaseText().trimmed();
        return false;
    }
    try {
        applySessionSettings();
    } catch (const StorageError &) {
        return false;
    }
    return true;
}

void Database::migrate()
{
    // Instances starting together on one PostgreSQL database migrate one after the other: the
    // first applies what is missing, the others find nothing left to do.
    if (m_dialect == Dialect::Postgres) {
        QSqlQuery noTimeout(m_db);
        noTimeout.exec(u"SET lock_timeout = 0"_s);
        exec(u"SELECT pg_advisory_lock(?)"_s, {migrationLock});
    }
    const auto unlock = qScopeGuard([this] {
        // A SELECT left positioned here would keep SQLite reading the database as it was now,
        // blind to what other instances write until the first request ends.
        releaseStatements();
        if (m_dialect != Dialect::Postgres)
            return;
        try {
            exec(u"SELECT pg_advisory_unlock(?)"_s, {migrationLock});
            applySessionSettings();
        } catch (const StorageError &) {
            // The lock goes with the connection; the server stops when migrations fail.
        }
    });
    exec(u"CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
         "name TEXT NOT NULL, applied_at BIGINT NOT NULL)"_s);
    const int current = schemaVersion();
    for (const Migration &migration : migrations()) {
        if (migration.version <= current)
            continue;
        Transaction transaction(*this);
        // Another process may have applied it while this one waited for the write lock
        // (SQLite: BEGIN IMMEDIATE; PostgreSQL holds the advisory lock already).
        if (schemaVersion() >= migration.version)
            continue;
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
    if (m_database.m_transactionDepth++ != 0)
        return;
    // Nothing has happened yet: beginning again on a new connection is safe.
    if (!m_database.begin() && (!m_database.reconnectIfLost() || !m_database.begin())) {
        --m_database.m_transactionDepth;
        throw StorageError(u"cannot begin a transaction: %1"_s.arg(m_database.m_beginError));
    }
}

Database::Transaction::~Transaction()
{
    if (!m_done && --m_database.m_transactionDepth == 0) {
        m_database.releaseStatements();
        m_database.m_db.rollback();
        // A transaction is rolled back when something failed: perhaps the connection itself.
        m_database.reconnectIfLost();
    }
}

bool Database::begin()
{
    // A SELECT still positioned on a row holds a read snapshot that the transaction would
    // inherit; on SQLite, writing on an old snapshot fails at once ("database is locked")
    // when another process has written since.
    releaseStatements();
    if (m_dialect == Dialect::Postgres) {
        if (m_db.transaction())
            return true;
        m_beginError = m_db.lastError().text();
        return false;
    }
    // IMMEDIATE takes SQLite's write lock now, waiting up to the busy timeout for another
    // process's transaction to end, instead of failing when a read turns into a write.
    QSqlQuery begin(m_db);
    if (begin.exec(u"BEGIN IMMEDIATE"_s))
        return true;
    m_beginError = begin.lastError().text();
    return false;
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
