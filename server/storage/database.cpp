#include "database.h"

#include "migrations.h"

#include <QAtomicInt>
#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSqlError>
#include <QThread>
#include <QTimeZone>
#include <QUrl>
#include <QUrlQuery>

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
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

// The table an INSERT, UPDATE or DELETE names (lower case); "*" for a statement that may write
// to tables it does not name first (WITH ..., REPLACE), which changes every stamp; nothing for
// any other statement.
QString writtenTable(const QString &sql)
{
    const QStringView text = QStringView(sql).trimmed();
    if (text.startsWith(u"WITH", Qt::CaseInsensitive) ||
        text.startsWith(u"REPLACE", Qt::CaseInsensitive)) {
        return u"*"_s;
    }
    static const QRegularExpression pattern(
        u"^\\s*(?:INSERT\\s+(?:OR\\s+\\w+\\s+)?INTO|UPDATE(?:\\s+OR\\s+\\w+)?|DELETE\\s+FROM)"
        "\\s+\"?(\\w+)"_s,
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(sql);
    return match.hasMatch() ? match.captured(1).toLower() : QString();
}

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

// Checkpoints one SQLite database's WAL on a thread and a connection of its own, once the
// serving connection's commits have grown it past `threshold` frames. A checkpoint writes pages
// back into the database file and fsyncs both files: done on the serving connection (SQLite's
// autocheckpoint, every 1,000 frames), it stalled every request queued behind the one that
// crossed the threshold, 57 times a second under the token load. PASSIVE never blocks a reader
// or a writer.
//
// The WAL starts over from its beginning only when a write begins with everything in it copied
// back, which under a steady stream of commits the thread never quite achieves: so once the WAL
// reaches `restartAt` frames, the commit that crossed it runs a PASSIVE checkpoint itself. It
// copies the little the thread has not, and the next write starts the WAL over (and cuts it back
// to journal_size_limit). That is the only checkpoint on the serving connection: one per
// 32 MiB of WAL instead of one per 4 MiB, and a short one.
class WalCheckpointer final
{
    Q_DISABLE_COPY_MOVE(WalCheckpointer)

public:
    // Frames (pages) in the WAL that wake the thread: three quarters of `restartAt`, so that it
    // checkpoints about once per turn of the WAL, just before the serving connection's own
    // checkpoint, which is then left little to copy. Each checkpoint fsyncs both files, and an
    // fsync costs this VM's disk a fixed toll: waking at 1,000 frames and checkpointing again
    // every 20 ms while the WAL stayed long took a fifth of the server's CPU under the token
    // load; once per turn, a fourteenth (wrk -t2 -c16: 20-23k tokens/s became 29-34k).
    static constexpr int threshold = 6144;
    // Frames past which a commit checkpoints on the serving connection (see above): 32 MiB of
    // 4 KiB pages. That checkpoint's fsyncs stall the requests of its batch, so the fewer the
    // better for the p99: at 4,096 frames (16 MiB) the token load's p99 read 3.2-9.3 ms over six
    // runs, at 8,192 2.7-3.5 ms. Not much more: a WAL that grows into new pages of the page
    // cache faster than the kernel writes them back gets the serving thread's writes throttled
    // (a 200 MB WAL under the token load meant a p99 of 90 ms).
    static constexpr int restartAt = 8192;
    // While the WAL stays past `threshold` after a checkpoint, the next one waits this long.
    static constexpr std::chrono::milliseconds recheckAfter{200};

    explicit WalCheckpointer(QByteArray path)
        : m_path(std::move(path))
        , m_thread(QThread::create([this] { run(); }))
    {
        m_thread->setObjectName(u"latchkey-wal-checkpoint"_s);
        m_thread->start(QThread::LowPriority);
    }

    ~WalCheckpointer()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_wake.notify_one();
        m_thread->wait();
    }

    // sqlite3_wal_hook: runs after each commit of the serving connection.
    static int afterCommit(void *self, sqlite3 *db, const char *name, int frames)
    {
        // SQLITE_BUSY when the thread is checkpointing right now: the next commit tries again.
        if (frames >= restartAt)
            sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
        else if (frames >= threshold)
            static_cast<WalCheckpointer *>(self)->wake();
        return SQLITE_OK;
    }

private:
    void wake()
    {
        {
            std::lock_guard lock(m_mutex);
            if (m_pending)
                return;
            m_pending = true;
        }
        m_wake.notify_one();
    }

    void run()
    {
        sqlite3 *db = nullptr;
        if (sqlite3_open_v2(m_path.constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                            nullptr) != SQLITE_OK) {
            qCWarning(lcStorage) << "cannot open the database for WAL checkpoints:"
                                 << (db ? sqlite3_errmsg(db) : "out of memory");
            sqlite3_close_v2(db);
            return;
        }
        // As the serving connection: the WAL is fsynced before pages are copied back, the
        // database file after.
        sqlite3_exec(db, "PRAGMA synchronous=NORMAL", nullptr, nullptr, nullptr);
        std::unique_lock lock(m_mutex);
        while (true) {
            m_wake.wait(lock, [this] { return m_pending || m_stop; });
            if (m_stop)
                break;
            m_pending = false;
            lock.unlock();
            bool again = true;
            while (again) {
                int frames = 0;
                int copied = 0;
                const int rc = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                                         &frames, &copied);
                if (rc != SQLITE_OK && rc != SQLITE_BUSY)
                    qCWarning(lcStorage) << "WAL checkpoint failed:" << sqlite3_errmsg(db);
                // Writes went on meanwhile and the WAL is still long: copy what they added a
                // little later, until everything is back or a writer started the WAL over.
                again = rc == SQLITE_OK && frames >= threshold && copied < frames;
                if (again) {
                    lock.lock();
                    again = !m_wake.wait_for(lock, recheckAfter, [this] { return m_stop; });
                    lock.unlock();
                }
            }
            lock.lock();
        }
        lock.unlock();
        sqlite3_close_v2(db);
    }

    const QByteArray m_path;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_pending = false;
    bool m_stop = false;
    std::unique_ptr<QThread> m_thread;
};

