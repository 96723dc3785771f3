// Export files: written atomically with mode 0600, encrypted with age both ways against Debian's
// age, and used for real against a running server: the Postman environment by newman, the
// dotenv file by sh and curl, the curl script by sh.

#include <export/exporters.h>
#include <export/exportfile.h>
#include <export/exportreader.h>

#include <testserver.h>

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace Latchkey::Core;
using Latchkey::Test::Reply;
using Latchkey::Test::TestServer;

namespace Latchkey::Core {
// Failure messages: the export as JSON (test data only).
char *toString(const CredentialExport &data)
{
    const auto json = toJson(data);
    return qstrdup(json.ok() ? json.value().constData() : "(no JSON)");
}
} // namespace Latchkey::Core

namespace {

const QByteArray passphrase = "correct horse battery staple";

template<typename T>
QByteArray why(const Result<T> &result)
{
    return result.ok() ? QByteArray() : result.error().toText().toUtf8();
}

CredentialExport fixture()
{
    CredentialExport data = CredentialExport::forAccount(QUrl(u"https://latchkey.example"_s));
    data.keys.append({u"lk_wh1"_s,
                      u"Warehouse"_s,
                      {u"Read only"_s, {u"assets:read"_s}},
                      ExportSecret::present(u"hawk-key-1"_s)});
    ExportedConsumer erp;
    erp.clientId = u"cid-erp"_s;
    erp.name = u"ERP Sync"_s;
    erp.group = {u"Maintenance"_s, {u"assets:read"_s, u"assets:write"_s}};
    erp.clientSecret = ExportSecret::present(u"erp-secret-value"_s);
    data.consumers.append(erp);
    ExportedConsumer legacy = erp;
    legacy.clientId = u"cid-legacy"_s;
    legacy.name = u"Legacy"_s;
    legacy.clientSecret = ExportSecret::missing(u"not in the keychain"_s);
    data.consumers.append(legacy);
    return data;
}

int fileMode(const QString &path)
{
    struct stat info
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 07777) : -1;
}

quint64 inode(const QString &path)
{
    struct stat info
    {
    };
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? quint64(info.st_ino) : 0;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(cannot read)");
}

bool writePlain(const QString &path, const QByteArray &bytes, QFileDevice::Permissions mode)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(bytes) == bytes.size() && file.setPermissions(mode);
}

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QByteArray describe() const
    {
        return "exit " + QByteArray::number(exitCode) + "\nstdout: " + out + "\nstderr: " + err;
    }
};

// A child's environment: no proxy between it and 127.0.0.1.
QProcessEnvironment childEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name : {u"http_proxy"_s, u"https_proxy"_s, u"all_proxy"_s, u"HTTP_PROXY"_s,
                                u"HTTPS_PROXY"_s, u"ALL_PROXY"_s})
        environment.remove(name);
    environment.insert(u"NO_PROXY"_s, u"127.0.0.1,localhost"_s);
    environment.insert(u"no_proxy"_s, u"127.0.0.1,localhost"_s);
    return environment;
}

// Runs a program while this thread's event loop (and so the in-process server) keeps running.
Run run(const QString &program, const QStringList &arguments,
        const QProcessEnvironment &environment = childEnvironment(), const QString &directory = {})
{
    QProcess process;
    process.setProcessEnvironment(environment);
    if (!directory.isEmpty())
        process.setWorkingDirectory(directory);
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    process.start(program, arguments);
    loop.exec();
    Run result;
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished(5000);
        result.err = program.toUtf8() + " did not finish in time";
        return result;
    }
    if (process.error() == QProcess::FailedToStart) {
        result.err = program.toUtf8() + " did not start: " + process.errorString().toUtf8();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

// age reads passphrases from its terminal only: this runs it on a pseudo-terminal and answers
// each "Enter passphrase" and "Confirm passphrase" prompt with LATCHKEY_TEST_AGE_PASSPHRASE.
const QString agePty = uR"py(
import os, pty, sys
answer = os.environ.pop('LATCHKEY_TEST_AGE_PASSPHRASE').encode() + b'\n'
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
transcript = b''
answered = 0
while True:
    try:
        data = os.read(fd, 4096)
    except OSError:
        break
    if not data:
        break
    transcript += data
    prompts = transcript.count(b'Enter passphrase') + transcript.count(b'Confirm passphrase')
    while answered < prompts:
        os.write(fd, answer)
        answered += 1
_, status = os.waitpid(pid, 0)
sys.stderr.write(transcript.decode(errors='replace'))
sys.exit(os.waitstatus_to_exitcode(status))
)py"_s;

