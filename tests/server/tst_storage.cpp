#include <storage/database.h>
#include <storage/migrations.h>
#include <storage/paging.h>
#include <storage/tokenrepository.h>
#include <testserver.h>

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using Latchkey::Server::Database;
using Latchkey::Server::StorageError;
using Latchkey::Test::TestDatabase;

// The database layer: migrations, transactions, and the search folding the lists rely on. Runs
// on SQLite, and on PostgreSQL as tst_storage-postgres.
class TestStorage final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_database = std::make_unique<TestDatabase>(TestDatabase::Start::Empty);
    }
    void cleanup()
    {
        m_database.reset();
        m_dir.reset();
    }

    void migratesToTheLatestVersionOnce();
    void instancesStartingTogetherMigrateOnce();
    void backfillsSearchTextOfRowsFromBefore();
    void failedWriteRollsBackTheWholeTransaction();
    void sqliteRunsInWalWithForeignKeys();
    void reconnectsWhenTheConnectionIsLost();
    void badPostgresUrlsAreRefusedClearly_data();
    void badPostgresUrlsAreRefusedClearly();
    void wrongPasswordIsReportedWithoutIt();
    void passwordMayComeFromTheEnvironment();
    void redactsThePasswordOfAUrl();
    void foldsCaseAndAccents_data();
    void foldsCaseAndAccents();
    void cursorRoundTripsAndRejectsGarbage();
    void rowsReadTypesNullsAndText_data();
    void rowsReadTypesNullsAndText();
    void rowsCountWhatAWriteChanged();
    void failuresAreStorageErrorsThatSayWhat_data();
    void failuresAreStorageErrorsThatSayWhat();
    void writeCommitsAtOnceWithASelectLeftOnARow();
    void releasedStatementsLetAnotherConnectionWrite();
    void migrationKeepsTokensAndNoncesAndMakesIndexesPartial();
    void tokenQueriesStillUseTheirIndexes();
    void walIsCheckpointedOffTheServingConnection();
    void changeStampTellsWhatMayHaveChanged();
    void tokenPurgeLooksAtOneWindowAtATime();

private:
    std::unique_ptr<Database> open() { return m_database->connect(m_dir->path()); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TestDatabase> m_database;
};

void TestStorage::migratesToTheLatestVersionOnce()
{
    auto db = open();
    db->migrate();
    const int latest = Latchkey::Server::migrations().constLast().version;
    QCOMPARE(db->schemaVersion(), latest);
    db->migrate();
    auto &q = db->exec(u"SELECT COUNT(*) FROM schema_migrations"_s);
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), latest);
}

// Several instances started at once on one new database: one applies each migration, the others
// wait for it and find nothing left to do (PostgreSQL serialises them with an advisory lock,
// SQLite with its write lock).
void TestStorage::instancesStartingTogetherMigrateOnce()
{
    QList<QProcess *> processes;
    for (int i = 0; i < 3; ++i) {
        auto *process = new QProcess(this);
        process->start(QStringLiteral(LATCHKEY_SERVER_BINARY),
                       {u"migrate"_s, u"--data-dir"_s, m_dir->filePath(u"instance%1"_s.arg(i)),
                        u"--database"_s, m_database->locationFor(m_dir->path())});
        processes.append(process);
    }
    for (QProcess *process : std::as_const(processes)) {
        QVERIFY(process->waitForFinished(60000));
        QVERIFY2(process->exitCode() == 0, process->readAllStandardError().constData());
    }
    qDeleteAll(processes);
    auto db = open();
    const int latest = Latchkey::Server::migrations().constLast().version;
    QCOMPARE(db->schemaVersion(), latest);
    auto &q = db->exec(u"SELECT COUNT(*) FROM schema_migrations"_s);
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), latest);
}

void TestStorage::backfillsSearchTextOfRowsFromBefore()
{
    auto db = open();
    // A database at version 2, as an older server left it, with a key in it.
    db->exec(u"CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
             "applied_at BIGINT NOT NULL)"_s);
    for (const auto &migration : Latchkey::Server::migrations()) {
        if (migration.version > 2)
            break;
        for (const QString &statement : migration.statements) {
            QString sql = statement;
            sql.replace(u"{{autoincrement}}"_s, db->dialect() == Database::Dialect::Sqlite
                                                    ? u"INTEGER PRIMARY KEY AUTOINCREMENT"_s
                                                    : u"BIGSERIAL PRIMARY KEY"_s);
            db->exec(sql);
        }
        db->exec(u"INSERT INTO schema_migrations VALUES (?, 'x', 0)"_s, {migration.version});
    }
    db->exec(u"INSERT INTO tenants VALUES ('t', 'T', 0)"_s);
    db->exec(u"INSERT INTO permission_groups VALUES ('g', 't', 'G', '', '')"_s);
    db->exec(u"INSERT INTO api_keys (id, tenant_id, name, description, permission_group_id, "
             "secret_sealed, status, created_at, created_by) "
             "VALUES ('k', 't', 'Integração Ágil', 'Sincronização', 'g', 's', 'active', 0, 'x')"_s);
    db->migrate();
    auto &q = db->exec(u"SELECT id FROM api_keys WHERE search_text LIKE ? ESCAPE '\\'"_s,
                       {Latchkey::Server::containsPattern(u"AGIL"_s)});
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), u"k"_s);
}

