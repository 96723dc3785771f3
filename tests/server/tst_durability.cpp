#include <testserver.h>

#include <QJsonArray>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;
using Latchkey::Test::Reply;
using Latchkey::Test::TestServer;

// What a request wrote is committed before its response leaves: another process sees it and can
// write next to a running server (latchkey-server user add, a second instance).
class TestDurability final : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_server = std::make_unique<TestServer>(); }
    void cleanup() { m_server.reset(); }

    void writesAreVisibleToAnotherConnectionAtOnce();
    void anotherProcessCanWriteWhileServing();

private:
    std::unique_ptr<TestServer> m_server;
};

void TestDurability::writesAreVisibleToAnotherConnectionAtOnce()
{
    const QJsonObject key = m_server->createKey(u"Durable"_s);
    const Reply whoami = m_server->hawk(key[u"id"_s].toString(), key[u"secret"_s].toString(), "GET",
                                        u"/api/v2/whoami"_s);
    QCOMPARE(whoami.status, 200);

    auto other = m_server->database().connect(m_server->dataDir());
    QSqlQuery &nonces = other->exec(u"SELECT COUNT(*) FROM hawk_nonces"_s);
    QVERIFY(nonces.next());
    QCOMPARE(nonces.value(0).toInt(), 1);
    QSqlQuery &used =
        other->exec(u"SELECT COUNT(*) FROM api_keys WHERE id = ? AND last_used_at IS NOT NULL"_s,
                    {key[u"id"_s].toString()});
    QVERIFY(used.next());
    QCOMPARE(used.value(0).toInt(), 1);
    other->releaseStatements();
    // No lock and no open transaction is left behind by the server.
    if (other->dialect() == Latchkey::Server::Database::Dialect::Sqlite) {
        QSqlQuery &lock = other->exec(u"BEGIN IMMEDIATE"_s);
        QVERIFY2(lock.isActive(), qPrintable(lock.lastError().text()));
        other->exec(u"ROLLBACK"_s);
    } else {
        QSqlQuery &idle = other->exec(
            u"SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND "
            "state LIKE 'idle in transaction%'"_s);
        QVERIFY(idle.next());
        QCOMPARE(idle.value(0).toInt(), 0);
    }
}

void TestDurability::anotherProcessCanWriteWhileServing()
{
    QCOMPARE(m_server->admin("GET", u"/api/admin/v1/keys"_s).status, 200);
    QProcess process;
    QStringList arguments{u"user"_s,
                          u"add"_s,
                          u"--data-dir"_s,
                          m_server->dataDir(),
                          u"--tenant"_s,
                          m_server->tenantId(),
                          u"--email"_s,
                          u"late@example.com"_s,
                          u"--password-stdin"_s};
    if (!m_server->database().location().isEmpty())
        arguments << u"--database"_s << m_server->database().location();
    process.start(QStringLiteral(LATCHKEY_SERVER_BINARY), arguments);
    QVERIFY(process.waitForStarted());
    process.write("a password long enough\n");
    process.closeWriteChannel();
    QVERIFY(QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, 30000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());

    const Reply users = m_server->admin("GET", u"/api/admin/v1/users"_s);
    QCOMPARE(users.status, 200);
    bool found = false;
    for (const QJsonValue &user : users.json()[u"items"_s].toArray())
        found = found || user[u"email"_s].toString() == u"late@example.com"_s;
    QVERIFY(found);
}

QTEST_GUILESS_MAIN(TestDurability)
#include "tst_durability.moc"
