#include <testserver.h>

#include <QDirIterator>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QProcess>
#include <QTcpServer>
#include <QtTest>

#include <csignal>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using Latchkey::Test::readLine;
using Latchkey::Test::Reply;

namespace {

QString serverBinary()
{
    return QString::fromUtf8(LATCHKEY_SERVER_BINARY);
}

struct Result
{
    int exitCode = -1;
    bool crashed = false;
    QByteArray out;
    QByteArray err;

    QByteArray describe() const
    {
        return "exit " + QByteArray::number(exitCode) + (crashed ? " (crashed)" : "") +
               "\nstdout: " + out + "\nstderr: " + err;
    }
    // ASan and UBSan report on stderr.
    bool sanitizerClean() const
    {
        return !err.contains("Sanitizer") && !err.contains("runtime error:");
    }
};

// Runs latchkey-server to completion; `input` goes to its standard input.
Result run(const QStringList &arguments, const QByteArray &input = {})
{
    QProcess process;
    process.start(serverBinary(), arguments);
    Result result;
    if (!process.waitForStarted(10000)) {
        result.err =
            "cannot start " + serverBinary().toUtf8() + ": " + process.errorString().toUtf8();
        return result;
    }
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        result.err = "timed out";
        return result;
    }
    result.exitCode = process.exitCode();
    result.crashed = process.exitStatus() == QProcess::CrashExit;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

// The next line on the process's standard output, empty when none came in time.
QJsonObject parseObject(const QByteArray &line)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    return error.error == QJsonParseError::NoError ? document.object() : QJsonObject();
}

Reply send(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
           const QList<QPair<QByteArray, QByteArray>> &headers = {})
{
    QNetworkAccessManager network;
    return Latchkey::Test::sendRequest(network, method, url, body, headers);
}

QString clientCredentialsToken(const QUrl &base, const QJsonObject &automation)
{
    const QByteArray basic =
        (automation[u"client_id"_s].toString() + u':' + automation[u"client_secret"_s].toString())
            .toLatin1()
            .toBase64();
    const Reply reply =
        send("POST", base.resolved(QUrl(u"/oauth/token"_s)), "grant_type=client_credentials",
             {{"Authorization", "Basic " + basic},
              {"Content-Type", "application/x-www-form-urlencoded"}});
    return reply.json()[u"access_token"_s].toString();
}

uint modeOf(const QString &path)
{
    struct stat info = {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return 0;
    return uint(info.st_mode & 07777);
}

// The files of `dir` that contain `secret`.
QStringList filesContaining(const QString &dir, const QString &secret)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(secret.toUtf8()))
            found.append(file.fileName());
    }
    return found;
}

} // namespace

// The latchkey-server executable as ops run it: help, exit codes, bootstrap's one-time output,
// user add, migrate, and serve until SIGTERM.
class TestServerCli final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup() { m_dir.reset(); }

    void helpShowsAnExample_data();
    void helpShowsAnExample();
    void unknownCommandIsAUsageError_data();
    void unknownCommandIsAUsageError();
    void bootstrapPrintsTheAccountOnce();
    void bootstrapTightensAnExistingDataDir();
    void bootstrapRefusesBadOptions_data();
    void bootstrapRefusesBadOptions();
    void userAddReadsThePasswordFromStdin();
    void userAddRefusesBadInput_data();
    void userAddRefusesBadInput();
    void migratePrintsTheSchemaVersion();
    void serveUntilSigterm();
    void serveStopsOnSigintAndNamesThePublicUrl();
    void serveRefusesBadOptions_data();
    void serveRefusesBadOptions();
    void serveReportsAPortInUse();
    void sandboxBootstrapsOnce();

