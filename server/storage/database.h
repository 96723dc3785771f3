#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVarLengthArray>
#include <QVariant>

#include <functional>
#include <memory>
#include <stdexcept>
#include <utility>

struct sqlite3;
struct sqlite3_stmt;

namespace Latchkey::Server {

class WalCheckpointer;

// Thrown when the database fails in a way the request cannot recover from (disk full, locked for
// longer than the busy timeout, connection lost). The dispatcher turns it into a 503.
class StorageError final : public std::runtime_error
{
public:
    explicit StorageError(const QString &message);
    QString message() const;
};

// One connection to the account database: a SQLite file, or PostgreSQL (several server instances
// may share one). The repositories use SQL both dialects run the same way. SQLite is driven
// through its C API (prepared statements cached for the connection's life, values bound as UTF-8
// and integers); PostgreSQL through Qt's QPSQL driver.
class Database final
{
    Q_DISABLE_COPY_MOVE(Database)

public:
    enum class Dialect { Sqlite, Postgres };

    // The result of exec(): a cached statement, run, positioned before its first row. Valid
    // until the same SQL text runs again or the statements are released.
    class Rows final
    {
        Q_DISABLE_COPY_MOVE(Rows)

    public:
        ~Rows();

        // Moves to the next row; false after the last one (the statement is then reset).
        bool next();
        bool isNull(int column) const;
        // NULL reads as a null QString, 0, or an invalid QDateTime.
        QString text(int column) const;
        qint64 integer(int column) const;
        // A time stored as milliseconds since the epoch (see timeValue()), in UTC.
        QDateTime time(int column) const;
        QVariant value(int column) const;
        // Rows an INSERT, UPDATE or DELETE changed.
        qint64 numRowsAffected() const { return m_rowsAffected; }
        // Done with the rows: the statement no longer holds a read snapshot (SQLite) or a cursor.
        void finish();

    private:
        friend class Database;
        Rows(Database &database, const QString &sql);
        void reset();

        Database &m_database;
        const QString m_sql;
        sqlite3_stmt *m_statement = nullptr;
        QSqlQuery m_query;
        qint64 m_rowsAffected = 0;
        bool m_active = false;  // stepped or executed and not reset yet
        bool m_pending = false; // SQLite: the first row was stepped onto by exec()
        bool m_onRow = false;
        bool m_plain = false;    // PostgreSQL: run as it is, not prepared (DDL, SET)
        qsizetype m_writes = -1; // INSERT, UPDATE, DELETE: its table's index in m_writeCounts
        // UTF-8 of the bound text values, alive until the statement is reset (SQLITE_STATIC).
        QVarLengthArray<QByteArray, 12> m_buffers;
    };

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

    // Resets every statement still active. SQLite commits an implicit (autocommit) transaction
    // only once no statement is active, so a SELECT left positioned on a row would keep a write
    // uncommitted and the database locked for other processes: call this when a request ends.
    void releaseStatements();

    // Tells whether some tables may have changed since an earlier stamp of them (caches kept in
    // front of the database compare stamps instead of asking it every time). SQLite's stamp is
    // the file's data_version, which every commit by another connection changes (another
    // process's included), and this connection's own writes to the tables: every INSERT,
    // UPDATE or DELETE naming one of them, whether or not it changed a row or was rolled back.
    // Writes reaching a table through a cascade count as writes to the table they named.
    // PostgreSQL cannot see other instances' commits this way: its stamps are never known.
    struct ChangeStamp
    {
        qint64 external = -1;
        quint64 own = 0;
        bool known() const { return external >= 0; }
        bool operator==(const ChangeStamp &) const = default;
    };
    ChangeStamp changeStamp(std::initializer_list<QStringView> tables);

    // Runs a statement, cached by its text, with positional values: an invalid QVariant is NULL,
    // a QString text (a null one ''), integers and bools INTEGER, a QByteArray a BLOB. Throws
    // StorageError on failure. Not reentrant for the same text.
    Rows &exec(const QString &sql, const QVariantList &values = {});

