#include "testserver.h"

#include <account/accountsetup.h>

#include <protocol/hawk.h>
#include <protocol/random.h>

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSqlError>
#include <QTimer>
#include <QUrl>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Latchkey::Test {

QJsonObject Reply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray Reply::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray Reply::describe() const
{
    return QByteArray::number(status) + ' ' + body;
}

namespace {

// Runs one statement on the cluster's maintenance database, on a connection of its own.
void onCluster(const QString &sql)
{
    QString error;
    const auto cluster = Server::Database::open(TestDatabase::clusterUrl(), &error);
    if (!cluster)
        qFatal("TestDatabase: %s", qPrintable(error));
    try {
        cluster->exec(sql);
    } catch (const Server::StorageError &e) {
        qFatal("TestDatabase: %s", qPrintable(e.message()));
    }
}

QString databaseUrl(const QString &name)
{
    QUrl url(TestDatabase::clusterUrl());
    url.setPath(u'/' + name);
    return url.toString();
}

// Creating and migrating a PostgreSQL database takes a quarter of a second; emptying one takes
// a few milliseconds. So a test process keeps the databases its finished tests emptied and
// hands them to the next tests, and drops them all when it exits.
struct DatabasePool
{
    QStringList idle;
    QStringList all;
};

DatabasePool &pool()
{
    static DatabasePool instance;
    return instance;
}

void dropPool()
{
    for (const QString &name : std::as_const(pool().all))
        onCluster(u"DROP DATABASE IF EXISTS "_s + name + u" WITH (FORCE)"_s);
    pool() = {};
}

// Deletes every row but the schema's version: as good as new for the next test. False when
// that failed (the database is then dropped instead).
bool empty(const QString &name)
{
    QString error;
    const auto database = Server::Database::open(databaseUrl(name), &error);
    if (!database)
        return false;
    try {
        QStringList tables;
        auto &list =
            database->exec(u"SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND "
                           "tablename NOT IN ('schema_migrations', 'tenants')"_s);
        while (list.next())
            tables.append(list.value(0).toString());
        Server::Database::Transaction transaction(*database);
        // Nearly every table cascades from its tenant; the rest have no references to wait for.
        database->exec(u"DELETE FROM tenants"_s);
        for (const QString &table : std::as_const(tables))
            database->exec(u"DELETE FROM "_s + table);
        transaction.commit();
        return true;
    } catch (const Server::StorageError &e) {
        qWarning("TestDatabase: cannot empty %s for the next test: %s", qPrintable(name),
                 qPrintable(e.message()));
        return false;
    }
}

} // namespace

QString TestDatabase::clusterUrl()
{
    static const QString url = [] {
        const QString direct = qEnvironmentVariable("LATCHKEY_TEST_DATABASE");
        if (!direct.isEmpty())
            return direct;
        QString path = qEnvironmentVariable("LATCHKEY_TEST_DATABASE_FILE");
        if (path.isEmpty())
            return QString();
        // CTest's fixture keeps one cluster per ctest process, the parent of every test.
        path.replace(u"%PPID%"_s, QString::number(::getppid()));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("LATCHKEY_TEST_DATABASE_FILE=%s cannot be read (%s): is the PostgreSQL test "
                   "cluster started (tools/pg-test-cluster start)?",
                   qPrintable(path), qPrintable(file.errorString()));
        return QString::fromUtf8(file.readAll().trimmed());
    }();
    return url;
}

TestDatabase::TestDatabase(Start start)
    : m_start(start)
{
    if (!isPostgres())
        return;
    DatabasePool &databases = pool();
    if (start == Start::Pooled && !databases.idle.isEmpty()) {
        m_name = databases.idle.takeLast();
    } else {
        m_name = u"latchkey_test_"_s + QString::fromLatin1(Random::bytes(10).toHex());
        onCluster(u"CREATE DATABASE "_s + m_name);
        if (databases.all.isEmpty())
            qAddPostRoutine(dropPool);
        databases.all.append(m_name);
    }
    m_location = databaseUrl(m_name);
}