private:
    QString dataDir() const { return m_dir->filePath(u"data"_s); }
    // Bootstraps dataDir() with the command; empty on failure.
    QJsonObject bootstrap();

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestServerCli::init()
{
    QVERIFY2(QFileInfo(serverBinary()).isExecutable(), qPrintable(serverBinary()));
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QJsonObject TestServerCli::bootstrap()
{
    const Result result = run({u"bootstrap"_s, u"--data-dir"_s, dataDir()});
    return result.exitCode == 0 ? parseObject(result.out) : QJsonObject();
}

void TestServerCli::helpShowsAnExample_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("usage");
    QTest::addColumn<QString>("mentions");
    QTest::addColumn<QString>("example");

    QTest::newRow("latchkey-server --help")
        << QStringList{u"--help"_s} << u"Usage: latchkey-server COMMAND [OPTIONS]"_s
        << u"user add"_s << u"latchkey-server bootstrap --data-dir"_s;
    QTest::newRow("serve --help") << QStringList{u"serve"_s, u"--help"_s}
                                  << u"Usage: latchkey-server serve [options]"_s
                                  << u"--ready-json"_s << u"latchkey-server serve --data-dir"_s;
    QTest::newRow("bootstrap --help")
        << QStringList{u"bootstrap"_s, u"--help"_s}
        << u"Usage: latchkey-server bootstrap [options]"_s << u"--admin-email"_s
        << u"latchkey-server bootstrap --data-dir"_s;
    QTest::newRow("user add --help")
        << QStringList{u"user"_s, u"add"_s, u"--help"_s}
        << u"Usage: latchkey-server user add [options]"_s << u"--password-stdin"_s
        << u"latchkey-server user add --data-dir"_s;
    QTest::newRow("migrate --help")
        << QStringList{u"migrate"_s, u"--help"_s} << u"Usage: latchkey-server migrate [options]"_s
        << u"--data-dir"_s << u"latchkey-server migrate --data-dir"_s;
}

void TestServerCli::helpShowsAnExample()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, usage);
    QFETCH(QString, mentions);
    QFETCH(QString, example);

    const Result result = run(arguments);
    QVERIFY2(result.exitCode == 0 && !result.crashed, result.describe().constData());
    QVERIFY2(result.out.startsWith(QByteArray(usage.toUtf8() + '\n')),
             result.describe().constData());
    QVERIFY2(result.out.contains(mentions.toUtf8()), result.describe().constData());
    const qsizetype exampleAt = result.out.indexOf("\nExample:\n");
    QVERIFY2(exampleAt > 0, result.describe().constData());
    QVERIFY2(result.out.indexOf(example.toUtf8(), exampleAt) > 0, result.describe().constData());
    QVERIFY2(result.sanitizerClean(), result.describe().constData());
}

void TestServerCli::unknownCommandIsAUsageError_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    QTest::newRow("no command") << QStringList() << u"Usage: latchkey-server COMMAND"_s;
    QTest::newRow("unknown command")
        << QStringList{u"frobnicate"_s} << u"Unknown command: frobnicate"_s;
    QTest::newRow("unknown user subcommand")
        << QStringList{u"user"_s, u"remove"_s} << u"Unknown command: user remove"_s;
    QTest::newRow("unknown option")
        << QStringList{u"migrate"_s, u"--frobnicate"_s} << u"Unknown option 'frobnicate'"_s;
    QTest::newRow("stray argument")
        << QStringList{u"migrate"_s, u"--data-dir"_s, u"/nonexistent"_s, u"now"_s}
        << u"Unexpected argument: now"_s;
}

void TestServerCli::unknownCommandIsAUsageError()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);

    const Result result = run(arguments);
    QVERIFY2(result.exitCode == 2 && !result.crashed, result.describe().constData());
    QVERIFY2(result.err.contains(message.toUtf8()), result.describe().constData());
    QVERIFY2(result.out.isEmpty(), result.describe().constData());
    QVERIFY(!QFileInfo::exists(u"/nonexistent"_s));
}