void TestStorage::failedWriteRollsBackTheWholeTransaction()
{
    auto db = open();
    db->migrate();
    try {
        Database::Transaction transaction(*db);
        db->exec(u"INSERT INTO tenants VALUES ('a', 'A', 0)"_s);
        db->exec(u"INSERT INTO tenants VALUES ('a', 'duplicate', 0)"_s);
        transaction.commit();
        QFAIL("a duplicate primary key must throw");
    } catch (const StorageError &error) {
        // SQLite: "UNIQUE constraint failed"; PostgreSQL: "violates unique constraint".
        QVERIFY2(error.message().contains(u"unique"_s, Qt::CaseInsensitive),
                 qPrintable(error.message()));
    }
    auto &q = db->exec(u"SELECT COUNT(*) FROM tenants"_s);
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

void TestStorage::sqliteRunsInWalWithForeignKeys()
{
    if (TestDatabase::isPostgres())
        QSKIP("SQLite only");
    auto db = open();
    auto &mode = db->exec(u"PRAGMA journal_mode"_s);
    QVERIFY(mode.next());
    QCOMPARE(mode.value(0).toString(), u"wal"_s);
    auto &keys = db->exec(u"PRAGMA foreign_keys"_s);
    QVERIFY(keys.next());
    QCOMPARE(keys.value(0).toInt(), 1);
}

// PostgreSQL restarted, or the connection killed: a read is answered on a new connection at
// once, and a transaction begins on one; nothing needs a server restart.
void TestStorage::reconnectsWhenTheConnectionIsLost()
{
    if (!TestDatabase::isPostgres())
        QSKIP("a SQLite file has no connection to lose");
    auto db = open();
    db->migrate();
    db->exec(u"INSERT INTO tenants VALUES ('before', 'Before', 0)"_s);
    m_database->terminateOtherConnections();
    auto &q = db->exec(u"SELECT name FROM tenants WHERE id = ?"_s, {u"before"_s});
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), u"Before"_s);

    m_database->terminateOtherConnections();
    {
        Database::Transaction transaction(*db);
        db->exec(u"INSERT INTO tenants VALUES ('after', 'After', 0)"_s);
        transaction.commit();
    }
    // A write whose connection died is not repeated (it may have been applied): it fails, and
    // the next statement runs on a new connection.
    m_database->terminateOtherConnections();
    QVERIFY_THROWS_EXCEPTION(StorageError,
                             db->exec(u"INSERT INTO tenants VALUES ('lost', 'Lost', 0)"_s));
    auto &count = db->exec(u"SELECT COUNT(*) FROM tenants"_s);
    QVERIFY(count.next());
    QCOMPARE(count.value(0).toInt(), 2);
    QVERIFY(db->isHealthy());
}

void TestStorage::badPostgresUrlsAreRefusedClearly_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("message");
    QTest::newRow("no database") << u"postgres://user:pw@127.0.0.1:5432"_s
                                 << u"not a PostgreSQL URL: write postgres://USER:PASSWORD@HOST"_s;
    QTest::newRow("no host") << u"postgres:///latchkey"_s << u"not a PostgreSQL URL"_s;
    QTest::newRow("bad port") << u"postgresql://user:pw@127.0.0.1:port/db"_s
                              << u"not a PostgreSQL URL"_s;
    QTest::newRow("option with a space")
        << u"postgres://user:pw@127.0.0.1/db?sslmode=require%20x"_s
        << u"the URL's option sslmode cannot be passed to PostgreSQL"_s;
    // Port 1 on loopback: nothing listens there.
    QTest::newRow("nothing listening")
        << u"postgres://user:s3cr3t-pw@127.0.0.1:1/db"_s
        << u"cannot connect to PostgreSQL (connection to server at \"127.0.0.1\", port 1 "
           "failed: Connection refused"_s;
}

