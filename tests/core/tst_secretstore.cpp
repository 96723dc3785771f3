#include <protocol/random.h>
#include <secrets/secretstore.h>

#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <qt6keychain/keychain.h>

#include <sstream>

using namespace Qt::StringLiterals;
using Latchkey::Core::Error;
using Latchkey::Core::Nothing;
using Latchkey::Core::Result;
using Latchkey::Core::Secret;
using Latchkey::Core::SecretStore;
using Latchkey::Core::Task;
namespace SecretKind = Latchkey::Core::SecretKind;

namespace {

// The child runs of this test set it to the scenario they play.
constexpr char childVariable[] = "LATCHKEY_TST_SECRETSTORE_CHILD";

const QString noKeychainMessage =
    u"No keychain is available: install and unlock gnome-keyring or KWallet, or run with "
    "LATCHKEY_CLIENT_ID/SECRET for automation"_s;

template<typename T>
Result<T> await(Task<T> task)
{
    if (!QTest::qWaitFor([&task] { return task.isFinished(); }, 20000) || task.resultCount() == 0) {
        Error error;
        error.kind = Error::Kind::Timeout;
        error.message = u"the keychain did not answer within 20 s"_s;
        return error;
    }
    return task.result();
}

// Why a Result failed, for a failing check's message; empty when it did not.
template<typename T>
QString describe(const Result<T> &result)
{
    if (result.ok())
        return QString();
    return u"kind %1: %2"_s.arg(int(result.error().kind)).arg(result.error().toText());
}

// Every message logged while it lives, for asserting what was (not) logged.
class MessageLog final
{
    Q_DISABLE_COPY_MOVE(MessageLog)

public:
    MessageLog()
    {
        s_messages.clear();
        m_previous = qInstallMessageHandler(&MessageLog::handle);
        s_previous = m_previous;
    }
    ~MessageLog() { qInstallMessageHandler(m_previous); }

    static QStringList messages() { return s_messages; }
    static qsizetype count(QStringView part)
    {
        qsizetype n = 0;
        for (const QString &message : std::as_const(s_messages))
            n += message.contains(part) ? 1 : 0;
        return n;
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        s_messages.append(message);
        if (s_previous)
            s_previous(type, context, message);
    }