Run runAge(const QStringList &arguments, const QByteArray &agePassphrase)
{
    QProcessEnvironment environment = childEnvironment();
    environment.insert(u"LATCHKEY_TEST_AGE_PASSPHRASE"_s, QString::fromUtf8(agePassphrase));
    return run(u"python3"_s, QStringList{u"-c"_s, agePty, u"/usr/bin/age"_s} + arguments,
               environment);
}

QString peersDir()
{
    const QString source = qEnvironmentVariable("LATCHKEY_SOURCE_DIR");
    if (!source.isEmpty())
        return source + u"/tests/peers"_s;
    return QFileInfo(QString::fromUtf8(__FILE__)).absolutePath() + u"/../peers"_s;
}

} // namespace

class TestExportFiles final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void newFileHasMode0600();
    void replacingNarrowsTheModeAndSwapsTheFile();
    void failingWriteLeavesTheOldFileIntact();
    void missingFolderIsAnError();
    void folderInTheWayIsAnError();

    void encryptedRoundTrip_data();
    void encryptedRoundTrip();
    void wrongPassphraseCancelAndDamage();
    void encryptionRejectsBadOptions();
    void ageDecryptsOurFiles_data();
    void ageDecryptsOurFiles();
    void weReadWhatAgeMakes_data();
    void weReadWhatAgeMakes();

    void postmanEnvironmentWorksInNewman();
    void dotenvWorksWithShAndCurl();
    void curlScriptWorks();
    void exportedHawkKeyWorks();

private:
    // A running server with the consumer "ERP Sync" (client credentials) and the key
    // "Warehouse", exported with their real secrets.
    CredentialExport startServerAndExport();

    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_server;
    QString m_consumerId;
};

void TestExportFiles::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(QFileInfo(u"/usr/bin/age"_s).isExecutable(), "Debian's age is missing: install it "
                                                          "(tools/install-deps)");
    QVERIFY2(!QStandardPaths::findExecutable(u"python3"_s).isEmpty(),
             "python3 drives age on a pseudo-terminal");
    QVERIFY2(!QStandardPaths::findExecutable(u"curl"_s).isEmpty(), "curl is missing");
}

void TestExportFiles::newFileHasMode0600()
{
    const QString path = m_dir.filePath(u"new.env"_s);
    const mode_t previous = ::umask(0); // the most permissive umask there is
    const auto written = writeExportFile(path, "A='1'\n");
    ::umask(previous);
    QVERIFY2(written.ok(), why(written).constData());
    QCOMPARE(readAll(path), "A='1'\n"_ba);
    QCOMPARE(fileMode(path), 0600);
}

void TestExportFiles::replacingNarrowsTheModeAndSwapsTheFile()
{
    const QString path = m_dir.filePath(u"old.env"_s);
    QVERIFY(writePlain(path, "old",
                       QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                           QFileDevice::ReadOther));
    QCOMPARE(fileMode(path), 0644);
    const quint64 before = inode(path);

    const auto written = writeExportFile(path, "new contents");
    QVERIFY2(written.ok(), why(written).constData());
    QCOMPARE(readAll(path), "new contents"_ba);
    QCOMPARE(fileMode(path), 0600);
    QVERIFY2(inode(path) != before, "a new file renamed over the old one, not rewritten in place");
}

// RLIMIT_FSIZE makes the write fail part of the way through, even for root.
void TestExportFiles::failingWriteLeavesTheOldFileIntact()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"credentials.env"_s);
    QVERIFY(writePlain(path, "old contents",
                       QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup));

    rlimit limit{};
    QCOMPARE(::getrlimit(RLIMIT_FSIZE, &limit), 0);
    const rlimit saved = limit;
    limit.rlim_cur = 4096;
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    QCOMPARE(::setrlimit(RLIMIT_FSIZE, &limit), 0);
    const auto written = writeExportFile(path, QByteArray(64 * 1024, 'x'));
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previousHandler);

    QVERIFY(!written.ok());
    QCOMPARE(written.error().kind, Error::Kind::Storage);
    QVERIFY2(written.error().message.startsWith(u"Could not write "_s + path + u": "_s),
             qPrintable(written.error().message));
    QVERIFY(written.error().hint.startsWith(u"Nothing was written there."_s));
    QCOMPARE(readAll(path), "old contents"_ba);
    QCOMPARE(fileMode(path), 0640);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System),
             QStringList{u"credentials.env"_s});
}

