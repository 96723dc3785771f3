#include "cachedatabase.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSqlError>

#include <algorithm>
#include <future>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcCache, "latchkey.core.cache")

namespace Latchkey::Core {

namespace {

// Thrown inside CacheDatabase only, and turned into a Result at the public boundary.
struct Failure
{
    Error error;
};

struct Migration
{
    int version;
    const char *name;
    QStringList statements;
};

// Numbered and append-only: a released migration is never edited, a new one is added. Times are
// INTEGER milliseconds since the epoch (UTC), NULL when absent.
const QList<Migration> &migrations()
{
    static const QList<Migration> list = {
        {1,
         "profiles, cached lists, sync state, flow tester history, settings",
         {
             u"CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
             u"CREATE TABLE profiles (id TEXT PRIMARY KEY, name TEXT NOT NULL COLLATE NOCASE "
             "UNIQUE, server_url TEXT NOT NULL, environment TEXT NOT NULL "
             "CHECK (environment IN ('production', 'staging', 'sandbox')), "
             "sign_in_method TEXT NOT NULL, client_id TEXT NOT NULL, "
             "created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL)"_s,
             // A list's rows are the ids first_row .. first_row + row_count - 1, in the order the
             // server listed them: replacing a list appends one id range and deletes another,
             // with no index to keep up (100,000 rows well within a second).
             u"CREATE TABLE cached_lists (profile_id TEXT NOT NULL "
             "REFERENCES profiles(id) ON DELETE CASCADE, kind TEXT NOT NULL, "
             "synced_at INTEGER NOT NULL, first_row INTEGER NOT NULL, "
             "row_count INTEGER NOT NULL, PRIMARY KEY (profile_id, kind))"_s,
             u"CREATE TABLE cached_rows (id INTEGER PRIMARY KEY, data TEXT NOT NULL)"_s,
             // The rows go with their list: replaced, or deleted with its profile.
             u"CREATE TRIGGER cached_lists_replaced AFTER UPDATE OF first_row, row_count "
             "ON cached_lists BEGIN DELETE FROM cached_rows WHERE id >= OLD.first_row "
             "AND id < OLD.first_row + OLD.row_count; END"_s,
             u"CREATE TRIGGER cached_lists_deleted AFTER DELETE ON cached_lists BEGIN "
             "DELETE FROM cached_rows WHERE id >= OLD.first_row "
             "AND id < OLD.first_row + OLD.row_count; END"_s,
             u"CREATE TABLE sync_state (profile_id TEXT PRIMARY KEY "
             "REFERENCES profiles(id) ON DELETE CASCADE, last_attempt_at INTEGER, "
             "last_success_at INTEGER, last_error TEXT NOT NULL)"_s,
             u"CREATE TABLE flow_history (id INTEGER PRIMARY KEY AUTOINCREMENT, "
             "profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE, "
             "started_at INTEGER NOT NULL, provider TEXT NOT NULL, client_id TEXT NOT NULL, "
             "grant_type TEXT NOT NULL, scopes TEXT NOT NULL, outcome TEXT NOT NULL)"_s,
             u"CREATE INDEX flow_history_profile ON flow_history (profile_id, started_at, id)"_s,
         }},
        {2,
         "flow tester history keeps each run's set-up, to run it again",
         {
             u"ALTER TABLE flow_history ADD COLUMN settings TEXT NOT NULL DEFAULT '{}'"_s,
         }},
    };
    return list;
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

QString nextConnectionName()
{
    static QAtomicInt counter;
    return u"latchkey-cache-%1"_s.arg(counter.fetchAndAddRelaxed(1));
}

// Without Unicode case folding (which would take the Kelvin sign for a k): what a byte scan of
// the serialized row can see too.
bool equalsIgnoringAsciiCase(QStringView text, QLatin1StringView ascii)
{
    if (text.size() != ascii.size())
        return false;
    const auto lower = [](char16_t c) { return c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c; };
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (lower(text[i].unicode()) != lower(ascii[i].unicode()))
            return false;
    }
    return true;
}

// Every name isSecretField knows contains one of these, in any ASCII case.
constexpr QLatin1StringView secretStems[] = {"secret"_L1, "token"_L1, "pass"_L1, "verifier"_L1};

// Whether serialized JSON may hold a secret field: none of the stems anywhere (keys or values)
// means certainly not. A quick look at bytes the row is serialized to anyway, so the common
// row skips walking its fields.
bool mayNameASecret(QByteArrayView json)
{
    const auto stemAt = [json](qsizetype at, QLatin1StringView stem) {
        if (at + stem.size() > json.size())
            return false;
        const QLatin1StringView text(json.sliced(at, stem.size()));
        return text.compare(stem, Qt::CaseInsensitive) == 0;
    };
    for (qsizetype i = 0; i < json.size(); ++i) {
        const char lower = char(json[i] | 0x20);
        for (QLatin1StringView stem : secretStems) {
            if (lower == stem.front() && stemAt(i, stem))
                return true;
        }
    }
    return false;
}

bool holdsSecret(const QJsonValue &value);

bool holdsSecret(const QJsonObject &object)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (CacheDatabase::isSecretField(it.key()) || holdsSecret(*it))
            return true;
    }
    return false;
}