    QtMessageHandler m_previous = nullptr;
    static inline QtMessageHandler s_previous = nullptr;
    static inline QStringList s_messages;
};

// The ways a secret could sit in a file: UTF-8, UTF-16 (QSettings, QDataStream), base64
// (QtKeychain's own plain-text fallback).
QList<QByteArray> encodingsOf(const QString &secret)
{
    const QByteArray utf16(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2);
    return {secret.toUtf8(), utf16, secret.toUtf8().toBase64()};
}

// Regular files under the session's HOME and XDG directories that contain any of needles.
QStringList filesContaining(const QList<QByteArray> &needles)
{
    QStringList found;
    for (const char *variable :
         {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_RUNTIME_DIR"}) {
        const QString root = qEnvironmentVariable(variable);
        if (root.isEmpty())
            continue;
        // No QDir::System: sockets and pipes (the keyring's control socket) are not files.
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile file(path);
            if (file.size() > 64 * 1024 * 1024 || !file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = file.readAll();
            for (const QByteArray &needle : needles) {
                if (bytes.contains(needle)) {
                    found.append(path);
                    break;
                }
            }
        }
    }
    found.removeDuplicates();
    return found;
}

struct ToolRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

ToolRun runTool(const QString &program, const QStringList &arguments,
                const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                int timeoutMs = 30000)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    ToolRun run;
    if (!process.waitForStarted(timeoutMs) || !process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = "did not run or finish: " + process.errorString().toUtf8();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

// What secret-tool finds for an entry of ours, attributes included (it prints those on
// stderr). QtKeychain's libsecret backend stores the service in the attribute "server" and the
// key in "user" (schema org.qt.keychain), so `secret-tool search service Latchkey` finds nothing.
QString searchKeyring(const QString &key)
{
    const ToolRun run =
        runTool(u"secret-tool"_s, {u"search"_s, u"--all"_s, u"server"_s,
                                   SecretStore::serviceName.toString(), u"user"_s, key});
    return QString::fromUtf8(run.out + run.err);
}

void writeChildResult(const QJsonObject &result)
{
    QFile file(qEnvironmentVariable("LATCHKEY_TST_RESULT"));
    if (file.open(QIODevice::WriteOnly))
        file.write(QJsonDocument(result).toJson());
}

QJsonObject errorJson(const Error &error)
{
    return {{u"kind"_s, int(error.kind)},
            {u"message"_s, error.message},
            {u"hint"_s, error.hint},
            {u"text"_s, error.toText()}};
}

} // namespace

// The keychain secret store against the real Secret Service of tools/with-test-session
// (gnome-keyring), and what happens when there is none or it is locked.
class TestSecretStore final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void writeReadOverwriteRemove();
    void unicodeSecretRoundTrips();
    void missingKeyReadsAsNothing();
    void entryIsInTheKeyringUnderServiceLatchkey();
    void profilesAreIsolated();
    void removeProfileRefusesAnotherProfilesKeys();
    void malformedKeysAreRefused_data();
    void malformedKeysAreRefused();
    void keychainErrorsReadPlainly_data();
    void keychainErrorsReadPlainly();
    void secretNeverPrints();
    void withoutSecretServiceWriteFailsAndNothingIsOnDisk();
    void lockedKeychainRefusesTheWrite();

private:
    QString newKey(QStringView kind = SecretKind::clientSecret) const
    {
        return SecretStore::key(m_profile, kind, Latchkey::Random::id(u"item_", 48));
    }
    bool isChild(const char *scenario) const { return qgetenv(childVariable) == scenario; }
    void noSecretServiceChild();
    void lockedChild();

    QString m_profile;
};

void TestSecretStore::initTestCase()
{
    // These tests write to the keychain: only ever the throwaway one of the test session.
    QVERIFY2(qEnvironmentVariable("HOME").contains(u"latchkey-test-session"),
             "run through tools/with-test-session, which gives a private, unlocked keychain");
}

void TestSecretStore::init()
{
    m_profile = Latchkey::Random::id(u"profile_");
}

void TestSecretStore::writeReadOverwriteRemove()
{
    SecretStore store;
    const QString key = newKey();

    Result<Nothing> written = await(store.write(key, u"first-secret-value"_s));
    QVERIFY2(written.ok(), qPrintable(describe(written)));
    Result<std::optional<QString>> read = await(store.read(key));
    QVERIFY2(read.ok(), qPrintable(describe(read)));
    QCOMPARE(read.value(), std::optional<QString>(u"first-secret-value"_s));

    written = await(store.write(key, Secret(u"second-secret-value"_s)));
    QVERIFY2(written.ok(), qPrintable(describe(written)));
    read = await(store.read(key));
    QVERIFY2(read.ok(), qPrintable(describe(read)));
    QCOMPARE(read.value(), std::optional<QString>(u"second-secret-value"_s));
    // Overwritten in place, not a second entry beside the first.
    QCOMPARE(searchKeyring(key).count(u"secret = "_s), 1);

    Result<Nothing> removed = await(store.remove(key));
    QVERIFY2(removed.ok(), qPrintable(describe(removed)));
    read = await(store.read(key));
    QVERIFY2(read.ok(), qPrintable(describe(read)));
    QCOMPARE(read.value(), std::nullopt);

    // Removing what is not there is not a failure.
    removed = await(store.remove(key));
    QVERIFY2(removed.ok(), qPrintable(describe(removed)));
}

void TestSecretStore::unicodeSecretRoundTrips()
{
    SecretStore store;
    const QString key = newKey(SecretKind::refreshToken);
    const QString secret = u"pässwörd ✓ 秘密 🔑 \"quoted\" \\ / = ; \n second line"_s;

    Result<Nothing> written = await(store.write(key, secret));
    QVERIFY2(written.ok(), qPrintable(describe(written)));
    Result<std::optional<QString>> read = await(store.read(key));
    QVERIFY2(read.ok(), qPrintable(describe(read)));
    QCOMPARE(read.value(), std::optional<QString>(secret));

    // And it is the same text for every other Secret Service client.
    const ToolRun lookup =
        runTool(u"secret-tool"_s, {u"lookup"_s, u"server"_s, u"Latchkey"_s, u"user"_s, key});
    QCOMPARE(lookup.exitCode, 0);
    QCOMPARE(QString::fromUtf8(lookup.out), secret);
}

void TestSecretStore::missingKeyReadsAsNothing()
{
    SecretStore store;
    Result<std::optional<QString>> read = await(store.read(newKey(SecretKind::apiSecret)));
    QVERIFY2(read.ok(), qPrintable(describe(read)));
    QCOMPARE(read.value(), std::nullopt);
}

void TestSecretStore::entryIsInTheKeyringUnderServiceLatchkey()
{
    SecretStore store;
    const QString key = newKey(SecretKind::automationSecret);
    const QString secret = Latchkey::Random::secret();
    QCOMPARE(searchKeyring(key), QString());

    Result<Nothing> written = await(store.write(key, secret));
    QVERIFY2(written.ok(), qPrintable(describe(written)));

    const QString text = searchKeyring(key);
    QVERIFY2(text.contains(u"attribute.server = Latchkey\n"), qPrintable(text));
    QVERIFY2(text.contains(u"attribute.user = "_s + key + u'\n'), qPrintable(text));
    QVERIFY2(text.contains(u"secret = "_s + secret + u'\n'), "the entry holds the secret");
    // Exactly one entry.
    QCOMPARE(text.count(u"attribute.user = "_s), 1);

    // In the keyring, not in a file beside it: gnome-keyring encrypts its keyring file.
    QCOMPARE(filesContaining(encodingsOf(secret)), QStringList());

    Result<Nothing> removed = await(store.remove(key));
    QVERIFY2(removed.ok(), qPrintable(describe(removed)));
    QCOMPARE(searchKeyring(key), QString());
}

void TestSecretStore::profilesAreIsolated()
{
    SecretStore store;
    const QString first = Latchkey::Random::id(u"profile_");
    const QString second = Latchkey::Random::id(u"profile_");
    const QString item = u"client_shared"_s;
    const QString firstKey = SecretStore::key(first, SecretKind::clientSecret, item);
    const QString firstToken = SecretStore::key(first, SecretKind::refreshToken, u"session"_s);
    const QString secondKey = SecretStore::key(second, SecretKind::clientSecret, item);

    for (const auto &[key, secret] : {std::pair{firstKey, u"first-profile-secret"_s},
                                      std::pair{firstToken, u"first-profile-token"_s},
                                      std::pair{secondKey, u"second-profile-secret"_s}}) {
        Result<Nothing> written = await(store.write(key, secret));
        QVERIFY2(written.ok(), qPrintable(describe(written)));
    }
    Result<std::optional<QString>> read = await(store.read(firstKey));
    QVERIFY(read.ok());
    QCOMPARE(read.value(), std::optional<QString>(u"first-profile-secret"_s));
    read = await(store.read(secondKey));
    QVERIFY(read.ok());
    QCOMPARE(read.value(), std::optional<QString>(u"second-profile-secret"_s));

    Result<Nothing> removed = await(store.removeProfile(first, {firstKey, firstToken}));
    QVERIFY2(removed.ok(), qPrintable(describe(removed)));
    read = await(store.read(firstKey));
    QVERIFY(read.ok());
    QCOMPARE(read.value(), std::nullopt);
    read = await(store.read(firstToken));
    QVERIFY(read.ok());
    QCOMPARE(read.value(), std::nullopt);
    read = await(store.read(secondKey));
    QVERIFY(read.ok());
    QCOMPARE(read.value(), std::optional<QString>(u"second-profile-secret"_s));

    QVERIFY(await(store.remove(secondKey)).ok());
}

void TestSecretStore::removeProfileRefusesAnotherProfilesKeys()
{
    SecretStore store;
    const QString other = Latchkey::Random::id(u"profile_");
    const QString mine = newKey();
    const QString theirs = SecretStore::key(other, SecretKind::clientSecret, u"client_x"_s);
    QVERIFY(await(store.write(mine, u"mine"_s)).ok());
    QVERIFY(await(store.write(theirs, u"theirs"_s)).ok());

    Result<Nothing> removed = await(store.removeProfile(m_profile, {mine, theirs}));
    QVERIFY(!removed.ok());
    QCOMPARE(removed.error().kind, Error::Kind::Usage);
    QCOMPARE(removed.error().message,
             u"The key \"%1\" is not one of profile %2's."_s.arg(theirs, m_profile));
    // Refused before anything was removed: both are still there.
    QCOMPARE(await(store.read(mine)).value(), std::optional<QString>(u"mine"_s));
    QCOMPARE(await(store.read(theirs)).value(), std::optional<QString>(u"theirs"_s));

    QVERIFY(await(store.removeProfile(m_profile, {mine})).ok());
    QVERIFY(await(store.removeProfile(other, {theirs})).ok());
    QCOMPARE(await(store.read(theirs)).value(), std::nullopt);
}

void TestSecretStore::malformedKeysAreRefused_data()
{
    QTest::addColumn<QString>("key");
    QTest::newRow("empty") << QString();
    QTest::newRow("no kind") << u"profile_a"_s;
    QTest::newRow("no item") << u"profile_a/client-secret"_s;
    QTest::newRow("empty item") << u"profile_a/client-secret/"_s;
    QTest::newRow("empty profile") << u"/client-secret/item"_s;
    QTest::newRow("empty kind") << u"profile_a//item"_s;
    QTest::newRow("upper-case kind") << u"profile_a/Client-Secret/item"_s;
}

void TestSecretStore::malformedKeysAreRefused()
{
    QFETCH(QString, key);
    QVERIFY(!SecretStore::isValidKey(key));
    SecretStore store;
    const QString expected = u"A keychain key is \"<profile id>/<kind>/<item id>\"."_s;
    for (Result<Nothing> result : {await(store.write(key, u"x"_s)), await(store.remove(key))}) {
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Error::Kind::Usage);
        QCOMPARE(result.error().message, expected);
    }
    Result<std::optional<QString>> read = await(store.read(key));
    QVERIFY(!read.ok());
    QCOMPARE(read.error().message, expected);
}