void TestServerCli::bootstrapPrintsTheAccountOnce()
{
    const Result result = run({u"bootstrap"_s, u"--data-dir"_s, dataDir(), u"--tenant"_s, u"ACME"_s,
                               u"--admin-email"_s, u"Ops@Acme.example"_s});
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    QVERIFY2(result.sanitizerClean(), result.describe().constData());
    QCOMPARE(result.out.count('\n'), 1);
    QVERIFY(result.out.endsWith('\n'));
    const QJsonObject printed = parseObject(result.out);
    QVERIFY2(!printed.isEmpty(), result.out.constData());

    QVERIFY(printed[u"tenant"_s][u"id"_s].toString().size() > 4);
    QCOMPARE(printed[u"tenant"_s][u"name"_s].toString(), u"ACME"_s);
    QCOMPARE(printed[u"admin"_s][u"email"_s].toString(), u"ops@acme.example"_s);
    const QString password = printed[u"admin"_s][u"password"_s].toString();
    QVERIFY2(password.size() >= 20, result.out.constData());
    const QString clientId = printed[u"automation"_s][u"client_id"_s].toString();
    const QString secret = printed[u"automation"_s][u"client_secret"_s].toString();
    QVERIFY2(clientId.startsWith(u"ck_"_s), result.out.constData());
    QVERIFY2(secret.size() >= 43, result.out.constData());

    QCOMPARE(modeOf(dataDir()), 0700u);
    QCOMPARE(modeOf(QDir(dataDir()).filePath(u"master.key"_s)), 0600u);
    for (const QString &printedSecret : {password, secret}) {
        const QStringList files = filesContaining(dataDir(), printedSecret);
        QVERIFY2(files.isEmpty(), qPrintable(u"a secret is in clear in "_s + files.join(u", ")));
    }
}

void TestServerCli::bootstrapTightensAnExistingDataDir()
{
    QVERIFY(QDir().mkpath(dataDir()));
    QVERIFY(QFile::setPermissions(dataDir(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                 QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                                 QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                 QFileDevice::ExeOther));
    QCOMPARE(modeOf(dataDir()), 0755u);
    QVERIFY(!bootstrap().isEmpty());
    QCOMPARE(modeOf(dataDir()), 0700u);
    QCOMPARE(modeOf(QDir(dataDir()).filePath(u"master.key"_s)), 0600u);
}

void TestServerCli::bootstrapRefusesBadOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    QTest::newRow("no data dir") << QStringList{u"bootstrap"_s} << u"--data-dir is required"_s;
    QTest::newRow("bad admin email") << QStringList{u"bootstrap"_s, u"--data-dir"_s, u"{data}"_s,
                                                    u"--admin-email"_s, u"ops-at-acme"_s}
                                     << u"ops-at-acme is not an email address."_s;
    QTest::newRow("blank tenant") << QStringList{u"bootstrap"_s, u"--data-dir"_s, u"{data}"_s,
                                                 u"--tenant"_s, u"  "_s}
                                  << u"--tenant must not be empty."_s;
}

void TestServerCli::bootstrapRefusesBadOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);

    arguments.replaceInStrings(u"{data}"_s, dataDir());
    const Result result = run(arguments);
    QVERIFY2(result.exitCode == 2 && !result.crashed, result.describe().constData());
    QVERIFY2(result.err.contains(message.toUtf8()), result.describe().constData());
    QVERIFY2(result.out.isEmpty(), result.describe().constData());
    QVERIFY2(!QFileInfo::exists(dataDir()), "nothing is created on a usage error");
}