bool holdsSecret(const QJsonValue &value)
{
    if (value.isObject())
        return holdsSecret(value.toObject());
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array) {
            if (holdsSecret(item))
                return true;
        }
    }
    return false;
}

QJsonValue strippedValue(const QJsonValue &value, QStringList *dropped);

QJsonArray strippedArray(const QJsonArray &array, QStringList *dropped)
{
    QJsonArray result;
    for (const QJsonValue &item : array)
        result.append(strippedValue(item, dropped));
    return result;
}

QJsonObject strippedObject(const QJsonObject &object, QStringList *dropped)
{
    QJsonObject result = object;
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (CacheDatabase::isSecretField(it.key())) {
            result.remove(it.key());
            if (dropped && !dropped->contains(it.key()))
                dropped->append(it.key());
        } else if (it->isObject() || it->isArray()) {
            result.insert(it.key(), strippedValue(*it, dropped));
        }
    }
    return result;
}

QJsonValue strippedValue(const QJsonValue &value, QStringList *dropped)
{
    if (value.isObject())
        return strippedObject(value.toObject(), dropped);
    if (value.isArray())
        return strippedArray(value.toArray(), dropped);
    return value;
}

Profile profileFrom(const QSqlQuery &query)
{
    Profile profile;
    profile.id = query.value(0).toString();
    profile.name = query.value(1).toString();
    profile.serverUrl = QUrl(query.value(2).toString(), QUrl::StrictMode);
    profile.environment =
        environmentFromName(query.value(3).toString()).value_or(Environment::Production);
    profile.signInMethod =
        signInMethodFromName(query.value(4).toString()).value_or(SignInMethod::SystemBrowser);
    profile.clientId = query.value(5).toString();
    profile.createdAt = timeFrom(query.value(6));
    profile.updatedAt = timeFrom(query.value(7));
    return profile;
}

// Rows a multi-row INSERT of replaceList carries: fewer statements to run, each binding 2 values
// a row (SQLite allows 32766).
constexpr int rowsPerInsert = 64;

// Rows serialized together, on a thread of their own when the list is longer than one chunk.
constexpr qsizetype rowsPerChunk = 64 * rowsPerInsert;

struct SerializedRows
{
    QList<QByteArray> json;
    QStringList dropped;
};

// The row as compact JSON, without its secret fields.
QByteArray rowJson(const QJsonObject &row, QStringList *dropped)
{
    QByteArray json = QJsonDocument(row).toJson(QJsonDocument::Compact);
    if (mayNameASecret(json) && holdsSecret(row))
        json = QJsonDocument(strippedObject(row, dropped)).toJson(QJsonDocument::Compact);
    return json;
}