void TestExportFiles::missingFolderIsAnError()
{
    const QString path = m_dir.filePath(u"no/such/folder/credentials.env"_s);
    const auto written = writeExportFile(path, "A='1'\n");
    QVERIFY(!written.ok());
    QCOMPARE(written.error().kind, Error::Kind::Storage);
    QVERIFY2(written.error().message.startsWith(u"Could not write "_s + path),
             qPrintable(written.error().message));
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(!QFileInfo::exists(m_dir.filePath(u"no"_s)));
}

void TestExportFiles::folderInTheWayIsAnError()
{
    const QString path = m_dir.filePath(u"a-folder"_s);
    QVERIFY(QDir(m_dir.path()).mkdir(u"a-folder"_s));
    QVERIFY(writePlain(path + u"/inside"_s, "kept", QFileDevice::ReadOwner));
    const auto written = writeExportFile(path, "A='1'\n");
    QVERIFY(!written.ok());
    QVERIFY2(written.error().message.startsWith(u"Could not write "_s + path),
             qPrintable(written.error().message));
    QVERIFY(QFileInfo(path).isDir());
    QCOMPARE(readAll(path + u"/inside"_s), "kept"_ba);
}

void TestExportFiles::encryptedRoundTrip_data()
{
    QTest::addColumn<bool>("armor");
    QTest::addColumn<int>("format");
    QTest::newRow("binary json") << false << int(ExportFormat::Json);
    QTest::newRow("armored json") << true << int(ExportFormat::Json);
    QTest::newRow("binary dotenv") << false << int(ExportFormat::Dotenv);
    QTest::newRow("armored dotenv") << true << int(ExportFormat::Dotenv);
}

void TestExportFiles::encryptedRoundTrip()
{
    QFETCH(bool, armor);
    QFETCH(int, format);
    const QString path = m_dir.filePath(u"round-trip.age"_s);
    const QByteArray plain = renderExport(fixture(), ExportFormat(format)).value();
    const auto written = writeExportFile(path, plain, {passphrase, armor, 10});
    QVERIFY2(written.ok(), why(written).constData());
    QCOMPARE(fileMode(path), 0600);

    const QByteArray file = readAll(path);
    if (armor) {
        QVERIFY(file.startsWith("-----BEGIN AGE ENCRYPTED FILE-----\n"));
    } else {
        QVERIFY(file.startsWith("age-encryption.org/v1\n-> scrypt "));
        QVERIFY2(file.split('\n').at(1).endsWith(" 10"), "the work factor asked for");
    }
    for (const char *secret : {"hawk-key-1", "erp-secret-value", "cid-erp", "LATCHKEY"})
        QVERIFY2(!file.contains(secret), secret);

    int asked = 0;
    const auto back = importExport(file, [&asked] {
        ++asked;
        return std::optional<QByteArray>(passphrase);
    });
    QVERIFY2(back.ok(), why(back).constData());
    QCOMPARE(asked, 1);
    QCOMPARE(back.value(), fixture());
}

void TestExportFiles::wrongPassphraseCancelAndDamage()
{
    const QByteArray file =
        encryptExport(toJson(fixture()).value(), {passphrase, false, 10}).value();

    const auto wrong =
        importExport(file, [] { return std::optional<QByteArray>("Correct horse"); });
    QVERIFY(!wrong.ok());
    QCOMPARE(wrong.error().kind, Error::Kind::Authentication);
    QVERIFY2(wrong.error().message.startsWith(u"Wrong passphrase"_s),
             qPrintable(wrong.error().message));

    const auto cancelled = importExport(file, [] { return std::optional<QByteArray>(); });
    QVERIFY(!cancelled.ok());
    QCOMPARE(cancelled.error().kind, Error::Kind::Cancelled);
    QCOMPARE(cancelled.error().message, u"The export is encrypted, and no passphrase was given."_s);
    QCOMPARE(importExport(file, {}).error().kind, Error::Kind::Cancelled);

    QByteArray flipped = file;
    flipped[flipped.size() - 1] = char(flipped.back() ^ 0x01);
    const auto damaged =
        importExport(flipped, [] { return std::optional<QByteArray>(passphrase); });
    QVERIFY(!damaged.ok());
    QCOMPARE(damaged.error().kind, Error::Kind::Storage);
    QVERIFY2(damaged.error().message.contains(u"damaged"_s), qPrintable(damaged.error().message));

    // Cut inside the payload's nonce, right after the header.
    const qsizetype payload = file.indexOf('\n', file.indexOf("\n---") + 1) + 1;
    QVERIFY(payload > 0);
    const auto truncated =
        importExport(file.left(payload + 10), [] { return std::optional<QByteArray>(passphrase); });
    QVERIFY(!truncated.ok());
    QCOMPARE(truncated.error().kind, Error::Kind::Storage);
    QVERIFY2(truncated.error().message.contains(u"truncated"_s),
             qPrintable(truncated.error().message));

    // Decrypted, but not an export.
    const QByteArray other = encryptExport("just a note\n", {passphrase, true, 10}).value();
    const auto notExport =
        importExport(other, [] { return std::optional<QByteArray>(passphrase); });
    QVERIFY(!notExport.ok());
    QCOMPARE(notExport.error().kind, Error::Kind::Usage);
    QVERIFY2(notExport.error().message.startsWith(u"This is not a Latchkey export"_s),
             qPrintable(notExport.error().message));
}