void TestSecretStore::keychainErrorsReadPlainly_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("hint");

    const QString declined =
        u"Latchkey could not save the secret: the keychain is locked or access was declined."_s;
    const QString unlock =
        u"Unlock the keychain and allow Latchkey when it asks, then try again."_s;
    QTest::newRow("no backend") << int(QKeychain::NoBackendAvailable)
                                << u"No keychain service available"_s << noKeychainMessage
                                << QString();
    QTest::newRow("no bus (libsecret)")
        << int(QKeychain::OtherError) << u"Could not connect: No such file or directory"_s
        << noKeychainMessage << QString();
    QTest::newRow("no Secret Service (libsecret)")
        << int(QKeychain::OtherError)
        << u"GDBus.Error:org.freedesktop.DBus.Error.ServiceUnknown: The name "
           "org.freedesktop.secrets was not provided by any .service files"_s
        << noKeychainMessage << QString();
    QTest::newRow("locked") << int(QKeychain::AccessDenied)
                            << u"Cannot create an item in a locked collection"_s << declined
                            << unlock;
    QTest::newRow("declined") << int(QKeychain::AccessDeniedByUser) << u"denied"_s << declined
                              << unlock;
    QTest::newRow("other") << int(QKeychain::OtherError) << u"Disk quota exceeded"_s
                           << u"Latchkey could not save the secret in the keychain: Disk "
                              "quota exceeded"_s
                           << QString();
}

