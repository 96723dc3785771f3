#pragma once

#include <accountserver.h>

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QTemporaryDir>

#include <memory>

namespace Latchkey::Test {

// A clock tests can move: the system time plus an offset.
class ManualClock final
{
public:
    QDateTime now() const { return QDateTime::currentDateTimeUtc().addSecs(m_offset); }
    void advance(qint64 seconds) { m_offset += seconds; }

private:
    qint64 m_offset = 0;
};

struct Reply
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    QJsonObject json() const;
    QByteArray header(QByteArrayView name) const;
    // "status body" for QVERIFY2 messages.
    QByteArray describe() const;
};

using Headers = QList<QPair<QByteArray, QByteArray>>;

// One HTTP request over `network`, redirects not followed; waits up to 30 s for the answer.
Reply sendRequest(QNetworkAccessManager &network, const QByteArray &method, const QUrl &url,
                  const QByteArray &body = {}, const Headers &headers = {});
// One line a child process printed on stdout, trimmed; empty when it exited or after the timeout.
QByteArray readLine(QProcess &process, int timeoutMs = 60000);
// "Basic base64(client_id:secret)", both percent-encoded first (RFC 6749 §2.3.1).
QByteArray basicAuthorization(const QString &clientId, const QString &secret);

// `latchkey-server serve` as a child process on 127.0.0.1, port 0, its stderr passed through.
class ServerProcess final
{
    Q_DISABLE_COPY_MOVE(ServerProcess)

public:
    ServerProcess() = default;
    ~ServerProcess() { stop(); }

    // serve ARGUMENTS --listen 127.0.0.1:0 --ready-json; empty when it listens, else why not.
    QString
    start(const QStringList &arguments,
          const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    // SIGTERM, then SIGKILL after 10 s.
    void stop();
    // SIGKILL at once, as a crash or the OOM killer would.
    void kill();
    QUrl url() const { return m_url; }
    bool isRunning() const { return m_process && m_process->state() != QProcess::NotRunning; }

private:
    std::unique_ptr<QProcess> m_process;
    QUrl m_url;
};

// `latchkey-server bootstrap ARGUMENTS`: what it printed once (tenant, admin, automation), or
// an empty object and the reason in `error`.
QJsonObject bootstrapProcess(const QStringList &arguments, const QProcessEnvironment &environment,
                             QString *error);

// The database a test's server runs on. SQLite in the data dir by default; when the environment
// names a PostgreSQL test cluster (LATCHKEY_TEST_DATABASE=postgres://..., or
// LATCHKEY_TEST_DATABASE_FILE=a file holding that URL, as the CTest fixture writes it, where
// %PPID% stands for the parent process's id), a fresh
// database of its own in that cluster, dropped again by the destructor.
class TestDatabase final
{
    Q_DISABLE_COPY_MOVE(TestDatabase)

public:
    // Pooled: a database a finished test emptied may be handed on (schema migrated, no rows).
    // Empty: a new database without a single table, for tests of migrations.
    enum class Start { Pooled, Empty };

    explicit TestDatabase(Start start = Start::Pooled);
    ~TestDatabase();

    // The test cluster's URL (its maintenance database), empty when tests run on SQLite.
    static QString clusterUrl();
    static bool isPostgres() { return !clusterUrl().isEmpty(); }

    // What `--database` / ServerOptions::database take: the postgres:// URL of this test's
    // database, or empty for the data dir's SQLite file.
    QString location() const { return m_location; }
    // A connection of its own to the database of a server whose data dir is `dataDir`.
    std::unique_ptr<Server::Database> connect(const QString &dataDir) const;
    // What to open for a server whose data dir is `dataDir`: location() or its SQLite file.
    QString locationFor(const QString &dataDir) const;
    // Ends every other session on this database (PostgreSQL only): as if the server restarted.
    void terminateOtherConnections() const;

private:
    QString m_name;
    QString m_location;
    Start m_start;
};

// A real account server in this process, on 127.0.0.1 port 0 with a temporary data dir, already
// bootstrapped with one tenant. Requests go over real HTTP.
class TestServer final
{
public:
    TestServer();
    ~TestServer();

    TestDatabase &database() { return *m_database; }

    Server::AccountServer &server() { return *m_server; }
    Server::ServerContext &context() { return m_server->context(); }
    QUrl url() const { return m_server->url(); }
    QString dataDir() const { return m_dir.path(); }
    ManualClock &clock() { return *m_clock; }

    // What bootstrap printed: tenant, admin, automation.
    const QJsonObject &bootstrap() const { return m_bootstrap; }
    QString tenantId() const;
    // Bootstraps another tenant in the same server (for isolation tests).
    QJsonObject bootstrapTenant(const QString &name);

    Reply request(const QByteArray &method, const QString &pathAndQuery,
                  const QByteArray &body = {},
                  const QList<QPair<QByteArray, QByteArray>> &headers = {});
    // With the bootstrap automation consumer's admin token; JSON body when given.
    Reply admin(const QByteArray &method, const QString &pathAndQuery, const QJsonObject &body = {},
                const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Reply withToken(const QString &token, const QByteArray &method, const QString &pathAndQuery,
                    const QJsonObject &body = {},
                    const QList<QPair<QByteArray, QByteArray>> &headers = {});

    // Client-credentials token; empty if refused.
    QString token(const QString &clientId, const QString &clientSecret, const QString &scope = {});
    QString adminToken();

    // Hawk-signed request with the current (test) clock.
    Reply hawk(const QString &id, const QString &key, const QByteArray &method,
               const QString &pathAndQuery, const QByteArray &contentType = {},
               const QByteArray &payload = {}, qint64 tsOffset = 0);

    // Shortcuts over the admin API; QFAIL-free: they return the JSON, empty on failure.
    QJsonObject createKey(const QString &name,
                          const QString &group = QStringLiteral("Maintenance"));
    QJsonObject createConsumer(const QJsonObject &fields);
    QString groupId(const QString &name);

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestDatabase> m_database;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<Server::AccountServer> m_server;
    QNetworkAccessManager m_network;
    QJsonObject m_bootstrap;
    QString m_adminToken;
};

} // namespace Latchkey::Test
