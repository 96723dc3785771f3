#include <storage/database.h>
#include <storage/migrations.h>
#include <storage/paging.h>

#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using Latchkey::Server::Database;
using Latchkey::Server::StorageError;

// The database layer: migrations, transactions, and the search folding the lists rely on.
class TestStorage final : public QObject
{
    Q_OBJECT

private slots:
    void migratesToTheLatestVersionOnce();
    void backfillsSearchTextOfRowsFromBefore();
    void failedWriteRollsBackTheWholeTransaction();
    void sqliteRunsInWalWithForeignKeys();
    void foldsCaseAndAccents_data();
    void foldsCaseAndAccents();
    void cursorRoundTripsAndRejectsGarbage();

private:
    std::unique_ptr<Database> open()
    {
        QString error;
        auto db = Database::open(m_dir.filePath(u"test.db"_s), &error);
        if (!db)
            qFatal("%s", qPrintable(error));
        return db;
    }

    QTemporaryDir m_dir;
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

void TestStorage::backfillsSearchTextOfRowsFromBefore()
{
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(u"old.db"_s), &error);
    QVERIFY2(db, qPrintable(error));
    // A database at version 2, as an older server left it, with a key in it.
    db->exec(u"CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
             "applied_at BIGINT NOT NULL)"_s);
    for (const auto &migration : Latchkey::Server::migrations()) {
        if (migration.version > 2)
            break;
        for (const QString &statement : migration.statements) {
            QString sql = statement;
            sql.replace(u"{{autoincrement}}"_s, u"INTEGER PRIMARY KEY AUTOINCREMENT"_s);
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
        QVERIFY(error.message().contains(u"UNIQUE"_s));
    }
    QSqlQuery &q = db->exec(u"SELECT COUNT(*) FROM tenants"_s);
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

void TestStorage::sqliteRunsInWalWithForeignKeys()
{
    auto db = open();
    QSqlQuery &mode = db->exec(u"PRAGMA journal_mode"_s);
    QVERIFY(mode.next());
    QCOMPARE(mode.value(0).toString(), u"wal"_s);
    QSqlQuery &keys = db->exec(u"PRAGMA foreign_keys"_s);
    QVERIFY(keys.next());
    QCOMPARE(keys.value(0).toInt(), 1);
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