void TestExportFiles::encryptionRejectsBadOptions()
{
    const QString path = m_dir.filePath(u"never.age"_s);
    const auto empty = writeExportFile(path, "A='1'\n", {QByteArray(), false, 10});
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error().kind, Error::Kind::Usage);
    QCOMPARE(empty.error().message, u"An encrypted export needs a passphrase."_s);
    for (const int workFactor : {9, 23}) {
        const auto bad = writeExportFile(path, "A='1'\n", {passphrase, false, workFactor});
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().message, u"The work factor must be between 10 and 22."_s);
    }
    QVERIFY(!QFileInfo::exists(path));
    QCOMPARE(suggestedExportFileName(u"acme", fileSuffix(ExportFormat::Dotenv), true),
             u"acme.env.age"_s);
}

void TestExportFiles::ageDecryptsOurFiles_data()
{
    QTest::addColumn<bool>("armor");
    QTest::newRow("binary") << false;
    QTest::newRow("armored") << true;
}

void TestExportFiles::ageDecryptsOurFiles()
{
    QFETCH(bool, armor);
    const QString encrypted = m_dir.filePath(u"ours.env.age"_s);
    const QString decrypted = m_dir.filePath(u"ours.env"_s);
    QFile::remove(decrypted);
    const QByteArray plain = toDotenv(fixture()).value();
    QVERIFY(writeExportFile(encrypted, plain, {passphrase, armor, 10}).ok());

    const Run wrong = runAge({u"-d"_s, u"-o"_s, decrypted, encrypted}, "not it");
    QVERIFY2(wrong.exitCode != 0, wrong.describe().constData());
    QVERIFY2(wrong.err.contains("incorrect passphrase"), wrong.describe().constData());
    QVERIFY(!QFileInfo::exists(decrypted) || readAll(decrypted).isEmpty());

    QFile::remove(decrypted);
    const Run right = runAge({u"-d"_s, u"-o"_s, decrypted, encrypted}, passphrase);
    QVERIFY2(right.exitCode == 0, right.describe().constData());
    QCOMPARE(readAll(decrypted), plain);
}

void TestExportFiles::weReadWhatAgeMakes_data()
{
    QTest::addColumn<bool>("armor");
    QTest::addColumn<int>("format");
    QTest::newRow("binary dotenv") << false << int(ExportFormat::Dotenv);
    QTest::newRow("armored json") << true << int(ExportFormat::Json);
}

// age -p uses its own work factor (18): this takes a second or two per row.
void TestExportFiles::weReadWhatAgeMakes()
{
    QFETCH(bool, armor);
    QFETCH(int, format);
    const QString plainPath = m_dir.filePath(u"theirs.txt"_s);
    const QString encrypted = m_dir.filePath(u"theirs.age"_s);
    QFile::remove(encrypted);
    QVERIFY(writeExportFile(plainPath, renderExport(fixture(), ExportFormat(format)).value()).ok());

    QStringList arguments{u"-p"_s, u"-o"_s, encrypted, plainPath};
    if (armor)
        arguments.prepend(u"-a"_s);
    const Run made = runAge(arguments, passphrase);
    QVERIFY2(made.exitCode == 0, made.describe().constData());
    const QByteArray file = readAll(encrypted);
    QVERIFY(file.startsWith(armor ? "-----BEGIN AGE ENCRYPTED FILE-----"
                                  : "age-encryption.org/v1\n-> scrypt "));

    const auto back = importExport(file, [] { return std::optional<QByteArray>(passphrase); });
    QVERIFY2(back.ok(), why(back).constData());
    QCOMPARE(back.value(), fixture());
    const auto wrong = importExport(file, [] { return std::optional<QByteArray>("nope"); });
    QCOMPARE(wrong.error().kind, Error::Kind::Authentication);
}

