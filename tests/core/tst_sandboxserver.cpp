#include <sandbox/sandboxserver.h>

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using Latchkey::Core::Error;
using Latchkey::Core::Result;
using Latchkey::Core::SandboxServer;
using Latchkey::Core::SandboxStarted;
using Latchkey::Core::Task;

namespace {

constexpr char childVariable[] = "LATCHKEY_TST_SANDBOX_CHILD";

template<typename T>
Result<T> await(Task<T> task)
{
    if (!QTest::qWaitFor([&task] { return task.isFinished(); }, 60000) || task.resultCount() == 0)
        return Error{Error::Kind::Timeout, 0, u"no answer within 60 s"_s, {}, {}, {}};
    return task.result();
}

// QVERIFY2 evaluates its message even when the check passes.
template<typename T>
QByteArray describe(const Result<T> &result)
{
    return result ? QByteArray() : result.error().toText().toUtf8();
}

bool processAlive(qint64 pid)
{
    return ::kill(pid_t(pid), 0) == 0;
}

QString serverProgram()
{
    return QDir(qEnvironmentVariable("LATCHKEY_BINARY_DIR",
                                     QCoreApplication::applicationDirPath() + u"/../.."_s))
        .filePath(u"app/latchkey-server/latchkey-server"_s);
}

} // namespace

// The desktop's local sandbox: latchkey-server as a child process on 127.0.0.1.
class tst_SandboxServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void firstStartBootstrapsThenReuses();
    void missingProgramSaysWhatToDo();
    void unexpectedExitIsReported();
    void refusedStartSaysWhy();
    void diesWithTheApp();

private:
    QTemporaryDir m_dir;
};

void tst_SandboxServer::initTestCase()
{
    qputenv("LATCHKEY_SERVER_PROGRAM", serverProgram().toLocal8Bit());
    QVERIFY2(QFileInfo(serverProgram()).isExecutable(), qPrintable(serverProgram()));
}

void tst_SandboxServer::firstStartBootstrapsThenReuses()
{
    const QString data = m_dir.filePath(u"first"_s);
    QString clientId;
    {
        SandboxServer sandbox;
        auto started = await(sandbox.start(data));
        QVERIFY2(started, describe(started).constData());
        QCOMPARE(started.value().url.host(), u"127.0.0.1"_s);
        QVERIFY(started.value().url.port() > 0);
        QVERIFY(started.value().bootstrap.has_value());
        clientId = started.value().bootstrap->value(u"automation"_s)[u"client_id"_s].toString();
        QVERIFY(!clientId.isEmpty());
        QVERIFY(!started.value()
                     .bootstrap->value(u"automation"_s)[u"client_secret"_s]
                     .toString()
                     .isEmpty());
        struct stat info;
        QCOMPARE(::stat(QFile::encodeName(data).constData(), &info), 0);
        QCOMPARE(int(info.st_mode & 0777), 0700);
        QVERIFY(sandbox.isRunning());
        const qint64 pid = sandbox.processId();
        sandbox.stop();
        QVERIFY(!sandbox.isRunning());
        QTRY_VERIFY(!processAlive(pid));
    }
    // The next start reuses the data: no new bootstrap, so no secret printed again.
    SandboxServer again;
    auto restarted = await(again.start(data));
    QVERIFY2(restarted, describe(restarted).constData());
    QVERIFY(!restarted.value().bootstrap.has_value());
}

void tst_SandboxServer::missingProgramSaysWhatToDo()
{
    const QByteArray saved = qgetenv("LATCHKEY_SERVER_PROGRAM");
    qputenv("LATCHKEY_SERVER_PROGRAM", m_dir.filePath(u"no-such-program"_s).toLocal8Bit());
    SandboxServer sandbox;
    auto started = await(sandbox.start(m_dir.filePath(u"missing"_s)));
    qputenv("LATCHKEY_SERVER_PROGRAM", saved);
    QVERIFY(!started);
    QCOMPARE(started.error().message,
             u"The sandbox server program latchkey-server was not found beside Latchkey."_s);
    QVERIFY(started.error().hint.contains(u"LATCHKEY_SERVER_PROGRAM"_s));
}

void tst_SandboxServer::unexpectedExitIsReported()
{
    SandboxServer sandbox;
    auto started = await(sandbox.start(m_dir.filePath(u"crash"_s)));
    QVERIFY2(started, describe(started).constData());
    QSignalSpy stopped(&sandbox, &SandboxServer::stoppedUnexpectedly);
    ::kill(pid_t(sandbox.processId()), SIGKILL);
    QVERIFY(stopped.wait(10000));
    // Killed: no log line of the server passed off as the reason.
    QCOMPARE(stopped.first().at(0).toString(),
             u"The sandbox server stopped unexpectedly. Retry starts it again."_s);
    QVERIFY(!sandbox.isRunning());
}

void tst_SandboxServer::refusedStartSaysWhy()
{
    // A data dir the server cannot use (a file where the directory should be): its own
    // error line is what the user reads.
    const QString data = m_dir.filePath(u"taken"_s);
    QVERIFY(QDir().mkpath(data));
    QFile blocker(data + u"/latchkey.db"_s);
    QVERIFY(QDir().mkpath(blocker.fileName()));
    SandboxServer sandbox;
    auto started = await(sandbox.start(data));
    QVERIFY(!started);
    QVERIFY2(started.error().message.startsWith(u"The sandbox server stopped: "_s),
             qPrintable(started.error().message));
    QVERIFY2(!started.error().message.contains(u"applied migration"_s),
             qPrintable(started.error().message));
}

void tst_SandboxServer::diesWithTheApp()
{
    // A child copy of this test starts a sandbox, prints the server's pid, and waits; killed
    // with SIGKILL (no destructor runs), its server must go too.
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(childVariable), m_dir.filePath(u"orphan"_s));
    child.setProcessEnvironment(environment);
    child.start(QCoreApplication::applicationFilePath(), {u"diesWithTheApp"_s});
    QVERIFY(child.waitForStarted());
    QVERIFY(QTest::qWaitFor([&child] { return child.canReadLine(); }, 60000));
    const qint64 server = child.readLine().trimmed().toLongLong();
    QVERIFY(server > 0);
    QVERIFY(processAlive(server));
    child.kill();
    child.waitForFinished();
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(server), 10000);
}

int main(int argc, char **argv)
{
    const QString childData = qEnvironmentVariable(childVariable);
    if (!childData.isEmpty()) {
        QCoreApplication app(argc, argv);
        SandboxServer sandbox;
        auto started = await(sandbox.start(childData));
        if (!started)
            return 1;
        std::printf("%lld\n", sandbox.processId());
        std::fflush(stdout);
        return QCoreApplication::exec();
    }
    QCoreApplication app(argc, argv);
    tst_SandboxServer test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_sandboxserver.moc"
