#include <cache/cachedatabase.h>
#include <protocol/random.h>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QSqlError>
#include <QTemporaryDir>
#include <QtTest>

#include <ctime>

using namespace Qt::StringLiterals;
using Latchkey::Core::CacheDatabase;
using Latchkey::Core::CachedList;
using Latchkey::Core::Environment;
using Latchkey::Core::Error;
using Latchkey::Core::FlowHistoryEntry;
using Latchkey::Core::ListKind;
using Latchkey::Core::Nothing;
using Latchkey::Core::Profile;
using Latchkey::Core::Result;
using Latchkey::Core::SignInMethod;
using Latchkey::Core::SyncState;

namespace {

// Why a Result failed, for a failing check's message; empty when it did not.
template<typename T>
QString describe(const Result<T> &result)
{
    if (result.ok())
        return QString();
    return u"kind %1: %2"_s.arg(int(result.error().kind)).arg(result.error().toText());
}

// Evaluates expression once.
#define VERIFY_OK(expression)                                                                      \
    do {                                                                                           \
        const auto verifiedResult = (expression);                                                  \
        QVERIFY2(verifiedResult.ok(), qPrintable(describe(verifiedResult)));                       \
    } while (false)

// A second, raw connection to the file, as another process (or a curious user) would see it.
class RawConnection final
{
    Q_DISABLE_COPY_MOVE(RawConnection)

public:
    explicit RawConnection(const QString &path)
        : m_name(u"raw-"_s + Latchkey::Random::id(u"", 48))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        db.open();
    }
    ~RawConnection() { QSqlDatabase::removeDatabase(m_name); }

    // The first column of each row, or the error text as the only value.
    QVariantList query(const QString &sql)
    {
        QVariantList values;
        {
            QSqlQuery query(QSqlDatabase::database(m_name));
            if (!query.exec(sql))
                return {query.lastError().text()};
            while (query.next())
                values.append(query.value(0));
        }
        return values;
    }
    void close() { QSqlDatabase::database(m_name).close(); }

private:
    QString m_name;
};

Profile makeProfile(const QString &name)
{
    Profile profile;
    profile.id = Latchkey::Random::id(u"profile_");
    profile.name = name;
    profile.serverUrl = QUrl(u"https://accounts.example.com/base"_s);
    profile.environment = Environment::Staging;
    profile.signInMethod = SignInMethod::Automation;
    profile.clientId = u"client_automation"_s;
    profile.createdAt = QDateTime::fromMSecsSinceEpoch(1767225600123, Qt::UTC);
    profile.updatedAt = profile.createdAt.addSecs(60);
    return profile;
}

QJsonObject consumerRow(int i)
{
    return {{u"id"_s, u"con_%1"_s.arg(i)},
            {u"client_id"_s, u"client_%1"_s.arg(i)},
            {u"name"_s, u"Consumer %1"_s.arg(i)},
            {u"grant_type"_s, u"client_credentials"_s},
            {u"status"_s, u"active"_s},
            {u"scopes"_s, QJsonArray{u"assets:read"_s, u"work_orders:read"_s}},
            {u"created_at"_s, u"2026-01-01T00:00:00Z"_s}};
}

// CPU time of the process, every thread of it.
class CpuTimer final
{
public:
    CpuTimer() { m_start = now(); }
    qint64 restart()
    {
        const qint64 then = std::exchange(m_start, now());
        return (m_start - then) / 1000000;
    }

private:
    static qint64 now()
    {
        timespec time{};
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time);
        return qint64(time.tv_sec) * 1000000000 + time.tv_nsec;
    }
    qint64 m_start = 0;
};

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The database, its WAL and shared memory, as bytes.
QByteArray cacheBytes(const QString &path)
{
    return fileBytes(path) + fileBytes(path + u"-wal"_s) + fileBytes(path + u"-shm"_s);
}

} // namespace

// The desktop cache: migrations, cached lists with their sync time, sync state, history, and
// that no secret ever reaches the file.
class TestCacheDatabase final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void createsTheFileInWalModeForItsOwnerOnly();
    void migrationsAreAppliedOnce();
    void refusesACacheFromANewerVersion();
    void cannotOpenWhereNoFileCanBe();
    void profilesRoundTrip();
    void listsRoundTripWithTheirSyncTime();
    void listsAreKeptPerProfileAndKind();
    void listOfAnUnknownProfileIsRefused();
    void failedReplaceKeepsTheOldList();
    void secretFieldsAreStripped_data();
    void secretFieldsAreStripped();
    void secretBytesNeverReachTheFile();
    void syncStateRoundTrips();
    void historyIsNewestFirstPerProfileAndBounded();
    void removingAProfileRemovesItsData();
    void theAppAndTheCliShareTheFile();
    void replacesOneHundredThousandRows();

