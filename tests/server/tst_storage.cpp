#include <storage/database.h>
#include <storage/migrations.h>
#include <storage/paging.h>
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
    QSqlQuery &q = db->exec(u"SELECT COUNT(*) FROM schema_migrations"_s);
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
    QSqlQuery &q = db->exec(u"SELECT COUNT(*) FROM schema_migrations"_s);
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
    QSqlQuery &q = db->exec(u"SELECT id FROM api_keys WHERE search_text LIKE ? ESCAPE '\\'"_s,
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
    QSqlQuery &q = db->exec(u"SELECT COUNT(*) FROM tenants"_s);
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

void TestStorage::sqliteRunsInWalWithForeignKeys()
{
    if (TestDatabase::isPostgres())
        QSKIP("SQLite only");
    auto db = open();
    QSqlQuery &mode = db->exec(u"PRAGMA journal_mode"_s);
    QVERIFY(mode.next());
    QCOMPARE(mode.value(0).toString(), u"wal"_s);
    QSqlQuery &keys = db->exec(u"PRAGMA foreign_keys"_s);
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
    QSqlQuery &q = db->exec(u"SELECT name FROM tenants WHERE id = ?"_s, {u"before"_s});
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
    QSqlQuery &count = db->exec(u"SELECT COUNT(*) FROM tenants"_s);
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

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