QString insertRowsSql(int rowCount)
{
    QString sql = u"INSERT INTO cached_rows (id, data) VALUES "_s;
    for (int i = 0; i < rowCount; ++i)
        sql += (i == 0 ? u""_s : u", "_s) + u"(?, CAST(? AS TEXT))"_s;
    return sql;
}

const QString profileColumns =
    u"id, name, server_url, environment, sign_in_method, client_id, created_at, updated_at"_s;

} // namespace

// BEGIN IMMEDIATE: two processes (the app and latchkeyctl) share the file, and a deferred
// transaction that reads first could not wait for the other writer. Rolled back unless
// committed.
class CacheDatabase::Transaction final
{
    Q_DISABLE_COPY_MOVE(Transaction)

public:
    explicit Transaction(CacheDatabase &database)
        : m_database(database)
    {
        m_database.execText(u"BEGIN IMMEDIATE"_s);
    }
    ~Transaction()
    {
        if (m_done)
            return;
        m_database.finishStatements();
        QSqlQuery rollback(m_database.m_db);
        rollback.exec(u"ROLLBACK"_s);
    }
    void commit()
    {
        m_database.finishStatements();
        m_database.execText(u"COMMIT"_s);
        m_done = true;
    }

private:
    CacheDatabase &m_database;
    bool m_done = false;
};

QString listKindName(ListKind kind)
{
    switch (kind) {
    case ListKind::Keys:
        return u"keys"_s;
    case ListKind::Consumers:
        return u"consumers"_s;
    case ListKind::Authorizations:
        return u"authorizations"_s;
    case ListKind::Audit:
        return u"audit"_s;
    case ListKind::Groups:
        return u"groups"_s;
    case ListKind::Users:
        return u"users"_s;
    }
    return {};
}

std::optional<ListKind> listKindFromName(QStringView name)
{
    for (ListKind kind : {ListKind::Keys, ListKind::Consumers, ListKind::Authorizations,
                          ListKind::Audit, ListKind::Groups, ListKind::Users}) {
        if (name == listKindName(kind))
            return kind;
    }
    return std::nullopt;
}

CacheDatabase::CacheDatabase(QSqlDatabase connection, QString path)
    : m_db(std::move(connection))
    , m_path(std::move(path))
{
}

CacheDatabase::~CacheDatabase()
{
    const QString name = m_db.connectionName();
    m_statements.clear();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
}

template<typename Body>
auto CacheDatabase::guarded(Body &&body) -> Result<decltype(body())>
{
    try {
        return body();
    } catch (const Failure &failure) {
        return failure.error;
    }
}

Result<std::unique_ptr<CacheDatabase>> CacheDatabase::open(const QString &path)
{
    const QFileInfo info(path);
    if (path.isEmpty() || !QDir().mkpath(info.absolutePath())) {
        Error error;
        error.kind = Error::Kind::Storage;
        error.message = u"Cannot create the folder of the local cache: %1"_s.arg(path);
        return error;
    }
    const bool created = !info.exists();
    const QString name = nextConnectionName();
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open()) {
        const QString detail = db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        Error error;
        error.kind = Error::Kind::Storage;
        error.message = u"Cannot open the local cache %1: %2"_s.arg(path, detail);
        return error;
    }
    // Profiles and lists are nobody else's business; SQLite gives -wal and -shm the same mode.
    if (created)
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    std::unique_ptr<CacheDatabase> database(new CacheDatabase(db, path));
    // The database owns the connection now: a copy left here would keep it in use.
    db = QSqlDatabase();
    Result<Nothing> ready = database->guarded([&] {
        QSqlQuery &mode = database->exec(u"PRAGMA journal_mode=WAL"_s);
        if (!mode.next() || mode.value(0).toString().compare(u"wal", Qt::CaseInsensitive) != 0)
            throw Failure{database->storageError(u"the file system does not support WAL"_s)};
        mode.finish();
        database->execText(u"PRAGMA synchronous=NORMAL"_s);
        database->execText(u"PRAGMA foreign_keys=ON"_s);
        database->migrate();
        return Nothing{};
    });
    if (!ready)
        return ready.error();
    return database;
}