Database::Database(QSqlDatabase connection)
    : m_db(std::move(connection))
    , m_dialect(Dialect::Postgres)
{
}

Database::Database(sqlite3 *connection)
    : m_sqlite(connection)
    , m_dialect(Dialect::Sqlite)
{
}

Database::~Database()
{
    clearStatements();
    m_checkpointer.reset();
    if (m_sqlite) {
        sqlite3_close_v2(m_sqlite);
        return;
    }
    const QString name = m_db.connectionName();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
}

void Database::clearStatements()
{
    m_active.clear();
    m_literalStatements.clear();
    qDeleteAll(m_statements);
    m_statements.clear();
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
    std::unique_ptr<Database> database;
    if (isPostgresUrl(location)) {
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
        const QString name = nextConnectionName();
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
        db.setConnectOptions(options);
        if (!db.open()) {
            // libpq's messages name the host, port, user and database, never the password.
            const QString reason = db.lastError().databaseText().simplified();
            *error = u"cannot connect to PostgreSQL (%1). Check that the server runs and "
                     "accepts connections from here, and the user, password and database "
                     "name in the URL."_s.arg(reason.isEmpty() ? db.lastError().text() : reason);
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(name);
            return nullptr;
        }
        database.reset(new Database(std::exchange(db, QSqlDatabase())));
    } else {
        // Before SQLite initializes: no global allocation statistics, so that no allocation
        // takes their mutex (SQLITE_MISUSE, and no harm, when SQLite is initialized already).
        static const bool configured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
        Q_UNUSED(configured);
        sqlite3 *handle = nullptr;
        // One connection per thread: SQLite's own mutexes are not needed on it.
        const int rc = sqlite3_open_v2(
            QFile::encodeName(location).constData(), &handle,
            SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
        if (rc != SQLITE_OK) {
            *error = u"cannot open the SQLite database: %1"_s.arg(
                QString::fromUtf8(handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc)));
            sqlite3_close_v2(handle);
            return nullptr;
        }
        // Waits for another process's write lock up to 5 s before SQLITE_BUSY (then a 503).
        sqlite3_busy_timeout(handle, 5000);
        sqlite3_extended_result_codes(handle, 1);
        database.reset(new Database(handle));
    }
    try {
        database->applySessionSettings();
    } catch (const StorageError &e) {
        *error = e.message();
        return nullptr;
    }
    if (database->m_sqlite) {
        const char *file = sqlite3_db_filename(database->m_sqlite, "main");
        if (file && *file) {
            // Replaces SQLite's autocheckpoint on this connection.
            database->m_checkpointer = std::make_unique<WalCheckpointer>(QByteArray(file));
            sqlite3_wal_hook(database->m_sqlite, &WalCheckpointer::afterCommit,
                             database->m_checkpointer.get());
        }
    }
    return database;
}