void TestServerCli::userAddReadsThePasswordFromStdin()
{
    const QString tenant = bootstrap()[u"tenant"_s][u"id"_s].toString();
    QVERIFY(!tenant.isEmpty());
    const QStringList arguments{
        u"user"_s,   u"add"_s,         u"--data-dir"_s,       dataDir(),   u"--tenant"_s,
        tenant,      u"--email"_s,     u"ana@acme.example"_s, u"--name"_s, u"Ana Souza"_s,
        u"--role"_s, u"super_admin"_s, u"--password-stdin"_s};
    Result result = run(arguments, "correct horse battery staple\n");
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    QVERIFY2(result.sanitizerClean(), result.describe().constData());
    const QJsonObject printed = parseObject(result.out);
    QCOMPARE(printed[u"email"_s].toString(), u"ana@acme.example"_s);
    const QString id = printed[u"id"_s].toString();
    QVERIFY2(!id.isEmpty(), result.out.constData());
    QVERIFY2(filesContaining(dataDir(), u"correct horse battery staple"_s).isEmpty(),
             "the password is stored only as a hash");

    result = run(arguments, "another long passphrase\n");
    QVERIFY2(result.exitCode == 1, result.describe().constData());
    QVERIFY2(result.err.contains("ana@acme.example is already a user of this tenant."),
             result.describe().constData());
    QVERIFY2(result.out.isEmpty(), result.describe().constData());

    Latchkey::Server::ServerOptions options;
    options.dataDir = dataDir();
    QString error;
    const auto context = Latchkey::Server::openContext(options, &error);
    QVERIFY2(context, qPrintable(error));
    const auto user = context->accounts.userByEmail(tenant, u"ana@acme.example"_s);
    QVERIFY(user.has_value());
    QCOMPARE(user->user.id, id);
    QCOMPARE(user->user.displayName, u"Ana Souza"_s);
    QCOMPARE(user->user.role, u"super_admin"_s);
    QCOMPARE(context->accounts.users(tenant).size(), 2); // the bootstrap admin and Ana
}

void TestServerCli::userAddRefusesBadInput_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<bool>("passwordStdin");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");

    const QStringList bob{u"--email"_s, u"bob@acme.example"_s};
    const QByteArray password = "a long enough passphrase\n"_ba;
    QTest::newRow("short password") << bob << true << "short pass\n"_ba << 1
                                    << u"The password must have at least 12 characters."_s;
    QTest::newRow("no password on stdin")
        << bob << true << QByteArray() << 1 << u"The password must have at least 12 characters."_s;
    QTest::newRow("bad email") << QStringList{u"--email"_s, u"bob"_s} << true << password << 1
                               << u"bob is not an email address."_s;
    QTest::newRow("bad role") << bob + QStringList{u"--role"_s, u"owner"_s} << true << password << 1
                              << u"The role must be member or super_admin."_s;
    QTest::newRow("unknown tenant") << bob + QStringList{u"--tenant"_s, u"ten_nope"_s} << true
                                    << password << 1 << u"There is no tenant ten_nope."_s;
    QTest::newRow("no email") << QStringList() << true << password << 2
                              << u"--email is required."_s;
    QTest::newRow("without --password-stdin")
        << bob << false << password << 2
        << u"Give --password-stdin and the password on standard input"_s;
}

void TestServerCli::userAddRefusesBadInput()
{
    QFETCH(QStringList, extra);
    QFETCH(bool, passwordStdin);
    QFETCH(QByteArray, input);
    QFETCH(int, exitCode);
    QFETCH(QString, message);

    const QString tenant = bootstrap()[u"tenant"_s][u"id"_s].toString();
    QVERIFY(!tenant.isEmpty());
    QStringList arguments{u"user"_s, u"add"_s, u"--data-dir"_s, dataDir()};
    if (!extra.contains(u"--tenant"_s))
        arguments << u"--tenant"_s << tenant;
    if (passwordStdin)
        arguments << u"--password-stdin"_s;
    arguments << extra;

    const Result result = run(arguments, input);
    QVERIFY2(result.exitCode == exitCode && !result.crashed, result.describe().constData());
    QVERIFY2(result.err.contains(message.toUtf8()), result.describe().constData());
    QVERIFY2(result.out.isEmpty(), result.describe().constData());

    Latchkey::Server::ServerOptions options;
    options.dataDir = dataDir();
    QString error;
    const auto context = Latchkey::Server::openContext(options, &error);
    QVERIFY2(context, qPrintable(error));
    QCOMPARE(context->accounts.users(tenant).size(), 1); // only the bootstrap admin
}