int CacheDatabase::latestSchemaVersion()
{
    return migrations().constLast().version;
}

Result<int> CacheDatabase::schemaVersion()
{
    return guarded([&] {
        QSqlQuery &query = exec(u"SELECT COALESCE(MAX(version), 0) FROM schema_migrations"_s);
        const int version = query.next() ? query.value(0).toInt() : 0;
        query.finish();
        return version;
    });
}

void CacheDatabase::migrate()
{
    execText(u"CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
             "name TEXT NOT NULL, applied_at INTEGER NOT NULL)"_s);
    for (const Migration &migration : migrations()) {
        Transaction transaction(*this);
        // Read inside the write lock: another process may have migrated meanwhile.
        QSqlQuery &select = exec(u"SELECT COALESCE(MAX(version), 0) FROM schema_migrations"_s);
        const int current = select.next() ? select.value(0).toInt() : 0;
        select.finish();
        if (current > latestSchemaVersion())
            throw Failure{storageError(
                u"the cache was written by a newer Latchkey (schema %1, this one knows %2)"_s
                    .arg(current)
                    .arg(latestSchemaVersion()))};
        if (migration.version <= current)
            continue;
        for (const QString &statement : migration.statements)
            execText(statement);
        exec(u"INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)"_s,
             {migration.version, QString::fromLatin1(migration.name),
              QDateTime::currentMSecsSinceEpoch()});
        transaction.commit();
        qCInfo(lcCache) << "applied cache migration" << migration.version << migration.name;
    }
}

Error CacheDatabase::storageError(const QString &detail) const
{
    Error error;
    error.kind = Error::Kind::Storage;
    error.message = u"The local cache failed: %1"_s.arg(detail);
    error.hint =
        u"Latchkey still works online. If this goes on, quit Latchkey and remove %1."_s.arg(
            QDir::toNativeSeparators(m_path));
    return error;
}

QSqlQuery &CacheDatabase::prepare(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            throw Failure{storageError(query.lastError().text())};
        it = m_statements.emplace(sql, std::move(query)).first;
    }
    it->second.finish();
    return it->second;
}

void CacheDatabase::run(QSqlQuery &query)
{
    if (!query.exec()) {
        // Statements carry placeholders, never values: safe to name in a log.
        qCWarning(lcCache).noquote() << "statement failed:" << query.lastError().text()
                                     << "in:" << query.lastQuery().left(120);
        throw Failure{storageError(query.lastError().text())};
    }
}

QSqlQuery &CacheDatabase::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery &query = prepare(sql);
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        // NULL is an invalid QVariant (timeValue); a null QString is text, and goes in as ''.
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query.bindValue(int(i), u""_s);
        else
            query.bindValue(int(i), value);
    }
    run(query);
    return query;
}

void CacheDatabase::execText(const QString &sql)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql))
        throw Failure{storageError(query.lastError().text())};
}

void CacheDatabase::finishStatements()
{
    for (auto &[sql, query] : m_statements)
        query.finish();
}

void CacheDatabase::requireProfile(const QString &id)
{
    QSqlQuery &query = exec(u"SELECT 1 FROM profiles WHERE id = ?"_s, {id});
    const bool found = query.next();
    query.finish();
    if (!found) {
        Error error;
        error.kind = Error::Kind::NotFound;
        error.message = u"There is no profile with id %1."_s.arg(id);
        throw Failure{error};
    }
}

Result<QList<Profile>> CacheDatabase::profiles()
{
    return guarded([&] {
        QList<Profile> result;
        QSqlQuery &query =
            exec(u"SELECT "_s + profileColumns + u" FROM profiles ORDER BY name, id"_s);
        while (query.next())
            result.append(profileFrom(query));
        query.finish();
        return result;
    });
}

