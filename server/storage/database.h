#pragma once

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <memory>
#include <stdexcept>

namespace Latchkey::Server {

// Thrown when the database fails in a way the request cannot recover from (disk full, locked for
// longer than the busy timeout, connection lost). The dispatcher turns it into a 503.
class StorageError final : public std::runtime_error
{
public:
    explicit StorageError(const QString &message);
    QString message() const;
};

// One connection to the account database: a SQLite file, or PostgreSQL (several server instances
// may share one). The repositories use SQL both dialects run the same way.
class Database final
{
    Q_DISABLE_COPY_MOVE(Database)

public:
    enum class Dialect { Sqlite, Postgres };

    // `location` is a SQLite file path or a postgres://user:pass@host:port/db URL (query items
    // such as ?sslmode=require are passed on to libpq). The error never carries the password.
    static std::unique_ptr<Database> open(const QString &location, QString *error);
    ~Database();

    static bool isPostgresUrl(const QString &location);
    // The location as it may be shown or logged: a URL's password replaced by "***".
    static QString redacted(const QString &location);

    Dialect dialect() const { return m_dialect; }

    // Applies the numbered migrations not applied yet, each in its own transaction.
    void migrate();
    int schemaVersion();
    bool isHealthy();

    // Resets every cached statement. SQLite commits an implicit (autocommit) transaction only
    // once no statement is active, so a SELECT left positioned on a row would keep a write
    // uncommitted and the database locked for other processes: call this when a request ends.
    void releaseStatements();

    // A prepared statement cached by its text. Not reentrant for the same text.
    QSqlQuery &prepare(const QString &sql);
    // Binds positional values, runs it, throws StorageError on failure.
    QSqlQuery &exec(const QString &sql, const QVariantList &values = {});

    // Every write runs in one transaction: begin/commit, rolled back when the guard dies first.
    class Transaction final
    {
        Q_DISABLE_COPY_MOVE(Transaction)
    public:
        explicit Transaction(Database &database);
        ~Transaction();
        void commit();

    private:
        Database &m_database;
        bool m_done = false;
    };

private:
    Database(QSqlDatabase connection, Dialect dialect);
    // PostgreSQL: after a failed statement, checks the connection and opens it again when the
    // server went away (restarted, or the connection was killed). True when it reconnected.
    bool reconnectIfLost();
    void applySessionSettings();
    bool begin();
    QSqlQuery &run(const QString &sql, const QVariantList &values);
    [[noreturn]] static void fail(const QSqlQuery &query, const QString &sql);

    QSqlDatabase m_db;
    Dialect m_dialect;
    QHash<QString, QSqlQuery> m_statements;
    // pg_advisory_lock key held while migrating ("latchkey" in ASCII).
    static constexpr qint64 migrationLock = 0x6c617463686b6579;
    int m_transactionDepth = 0;
    QString m_beginError;
};

// Column helpers: times are stored as milliseconds since the epoch, NULL when absent.
QVariant timeValue(const QDateTime &time);
QDateTime timeFrom(const QVariant &value);
// Empty text is stored as NULL.
QVariant textValue(const QString &text);

} // namespace Latchkey::Server