private:
    std::unique_ptr<CacheDatabase> open()
    {
        Result<std::unique_ptr<CacheDatabase>> opened = CacheDatabase::open(m_path);
        if (!opened)
            qFatal("%s", qPrintable(describe(opened)));
        return std::move(opened).value();
    }
    Profile addProfile(CacheDatabase &cache, const QString &name)
    {
        const Profile profile = makeProfile(name);
        if (!cache.insertProfile(profile))
            qFatal("cannot insert a profile");
        return profile;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void TestCacheDatabase::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(u"data/nested/cache.sqlite"_s);
}

void TestCacheDatabase::cleanup()
{
    m_dir.reset();
}

void TestCacheDatabase::createsTheFileInWalModeForItsOwnerOnly()
{
    QVERIFY(!QFile::exists(m_path));
    auto cache = open();
    QVERIFY(QFile::exists(m_path));
    QCOMPARE(cache->path(), m_path);
    const QFile::Permissions permissions = QFile::permissions(m_path);
    QVERIFY(permissions.testFlags(QFile::ReadOwner | QFile::WriteOwner));
    // Nothing for the group or others.
    QCOMPARE(int(permissions & 0x0077), 0);

    RawConnection raw(m_path);
    QCOMPARE(raw.query(u"PRAGMA journal_mode"_s), QVariantList{u"wal"_s});
    QCOMPARE(raw.query(u"SELECT name FROM sqlite_master WHERE type = 'table' "
                       "AND name NOT LIKE 'sqlite_%' ORDER BY name"_s),
             (QVariantList{u"cached_lists"_s, u"cached_rows"_s, u"flow_history"_s, u"profiles"_s,
                           u"schema_migrations"_s, u"settings"_s, u"sync_state"_s}));
}

void TestCacheDatabase::migrationsAreAppliedOnce()
{
    Profile profile;
    {
        auto cache = open();
        QCOMPARE(cache->schemaVersion().value(), CacheDatabase::latestSchemaVersion());
        profile = addProfile(*cache, u"Kept"_s);
    }
    for (int reopen = 0; reopen < 2; ++reopen) {
        auto cache = open();
        QCOMPARE(cache->schemaVersion().value(), CacheDatabase::latestSchemaVersion());
        QCOMPARE(cache->profile(profile.id).value(), std::optional<Profile>(profile));
    }
    RawConnection raw(m_path);
    QCOMPARE(raw.query(u"SELECT COUNT(*) FROM schema_migrations"_s),
             QVariantList{CacheDatabase::latestSchemaVersion()});
    QCOMPARE(raw.query(u"SELECT version FROM schema_migrations ORDER BY version"_s).constFirst(),
             QVariant(1));
}

void TestCacheDatabase::refusesACacheFromANewerVersion()
{
    open().reset();
    {
        RawConnection raw(m_path);
        QCOMPARE(raw.query(u"INSERT INTO schema_migrations VALUES (99, 'future', 0)"_s),
                 QVariantList());
    }
    Result<std::unique_ptr<CacheDatabase>> opened = CacheDatabase::open(m_path);
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().kind, Error::Kind::Storage);
    QCOMPARE(opened.error().message,
             u"The local cache failed: the cache was written by a newer Latchkey (schema 99, "
             "this one knows %1)"_s.arg(CacheDatabase::latestSchemaVersion()));
    QVERIFY(opened.error().hint.contains(QDir::toNativeSeparators(m_path)));
    // Nothing was applied over it.
    RawConnection raw(m_path);
    QCOMPARE(raw.query(u"SELECT COUNT(*) FROM schema_migrations"_s),
             QVariantList{CacheDatabase::latestSchemaVersion() + 1});
}