Result<std::optional<Profile>> CacheDatabase::profile(const QString &id)
{
    return guarded([&] {
        std::optional<Profile> result;
        QSqlQuery &query =
            exec(u"SELECT "_s + profileColumns + u" FROM profiles WHERE id = ?"_s, {id});
        if (query.next())
            result = profileFrom(query);
        query.finish();
        return result;
    });
}

Result<Nothing> CacheDatabase::insertProfile(const Profile &profile)
{
    return guarded([&] {
        Transaction transaction(*this);
        exec(u"INSERT INTO profiles ("_s + profileColumns + u") VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
             {profile.id, profile.name, profile.serverUrl.toString(QUrl::FullyEncoded),
              environmentName(profile.environment), signInMethodName(profile.signInMethod),
              profile.clientId, timeValue(profile.createdAt), timeValue(profile.updatedAt)});
        transaction.commit();
        return Nothing{};
    });
}

Result<Nothing> CacheDatabase::updateProfile(const Profile &profile)
{
    return guarded([&] {
        Transaction transaction(*this);
        requireProfile(profile.id);
        exec(u"UPDATE profiles SET name = ?, server_url = ?, environment = ?, "
             "sign_in_method = ?, client_id = ?, updated_at = ? WHERE id = ?"_s,
             {profile.name, profile.serverUrl.toString(QUrl::FullyEncoded),
              environmentName(profile.environment), signInMethodName(profile.signInMethod),
              profile.clientId, timeValue(profile.updatedAt), profile.id});
        transaction.commit();
        return Nothing{};
    });
}

Result<Nothing> CacheDatabase::removeProfile(const QString &id)
{
    return guarded([&] {
        Transaction transaction(*this);
        requireProfile(id);
        // Cascades to its lists, and they take their rows (trigger cached_lists_deleted).
        exec(u"DELETE FROM profiles WHERE id = ?"_s, {id});
        exec(u"DELETE FROM settings WHERE key = ? AND value = ?"_s,
             {currentProfileSetting.toString(), id});
        transaction.commit();
        return Nothing{};
    });
}

Result<std::optional<QString>> CacheDatabase::setting(const QString &key)
{
    return guarded([&] {
        std::optional<QString> value;
        QSqlQuery &query = exec(u"SELECT value FROM settings WHERE key = ?"_s, {key});
        if (query.next())
            value = query.value(0).toString();
        query.finish();
        return value;
    });
}

Result<Nothing> CacheDatabase::setSetting(const QString &key, const QString &value)
{
    return guarded([&] {
        Transaction transaction(*this);
        exec(u"INSERT INTO settings (key, value) VALUES (?, ?) "
             "ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s,
             {key, value});
        transaction.commit();
        return Nothing{};
    });
}

Result<Nothing> CacheDatabase::removeSetting(const QString &key)
{
    return guarded([&] {
        Transaction transaction(*this);
        exec(u"DELETE FROM settings WHERE key = ?"_s, {key});
        transaction.commit();
        return Nothing{};
    });
}

bool CacheDatabase::isSecretField(QStringView name)
{
    // Each contains one of secretStems, which mayNameASecret looks for.
    static constexpr QLatin1StringView names[] = {
        "secret"_L1,       "client_secret"_L1, "api_secret"_L1,    "previous_secret"_L1,
        "access_token"_L1, "refresh_token"_L1, "id_token"_L1,      "token"_L1,
        "password"_L1,     "passphrase"_L1,    "code_verifier"_L1,
    };
    for (QLatin1StringView secretName : names) {
        if (equalsIgnoringAsciiCase(name, secretName))
            return true;
    }
    return false;
}

QJsonObject CacheDatabase::withoutSecrets(const QJsonObject &row, QStringList *dropped)
{
    // Rows rarely hold one: a read-only look first spares copying every row.
    return holdsSecret(row) ? strippedObject(row, dropped) : row;
}