void TestSecretStore::keychainErrorsReadPlainly()
{
    QFETCH(int, code);
    QFETCH(QString, detail);
    QFETCH(QString, message);
    QFETCH(QString, hint);
    const Error error = SecretStore::errorFor(code, detail, u"save");
    QCOMPARE(error.kind, Error::Kind::Keychain);
    QCOMPARE(error.message, message);
    QCOMPARE(error.hint, hint);
}

void TestSecretStore::secretNeverPrints()
{
    const Secret secret(u"do-not-print-me"_s);
    QCOMPARE(secret.reveal(), u"do-not-print-me"_s);

    QString debugText;
    QDebug(&debugText) << secret;
    QCOMPARE(debugText.trimmed(), u"Secret(•••)"_s);

    std::ostringstream stream;
    stream << secret;
    QCOMPARE(QString::fromStdString(stream.str()), u"Secret(•••)"_s);

    std::unique_ptr<char[]> testText(Latchkey::Core::toString(secret));
    QCOMPARE(QString::fromUtf8(testText.get()), u"Secret(•••)"_s);

    MessageLog log;
    qInfo() << "about to use" << secret;
    QCOMPARE(MessageLog::count(u"Secret(•••)"), 1);
    QCOMPARE(MessageLog::count(u"do-not-print-me"), 0);
}