void TestCacheDatabase::cannotOpenWhereNoFileCanBe()
{
    QFile blocker(m_dir->filePath(u"file"_s));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    const QString path = blocker.fileName() + u"/cache.sqlite"_s;
    Result<std::unique_ptr<CacheDatabase>> opened = CacheDatabase::open(path);
    QVERIFY(!opened.ok());
    QCOMPARE(opened.error().kind, Error::Kind::Storage);
    QCOMPARE(opened.error().message,
             u"Cannot create the folder of the local cache: %1"_s.arg(path));
}

void TestCacheDatabase::profilesRoundTrip()
{
    auto cache = open();
    const Profile b = addProfile(*cache, u"B account"_s);
    const Profile a = addProfile(*cache, u"a account"_s);
    QCOMPARE(cache->profiles().value(), (QList<Profile>{a, b}));

    Profile changed = b;
    changed.name = u"Renamed"_s;
    changed.serverUrl = QUrl(u"http://127.0.0.1:8080"_s);
    changed.environment = Environment::Production;
    changed.signInMethod = SignInMethod::BuiltInBrowser;
    changed.clientId = QString();
    changed.updatedAt = changed.updatedAt.addDays(1);
    VERIFY_OK(cache->updateProfile(changed));
    QCOMPARE(cache->profile(b.id).value(), std::optional<Profile>(changed));
    QCOMPARE(cache->profile(u"profile_missing"_s).value(), std::nullopt);

    Profile unknown = makeProfile(u"Ghost"_s);
    Result<Nothing> updated = cache->updateProfile(unknown);
    QVERIFY(!updated.ok());
    QCOMPARE(updated.error().kind, Error::Kind::NotFound);
    QCOMPARE(updated.error().message, u"There is no profile with id %1."_s.arg(unknown.id));

    // Names are unique without regard to case, in the file itself too.
    Profile clash = makeProfile(u"RENAMED"_s);
    Result<Nothing> inserted = cache->insertProfile(clash);
    QVERIFY(!inserted.ok());
    QCOMPARE(inserted.error().kind, Error::Kind::Storage);
    QVERIFY2(inserted.error().message.contains(u"UNIQUE"), qPrintable(inserted.error().message));
    QCOMPARE(cache->profiles().value().size(), 2);
}

void TestCacheDatabase::listsRoundTripWithTheirSyncTime()
{
    auto cache = open();
    const Profile profile = addProfile(*cache, u"Work"_s);

    Result<CachedList> never = cache->list(profile.id, ListKind::Consumers);
    VERIFY_OK(never);
    QVERIFY(never.value().rows.isEmpty());
    QVERIFY(!never.value().syncedAt.isValid());

    QList<QJsonObject> rows;
    for (int i = 0; i < 5; ++i)
        rows.append(consumerRow(i));
    rows[2].insert(u"description"_s, u"ünïcödé ✓ \"quotes\" and\nnewlines"_s);
    rows[3].insert(u"redirect_uris"_s, QJsonArray{u"https://app.example/cb"_s});
    rows[4].insert(u"nested"_s, QJsonObject{{u"deep"_s, QJsonObject{{u"n"_s, 1.5}}}});
    const QDateTime syncedAt = QDateTime::fromMSecsSinceEpoch(1767225600789, Qt::UTC);
    VERIFY_OK(cache->replaceList(profile.id, ListKind::Consumers, rows, syncedAt));

    Result<CachedList> cached = cache->list(profile.id, ListKind::Consumers);
    VERIFY_OK(cached);
    QCOMPARE(cached.value().rows, rows);
    QCOMPARE(cached.value().syncedAt, syncedAt);

    // Replaced, not appended to; an empty list is a synced list too.
    const QDateTime later = syncedAt.addSecs(300);
    VERIFY_OK(cache->replaceList(profile.id, ListKind::Consumers, {rows.at(4), rows.at(0)}, later));
    cached = cache->list(profile.id, ListKind::Consumers);
    QCOMPARE(cached.value().rows, (QList<QJsonObject>{rows.at(4), rows.at(0)}));
    QCOMPARE(cached.value().syncedAt, later);

    VERIFY_OK(cache->replaceList(profile.id, ListKind::Consumers, {}, later.addSecs(1)));
    cached = cache->list(profile.id, ListKind::Consumers);
    QVERIFY(cached.value().rows.isEmpty());
    QCOMPARE(cached.value().syncedAt, later.addSecs(1));

    // And it is all still there after a restart.
    VERIFY_OK(cache->replaceList(profile.id, ListKind::Audit, rows, syncedAt));
    cache.reset();
    cache = open();
    QCOMPARE(cache->list(profile.id, ListKind::Audit).value().rows, rows);
    QCOMPARE(cache->list(profile.id, ListKind::Audit).value().syncedAt, syncedAt);
}