void TestServerCli::migratePrintsTheSchemaVersion()
{
    Result result = run({u"migrate"_s, u"--data-dir"_s, dataDir()});
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    QVERIFY2(result.sanitizerClean(), result.describe().constData());
    const QJsonObject printed = parseObject(result.out);
    QCOMPARE(printed.keys(), QStringList{u"schema_version"_s});
    const int version = printed[u"schema_version"_s].toInt();
    QVERIFY2(version >= 1, result.out.constData());

    // Again: nothing left to apply, same version.
    result = run({u"migrate"_s, u"--data-dir"_s, dataDir()});
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    QCOMPARE(parseObject(result.out)[u"schema_version"_s].toInt(), version);

    Latchkey::Server::ServerOptions options;
    options.dataDir = dataDir();
    QString error;
    const auto context = Latchkey::Server::openContext(options, &error);
    QVERIFY2(context, qPrintable(error));
    QCOMPARE(context->database().schemaVersion(), version);

    result = run({u"migrate"_s});
    QVERIFY2(result.exitCode == 2, result.describe().constData());
    QVERIFY2(result.err.contains("--data-dir is required"), result.describe().constData());
}

void TestServerCli::serveUntilSigterm()
{
    const QJsonObject account = bootstrap();
    QVERIFY(!account.isEmpty());

    QProcess process;
    process.start(serverBinary(), {u"serve"_s, u"--data-dir"_s, dataDir(), u"--listen"_s,
                                   u"127.0.0.1:0"_s, u"--ready-json"_s});
    QVERIFY2(process.waitForStarted(10000), qPrintable(process.errorString()));
    const QByteArray line = readLine(process);
    const QJsonObject ready = parseObject(line);
    QVERIFY2(!ready.isEmpty(), QByteArray(line + process.readAllStandardError()).constData());
    QCOMPARE(ready[u"pid"_s].toInteger(), process.processId());
    const QUrl url(ready[u"url"_s].toString());
    QCOMPARE(url.scheme(), u"http"_s);
    QCOMPARE(url.host(), u"127.0.0.1"_s);
    QVERIFY2(url.port() > 0, line.constData());

    Reply reply = send("GET", url.resolved(QUrl(u"/healthz"_s)));
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.json()[u"status"_s].toString(), u"ok"_s);

    const QString token = clientCredentialsToken(url, account[u"automation"_s].toObject());
    QVERIFY(!token.isEmpty());
    reply = send("GET", url.resolved(QUrl(u"/api/v2/whoami"_s)), {},
                 {{"Authorization", "Bearer " + token.toLatin1()}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.json()[u"tenant"_s][u"id"_s].toString(),
             account[u"tenant"_s][u"id"_s].toString());
    QVERIFY(reply.json()[u"scopes"_s].toArray().contains(u"admin"_s));
    reply = send("GET", url.resolved(QUrl(u"/api/admin/v1/keys"_s)), {},
                 {{"Authorization", "Bearer " + token.toLatin1()}});
    QVERIFY2(reply.status == 200, reply.describe().constData());

    QElapsedTimer elapsed;
    elapsed.start();
    process.terminate();
    QVERIFY2(process.waitForFinished(5000), "latchkey-server did not stop within 5 s of SIGTERM");
    QVERIFY(elapsed.elapsed() < 5000);
    const QByteArray err = process.readAllStandardError();
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QVERIFY2(process.exitCode() == 0, err.constData());
    QVERIFY2(process.readAllStandardOutput().isEmpty(), "--ready-json prints one line only");
    QVERIFY2(!err.contains("Sanitizer") && !err.contains("runtime error:"), err.constData());
}