void TestStorage::badPostgresUrlsAreRefusedClearly()
{
    QFETCH(QString, url);
    QFETCH(QString, message);
    QString error;
    QVERIFY(!Database::open(url, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
    QVERIFY2(!error.contains(u"pw"_s), qPrintable(error));
}

void TestStorage::wrongPasswordIsReportedWithoutIt()
{
    if (!TestDatabase::isPostgres())
        QSKIP("needs the PostgreSQL test cluster");
    QUrl url(m_database->location());
    url.setPassword(u"not-the-password-42"_s);
    QString error;
    QVERIFY(!Database::open(url.toString(), &error));
    QVERIFY2(error.contains(u"password authentication failed for user \"latchkey\""_s),
             qPrintable(error));
    QVERIFY2(error.contains(u"Check that the server runs"_s), qPrintable(error));
    QVERIFY2(!error.contains(u"not-the-password-42"_s), qPrintable(error));

    // The server's own message names the database without the password.
    QProcess process;
    process.start(QStringLiteral(LATCHKEY_SERVER_BINARY),
                  {u"migrate"_s, u"--data-dir"_s, m_dir->filePath(u"data"_s), u"--database"_s,
                   url.toString()});
    QVERIFY2(process.waitForFinished(60000), qPrintable(process.errorString()));
    QVERIFY(process.exitCode() != 0);
    const QString stderrText = QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(stderrText.contains(u"Cannot open the database postgres://latchkey:***@127.0.0.1"_s),
             qPrintable(stderrText));
    QVERIFY2(!stderrText.contains(u"not-the-password-42"_s), qPrintable(stderrText));
}

// Ops keep the password out of the URL (and so out of `ps` and the unit file): libpq reads it
// from PGPASSWORD or a .pgpass file.
void TestStorage::passwordMayComeFromTheEnvironment()
{
    if (!TestDatabase::isPostgres())
        QSKIP("needs the PostgreSQL test cluster");
    QUrl url(m_database->location());
    const QString password = url.password();
    url.setPassword({});
    QString error;
    QVERIFY(!Database::open(url.toString(), &error));
    QVERIFY2(error.contains(u"password"_s), qPrintable(error));

    qputenv("PGPASSWORD", password.toUtf8());
    auto db = Database::open(url.toString(), &error);
    qunsetenv("PGPASSWORD");
    QVERIFY2(db, qPrintable(error));
    QVERIFY(db->isHealthy());
}

void TestStorage::redactsThePasswordOfAUrl()
{
    QCOMPARE(Database::redacted(u"postgres://app:hunter2@db.internal:5433/latchkey"_s),
             u"postgres://app:***@db.internal:5433/latchkey"_s);
    QCOMPARE(Database::redacted(u"postgres://app@db.internal/latchkey?password=hunter2"_s),
             u"postgres://app@db.internal/latchkey?password=***"_s);
    QVERIFY(!Database::redacted(u"postgres://app:hun ter2@@host/db"_s).contains(u"hun"_s));
    QCOMPARE(Database::redacted(u"/var/lib/latchkey/latchkey.db"_s),
             u"/var/lib/latchkey/latchkey.db"_s);
}

void TestStorage::foldsCaseAndAccents_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("folded");
    QTest::newRow("ascii") << u"ERP Sync"_s << u"erp sync"_s;
    QTest::newRow("portuguese") << u"Integração Ágil"_s << u"integracao agil"_s;
    QTest::newRow("spanish") << u"Lucía Gómez Ñandú"_s << u"lucia gomez nandu"_s;
}

void TestStorage::foldsCaseAndAccents()
{
    QFETCH(QString, text);
    QFETCH(QString, folded);
    QCOMPARE(Latchkey::foldForSearch(text), folded);
}

void TestStorage::cursorRoundTripsAndRejectsGarbage()
{
    const Latchkey::Server::Cursor cursor{1795804654998, u"lk_abc:def"_s};
    const auto decoded = Latchkey::Server::Cursor::decode(cursor.encode());
    QVERIFY(decoded);
    QCOMPARE(decoded->createdAt, cursor.createdAt);
    QCOMPARE(decoded->id, cursor.id);
    QVERIFY(!Latchkey::Server::Cursor::decode(u"bm9wZQ"_s)); // "nope": no separator
    QVERIFY(!Latchkey::Server::Cursor::decode(u"***"_s));
    QVERIFY(!Latchkey::Server::Cursor::decode(u"eDpsaw"_s)); // "x:lk": not a number
}

// Database::Rows reads what was bound back as it was, on both dialects: integers past 32 bits,
// text in any script (beyond the BMP too), '' apart from NULL, and times in milliseconds.
void TestStorage::rowsReadTypesNullsAndText_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("ascii") << u"lk_abc-DEF_123"_s;
    QTest::newRow("accents") << u"Integração Ágil, Lucía Gómez Ñandú"_s;
    QTest::newRow("cjk and symbols") << u"鍵の管理 ∑ €"_s;
    QTest::newRow("beyond the BMP") << u"🔑 𝄞 𠜎"_s;
    QTest::newRow("quotes and nul-free controls") << u"it's \"quoted\"\t\\ %_"_s;
}