CredentialExport TestExportFiles::startServerAndExport()
{
    m_server = std::make_unique<TestServer>();
    CredentialExport data = CredentialExport::forAccount(m_server->url());

    const Reply groups = m_server->admin("GET", u"/api/admin/v1/permission-groups"_s);
    Latchkey::PermissionGroup maintenance;
    for (const QJsonValue &item : groups.json()[u"items"_s].toArray()) {
        if (item[u"name"_s].toString() == u"Maintenance"_s)
            maintenance = Latchkey::PermissionGroup::fromJson(item.toObject());
    }

    const QJsonObject key = m_server->createKey(u"Warehouse"_s);
    const QJsonObject consumer = m_server->createConsumer(
        {{u"name"_s, u"ERP Sync"_s}, {u"grant_type"_s, u"client_credentials"_s}});
    m_consumerId = consumer[u"client_id"_s].toString();
    const Latchkey::ApiKey apiKey = Latchkey::ApiKey::fromJson(key);
    const Latchkey::Consumer client = Latchkey::Consumer::fromJson(consumer);
    data.keys.append(exportedKey(apiKey, maintenance, ExportSecret::present(apiKey.secret)));
    data.consumers.append(
        exportedConsumer(client, maintenance, ExportSecret::present(client.clientSecret)));
    return data;
}

void TestExportFiles::postmanEnvironmentWorksInNewman()
{
    const QString newman = peersDir() + u"/node_modules/newman/bin/newman.js"_s;
    if (!QFileInfo::exists(newman))
        QSKIP("tests/peers/node_modules/newman is missing: run tools/install-deps (npm ci)");
    const QString node = QStandardPaths::findExecutable(u"node"_s);
    QVERIFY2(!node.isEmpty(), "node is missing, though newman is installed");
    const QString collection = peersDir() + u"/postman/whoami.postman_collection.json"_s;
    QVERIFY(QFileInfo::exists(collection));

    CredentialExport data = startServerAndExport();
    QVERIFY(!m_consumerId.isEmpty());
    QCOMPARE(data.consumers.first().group.name, u"Maintenance"_s);
    QVERIFY(data.consumers.first().group.scopes.contains(u"assets:write"_s));

    const auto newmanRun = [&](const CredentialExport &exported, const QString &name) {
        const QString environment = m_dir.filePath(name + u".postman_environment.json"_s);
        const QString report = m_dir.filePath(name + u"-report.json"_s);
        const auto written = writeExportFile(environment, toPostmanEnvironment(exported).value());
        if (!written.ok())
            qWarning("%s", why(written).constData());
        const Run result =
            run(node, {newman, u"run"_s, collection, u"-e"_s, environment, u"--reporters"_s,
                       u"cli,json"_s, u"--reporter-json-export"_s, report, u"--color"_s, u"off"_s,
                       u"--timeout-request"_s, u"30000"_s});
        return std::pair{result, QJsonDocument::fromJson(readAll(report)).object()};
    };

    const auto [passed, report] = newmanRun(data, u"good"_s);
    QVERIFY2(passed.exitCode == 0, passed.describe().constData());
    const QJsonObject stats = report[u"run"_s][u"stats"_s][u"assertions"_s].toObject();
    QCOMPARE(stats[u"total"_s].toInt(), 4);
    QCOMPARE(stats[u"failed"_s].toInt(), 0);
    const QJsonArray executions = report[u"run"_s][u"executions"_s].toArray();
    QCOMPARE(executions.size(), 2);
    QCOMPARE(executions[0][u"response"_s][u"code"_s].toInt(), 200);
    QCOMPARE(executions[1][u"response"_s][u"code"_s].toInt(), 200);

    // A secret that is missing stays out of the request, and the token request fails visibly.
    data.consumers.first().clientSecret = ExportSecret::missing(u"not in the keychain"_s);
    const auto [failed, failedReport] = newmanRun(data, u"missing"_s);
    QVERIFY2(failed.exitCode != 0, failed.describe().constData());
    QCOMPARE(failedReport[u"run"_s][u"executions"_s][0][u"response"_s][u"code"_s].toInt(), 401);
}