Result<Nothing> CacheDatabase::replaceList(const QString &profileId, ListKind kind,
                                           const QList<QJsonObject> &rows,
                                           const QDateTime &syncedAt)
{
    return guarded([&] {
        const QString kindName = listKindName(kind);
        QStringList dropped;
        Transaction transaction(*this);
        requireProfile(profileId);
        QSqlQuery &last = exec(u"SELECT COALESCE(MAX(id), 0) FROM cached_rows"_s);
        const qint64 firstRow = (last.next() ? last.value(0).toLongLong() : 0) + 1;
        last.finish();

        // Serialized a chunk ahead on another thread while this one inserts the chunk before:
        // JSON and SQLite take about half of the time each. A list of one chunk stays here.
        const auto serialize = [&rows](qsizetype from, qsizetype to) {
            SerializedRows chunk;
            chunk.json.reserve(to - from);
            for (qsizetype i = from; i < to; ++i)
                chunk.json.append(rowJson(rows.at(i), &chunk.dropped));
            return chunk;
        };
        const auto startChunk = [&](qsizetype from) {
            return std::async(rows.size() > rowsPerChunk ? std::launch::async
                                                         : std::launch::deferred,
                              serialize, from, std::min(from + rowsPerChunk, rows.size()));
        };
        // Prepared once and reused: rowsPerInsert rows a statement, then one at a time for the
        // rest. UTF-8 goes in as it is (CAST to TEXT), not through UTF-16 and back.
        static const QString batchSql = insertRowsSql(rowsPerInsert);
        static const QString singleSql = insertRowsSql(1);
        QSqlQuery &batch = prepare(batchSql);
        QSqlQuery &single = prepare(singleSql);
        std::future<SerializedRows> pending = startChunk(0);
        for (qsizetype from = 0; from < rows.size(); from += rowsPerChunk) {
            const SerializedRows chunk = pending.get();
            if (from + rowsPerChunk < rows.size())
                pending = startChunk(from + rowsPerChunk);
            for (const QString &name : chunk.dropped) {
                if (!dropped.contains(name))
                    dropped.append(name);
            }
            const qsizetype count = chunk.json.size();
            qsizetype i = 0;
            for (; count - i >= rowsPerInsert; i += rowsPerInsert) {
                for (int slot = 0; slot < rowsPerInsert; ++slot) {
                    batch.bindValue(slot * 2, firstRow + from + i + slot);
                    batch.bindValue(slot * 2 + 1, chunk.json.at(i + slot));
                }
                run(batch);
            }
            for (; i < count; ++i) {
                single.bindValue(0, firstRow + from + i);
                single.bindValue(1, chunk.json.at(i));
                run(single);
            }
        }
        // Pointing the list at its new rows deletes the old ones (trigger cached_lists_replaced).
        exec(u"INSERT INTO cached_lists (profile_id, kind, synced_at, first_row, row_count) "
             "VALUES (?, ?, ?, ?, ?) ON CONFLICT (profile_id, kind) DO UPDATE SET "
             "synced_at = excluded.synced_at, first_row = excluded.first_row, "
             "row_count = excluded.row_count"_s,
             {profileId, kindName,
              timeValue(syncedAt.isValid() ? syncedAt : QDateTime::currentDateTimeUtc()), firstRow,
              qint64(rows.size())});
        transaction.commit();
        if (!dropped.isEmpty())
            qCWarning(lcCache).noquote()
                << "dropped secret fields" << dropped.join(u", "_s) << "from the cached" << kindName
                << "of profile" << profileId << "before writing them";
        return Nothing{};
    });
}

Result<CachedList> CacheDatabase::list(const QString &profileId, ListKind kind)
{
    return guarded([&] {
        CachedList result;
        QSqlQuery &head = exec(u"SELECT synced_at, first_row, row_count FROM cached_lists "
                               "WHERE profile_id = ? AND kind = ?"_s,
                               {profileId, listKindName(kind)});
        if (!head.next()) {
            head.finish();
            return result;
        }
        result.syncedAt = timeFrom(head.value(0));
        const qint64 firstRow = head.value(1).toLongLong();
        const qint64 rowCount = head.value(2).toLongLong();
        head.finish();
        result.rows.reserve(rowCount);
        QSqlQuery &rows = exec(u"SELECT CAST(data AS BLOB) FROM cached_rows "
                               "WHERE id >= ? AND id < ? ORDER BY id"_s,
                               {firstRow, firstRow + rowCount});
        while (rows.next())
            result.rows.append(QJsonDocument::fromJson(rows.value(0).toByteArray()).object());
        rows.finish();
        return result;
    });
}