void TestStorage::rowsReadTypesNullsAndText()
{
    QFETCH(QString, text);
    auto db = open();
    db->exec(u"CREATE TABLE rows_test (id INTEGER NOT NULL, big BIGINT, label TEXT, "
             "missing TEXT, empty TEXT)"_s);
    const qint64 big = (qint64(1) << 40) + 7;
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(1795804654998, Qt::UTC);
    db->exec(
        u"INSERT INTO rows_test (id, big, label, missing, empty) VALUES (?, ?, ?, ?, ?)"_s,
        {1, Latchkey::Server::timeValue(at), text, Latchkey::Server::textValue({}), QString()});
    db->exec(u"INSERT INTO rows_test (id, big, label, missing, empty) VALUES (?, ?, ?, ?, ?)"_s,
             {2, big, text, QVariant(), u""_s});

    auto &rows = db->exec(u"SELECT id, big, label, missing, empty FROM rows_test WHERE label = ? "
                          "ORDER BY id"_s,
                          {text});
    QVERIFY(rows.next());
    QCOMPARE(rows.integer(0), 1);
    QCOMPARE(rows.time(1), at);
    QCOMPARE(rows.text(2), text);
    QCOMPARE(rows.value(2).toString(), text);
    QVERIFY(rows.isNull(3));
    QVERIFY(rows.text(3).isNull());
    QVERIFY(!rows.time(3).isValid());
    QVERIFY(rows.value(3).isNull());
    QVERIFY(!rows.isNull(4)); // a null QString is stored as '', not NULL
    QCOMPARE(rows.text(4), QString());
    QVERIFY(rows.next());
    QCOMPARE(rows.integer(0), 2);
    QCOMPARE(rows.integer(1), big);
    QCOMPARE(rows.value(1).toLongLong(), big);
    QVERIFY(rows.isNull(3));
    QVERIFY(!rows.next());
    QVERIFY(!rows.next());

    // The bytes stored are UTF-8, as other tools reading the file expect.
    auto &length =
        db->exec(db->dialect() == Database::Dialect::Sqlite
                     ? u"SELECT length(CAST(label AS BLOB)) FROM rows_test WHERE id = 1"_s
                     : u"SELECT octet_length(label) FROM rows_test WHERE id = 1"_s);
    QVERIFY(length.next());
    QCOMPARE(length.integer(0), text.toUtf8().size());
    length.finish();
}

void TestStorage::rowsCountWhatAWriteChanged()
{
    auto db = open();
    db->exec(u"CREATE TABLE rows_test (id INTEGER NOT NULL, n INTEGER NOT NULL)"_s);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(db->exec(u"INSERT INTO rows_test (id, n) VALUES (?, ?)"_s, {i, i % 2})
                     .numRowsAffected(),
                 1);
    QCOMPARE(db->exec(u"UPDATE rows_test SET n = 7 WHERE n = ?"_s, {1}).numRowsAffected(), 2);
    QCOMPARE(db->exec(u"UPDATE rows_test SET n = 7 WHERE n = ?"_s, {1}).numRowsAffected(), 0);
    QCOMPARE(db->exec(u"DELETE FROM rows_test WHERE n = ?"_s, {0}).numRowsAffected(), 3);
    auto &empty = db->exec(u"SELECT id FROM rows_test WHERE n = ?"_s, {0});
    QVERIFY(!empty.next());
    QCOMPARE(empty.numRowsAffected(), 0);
}

void TestStorage::failuresAreStorageErrorsThatSayWhat_data()
{
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QVariantList>("values");
    QTest::addColumn<QString>("message");
    QTest::newRow("syntax") << u"SELEKT 1"_s << QVariantList() << u"syntax error"_s;
    QTest::newRow("no such table")
        << u"SELECT x FROM nowhere WHERE x = ?"_s << QVariantList{1} << u"nowhere"_s;
    QTest::newRow("duplicate key")
        << u"INSERT INTO tenants VALUES (?, 'Again', 0)"_s << QVariantList{u"t1"_s} << u"unique"_s;
    QTest::newRow("not null") << u"INSERT INTO tenants VALUES (?, ?, 0)"_s
                              << QVariantList{u"t2"_s, QVariant()} << u"null"_s;
}

void TestStorage::failuresAreStorageErrorsThatSayWhat()
{
    QFETCH(QString, sql);
    QFETCH(QVariantList, values);
    QFETCH(QString, message);
    auto db = open();
    db->migrate();
    db->exec(u"INSERT INTO tenants VALUES ('t1', 'T', 0)"_s);
    try {
        db->exec(sql, values);
        QFAIL("the statement must fail");
    } catch (const StorageError &error) {
        QVERIFY2(error.message().contains(message, Qt::CaseInsensitive),
                 qPrintable(error.message()));
        // The statement is named (placeholders only, never values).
        QVERIFY2(error.message().contains(u" in: "_s + sql.left(20)), qPrintable(error.message()));
    }
    // The connection goes on working.
    QVERIFY(db->isHealthy());
    auto &count = db->exec(u"SELECT COUNT(*) FROM tenants"_s);
    QVERIFY(count.next());
    QCOMPARE(count.integer(0), 1);
}