void TestExportFiles::dotenvWorksWithShAndCurl()
{
    const CredentialExport data = startServerAndExport();
    const QString path = m_dir.filePath(u"server.env"_s);
    const QString body = m_dir.filePath(u"token.json"_s);
    QVERIFY(writeExportFile(path, toDotenv(data).value()).ok());

    const QString script =
        uR"sh(. "$1" && curl -sS -o "$2" -w '%{http_code}' -u "$ERP_SYNC_CLIENT_ID:$ERP_SYNC_CLIENT_SECRET" -d grant_type=client_credentials "$LATCHKEY_TOKEN_URL")sh"_s;
    const Run result = run(u"sh"_s, {u"-c"_s, script, u"sh"_s, path, body});
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    QCOMPARE(result.out, "200"_ba);

    const QJsonObject token = QJsonDocument::fromJson(readAll(body)).object();
    QCOMPARE(token[u"token_type"_s].toString().toLower(), u"bearer"_s);
    const Reply whoami =
        m_server->withToken(token[u"access_token"_s].toString(), "GET", u"/api/v2/whoami"_s);
    QVERIFY2(whoami.status == 200, whoami.describe().constData());
    QCOMPARE(whoami.json()[u"principal"_s][u"name"_s].toString(), u"ERP Sync"_s);

    // The assertion above can fail: a wrong secret is refused.
    CredentialExport wrong = data;
    wrong.consumers.first().clientSecret = ExportSecret::present(u"not-the-secret"_s);
    QVERIFY(writeExportFile(path, toDotenv(wrong).value()).ok());
    const Run refused = run(u"sh"_s, {u"-c"_s, script, u"sh"_s, path, body});
    QCOMPARE(refused.out, "401"_ba);
}

void TestExportFiles::curlScriptWorks()
{
    const CredentialExport data = startServerAndExport();
    const QString path = m_dir.filePath(u"try.sh"_s);
    QVERIFY(writeExportFile(path, toCurlScript(data).value()).ok());
    QCOMPARE(fileMode(path), 0600);

    const Run result = run(u"sh"_s, {path});
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    const QJsonObject whoami = QJsonDocument::fromJson(result.out).object();
    QVERIFY2(!whoami.isEmpty(), result.describe().constData());
    QCOMPARE(whoami[u"principal"_s][u"name"_s].toString(), u"ERP Sync"_s);
    QCOMPARE(whoami[u"auth"_s].toString(), u"bearer"_s);
    QCOMPARE(whoami[u"permission_group"_s][u"name"_s].toString(), u"Maintenance"_s);
    QVERIFY(result.err.contains("== ERP Sync: client credentials, then whoami\n"));
    const QByteArray hawkNote = "== Warehouse: Hawk requests must be signed; try: latchkeyctl "
                                "keys test " +
                                data.keys.first().id.toUtf8() + '\n';
    QVERIFY(result.err.contains(hawkNote));

    CredentialExport wrong = data;
    wrong.consumers.first().clientSecret = ExportSecret::present(u"not-the-secret"_s);
    QVERIFY(writeExportFile(path, toCurlScript(wrong).value()).ok());
    const Run refused = run(u"sh"_s, {path});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains("no access token for ERP Sync"), refused.describe().constData());
    QVERIFY(refused.out.isEmpty());
}

// The exported Hawk id and key, read back from the file, sign requests the server accepts.
void TestExportFiles::exportedHawkKeyWorks()
{
    const CredentialExport data = startServerAndExport();
    const QString path = m_dir.filePath(u"hawk.env.age"_s);
    QVERIFY(writeExportFile(path, toDotenv(data).value(), {passphrase, true, 10}).ok());
    const auto back =
        importExport(readAll(path), [] { return std::optional<QByteArray>(passphrase); });
    QVERIFY2(back.ok(), why(back).constData());
    QCOMPARE(back.value().keys.size(), 1);
    const ExportedKey &key = back.value().keys.first();
    QCOMPARE(key.name, u"Warehouse"_s);
    const Reply whoami = m_server->hawk(key.id, key.secret.value(), "GET", u"/api/v2/whoami"_s);
    QVERIFY2(whoami.status == 200, whoami.describe().constData());
    QCOMPARE(whoami.json()[u"principal"_s][u"name"_s].toString(), u"Warehouse"_s);
    QCOMPARE(whoami.json()[u"auth"_s].toString(), u"hawk"_s);
    QCOMPARE(m_server->hawk(key.id, u"wrong"_s, "GET", u"/api/v2/whoami"_s).status, 401);
}

QTEST_GUILESS_MAIN(TestExportFiles)
#include "tst_exportfiles.moc"