void Database::applySessionSettings()
{
    // Wait for a row lock as long as SQLite waits for its file lock, then fail (a 503).
    const QStringList settings =
        m_dialect == Dialect::Postgres
            ? QStringList{u"SET lock_timeout = '5s'"_s}
            : QStringList{u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=NORMAL"_s,
                          u"PRAGMA foreign_keys=ON"_s, u"PRAGMA busy_timeout=5000"_s,
                          // When the WAL starts over, a file grown past 40 MiB is cut back
                          // (a turn of the WAL is 8,192 frames, 33 MB).
                          u"PRAGMA journal_size_limit=41943040"_s};
    for (const QString &setting : settings) {
        QString error;
        if (!execOnce(setting, &error))
            throw StorageError(error + u" in: "_s + setting);
    }
}

bool Database::execOnce(const QString &sql, QString *error)
{
    if (m_dialect == Dialect::Postgres) {
        QSqlQuery query(m_db);
        if (query.exec(sql))
            return true;
        *error = query.lastError().text();
        return false;
    }
    char *message = nullptr;
    if (sqlite3_exec(m_sqlite, sql.toUtf8().constData(), nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    *error = message ? QString::fromUtf8(message) : sqliteError();
    sqlite3_free(message);
    return false;
}

QString Database::sqliteError() const
{
    return u"%1 (SQLite error %2)"_s.arg(QString::fromUtf8(sqlite3_errmsg(m_sqlite)))
        .arg(sqlite3_extended_errcode(m_sqlite));
}

Database::Rows::Rows(Database &database, const QString &sql)
    : m_database(database)
    , m_sql(sql)
{
}

Database::Rows::~Rows()
{
    sqlite3_finalize(m_statement);
}

void Database::Rows::reset()
{
    m_active = false;
    m_pending = false;
    m_onRow = false;
    if (m_statement) {
        sqlite3_reset(m_statement);
        sqlite3_clear_bindings(m_statement);
        m_buffers.clear();
    } else {
        m_query.finish();
    }
}

void Database::Rows::finish()
{
    if (m_active)
        reset();
}

bool Database::Rows::next()
{
    if (!m_statement) {
        m_onRow = m_query.next();
        return m_onRow;
    }
    if (m_pending) {
        m_pending = false;
        m_onRow = true;
        return true;
    }
    if (!m_active)
        return false;
    switch (sqlite3_step(m_statement)) {
    case SQLITE_ROW:
        m_onRow = true;
        return true;
    case SQLITE_DONE:
        reset();
        return false;
    default: {
        const QString error = m_database.sqliteError();
        reset();
        m_database.fail(error, m_sql);
    }
    }
}

bool Database::Rows::isNull(int column) const
{
    if (!m_statement)
        return m_query.isNull(column);
    return !m_onRow || sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

QString Database::Rows::text(int column) const
{
    if (!m_statement)
        return m_query.value(column).toString();
    if (!m_onRow)
        return {};
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    if (!data)
        return {};
    return QString::fromUtf8(data, sqlite3_column_bytes(m_statement, column));
}

qint64 Database::Rows::integer(int column) const
{
    if (!m_statement)
        return m_query.value(column).toLongLong();
    return m_onRow ? sqlite3_column_int64(m_statement, column) : 0;
}

QDateTime Database::Rows::time(int column) const
{
    if (isNull(column))
        return {};
    return QDateTime::fromMSecsSinceEpoch(integer(column), Qt::UTC);
}

QVariant Database::Rows::value(int column) const
{
    if (!m_statement)
        return m_query.value(column);
    if (!m_onRow)
        return {};
    switch (sqlite3_column_type(m_statement, column)) {
    case SQLITE_INTEGER:
        return QVariant(qint64(sqlite3_column_int64(m_statement, column)));
    case SQLITE_FLOAT:
        return QVariant(sqlite3_column_double(m_statement, column));
    case SQLITE_NULL:
        return {};
    case SQLITE_BLOB: {
        const auto *data = static_cast<const char *>(sqlite3_column_blob(m_statement, column));
        return QVariant(QByteArray(data, sqlite3_column_bytes(m_statement, column)));
    }
    default:
        return QVariant(text(column));
    }
}

Database::ChangeStamp Database::changeStamp(std::initializer_list<QStringView> tables)
{
    ChangeStamp stamp;
    if (m_dialect != Dialect::Sqlite)
        return stamp;
    for (const auto &[table, count] : std::as_const(m_writeCounts)) {
        if (table == u"*" || std::find(tables.begin(), tables.end(), table) != tables.end())
            stamp.own += count;
    }
    // Inside a transaction this connection holds the write lock (every BEGIN is IMMEDIATE):
    // no other connection can commit until it ends, so its first answer holds until then.
    const bool locked = !sqlite3_get_autocommit(m_sqlite);
    if (locked && m_lockedDataVersion >= 0) {
        stamp.external = m_lockedDataVersion;
        return stamp;
    }
    Rows &version = run(u"PRAGMA data_version"_s, {});
    if (version.next())
        stamp.external = version.integer(0);
    version.finish();
    if (locked)
        m_lockedDataVersion = stamp.external;
    return stamp;
}

Database::Rows &Database::statement(const QString &sql)
{
    // SQL written as a literal (u"..."_s: static storage, so no header) is found by its address:
    // hashing and comparing a 300-character INSERT on every run was 2% of a token request.
    const bool literal = !sql.data_ptr().isMutable();
    if (literal) {
        if (Rows *rows = m_literalStatements.value(sql.constData());
            rows && rows->m_sql.size() == sql.size()) {
            rows->finish();
            return *rows;
        }
    }
    if (Rows *rows = m_statements.value(sql)) {
        rows->finish();
        if (literal)
            m_literalStatements.insert(sql.constData(), rows);
        return *rows;
    }
    auto rows = std::unique_ptr<Rows>(new Rows(*this, sql));
    if (const QString table = writtenTable(sql); !table.isEmpty()) {
        const auto counted = std::find_if(m_writeCounts.cbegin(), m_writeCounts.cend(),
                                          [&](const auto &entry) { return entry.first == table; });
        rows->m_writes = counted - m_writeCounts.cbegin();
        if (counted == m_writeCounts.cend())
            m_writeCounts.append({table, 0});
    }
    if (m_dialect == Dialect::Sqlite) {
        const QByteArray text = sql.toUtf8();
        // PERSISTENT: kept for the connection's life, so SQLite allocates it outside its
        // lookaside memory.
        if (sqlite3_prepare_v3(m_sqlite, text.constData(), int(text.size()) + 1,
                               SQLITE_PREPARE_PERSISTENT, &rows->m_statement,
                               nullptr) != SQLITE_OK) {
            fail(u"cannot prepare statement: "_s + sqliteError(), sql);
        }
    } else {
        rows->m_query = QSqlQuery(m_db);
        rows->m_query.setForwardOnly(true);
        // PostgreSQL prepares only SELECT, INSERT, UPDATE, DELETE and the like; DDL and SET
        // run as plain statements (they carry no values).
        rows->m_plain = !isPreparable(sql);
        if (!rows->m_plain && !rows->m_query.prepare(sql))
            fail(u"cannot prepare statement: "_s + rows->m_query.lastError().text(), sql);
    }
    Rows *prepared = *m_statements.insert(sql, rows.release());
    if (literal)
        m_literalStatements.insert(sql.constData(), prepared);
    return *prepared;
}

Database::Rows &Database::exec(const QString &sql, const QVariantList &values)
{
    try {
        return run(sql, values);
    } catch (const StorageError &) {
        // A read outside a transaction is safe to repeat on a new connection. A write may have
        // been applied before the connection broke, and a transaction died with it: those fail
        // (a 503) and the next request finds the connection open again.
        const bool lost = m_transactionDepth == 0 && !m_batchOpen && reconnectIfLost();
        if (lost && sql.startsWith(u"SELECT"_s))
            return run(sql, values);
        throw;
    }
}

Database::Rows &Database::run(const QString &sql, const QVariantList &values)
{
    // Outside an explicit transaction a write commits when it completes only if no other
    // statement is still active; reset them first so it is durable before we answer.
    const bool write = !sql.startsWith(u"SELECT"_s) && !sql.startsWith(u"PRAGMA"_s);
    if (m_transactionDepth == 0 && write) {
        if (batching())
            openBatch(); // a write outside a Transaction joins the batch too
        else
            releaseStatements();
    }
    Rows &rows = statement(sql);
    if (rows.m_writes >= 0)
        ++m_writeCounts[rows.m_writes].second;
    try {
        if (m_dialect == Dialect::Sqlite)
            runSqlite(rows, values);
        else
            runPostgres(rows, values);
    } catch (const StorageError &) {
        checkBatchAlive();
        throw;
    }
    return rows;
}

void Database::runSqlite(Rows &rows, const QVariantList &values)
{
    sqlite3_stmt *statement = rows.m_statement;
    if (sqlite3_bind_parameter_count(statement) != values.size()) {
        fail(u"%1 values for %2 placeholders"_s.arg(values.size())
                 .arg(sqlite3_bind_parameter_count(statement)),
             rows.m_sql);
    }
    for (int i = 0; i < int(values.size()); ++i) {
        const QVariant &value = values.at(i);
        int rc = SQLITE_OK;
        switch (value.typeId()) {
        case QMetaType::UnknownType:
            rc = sqlite3_bind_null(statement, i + 1);
            break;
        case QMetaType::Bool:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::Long:
        case QMetaType::LongLong:
        case QMetaType::ULong:
        case QMetaType::ULongLong:
        case QMetaType::Short:
        case QMetaType::UShort:
            rc = sqlite3_bind_int64(statement, i + 1, value.toLongLong());
            break;
        case QMetaType::Double:
            rc = sqlite3_bind_double(statement, i + 1, value.toDouble());
            break;
        case QMetaType::QByteArray:
            rows.m_buffers.append(value.toByteArray());
            rc = sqlite3_bind_blob(statement, i + 1, rows.m_buffers.back().constData(),
                                   int(rows.m_buffers.back().size()), SQLITE_STATIC);
            break;
        default: {
            // Text, UTF-8 as the database keeps it. A null QString is '' (NULL is an invalid
            // QVariant: timeValue, textValue); SQLite binds NULL for a null pointer, so never
            // pass one.
            const QString *text = value.typeId() == QMetaType::QString
                                      ? static_cast<const QString *>(value.constData())
                                      : nullptr;
            QByteArray utf8 = text ? text->toUtf8() : value.toString().toUtf8();
            if (utf8.isEmpty()) {
                rc = sqlite3_bind_text(statement, i + 1, "", 0, SQLITE_STATIC);
                break;
            }
            rows.m_buffers.append(std::move(utf8));
            rc = sqlite3_bind_text(statement, i + 1, rows.m_buffers.back().constData(),
                                   int(rows.m_buffers.back().size()), SQLITE_STATIC);
            break;
        }
        }
        if (rc != SQLITE_OK) {
            const QString error = sqliteError();
            rows.reset();
            fail(error, rows.m_sql);
        }
    }
    rows.m_active = true;
    switch (sqlite3_step(statement)) {
    case SQLITE_ROW:
        // Left on its first row: reset when the statements are released, if not before.
        m_active.append(&rows);
        rows.m_pending = true;
        rows.m_rowsAffected = 0;
        return;
    case SQLITE_DONE:
        rows.m_rowsAffected = sqlite3_stmt_readonly(statement) ? 0 : sqlite3_changes64(m_sqlite);
        rows.reset();
        return;
    default: {
        const QString error = sqliteError();
        rows.reset();
        fail(error, rows.m_sql);
    }
    }
}

void Database::runPostgres(Rows &rows, const QVariantList &values)
{
    QSqlQuery &query = rows.m_query;
    rows.m_active = true;
    m_active.append(&rows);
    if (rows.m_plain) {
        if (!query.exec(rows.m_sql))
            fail(query.lastError().text(), rows.m_sql);
        rows.m_rowsAffected = query.numRowsAffected();
        return;
    }
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
        fail(query.lastError().text(), rows.m_sql);
    rows.m_rowsAffected = query.numRowsAffected();
}

void Database::fail(const QString &error, const QString &sql) const
{
    // Statements carry placeholders only, never values: safe to name in a log.
    const QString message = error + u" in: "_s + sql.left(120);
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
    clearStatements();
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
            statement.replace(u"{{without_rowid}}"_s,
                              m_dialect == Dialect::Sqlite ? u" WITHOUT ROWID"_s : QString());
            QString error;
            if (!execOnce(statement, &error))
                throw StorageError(u"migration %1 (%2) failed: %3"_s.arg(migration.version)
                                       .arg(QString::fromLatin1(migration.name), error));
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
    Rows &rows = exec(u"SELECT COALESCE(MAX(version), 0) FROM schema_migrations"_s);
    const int version = rows.next() ? int(rows.integer(0)) : 0;
    rows.finish();
    return version;
}

bool Database::isHealthy()
{
    try {
        Rows &rows = exec(u"SELECT 1"_s);
        const bool healthy = rows.next() && rows.integer(0) == 1;
        rows.finish();
        return healthy;
    } catch (const StorageError &) {
        return false;
    }
}

Database::Transaction::Transaction(Database &database)
    : m_database(database)
{
    if (m_database.m_transactionDepth++ != 0)
        return;
    if (m_database.batching()) {
        m_batched = true;
        try {
            m_database.openBatch();
            m_database.batchControl(u"SAVEPOINT request"_s);
        } catch (const StorageError &) {
            --m_database.m_transactionDepth;
            throw;
        }
        return;
    }
    // Nothing has happened yet: beginning again on a new connection is safe.
    if (!m_database.begin() && (!m_database.reconnectIfLost() || !m_database.begin())) {
        --m_database.m_transactionDepth;
        throw StorageError(u"cannot begin a transaction: %1"_s.arg(m_database.m_beginError));
    }
}

Database::Transaction::~Transaction()
{
    if (!m_done && --m_database.m_transactionDepth == 0 && m_batched) {
        // This request's writes go; the batch's others stay.
        m_database.releaseStatements();
        try {
            m_database.batchControl(u"ROLLBACK TO request"_s);
            m_database.batchControl(u"RELEASE request"_s);
        } catch (const StorageError &) {
            // batchControl marked the batch failed: its answers will say so.
        }
        return;
    }
    if (!m_done && m_database.m_transactionDepth == 0) {
        m_database.releaseStatements();
        if (m_database.m_dialect == Dialect::Postgres) {
            m_database.m_db.rollback();
            // A transaction is rolled back when something failed: perhaps the connection itself.
            m_database.reconnectIfLost();
        } else if (!sqlite3_get_autocommit(m_database.m_sqlite)) {
            // SQLite may have rolled back already (a full disk, an I/O error).
            QString error;
            m_database.control(u"ROLLBACK"_s, &error);
        }
    }
}

bool Database::control(const QString &sql, QString *error)
{
    m_lockedDataVersion = -1; // a transaction begins or ends
    try {
        Rows &rows = statement(sql);
        rows.m_active = true;
        const int rc = sqlite3_step(rows.m_statement);
        if (rc != SQLITE_DONE)
            *error = sqliteError();
        rows.reset();
        return rc == SQLITE_DONE;
    } catch (const StorageError &e) {
        *error = e.message();
        return false;
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
    return control(u"BEGIN IMMEDIATE"_s, &m_beginError);
}

void Database::setBatching(std::function<void()> opened)
{
    m_batchOpened = std::move(opened);
}

void Database::openBatch()
{
    if (!m_batchError.isEmpty())
        throw StorageError(u"an earlier write of this moment failed: %1"_s.arg(m_batchError));
    if (m_batchOpen)
        return;
    if (!begin() && (!reconnectIfLost() || !begin()))
        throw StorageError(u"cannot begin a transaction: %1"_s.arg(m_beginError));
    m_batchOpen = true;
    m_batchOpened();
}

void Database::batchControl(const QString &sql)
{
    try {
        run(sql, {});
    } catch (const StorageError &error) {
        if (m_batchError.isEmpty())
            m_batchError = error.message();
        throw;
    }
}

void Database::checkBatchAlive()
{
    if (!m_batchOpen)
        return;
    // SQLite ends the transaction itself on some errors (a full disk, an I/O error); PostgreSQL
    // keeps it, aborted, until a savepoint is rolled back to or the batch ends. A write outside
    // any request transaction that failed cannot be undone alone: the batch is lost either way.
    const bool ended = m_dialect == Dialect::Sqlite && sqlite3_get_autocommit(m_sqlite);
    if ((ended || m_transactionDepth == 0) && m_batchError.isEmpty())
        m_batchError = u"a write failed in the middle of the batch"_s;
}

bool Database::commitBatch(QString *error)
{
    QString message = std::exchange(m_batchError, QString());
    if (!m_batchOpen) {
        if (error)
            *error = message;
        return message.isEmpty();
    }
    m_batchOpen = false;
    releaseStatements();
    bool committed = false;
    if (message.isEmpty()) {
        if (m_dialect == Dialect::Postgres) {
            committed = m_db.commit();
            if (!committed)
                message = m_db.lastError().text();
        } else {
            committed = control(u"COMMIT"_s, &message);
        }
    }
    if (!committed) {
        qCWarning(lcStorage) << "a batch of writes was not committed:" << message;
        if (m_dialect == Dialect::Postgres) {
            m_db.rollback();
            reconnectIfLost();
        } else if (!sqlite3_get_autocommit(m_sqlite)) {
            QString ignored;
            control(u"ROLLBACK"_s, &ignored);
        }
    }
    releaseStatements();
    if (error)
        *error = message;
    return committed;
}

void Database::releaseStatements()
{
    for (Rows *rows : std::as_const(m_active))
        rows->finish();
    m_active.clear();
}

void Database::Transaction::commit()
{
    m_done = true;
    if (--m_database.m_transactionDepth != 0)
        return;
    // A cached SELECT still positioned on a row keeps SQLite from committing.
    m_database.releaseStatements();
    if (m_batched) {
        // Durable once the batch commits, before the answer is written.
        m_database.batchControl(u"RELEASE request"_s);
        return;
    }
    QString message;
    if (m_database.m_dialect == Dialect::Postgres) {
        if (m_database.m_db.commit())
            return;
        message = m_database.m_db.lastError().text();
        m_database.m_db.rollback();
    } else {
        if (m_database.control(u"COMMIT"_s, &message))
            return;
        if (!sqlite3_get_autocommit(m_database.m_sqlite)) {
            QString ignored;
            m_database.control(u"ROLLBACK"_s, &ignored);
        }
    }
    throw StorageError(u"cannot commit: %1"_s.arg(message));
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