// Outside a transaction a write is committed before exec() returns, even while a SELECT of the
// same connection was left positioned on a row (SQLite's autocommit waits for every statement).
void TestStorage::writeCommitsAtOnceWithASelectLeftOnARow()
{
    auto db = open();
    db->migrate();
    db->exec(u"INSERT INTO tenants VALUES ('a', 'A', 0)"_s);
    db->exec(u"INSERT INTO tenants VALUES ('b', 'B', 0)"_s);
    auto &positioned = db->exec(u"SELECT id FROM tenants ORDER BY id"_s);
    QVERIFY(positioned.next());
    db->exec(u"INSERT INTO tenants VALUES ('c', 'C', 0)"_s);

    auto other = open();
    auto &count = other->exec(u"SELECT COUNT(*) FROM tenants"_s);
    QVERIFY(count.next());
    QCOMPARE(count.integer(0), 3);
}

// What a request leaves behind once its statements are released: no lock, no snapshot.
void TestStorage::releasedStatementsLetAnotherConnectionWrite()
{
    auto db = open();
    db->migrate();
    db->exec(u"INSERT INTO tenants VALUES ('a', 'A', 0)"_s);
    db->exec(u"INSERT INTO tenants VALUES ('b', 'B', 0)"_s);
    {
        Database::Transaction transaction(*db);
        auto &rows = db->exec(u"SELECT id FROM tenants ORDER BY id"_s);
        QVERIFY(rows.next());
        db->exec(u"UPDATE tenants SET name = 'A2' WHERE id = 'a'"_s);
        transaction.commit();
    }
    auto &left = db->exec(u"SELECT id FROM tenants WHERE id = ?"_s, {u"b"_s});
    QVERIFY(left.next());
    db->releaseStatements();

    auto other = open();
    {
        Database::Transaction transaction(*other); // BEGIN IMMEDIATE on SQLite: the write lock
        other->exec(u"INSERT INTO tenants VALUES ('c', 'C', 0)"_s);
        transaction.commit();
    }
    // The first connection reads the database as it is now, not as it was.
    auto &names = db->exec(u"SELECT name FROM tenants ORDER BY id"_s);
    QStringList seen;
    while (names.next())
        seen.append(names.text(0));
    QCOMPARE(seen, (QStringList{u"A2"_s, u"B"_s, u"C"_s}));
    // And it can write again at once.
    {
        Database::Transaction transaction(*db);
        db->exec(u"DELETE FROM tenants WHERE id = ?"_s, {u"c"_s});
        transaction.commit();
    }
}

namespace {

// Applies the migrations up to `version` only, as an older server did.
void migrateTo(Database &db, int version)
{
    db.exec(u"CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
            "applied_at BIGINT NOT NULL)"_s);
    for (const auto &migration : Latchkey::Server::migrations()) {
        if (migration.version > version)
            break;
        for (const QString &statement : migration.statements) {
            QString sql = statement;
            sql.replace(u"{{autoincrement}}"_s, db.dialect() == Database::Dialect::Sqlite
                                                    ? u"INTEGER PRIMARY KEY AUTOINCREMENT"_s
                                                    : u"BIGSERIAL PRIMARY KEY"_s);
            sql.replace(u"{{without_rowid}}"_s, db.dialect() == Database::Dialect::Sqlite
                                                    ? u" WITHOUT ROWID"_s
                                                    : QString());
            db.exec(sql);
        }
        db.exec(u"INSERT INTO schema_migrations VALUES (?, 'x', 0)"_s, {migration.version});
    }
}

// The CREATE INDEX statement of an index as the database keeps it.
QString indexDefinition(Database &db, const QString &name)
{
    auto &rows = db.exec(db.dialect() == Database::Dialect::Sqlite
                             ? u"SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?"_s
                             : u"SELECT indexdef FROM pg_indexes WHERE indexname = ?"_s,
                         {name});
    const QString definition = rows.next() ? rows.text(0) : QString();
    rows.finish();
    return definition;
}

} // namespace