void TestServerCli::serveStopsOnSigintAndNamesThePublicUrl()
{
    QProcess process;
    process.start(serverBinary(),
                  {u"serve"_s, u"--data-dir"_s, dataDir(), u"--listen"_s, u"127.0.0.1:0"_s,
                   u"--public-url"_s, u"https://keys.example.com"_s, u"--ready-json"_s});
    QVERIFY2(process.waitForStarted(10000), qPrintable(process.errorString()));
    const QByteArray line = readLine(process);
    const QJsonObject ready = parseObject(line);
    QVERIFY2(QUrl(ready[u"url"_s].toString()).port() > 0,
             QByteArray(line + process.readAllStandardError()).constData());
    QCOMPARE(ready[u"public_url"_s].toString(), u"https://keys.example.com"_s);

    QCOMPARE(::kill(pid_t(process.processId()), SIGINT), 0);
    QVERIFY2(process.waitForFinished(5000), "latchkey-server did not stop within 5 s of SIGINT");
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
}

void TestServerCli::serveRefusesBadOptions_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    const QString listenRule = u"--listen must be HOST:PORT with an IP address"_s;
    QTest::newRow("no data dir") << QStringList{u"--listen"_s, u"127.0.0.1:0"_s}
                                 << u"--data-dir is required"_s;
    QTest::newRow("sandbox on all interfaces")
        << QStringList{u"--data-dir"_s, u"{data}"_s, u"--sandbox"_s, u"--listen"_s, u"0.0.0.0:0"_s}
        << u"The sandbox serves on a loopback address only"_s;
    QTest::newRow("listen garbage")
        << QStringList{u"--data-dir"_s, u"{data}"_s, u"--listen"_s, u"garbage"_s} << listenRule;
    QTest::newRow("listen without port")
        << QStringList{u"--data-dir"_s, u"{data}"_s, u"--listen"_s, u"127.0.0.1"_s} << listenRule;
    QTest::newRow("listen port too large")
        << QStringList{u"--data-dir"_s, u"{data}"_s, u"--listen"_s, u"127.0.0.1:65536"_s}
        << listenRule;
    QTest::newRow("listen host name")
        << QStringList{u"--data-dir"_s, u"{data}"_s, u"--listen"_s, u"example.com:80"_s}
        << listenRule;
    QTest::newRow("public url not http")
        << QStringList{u"--data-dir"_s,  u"{data}"_s,       u"--listen"_s,
                       u"127.0.0.1:0"_s, u"--public-url"_s, u"ftp://keys.example.com"_s}
        << u"--public-url must be an http or https URL"_s;
    QTest::newRow("trusted proxy not an address")
        << QStringList{u"--data-dir"_s,  u"{data}"_s,          u"--listen"_s,
                       u"127.0.0.1:0"_s, u"--trusted-proxy"_s, u"proxy.internal"_s}
        << u"--trusted-proxy must be an IP address or subnet such as 127.0.0.1 or 10.0.0.0/8; "
           "got proxy.internal."_s;
    QTest::newRow("trusted proxy bad prefix")
        << QStringList{u"--data-dir"_s,  u"{data}"_s,          u"--listen"_s,
                       u"127.0.0.1:0"_s, u"--trusted-proxy"_s, u"10.0.0.0/33"_s}
        << u"--trusted-proxy must be an IP address or subnet"_s;
    QTest::newRow("tls cert without key")
        << QStringList{u"--data-dir"_s,  u"{data}"_s,     u"--listen"_s,
                       u"127.0.0.1:0"_s, u"--tls-cert"_s, u"cert.pem"_s}
        << u"Give --tls-cert and --tls-key together."_s;
}

void TestServerCli::serveRefusesBadOptions()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);

    arguments.replaceInStrings(u"{data}"_s, dataDir());
    const Result result = run(QStringList{u"serve"_s} + arguments);
    QVERIFY2(result.exitCode == 2 && !result.crashed, result.describe().constData());
    QVERIFY2(result.err.contains(message.toUtf8()), result.describe().constData());
    QVERIFY2(result.out.isEmpty(), result.describe().constData());
    QVERIFY2(!QFileInfo::exists(dataDir()), "nothing is created on a usage error");
}