void TestCacheDatabase::listsAreKeptPerProfileAndKind()
{
    auto cache = open();
    const Profile first = addProfile(*cache, u"First"_s);
    const Profile second = addProfile(*cache, u"Second"_s);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<ListKind> kinds = {ListKind::Keys,  ListKind::Consumers, ListKind::Authorizations,
                                   ListKind::Audit, ListKind::Groups,    ListKind::Users};
    for (ListKind kind : kinds) {
        for (const Profile &profile : {first, second}) {
            const QJsonObject row{{u"profile"_s, profile.name},
                                  {u"kind"_s, Latchkey::Core::listKindName(kind)}};
            VERIFY_OK(cache->replaceList(profile.id, kind, {row}, now));
        }
    }
    for (ListKind kind : kinds) {
        for (const Profile &profile : {first, second}) {
            const QList<QJsonObject> rows = cache->list(profile.id, kind).value().rows;
            QCOMPARE(rows.size(), 1);
            QCOMPARE(rows.at(0)[u"profile"_s].toString(), profile.name);
            QCOMPARE(rows.at(0)[u"kind"_s].toString(), Latchkey::Core::listKindName(kind));
        }
        QCOMPARE(Latchkey::Core::listKindFromName(Latchkey::Core::listKindName(kind)), kind);
    }
    QCOMPARE(Latchkey::Core::listKindFromName(u"secrets"), std::nullopt);
}

void TestCacheDatabase::listOfAnUnknownProfileIsRefused()
{
    auto cache = open();
    Result<Nothing> replaced = cache->replaceList(
        u"profile_nobody"_s, ListKind::Keys, {consumerRow(1)}, QDateTime::currentDateTimeUtc());
    QVERIFY(!replaced.ok());
    QCOMPARE(replaced.error().kind, Error::Kind::NotFound);
    QCOMPARE(replaced.error().message, u"There is no profile with id profile_nobody."_s);
    RawConnection raw(m_path);
    QCOMPARE(raw.query(u"SELECT COUNT(*) FROM cached_rows"_s), QVariantList{0});
    QCOMPARE(raw.query(u"SELECT COUNT(*) FROM cached_lists"_s), QVariantList{0});
}

void TestCacheDatabase::failedReplaceKeepsTheOldList()
{
    auto cache = open();
    const Profile profile = addProfile(*cache, u"Work"_s);
    const QList<QJsonObject> before = {consumerRow(1), consumerRow(2)};
    const QDateTime syncedAt = QDateTime::fromMSecsSinceEpoch(1767225600000, Qt::UTC);
    VERIFY_OK(cache->replaceList(profile.id, ListKind::Consumers, before, syncedAt));

    // The disk fills up half-way through the new list.
    {
        RawConnection raw(m_path);
        QCOMPARE(raw.query(u"CREATE TRIGGER fail_half_way BEFORE INSERT ON cached_rows "
                           "WHEN NEW.data LIKE '%con_105%' BEGIN SELECT RAISE(ABORT, "
                           "'database or disk is full'); END"_s),
                 QVariantList());
    }
    QList<QJsonObject> after;
    for (int i = 0; i < 10; ++i)
        after.append(consumerRow(100 + i));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"statement failed: .*disk is full"_s));
    Result<Nothing> replaced =
        cache->replaceList(profile.id, ListKind::Consumers, after, syncedAt.addDays(1));
    QVERIFY(!replaced.ok());
    QCOMPARE(replaced.error().kind, Error::Kind::Storage);
    QVERIFY2(
        replaced.error().message.startsWith(u"The local cache failed: database or disk is full"_s),
        qPrintable(replaced.error().message));

    Result<CachedList> cached = cache->list(profile.id, ListKind::Consumers);
    VERIFY_OK(cached);
    QCOMPARE(cached.value().rows, before);
    QCOMPARE(cached.value().syncedAt, syncedAt);
    // The connection is usable afterwards, once there is room again: no transaction left open.
    {
        RawConnection raw(m_path);
        QCOMPARE(raw.query(u"DROP TRIGGER fail_half_way"_s), QVariantList());
    }
    VERIFY_OK(cache->replaceList(profile.id, ListKind::Keys, after, syncedAt));
    QCOMPARE(cache->list(profile.id, ListKind::Keys).value().rows.size(), 10);
}