TestDatabase::~TestDatabase()
{
    if (m_name.isEmpty())
        return;
    if (m_start == Start::Pooled && empty(m_name)) {
        pool().idle.append(m_name);
    } else {
        onCluster(u"DROP DATABASE IF EXISTS "_s + m_name + u" WITH (FORCE)"_s);
        pool().all.removeAll(m_name);
    }
}

QString TestDatabase::locationFor(const QString &dataDir) const
{
    return m_location.isEmpty() ? QDir(dataDir).filePath(u"latchkey.db"_s) : m_location;
}

std::unique_ptr<Server::Database> TestDatabase::connect(const QString &dataDir) const
{
    QString error;
    auto database = Server::Database::open(locationFor(dataDir), &error);
    if (!database)
        qFatal("TestDatabase: %s", qPrintable(error));
    return database;
}

void TestDatabase::terminateOtherConnections() const
{
    if (m_name.isEmpty())
        return;
    onCluster(u"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"_s +
              m_name + u"' AND pid <> pg_backend_pid()"_s);
}

TestServer::TestServer()
    : m_database(std::make_unique<TestDatabase>())
    , m_clock(std::make_unique<ManualClock>())
{
    Server::ServerOptions options;
    options.dataDir = m_dir.path();
    options.database = m_database->location();
    ManualClock *clock = m_clock.get();
    options.clock = [clock] { return clock->now(); };
    QString error;
    m_server = Server::AccountServer::open(options, &error);
    if (!m_server)
        qFatal("TestServer: %s", qPrintable(error));
    if (!m_server->listen(QHostAddress::LocalHost, 0, &error))
        qFatal("TestServer: %s", qPrintable(error));
    m_bootstrap = bootstrapTenant(u"Test account"_s);
}

TestServer::~TestServer()
{
    // The server's connection goes before its database is dropped.
    m_server.reset();
    m_database.reset();
}

QString TestServer::tenantId() const
{
    return m_bootstrap[u"tenant"_s][u"id"_s].toString();
}

QJsonObject TestServer::bootstrapTenant(const QString &name)
{
    Server::AccountSetup::BootstrapOptions options;
    options.tenantName = name;
    options.adminEmail = u"admin@"_s + name.toLower().remove(u' ') + u".example"_s;
    return Server::AccountSetup::bootstrap(context(), options);
}

Reply sendRequest(QNetworkAccessManager &network, const QByteArray &method, const QUrl &url,
                  const QByteArray &body, const Headers &headers)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    const auto pairs = reply->rawHeaderPairs();
    for (const auto &[name, value] : pairs)
        result.headers.append({name, value});
    reply->deleteLater();
    return result;
}

QByteArray readLine(QProcess &process, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!process.canReadLine()) {
        if (process.state() == QProcess::NotRunning || deadline.hasExpired())
            return {};
        process.waitForReadyRead(int(qMax<qint64>(deadline.remainingTime(), 1)));
    }
    return process.readLine().trimmed();
}

QString ServerProcess::start(const QStringList &arguments, const QProcessEnvironment &environment)
{
    stop();
    m_process = std::make_unique<QProcess>();
    m_process->setProcessEnvironment(environment);
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->start(QStringLiteral(LATCHKEY_SERVER_BINARY),
                     QStringList{u"serve"_s} + arguments +
                         QStringList{u"--listen"_s, u"127.0.0.1:0"_s, u"--ready-json"_s});
    const QJsonObject ready = QJsonDocument::fromJson(readLine(*m_process)).object();
    m_url = QUrl(ready[u"url"_s].toString());
    if (m_url.isValid() && m_url.port() > 0)
        return {};
    return u"latchkey-server serve did not start (its messages are above; running: %1, exit "
           "code %2)"_s.arg(m_process->state() != QProcess::NotRunning)
               .arg(m_process->exitCode());
}

void ServerProcess::stop()
{
    if (!isRunning())
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(10000))
        m_process->kill();
    m_process->waitForFinished();
}

void ServerProcess::kill()
{
    if (!isRunning())
        return;
    m_process->kill();
    m_process->waitForFinished();
}