void TestSecretStore::withoutSecretServiceWriteFailsAndNothingIsOnDisk()
{
    if (isChild("no-secret-service")) {
        noSecretServiceChild();
        return;
    }
    // A file holding the secret would be found: the scan below can fail.
    const QString secret = u"no-keychain-"_s + Latchkey::Random::secret();
    {
        QFile canary(qEnvironmentVariable("XDG_CACHE_HOME") + u"/scan-canary"_s);
        QVERIFY(canary.open(QIODevice::WriteOnly));
        canary.write("before " + encodingsOf(secret).at(1) + " after");
        canary.close();
        QCOMPARE(filesContaining(encodingsOf(secret)), QStringList{canary.fileName()});
        QVERIFY(canary.remove());
    }

    // Its own process: GLib keeps the session bus it connected to for good.
    QTemporaryDir results;
    QVERIFY(results.isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(childVariable), u"no-secret-service"_s);
    environment.insert(u"DBUS_SESSION_BUS_ADDRESS"_s, u"unix:path=/nonexistent"_s);
    environment.insert(u"LATCHKEY_TST_SECRET"_s, secret);
    environment.insert(u"LATCHKEY_TST_RESULT"_s, results.filePath(u"result.json"_s));
    const ToolRun child =
        runTool(QCoreApplication::applicationFilePath(),
                {u"withoutSecretServiceWriteFailsAndNothingIsOnDisk"_s}, environment, 60000);
    QVERIFY2(child.exitCode == 0, QByteArray(child.out + child.err).constData());

    QFile resultFile(results.filePath(u"result.json"_s));
    QVERIFY(resultFile.open(QIODevice::ReadOnly));
    const QJsonObject result = QJsonDocument::fromJson(resultFile.readAll()).object();
    const QJsonObject write = result[u"write"_s].toObject();
    QCOMPARE(write[u"kind"_s].toInt(), int(Error::Kind::Keychain));
    QCOMPARE(write[u"message"_s].toString(), noKeychainMessage);
    QCOMPARE(write[u"text"_s].toString(), noKeychainMessage);
    const QJsonObject read = result[u"read"_s].toObject();
    QCOMPARE(read[u"kind"_s].toInt(), int(Error::Kind::Keychain));
    QCOMPARE(read[u"message"_s].toString(), noKeychainMessage);
    // Tried once more after the retry delay, then reported.
    QCOMPARE(result[u"retries"_s].toInt(), 2);
    QVERIFY2(result[u"elapsed_ms"_s].toInt() >= 2 * 300, "each operation waited to retry");
    QCOMPARE(result[u"secret_logged"_s].toBool(), false);
    QVERIFY(!child.out.contains(secret.toUtf8()) && !child.err.contains(secret.toUtf8()));

    // No plain-text fallback anywhere: not QtKeychain's QSettings file, nor anything else.
    QCOMPARE(filesContaining(encodingsOf(secret)), QStringList());
}

void TestSecretStore::noSecretServiceChild()
{
    const QString secret = qEnvironmentVariable("LATCHKEY_TST_SECRET");
    QVERIFY(!secret.isEmpty());
    MessageLog log;
    SecretStore store;
    store.setRetryDelay(300);
    QElapsedTimer clock;
    clock.start();
    const QString key = newKey();
    Result<Nothing> written = await(store.write(key, secret));
    QVERIFY(!written.ok());
    Result<std::optional<QString>> read = await(store.read(key));
    QVERIFY(!read.ok());
    const qint64 elapsed = clock.elapsed();

    bool secretLogged = false;
    for (const QString &message : MessageLog::messages())
        secretLogged = secretLogged || message.contains(secret);
    writeChildResult({{u"write"_s, errorJson(written.error())},
                      {u"read"_s, errorJson(read.error())},
                      {u"retries"_s, int(MessageLog::count(u"No keychain yet"))},
                      {u"elapsed_ms"_s, int(elapsed)},
                      {u"secret_logged"_s, secretLogged}});
}