void TestCacheDatabase::secretFieldsAreStripped_data()
{
    QTest::addColumn<QJsonObject>("row");
    QTest::addColumn<QJsonObject>("stored");
    QTest::addColumn<QStringList>("dropped");

    const QJsonObject base{{u"id"_s, u"con_1"_s}, {u"client_id"_s, u"client_1"_s}};
    auto with = [&base](std::initializer_list<QPair<QString, QJsonValue>> extra) {
        QJsonObject row = base;
        for (const auto &[name, value] : extra)
            row.insert(name, value);
        return row;
    };
    for (const QString &name :
         {u"secret"_s, u"client_secret"_s, u"access_token"_s, u"refresh_token"_s, u"password"_s,
          u"token"_s, u"id_token"_s, u"api_secret"_s, u"previous_secret"_s, u"passphrase"_s,
          u"code_verifier"_s, u"Client_Secret"_s, u"PASSWORD"_s}) {
        QTest::addRow("%s", qPrintable(name))
            << with({{name, u"s3cr3t"_s}}) << base << QStringList{name};
    }
    QTest::newRow("nested object")
        << with({{u"credentials"_s,
                  QJsonObject{{u"client_secret"_s, u"s3cr3t"_s}, {u"client_id"_s, u"client_1"_s}}}})
        << with({{u"credentials"_s, QJsonObject{{u"client_id"_s, u"client_1"_s}}}})
        << QStringList{u"client_secret"_s};
    QTest::newRow("in an array")
        << with({{u"tokens"_s, QJsonArray{QJsonObject{{u"token"_s, u"t1"_s}, {u"kind"_s, 1}},
                                          QJsonObject{{u"refresh_token"_s, u"t2"_s}}}}})
        << with({{u"tokens"_s, QJsonArray{QJsonObject{{u"kind"_s, 1}}, QJsonObject{}}}})
        << QStringList{u"token"_s, u"refresh_token"_s};
    QTest::newRow("not secrets") << with({{u"secret_expires_at"_s, 0},
                                          {u"token_endpoint"_s, u"https://x/oauth/token"_s},
                                          {u"key"_s, u"lk_public_id"_s},
                                          {u"has_secret"_s, true}})
                                 << with({{u"secret_expires_at"_s, 0},
                                          {u"token_endpoint"_s, u"https://x/oauth/token"_s},
                                          {u"key"_s, u"lk_public_id"_s},
                                          {u"has_secret"_s, true}})
                                 << QStringList();
}

void TestCacheDatabase::secretFieldsAreStripped()
{
    QFETCH(QJsonObject, row);
    QFETCH(QJsonObject, stored);
    QFETCH(QStringList, dropped);

    QStringList names;
    QCOMPARE(CacheDatabase::withoutSecrets(row, &names), stored);
    QCOMPARE(names, dropped);

    auto cache = open();
    const Profile profile = addProfile(*cache, u"Work"_s);
    if (!dropped.isEmpty())
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"dropped secret fields"_s));
    VERIFY_OK(cache->replaceList(profile.id, ListKind::Consumers, {row},
                                 QDateTime::currentDateTimeUtc()));
    QCOMPARE(cache->list(profile.id, ListKind::Consumers).value().rows, QList<QJsonObject>{stored});
}