Result<Nothing> CacheDatabase::setSyncState(const QString &profileId, const SyncState &state)
{
    return guarded([&] {
        Transaction transaction(*this);
        requireProfile(profileId);
        exec(u"INSERT INTO sync_state (profile_id, last_attempt_at, last_success_at, last_error) "
             "VALUES (?, ?, ?, ?) ON CONFLICT (profile_id) DO UPDATE SET "
             "last_attempt_at = excluded.last_attempt_at, "
             "last_success_at = excluded.last_success_at, last_error = excluded.last_error"_s,
             {profileId, timeValue(state.lastAttemptAt), timeValue(state.lastSuccessAt),
              state.lastError});
        transaction.commit();
        return Nothing{};
    });
}

Result<SyncState> CacheDatabase::syncState(const QString &profileId)
{
    return guarded([&] {
        SyncState state;
        QSqlQuery &query = exec(u"SELECT last_attempt_at, last_success_at, last_error "
                                "FROM sync_state WHERE profile_id = ?"_s,
                                {profileId});
        if (query.next()) {
            state.lastAttemptAt = timeFrom(query.value(0));
            state.lastSuccessAt = timeFrom(query.value(1));
            state.lastError = query.value(2).toString();
        }
        query.finish();
        return state;
    });
}

Result<qint64> CacheDatabase::addHistory(const FlowHistoryEntry &entry)
{
    return guarded([&] {
        Transaction transaction(*this);
        requireProfile(entry.profileId);
        QSqlQuery &insert = exec(
            u"INSERT INTO flow_history (profile_id, started_at, provider, client_id, "
            "grant_type, scopes, outcome, settings) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
            {entry.profileId,
             timeValue(entry.startedAt.isValid() ? entry.startedAt
                                                 : QDateTime::currentDateTimeUtc()),
             entry.provider, entry.clientId, entry.grant, entry.scopes.join(u' '), entry.outcome,
             QString::fromUtf8(
                 QJsonDocument(withoutSecrets(entry.settings)).toJson(QJsonDocument::Compact))});
        const qint64 id = insert.lastInsertId().toLongLong();
        exec(u"DELETE FROM flow_history WHERE profile_id = ? AND id NOT IN (SELECT id FROM "
             "flow_history WHERE profile_id = ? ORDER BY started_at DESC, id DESC LIMIT ?)"_s,
             {entry.profileId, entry.profileId, maxHistoryPerProfile});
        transaction.commit();
        return id;
    });
}

Result<QList<FlowHistoryEntry>> CacheDatabase::history(const QString &profileId)
{
    return guarded([&] {
        QList<FlowHistoryEntry> result;
        QSqlQuery &query =
            exec(u"SELECT id, profile_id, started_at, provider, client_id, grant_type, scopes, "
                 "outcome, settings FROM flow_history WHERE profile_id = ? "
                 "ORDER BY started_at DESC, id DESC"_s,
                 {profileId});
        while (query.next()) {
            FlowHistoryEntry entry;
            entry.id = query.value(0).toLongLong();
            entry.profileId = query.value(1).toString();
            entry.startedAt = timeFrom(query.value(2));
            entry.provider = query.value(3).toString();
            entry.clientId = query.value(4).toString();
            entry.grant = query.value(5).toString();
            entry.scopes = query.value(6).toString().split(u' ', Qt::SkipEmptyParts);
            entry.outcome = query.value(7).toString();
            entry.settings = QJsonDocument::fromJson(query.value(8).toByteArray()).object();
            result.append(entry);
        }
        query.finish();
        return result;
    });
}

} // namespace Latchkey::Core