void TestSecretStore::lockedKeychainRefusesTheWrite()
{
    if (isChild("locked")) {
        lockedChild();
        return;
    }
    // Locking is for good (unlocking needs the password, which is gone): a session of its own,
    // so this suite's keychain, and every other suite's, stays unlocked.
    QString session = qEnvironmentVariable("LATCHKEY_SOURCE_DIR");
    if (session.isEmpty())
        session = QFileInfo(QString::fromUtf8(__FILE__)).absolutePath() + u"/../.."_s;
    session += u"/tools/with-test-session"_s;
    QVERIFY2(QFileInfo(session).isExecutable(), qPrintable(session));

    QTemporaryDir results;
    QVERIFY(results.isValid());
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(childVariable), u"locked"_s);
    environment.insert(u"LATCHKEY_TST_RESULT"_s, results.filePath(u"result.json"_s));
    // No display: the unlock prompt must fail at once rather than wait for someone.
    environment.remove(u"DISPLAY"_s);
    environment.remove(u"WAYLAND_DISPLAY"_s);
    const ToolRun child = runTool(
        session, {QCoreApplication::applicationFilePath(), u"lockedKeychainRefusesTheWrite"_s},
        environment, 90000);
    QVERIFY2(child.exitCode == 0, QByteArray(child.out + child.err).constData());

    QFile resultFile(results.filePath(u"result.json"_s));
    QVERIFY(resultFile.open(QIODevice::ReadOnly));
    const QJsonObject result = QJsonDocument::fromJson(resultFile.readAll()).object();
    QVERIFY2(result[u"locked"_s].toBool(), "the child locked its keychain");
    const QJsonObject write = result[u"write"_s].toObject();
    QCOMPARE(write[u"kind"_s].toInt(), int(Error::Kind::Keychain));
    QCOMPARE(write[u"message"_s].toString(),
             u"Latchkey could not save the secret: the keychain is locked or access was "
             "declined."_s);
    QCOMPARE(write[u"hint"_s].toString(),
             u"Unlock the keychain and allow Latchkey when it asks, then try again."_s);
    QCOMPARE(result[u"files_with_secret"_s].toArray(), QJsonArray());
    QCOMPARE(result[u"entries"_s].toString(), QString());
}

void TestSecretStore::lockedChild()
{
    const ToolRun lock = runTool(
        u"dbus-send"_s, {u"--session"_s, u"--print-reply"_s, u"--dest=org.freedesktop.secrets"_s,
                         u"/org/freedesktop/secrets"_s, u"org.freedesktop.Secret.Service.Lock"_s,
                         u"array:objpath:/org/freedesktop/secrets/collection/login"_s});
    QVERIFY2(lock.exitCode == 0, lock.err.constData());
    const ToolRun locked = runTool(
        u"dbus-send"_s,
        {u"--session"_s, u"--print-reply"_s, u"--dest=org.freedesktop.secrets"_s,
         u"/org/freedesktop/secrets/collection/login"_s, u"org.freedesktop.DBus.Properties.Get"_s,
         u"string:org.freedesktop.Secret.Collection"_s, u"string:Locked"_s});

    const QString secret = u"locked-"_s + Latchkey::Random::secret();
    const QString key = newKey();
    SecretStore store;
    Result<Nothing> written = await(store.write(key, secret));
    QVERIFY(!written.ok());

    QJsonArray files;
    for (const QString &path : filesContaining(encodingsOf(secret)))
        files.append(path);
    writeChildResult({{u"locked"_s, locked.out.contains("boolean true")},
                      {u"write"_s, errorJson(written.error())},
                      {u"files_with_secret"_s, files},
                      {u"entries"_s, searchKeyring(key)}});
}

QTEST_GUILESS_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