void TestCacheDatabase::secretBytesNeverReachTheFile()
{
    const QString secret = u"SECRET-"_s + Latchkey::Random::secret();
    const QString token = u"TOKEN-"_s + Latchkey::Random::secret();
    // Written on purpose: proves the byte scan sees what the rows hold.
    const QString visible = u"VISIBLE-"_s + Latchkey::Random::secret();
    QStringList logged;
    {
        auto cache = open();
        const Profile profile = addProfile(*cache, u"Work"_s);
        QList<QJsonObject> rows;
        for (int i = 0; i < 200; ++i) {
            QJsonObject row = consumerRow(i);
            row.insert(u"client_secret"_s, secret);
            row.insert(u"name"_s, visible);
            row.insert(u"last_exchange"_s,
                       QJsonObject{{u"access_token"_s, token}, {u"refresh_token"_s, token}});
            rows.append(row);
        }
        QTest::ignoreMessage(
            QtWarningMsg,
            QRegularExpression(u"dropped secret fields client_secret, access_token, "
                               "refresh_token from the cached consumers of profile "_s +
                               profile.id));
        VERIFY_OK(cache->replaceList(profile.id, ListKind::Consumers, rows,
                                     QDateTime::currentDateTimeUtc()));
        FlowHistoryEntry entry;
        entry.profileId = profile.id;
        entry.provider = u"https://accounts.example.com"_s;
        entry.clientId = u"client_1"_s;
        entry.grant = u"client_credentials"_s;
        entry.outcome = u"success"_s;
        VERIFY_OK(cache->addHistory(entry));

        const QList<QJsonObject> cached = cache->list(profile.id, ListKind::Consumers).value().rows;
        QCOMPARE(cached.size(), 200);
        QVERIFY(!cached.at(0).contains(u"client_secret"_s));
        QCOMPARE(cached.at(0)[u"last_exchange"_s].toObject(), QJsonObject());

        // While the session is open: the WAL holds the new pages.
        const QByteArray open = cacheBytes(m_path);
        QVERIFY2(open.contains(visible.toUtf8()), "the scan sees the rows' bytes");
        QVERIFY(!open.contains(secret.toUtf8()));
        QVERIFY(!open.contains(token.toUtf8()));
    }
    // After it: checkpointed into the database file.
    const QByteArray closed = cacheBytes(m_path);
    QVERIFY(closed.contains(visible.toUtf8()));
    QVERIFY(!closed.contains(secret.toUtf8()));
    QVERIFY(!closed.contains(token.toUtf8()));
    QVERIFY(!closed.contains(secret.toUtf8().toBase64()));
}

void TestCacheDatabase::syncStateRoundTrips()
{
    auto cache = open();
    const Profile profile = addProfile(*cache, u"Work"_s);
    QCOMPARE(cache->syncState(profile.id).value(), SyncState());

    SyncState failed;
    failed.lastAttemptAt = QDateTime::fromMSecsSinceEpoch(1767225601000, Qt::UTC);
    failed.lastSuccessAt = QDateTime::fromMSecsSinceEpoch(1767225000000, Qt::UTC);
    failed.lastError = u"The server could not be reached."_s;
    VERIFY_OK(cache->setSyncState(profile.id, failed));
    QCOMPARE(cache->syncState(profile.id).value(), failed);

    SyncState succeeded;
    succeeded.lastAttemptAt = failed.lastAttemptAt.addSecs(30);
    succeeded.lastSuccessAt = succeeded.lastAttemptAt;
    VERIFY_OK(cache->setSyncState(profile.id, succeeded));
    QCOMPARE(cache->syncState(profile.id).value(), succeeded);
    QCOMPARE(cache->syncState(profile.id).value().lastError, QString());

    Result<Nothing> unknown = cache->setSyncState(u"profile_nobody"_s, succeeded);
    QVERIFY(!unknown.ok());
    QCOMPARE(unknown.error().kind, Error::Kind::NotFound);
}