void TestServerCli::serveReportsAPortInUse()
{
    QTcpServer taken;
    QVERIFY(taken.listen(QHostAddress::LocalHost, 0));
    const Result result = run({u"serve"_s, u"--data-dir"_s, dataDir(), u"--listen"_s,
                               u"127.0.0.1:%1"_s.arg(taken.serverPort()), u"--ready-json"_s});
    QVERIFY2(result.exitCode == 1 && !result.crashed, result.describe().constData());
    QVERIFY2(result.err.contains("Cannot listen on 127.0.0.1:"), result.describe().constData());
    QVERIFY2(result.out.isEmpty(), result.describe().constData());
}

void TestServerCli::sandboxBootstrapsOnce()
{
    const QStringList arguments{u"serve"_s,    u"--sandbox"_s,   u"--data-dir"_s,  dataDir(),
                                u"--listen"_s, u"127.0.0.1:0"_s, u"--ready-json"_s};
    QJsonObject created;
    {
        QProcess process;
        process.start(serverBinary(), arguments);
        QVERIFY2(process.waitForStarted(10000), qPrintable(process.errorString()));
        const QByteArray first = readLine(process);
        created = parseObject(first)[u"bootstrap"_s].toObject();
        QVERIFY2(!created.isEmpty(),
                 QByteArray(first + process.readAllStandardError()).constData());
        QVERIFY(!created[u"tenant"_s][u"id"_s].toString().isEmpty());
        QVERIFY(!created[u"admin"_s][u"password"_s].toString().isEmpty());
        QVERIFY(!created[u"automation"_s][u"client_secret"_s].toString().isEmpty());
        const QJsonArray users = created[u"sandbox_users"_s].toArray();
        QVERIFY2(users.size() >= 1, first.constData());
        for (const QJsonValue &user : users) {
            QVERIFY(user[u"email"_s].toString().contains(u'@'));
            QVERIFY(user[u"password"_s].toString().size() >= 12);
        }

        const QByteArray second = readLine(process);
        const QUrl url(parseObject(second)[u"url"_s].toString());
        QVERIFY2(url.port() > 0, second.constData());
        const QString token = clientCredentialsToken(url, created[u"automation"_s].toObject());
        QVERIFY(!token.isEmpty());
        const Reply keys = send("GET", url.resolved(QUrl(u"/api/admin/v1/keys"_s)), {},
                                {{"Authorization", "Bearer " + token.toLatin1()}});
        QVERIFY2(keys.status == 200, keys.describe().constData());
        QVERIFY2(!keys.json()[u"items"_s].toArray().isEmpty(), "the sandbox has demo keys");

        process.terminate();
        QVERIFY(process.waitForFinished(5000));
        QCOMPARE(process.exitCode(), 0);
    }

    QStringList secrets{created[u"admin"_s][u"password"_s].toString(),
                        created[u"automation"_s][u"client_secret"_s].toString()};
    for (const QJsonValue &user : created[u"sandbox_users"_s].toArray())
        secrets.append(user[u"password"_s].toString());
    for (const QString &secret : std::as_const(secrets)) {
        const QStringList files = filesContaining(dataDir(), secret);
        QVERIFY2(files.isEmpty(), qPrintable(u"a secret is in clear in "_s + files.join(u", ")));
    }

    // The second start finds the account and prints only the ready line.
    QProcess process;
    process.start(serverBinary(), arguments);
    QVERIFY2(process.waitForStarted(10000), qPrintable(process.errorString()));
    const QByteArray line = readLine(process);
    const QJsonObject ready = parseObject(line);
    QVERIFY2(!ready.contains(u"bootstrap"_s), line.constData());
    QVERIFY2(ready.contains(u"url"_s),
             QByteArray(line + process.readAllStandardError()).constData());
    process.terminate();
    QVERIFY(process.waitForFinished(5000));
    QCOMPARE(process.exitCode(), 0);
    QVERIFY2(process.readAllStandardOutput().isEmpty(), "no bootstrap line on a second start");
}

QTEST_GUILESS_MAIN(TestServerCli)
#include "tst_servercli.moc"