void TestStorage::migrationKeepsTokensAndNoncesAndMakesIndexesPartial()
{
    auto db = open();
    migrateTo(*db, 5);
    db->exec(u"INSERT INTO tenants VALUES ('t', 'T', 0)"_s);
    db->exec(u"INSERT INTO permission_groups VALUES ('g', 't', 'G', '', 'assets:read')"_s);
    db->exec(u"INSERT INTO users (id, tenant_id, email, display_name, role, password_hash, "
             "created_at) VALUES ('u', 't', 'a@example.com', 'A', 'member', 'x', 0)"_s);
    db->exec(u"INSERT INTO consumers (id, tenant_id, client_id, name, description, "
             "permission_group_id, grant_type, client_type, redirect_uris, require_pkce, "
             "access_token_ttl, refresh_token_ttl, status, created_at, created_by) VALUES ('c', "
             "'t', 'client', 'C', '', 'g', 'authorization_code', 'confidential', '[]', 1, 3600, "
             "86400, 'active', 0, 'x')"_s);
    db->exec(u"INSERT INTO authorizations (id, tenant_id, user_id, consumer_id, scopes, "
             "created_at) VALUES ('a', 't', 'u', 'c', 'assets:read', 0)"_s);
    const QString insertToken =
        u"INSERT INTO tokens (digest, kind, tenant_id, consumer_id, authorization_id, scopes, "
        "issued_at, expires_at, revoked_at, family_id, code_digest) "
        "VALUES (?, ?, 't', 'c', ?, 'assets:read', 0, ?, NULL, ?, ?)"_s;
    db->exec(insertToken,
             {u"cc"_s, u"access"_s, QVariant(), Q_INT64_C(4000000000000), QVariant(), QVariant()});
    db->exec(insertToken,
             {u"ac"_s, u"access"_s, u"a"_s, Q_INT64_C(4000000000000), u"f"_s, u"code"_s});
    db->exec(insertToken,
             {u"rt"_s, u"refresh"_s, u"a"_s, Q_INT64_C(4000000000000), u"f"_s, u"code"_s});
    db->exec(u"INSERT INTO hawk_nonces VALUES ('k', 'n1', 1700000000, 1700000000000)"_s);
    db->exec(u"INSERT INTO hawk_nonces VALUES ('k', 'n2', 1700000000, 1700000000001)"_s);

    db->migrate();
    QCOMPARE(db->schemaVersion(), Latchkey::Server::migrations().constLast().version);

    auto &tokens = db->exec(u"SELECT digest, authorization_id, family_id, code_digest FROM tokens "
                            "ORDER BY digest"_s);
    QStringList seen;
    while (tokens.next()) {
        seen.append(tokens.text(0) + u'|' + tokens.text(1) + u'|' + tokens.text(2) + u'|' +
                    tokens.text(3));
    }
    QCOMPARE(seen, (QStringList{u"ac|a|f|code"_s, u"cc|||"_s, u"rt|a|f|code"_s}));
    auto &nonces = db->exec(u"SELECT COUNT(*) FROM hawk_nonces"_s);
    QVERIFY(nonces.next());
    QCOMPARE(nonces.integer(0), 2);
    nonces.finish();
    // A replayed nonce is still recognised; a new one is remembered.
    QCOMPARE(db->exec(u"INSERT INTO hawk_nonces (key_id, nonce, ts, seen_at) VALUES (?, ?, ?, ?) "
                      "ON CONFLICT DO NOTHING"_s,
                      {u"k"_s, u"n1"_s, 1700000000, Q_INT64_C(1700000000002)})
                 .numRowsAffected(),
             0);
    QCOMPARE(db->exec(u"INSERT INTO hawk_nonces (key_id, nonce, ts, seen_at) VALUES (?, ?, ?, ?) "
                      "ON CONFLICT DO NOTHING"_s,
                      {u"k"_s, u"n3"_s, 1700000000, Q_INT64_C(1700000000002)})
                 .numRowsAffected(),
             1);

    for (const auto &[index, column] : {std::pair{u"tokens_authorization"_s, u"authorization_id"_s},
                                        std::pair{u"tokens_family"_s, u"family_id"_s},
                                        std::pair{u"tokens_code"_s, u"code_digest"_s}}) {
        const QString definition = indexDefinition(*db, index);
        QVERIFY2(definition.contains(u"WHERE"_s) && definition.contains(column + u" IS NOT NULL"_s),
                 qPrintable(index + u": "_s + definition));
    }
    // Migration 7: no index on consumer_id, and no cascade from consumers.
    QVERIFY(indexDefinition(*db, u"tokens_consumer"_s).isEmpty());
    QVERIFY(indexDefinition(*db, u"tokens_expiry"_s).isEmpty());
    QVERIFY(!indexDefinition(*db, u"hawk_nonces_seen"_s).isEmpty());

    // Revoking by authorization still finds the tokens.
    QCOMPARE(db->exec(u"UPDATE tokens SET revoked_at = ? WHERE authorization_id = ? "
                      "AND revoked_at IS NULL"_s,
                      {1, u"a"_s})
                 .numRowsAffected(),
             2);
    // Deleting the consumer takes its authorization and the tokens issued under it; its client
    // credentials token stays, to be purged once expired (every use of it looks the consumer up
    // and refuses it).
    QCOMPARE(db->exec(u"DELETE FROM consumers WHERE id = 'c'"_s).numRowsAffected(), 1);
    auto &left = db->exec(u"SELECT digest FROM tokens"_s);
    QVERIFY(left.next());
    QCOMPARE(left.text(0), u"cc"_s);
    QVERIFY(!left.next());
}