void TestCacheDatabase::historyIsNewestFirstPerProfileAndBounded()
{
    auto cache = open();
    const Profile profile = addProfile(*cache, u"Work"_s);
    const Profile other = addProfile(*cache, u"Other"_s);
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(1767225600000, Qt::UTC);

    FlowHistoryEntry first;
    first.profileId = profile.id;
    first.startedAt = start;
    first.provider = u"https://provider.example/issuer"_s;
    first.clientId = u"client_abc"_s;
    first.grant = u"authorization_code"_s;
    first.scopes = {u"openid"_s, u"assets:read"_s};
    first.outcome = u"success"_s;
    first.settings = {{u"redirectUri"_s, u"https://erp.example.com/callback"_s},
                      {u"pkce"_s, u"S256"_s},
                      {u"tokenEndpoint"_s, u"https://provider.example/token"_s}};
    FlowHistoryEntry second = first;
    second.startedAt = start.addSecs(10);
    second.grant = u"client_credentials"_s;
    second.scopes = {};
    second.outcome = u"invalid_client: client authentication failed"_s;

    Result<qint64> firstId = cache->addHistory(first);
    VERIFY_OK(firstId);
    Result<qint64> secondId = cache->addHistory(second);
    VERIFY_OK(secondId);
    QVERIFY(secondId.value() != firstId.value());
    first.id = firstId.value();
    second.id = secondId.value();
    QCOMPARE(cache->history(profile.id).value(), (QList<FlowHistoryEntry>{second, first}));
    QCOMPARE(cache->history(other.id).value(), QList<FlowHistoryEntry>());

    // A set-up handed over with credentials in it keeps everything but them.
    FlowHistoryEntry careless = first;
    careless.settings[u"client_secret"_s] = u"s3cr3t-value"_s;
    careless.settings[u"access_token"_s] = u"at-value"_s;
    careless.settings[u"code_verifier"_s] = u"verifier-value"_s;
    careless.settings[u"password"_s] = u"pw-value"_s;
    Result<qint64> carelessId = cache->addHistory(careless);
    VERIFY_OK(carelessId);
    careless.id = carelessId.value();
    careless.settings = first.settings;
    const QList<FlowHistoryEntry> entries = cache->history(profile.id).value();
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(1), careless); // started with the first, added after it
    const QByteArray stored = cacheBytes(m_path);
    for (const char *secret : {"s3cr3t-value", "at-value", "verifier-value", "pw-value"})
        QVERIFY2(!stored.contains(secret), secret);

    FlowHistoryEntry stranger = first;
    stranger.profileId = u"profile_nobody"_s;
    Result<qint64> refused = cache->addHistory(stranger);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().kind, Error::Kind::NotFound);

    // The oldest go once a profile has more than it keeps; the other profile keeps its own.
    FlowHistoryEntry otherEntry = first;
    otherEntry.profileId = other.id;
    otherEntry.startedAt = start.addSecs(-100);
    VERIFY_OK(cache->addHistory(otherEntry));
    for (int i = 0; i < CacheDatabase::maxHistoryPerProfile; ++i) {
        FlowHistoryEntry entry = first;
        entry.startedAt = start.addSecs(20 + i);
        VERIFY_OK(cache->addHistory(entry));
    }
    const QList<FlowHistoryEntry> kept = cache->history(profile.id).value();
    QCOMPARE(kept.size(), CacheDatabase::maxHistoryPerProfile);
    QCOMPARE(kept.constFirst().startedAt,
             start.addSecs(20 + CacheDatabase::maxHistoryPerProfile - 1));
    QCOMPARE(kept.constLast().startedAt, start.addSecs(20));
    QCOMPARE(cache->history(other.id).value().size(), 1);
}

void TestCacheDatabase::removingAProfileRemovesItsData()
{
    auto cache = open();
    const Profile gone = addProfile(*cache, u"Gone"_s);
    const Profile kept = addProfile(*cache, u"Kept"_s);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Profile &profile : {gone, kept}) {
        VERIFY_OK(cache->replaceList(profile.id, ListKind::Keys, {consumerRow(1)}, now));
        VERIFY_OK(cache->setSyncState(profile.id, SyncState{now, now, QString()}));
        FlowHistoryEntry entry;
        entry.profileId = profile.id;
        VERIFY_OK(cache->addHistory(entry));
    }
    VERIFY_OK(cache->setSetting(CacheDatabase::currentProfileSetting.toString(), gone.id));

    VERIFY_OK(cache->removeProfile(gone.id));
    QCOMPARE(cache->profile(gone.id).value(), std::nullopt);
    QCOMPARE(cache->list(gone.id, ListKind::Keys).value().rows.size(), 0);
    QVERIFY(!cache->list(gone.id, ListKind::Keys).value().syncedAt.isValid());
    QCOMPARE(cache->syncState(gone.id).value(), SyncState());
    QCOMPARE(cache->history(gone.id).value().size(), 0);
    QCOMPARE(cache->setting(CacheDatabase::currentProfileSetting.toString()).value(), std::nullopt);

    QCOMPARE(cache->list(kept.id, ListKind::Keys).value().rows.size(), 1);
    QCOMPARE(cache->history(kept.id).value().size(), 1);
    QVERIFY(cache->syncState(kept.id).value().lastSuccessAt.isValid());

    RawConnection raw(m_path);
    QCOMPARE(raw.query(u"SELECT COUNT(*) FROM cached_rows"_s), QVariantList{1});

    Result<Nothing> again = cache->removeProfile(gone.id);
    QVERIFY(!again.ok());
    QCOMPARE(again.error().kind, Error::Kind::NotFound);
}