QJsonObject bootstrapProcess(const QStringList &arguments, const QProcessEnvironment &environment,
                             QString *error)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(LATCHKEY_SERVER_BINARY), QStringList{u"bootstrap"_s} + arguments);
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        *error = u"bootstrap failed: "_s + QString::fromUtf8(process.readAllStandardError());
        return {};
    }
    return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
}

QByteArray basicAuthorization(const QString &clientId, const QString &secret)
{
    return "Basic " +
           QByteArray(QUrl::toPercentEncoding(clientId) + ':' + QUrl::toPercentEncoding(secret))
               .toBase64();
}

Reply TestServer::request(const QByteArray &method, const QString &pathAndQuery,
                          const QByteArray &body,
                          const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return sendRequest(m_network, method, QUrl(url().toString() + pathAndQuery, QUrl::StrictMode),
                       body, headers);
}

Reply TestServer::withToken(const QString &token, const QByteArray &method,
                            const QString &pathAndQuery, const QJsonObject &body,
                            const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QList<QPair<QByteArray, QByteArray>> all = headers;
    all.append({"Authorization"_ba, "Bearer "_ba + token.toLatin1()});
    QByteArray payload;
    if (!body.isEmpty()) {
        payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
        all.append({"Content-Type"_ba, "application/json"_ba});
    }
    return request(method, pathAndQuery, payload, all);
}

Reply TestServer::admin(const QByteArray &method, const QString &pathAndQuery,
                        const QJsonObject &body,
                        const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return withToken(adminToken(), method, pathAndQuery, body, headers);
}

QString TestServer::token(const QString &clientId, const QString &clientSecret,
                          const QString &scope)
{
    QByteArray form = "grant_type=client_credentials";
    if (!scope.isEmpty())
        form += "&scope=" + QUrl::toPercentEncoding(scope);
    const Reply reply = request("POST", u"/oauth/token"_s, form,
                                {{"Content-Type", "application/x-www-form-urlencoded"},
                                 {"Authorization", basicAuthorization(clientId, clientSecret)}});
    return reply.json().value(u"access_token"_s).toString();
}

QString TestServer::adminToken()
{
    if (m_adminToken.isEmpty()) {
        const QJsonObject automation = m_bootstrap[u"automation"_s].toObject();
        m_adminToken =
            token(automation[u"client_id"_s].toString(), automation[u"client_secret"_s].toString());
    }
    return m_adminToken;
}

Reply TestServer::hawk(const QString &id, const QString &key, const QByteArray &method,
                       const QString &pathAndQuery, const QByteArray &contentType,
                       const QByteArray &payload, qint64 tsOffset)
{
    Hawk::Request signing;
    signing.method = method;
    signing.resource = pathAndQuery.toUtf8();
    signing.host = url().host().toLatin1();
    signing.port = quint16(url().port());
    signing.hasPayload = !contentType.isEmpty();
    signing.contentType = contentType;
    signing.payload = payload;
    const QByteArray header =
        Hawk::sign(id.toUtf8(), key.toUtf8(), signing, m_clock->now().toSecsSinceEpoch() + tsOffset,
                   Random::secret(64).toLatin1());
    QList<QPair<QByteArray, QByteArray>> headers{{"Authorization", header}};
    if (!contentType.isEmpty())
        headers.append({"Content-Type", contentType});
    return request(method, pathAndQuery, payload, headers);
}

QString TestServer::groupId(const QString &name)
{
    const auto group = context().accounts.permissionGroupByName(tenantId(), name);
    return group ? group->id : QString();
}

QJsonObject TestServer::createKey(const QString &name, const QString &group)
{
    const Reply reply = admin("POST", u"/api/admin/v1/keys"_s,
                              {{u"name"_s, name}, {u"permission_group_id"_s, groupId(group)}});
    return reply.status == 201 ? reply.json() : QJsonObject();
}

QJsonObject TestServer::createConsumer(const QJsonObject &fields)
{
    QJsonObject body = fields;
    if (!body.contains(u"permission_group_id"_s))
        body.insert(u"permission_group_id"_s, groupId(u"Maintenance"_s));
    const Reply reply = admin("POST", u"/api/admin/v1/consumers"_s, body);
    return reply.status == 201 ? reply.json() : QJsonObject();
}

} // namespace Latchkey::Test