    // Group commit, for latchkey-server serve: the writes of every request handled in one turn of
    // the event loop go into one database transaction (the batch), which commitBatch() commits
    // before any of their answers is written (the transport waits for it). A request's own
    // Transaction is a savepoint inside the batch: when it fails, its writes alone are undone.
    // `opened` is called when a batch begins, so the owner can schedule its commit (a batch
    // must never stay open: it holds SQLite's write lock against other instances).
    // Only the writes made inside a RequestScope are batched; any other write (a command, a test,
    // a clean-up) commits at once as before, unless a batch is already open on this connection
    // (then it joins it: one connection has one transaction).
    void setBatching(std::function<void()> opened);
    bool batchOpen() const { return m_batchOpen; }
    // Marks the handling of one request (AccountServer::handle).
    class RequestScope final
    {
        Q_DISABLE_COPY_MOVE(RequestScope)
    public:
        explicit RequestScope(Database &database)
            : m_database(database)
            , m_was(std::exchange(database.m_inRequest, true))
        {
        }
        ~RequestScope() { m_database.m_inRequest = m_was; }

    private:
        Database &m_database;
        bool m_was;
    };
    // Commits the open batch; true when there was none. False (with the reason) when it could
    // not be committed or a write of it had failed past recovery: nothing of it is stored, and
    // every answer that waited for it must say so.
    bool commitBatch(QString *error = nullptr);

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
        bool m_batched = false; // a savepoint in the batch
    };

private:
    explicit Database(QSqlDatabase connection);
    explicit Database(sqlite3 *connection);
    // PostgreSQL: after a failed statement, checks the connection and opens it again when the
    // server went away (restarted, or the connection was killed). True when it reconnected.
    bool reconnectIfLost();
    void applySessionSettings();
    bool begin();
    // Batching: begins the batch if none is open; throws StorageError when it cannot.
    void openBatch();
    // Batching: runs SAVEPOINT, RELEASE or ROLLBACK TO; a failure that ended the batch's
    // transaction marks the batch failed.
    void batchControl(const QString &sql);
    void checkBatchAlive();
    // SQLite: steps one of the transaction statements (BEGIN IMMEDIATE, COMMIT, ROLLBACK).
    bool control(const QString &sql, QString *error);
    Rows &statement(const QString &sql);
    Rows &run(const QString &sql, const QVariantList &values);
    void runSqlite(Rows &rows, const QVariantList &values);
    void runPostgres(Rows &rows, const QVariantList &values);
    // Runs a statement that is not worth caching (DDL, session settings); false with the error.
    bool execOnce(const QString &sql, QString *error);
    void clearStatements();
    QString sqliteError() const;
    [[noreturn]] void fail(const QString &error, const QString &sql) const;

    QSqlDatabase m_db;
    sqlite3 *m_sqlite = nullptr;
    // SQLite: copies the WAL back into the database on a thread of its own, so that no request
    // waits for a checkpoint's writes and fsyncs.
    std::unique_ptr<WalCheckpointer> m_checkpointer;
    Dialect m_dialect;
    QHash<QString, Rows *> m_statements;              // owned
    QHash<const QChar *, Rows *> m_literalStatements; // the same, by a literal's address
    // The tables this connection's statements write to, and how many writes each (changeStamp).
    QList<std::pair<QString, quint64>> m_writeCounts;
    // SQLite's data_version as read in the transaction now open (-1: not read in it yet).
    qint64 m_lockedDataVersion = -1;
    // Statements stepped or executed since the last release: the ones to reset.
    QList<Rows *> m_active;
    // pg_advisory_lock key held while migrating ("latchkey" in ASCII).
    static constexpr qint64 migrationLock = 0x6c617463686b6579;
    int m_transactionDepth = 0;
    QString m_beginError;
    std::function<void()> m_batchOpened; // set: batching is on
    bool m_batchOpen = false;
    bool m_inRequest = false;
    bool batching() const { return m_batchOpened && (m_inRequest || m_batchOpen); }
    QString m_batchError; // not empty: the open batch failed, and commits nothing
};

// Column helpers: times are stored as milliseconds since the epoch, NULL when absent.
QVariant timeValue(const QDateTime &time);
QDateTime timeFrom(const QVariant &value);
// Empty text is stored as NULL.
QVariant textValue(const QString &text);

} // namespace Latchkey::Server