void TestCacheDatabase::theAppAndTheCliShareTheFile()
{
    auto app = open();
    auto cli = open();
    const Profile profile = addProfile(*cli, u"Added by latchkeyctl"_s);
    QCOMPARE(app->profile(profile.id).value(), std::optional<Profile>(profile));

    const QDateTime now = QDateTime::currentDateTimeUtc();
    VERIFY_OK(app->replaceList(profile.id, ListKind::Keys, {consumerRow(1), consumerRow(2)}, now));
    QCOMPARE(cli->list(profile.id, ListKind::Keys).value().rows.size(), 2);
    VERIFY_OK(cli->setSetting(CacheDatabase::currentProfileSetting.toString(), profile.id));
    QCOMPARE(app->setting(CacheDatabase::currentProfileSetting.toString()).value(),
             std::optional<QString>(profile.id));
    VERIFY_OK(app->removeProfile(profile.id));
    QCOMPARE(cli->profiles().value(), QList<Profile>());
}

void TestCacheDatabase::replacesOneHundredThousandRows()
{
    auto cache = open();
    const Profile profile = addProfile(*cache, u"Big"_s);
    constexpr int count = 100000;
    QList<QJsonObject> rows;
    rows.reserve(count);
    for (int i = 0; i < count; ++i) {
        rows.append({{u"id"_s, u"auth_%1"_s.arg(i)},
                     {u"user_id"_s, u"user_%1"_s.arg(i % 977)},
                     {u"user_email"_s, u"user%1@example.com"_s.arg(i % 977)},
                     {u"consumer_id"_s, u"con_%1"_s.arg(i % 31)},
                     {u"consumer_name"_s, u"ERP Sync"_s},
                     {u"scopes"_s, QJsonArray{u"assets:read"_s, u"work_orders:read"_s}},
                     {u"created_at"_s, u"2026-01-01T00:00:00Z"_s},
                     {u"last_used_at"_s, QJsonValue::Null},
                     {u"status"_s, u"active"_s}});
    }
    const QDateTime syncedAt = QDateTime::currentDateTimeUtc();

    // Wall time, and CPU time: the machines running the tests are shared and busy, so the
    // budget is checked on the time the work itself took.
    QElapsedTimer wall;
    CpuTimer cpu;
    wall.start();
    VERIFY_OK(cache->replaceList(profile.id, ListKind::Authorizations, rows, syncedAt));
    const qint64 firstMs = wall.restart();
    const qint64 firstCpuMs = cpu.restart();
    // Again, over the 100,000 rows already there.
    VERIFY_OK(cache->replaceList(profile.id, ListKind::Authorizations, rows, syncedAt));
    const qint64 secondMs = wall.restart();
    const qint64 secondCpuMs = cpu.restart();
    Result<CachedList> cached = cache->list(profile.id, ListKind::Authorizations);
    const qint64 readMs = wall.elapsed();
    VERIFY_OK(cached);
    qInfo("100,000 rows (%s build): replace %lld ms (CPU %lld ms), replace over them %lld ms "
          "(CPU %lld ms), read %lld ms",
#if defined(NDEBUG) && !defined(__SANITIZE_ADDRESS__)
          "release",
#else
          "debug/sanitizer",
#endif
          firstMs, firstCpuMs, secondMs, secondCpuMs, readMs);

    QCOMPARE(cached.value().rows.size(), count);
    QCOMPARE(cached.value().rows.constFirst(), rows.constFirst());
    QCOMPARE(cached.value().rows.constLast(), rows.constLast());
    QCOMPARE(cached.value().rows.at(54321), rows.at(54321));
    RawConnection raw(m_path);
    QCOMPARE(raw.query(u"SELECT COUNT(*) FROM cached_rows"_s), QVariantList{count});
#if defined(NDEBUG) && !defined(__SANITIZE_ADDRESS__)
    // The budget is for optimized builds; sanitized debug builds only print the times.
    QVERIFY2(firstCpuMs < 1000 && secondCpuMs < 1000,
             "replacing 100,000 rows takes under a second");
#endif
}

QTEST_GUILESS_MAIN(TestCacheDatabase)
#include "tst_cachedatabase.moc"