// EXPLAIN QUERY PLAN of every statement that finds tokens or nonces by an index: the partial
// indexes still serve them (a comparison with = or IN implies IS NOT NULL).
void TestStorage::tokenQueriesStillUseTheirIndexes()
{
    if (TestDatabase::isPostgres())
        QSKIP("SQLite's query plans; PostgreSQL proves IS NOT NULL from = the same way");
    auto db = open();
    db->migrate();
    const QList<std::pair<QString, QString>> cases = {
        {u"UPDATE tokens SET revoked_at = ? WHERE authorization_id = ? AND revoked_at IS NULL"_s,
         u"tokens_authorization"_s},
        {u"UPDATE tokens SET revoked_at = ? WHERE revoked_at IS NULL AND authorization_id IN "
         "(SELECT id FROM authorizations WHERE tenant_id = ? AND consumer_id = ? AND "
         "revoked_at IS NULL)"_s,
         u"tokens_authorization"_s},
        {u"UPDATE tokens SET revoked_at = ? WHERE family_id = ? AND revoked_at IS NULL"_s,
         u"tokens_family"_s},
        {u"UPDATE tokens SET revoked_at = ? WHERE code_digest = ? AND revoked_at IS NULL"_s,
         u"tokens_code"_s},
        // What deleting an authorization cascades to.
        {u"SELECT digest FROM tokens WHERE authorization_id = ?"_s, u"tokens_authorization"_s},
        {u"DELETE FROM hawk_nonces WHERE seen_at < ?"_s, u"hawk_nonces_seen"_s},
        {u"SELECT 1 FROM hawk_nonces WHERE key_id = ? AND nonce = ? AND ts = ?"_s,
         u"PRIMARY KEY"_s},
    };
    for (const auto &[sql, index] : cases) {
        QVariantList values;
        for (qsizetype i = 0; i < sql.count(u'?'); ++i)
            values.append(u"x"_s);
        auto &plan = db->exec(u"EXPLAIN QUERY PLAN "_s + sql, values);
        QStringList details;
        while (plan.next())
            details.append(plan.text(3));
        const QString text = details.join(u" / "_s);
        QVERIFY2(text.contains(u"USING INDEX "_s + index) || text.contains(u"USING "_s + index) ||
                     text.contains(u"USING COVERING INDEX "_s + index),
                 qPrintable(sql + u" -> "_s + text));
        QVERIFY2(!text.contains(u"SCAN tokens"_s), qPrintable(sql + u" -> "_s + text));
    }
}

// Checkpoints run on a thread of the Database, off the serving connection: the WAL is copied
// back into the database file with no statement asking, and under a steady stream of commits it
// still starts over, so the file stays small.
void TestStorage::walIsCheckpointedOffTheServingConnection()
{
    if (TestDatabase::isPostgres())
        QSKIP("SQLite's WAL");
    auto db = open();
    const QString file = m_database->locationFor(m_dir->path());
    db->exec(u"CREATE TABLE pages (id INTEGER PRIMARY KEY, filler TEXT NOT NULL)"_s);
    const QString filler(3000, u'x');
    // One commit each, about a page each: past the 6,144 frames that wake the checkpointer.
    for (int i = 0; i < 7000; ++i)
        db->exec(u"INSERT INTO pages (id, filler) VALUES (?, ?)"_s, {i, filler});
    QTRY_VERIFY2_WITH_TIMEOUT(QFileInfo(file).size() > 6000 * 3000,
                              qPrintable(u"database file: %1 bytes"_s.arg(QFileInfo(file).size())),
                              10000);
    // Far more than the WAL may hold (8,192 frames, 33 MB, cut back to 40 MiB when it starts
    // over).
    for (int i = 7000; i < 30000; ++i)
        db->exec(u"INSERT INTO pages (id, filler) VALUES (?, ?)"_s, {i, filler});
    const qint64 wal = QFileInfo(file + u"-wal"_s).size();
    QVERIFY2(wal <= 48 * 1024 * 1024, qPrintable(u"WAL: %1 bytes"_s.arg(wal)));
    auto &count = db->exec(u"SELECT COUNT(*) FROM pages"_s);
    QVERIFY(count.next());
    QCOMPARE(count.integer(0), 30000);
}

// A change stamp differs after this connection wrote to one of its tables (whether or not a row
// changed), and after any commit by another connection; not after a write to another table.
void TestStorage::changeStampTellsWhatMayHaveChanged()
{
    auto db = open();
    if (TestDatabase::isPostgres()) {
        // Other instances' commits cannot be seen: never a stamp to rely on.
        QVERIFY(!db->changeStamp({u"consumers"}).known());
        return;
    }
    db->exec(u"CREATE TABLE watched (x INTEGER)"_s);
    db->exec(u"CREATE TABLE other (x INTEGER)"_s);
    const Database::ChangeStamp before = db->changeStamp({u"watched"});
    QVERIFY(before.known());
    QCOMPARE(db->changeStamp({u"watched"}), before);

    db->exec(u"INSERT INTO other (x) VALUES (1)"_s);
    QCOMPARE(db->changeStamp({u"watched"}), before);
    db->exec(u"INSERT INTO watched (x) VALUES (1)"_s);
    Database::ChangeStamp after = db->changeStamp({u"watched"});
    QVERIFY(after != before);

    db->exec(u"UPDATE watched SET x = 2 WHERE x = 99"_s);
    QVERIFY(db->changeStamp({u"watched"}) != after);
    after = db->changeStamp({u"watched"});
    db->exec(u"delete from \"watched\" where x = 99"_s);
    QVERIFY(db->changeStamp({u"watched"}) != after);
    QCOMPARE(db->changeStamp({u"other"}).own, 1u);
    // A statement whose first word does not name its table counts for every table.
    after = db->changeStamp({u"watched"});
    db->exec(u"WITH n(x) AS (SELECT 5) INSERT INTO other (x) SELECT x FROM n"_s);
    QVERIFY(db->changeStamp({u"watched"}) != after);

    after = db->changeStamp({u"watched"});
    auto another = open();
    another->exec(u"INSERT INTO other (x) VALUES (2)"_s);
    QVERIFY(db->changeStamp({u"watched"}) != after);

    // Inside a transaction (which holds the write lock) the external part is read once; the
    // next transaction reads it again and sees what was committed in between.
    Database::ChangeStamp inside;
    {
        Database::Transaction transaction(*db);
        inside = db->changeStamp({u"watched"});
        QCOMPARE(db->changeStamp({u"watched"}), inside);
        transaction.commit();
    }
    another->exec(u"INSERT INTO other (x) VALUES (3)"_s);
    {
        Database::Transaction transaction(*db);
        QVERIFY(db->changeStamp({u"watched"}).external != inside.external);
        transaction.commit();
    }
}

// The purge deletes only tokens expired before the cutoff, looks at one window of keys per call
// in key order, and starts over after the last one.
void TestStorage::tokenPurgeLooksAtOneWindowAtATime()
{
    auto db = open();
    db->migrate();
    db->exec(u"INSERT INTO tenants VALUES ('t', 'T', 0)"_s);
    Latchkey::Server::TokenRepository tokens(*db);
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(Q_INT64_C(1800000000000), Qt::UTC);
    const QDateTime cutoff = now.addDays(-1);
    for (int i = 0; i < 10; ++i) {
        Latchkey::Server::TokenRecord token;
        token.digest = u"k%1"_s.arg(i, 2, 10, QLatin1Char('0'));
        token.tenantId = u"t"_s;
        token.consumerId = u"c"_s;
        token.scopes = {u"assets:read"_s};
        token.issuedAt = now.addDays(-3);
        // Expired before the cutoff: 1, 4 and 7. Expired after it: 5. The others are live.
        token.expiresAt = i == 1 || i == 4 || i == 7 ? cutoff.addSecs(-1)
                          : i == 5                   ? cutoff.addSecs(1)
                                                     : now.addSecs(3600);
        tokens.insert(token);
    }
    const auto keys = [&] {
        QStringList left;
        auto &rows = db->exec(u"SELECT digest FROM tokens ORDER BY digest"_s);
        while (rows.next())
            left.append(rows.text(0));
        return left;
    };
    QCOMPARE(tokens.purgeExpired(cutoff, 4), 1); // k00..k03
    QCOMPARE(keys().size(), 9);
    QVERIFY(!keys().contains(u"k01"_s));
    QCOMPARE(tokens.purgeExpired(cutoff, 4), 2); // k04..k07
    QCOMPARE(tokens.purgeExpired(cutoff, 4), 0); // k08, k09: the end, so it starts over
    QCOMPARE(tokens.purgeExpired(cutoff, 4), 0); // k00, k02, k03, k05
    QCOMPARE(keys(),
             (QStringList{u"k00"_s, u"k02"_s, u"k03"_s, u"k05"_s, u"k06"_s, u"k08"_s, u"k09"_s}));
    // A day later, k05 is past the cutoff too; the live ones stay.
    QCOMPARE(tokens.purgeExpired(cutoff.addDays(1), 4), 0); // k06, k08, k09: starts over
    QCOMPARE(tokens.purgeExpired(cutoff.addDays(1), 4), 1);
    QCOMPARE(keys(), (QStringList{u"k00"_s, u"k02"_s, u"k03"_s, u"k06"_s, u"k08"_s, u"k09"_s}));
}

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
