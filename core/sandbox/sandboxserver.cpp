#include "sandboxserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QPromise>
#include <QTimer>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

using namespace Qt::StringLiterals;

namespace Latchkey::Core {

namespace {

Q_LOGGING_CATEGORY(lcSandbox, "latchkey.core.sandbox")

Error sandboxError(QString message, QString hint = {})
{
    return Error{Error::Kind::Server, 0, std::move(message), std::move(hint), {}, {}};
}

// The last line the server wrote to stderr: it says why it stopped, and holds no secret (the
// bootstrap credentials go to stdout, which is parsed and never shown).
QString tail(const QByteArray &text)
{
    return QString::fromUtf8(text.trimmed().split('\n').constLast()).trimmed();
}

} // namespace

SandboxServer::SandboxServer(QObject *parent)
    : QObject(parent)
{
}

SandboxServer::~SandboxServer()
{
    stop();
}

QString SandboxServer::serverProgram()
{
    const QString overridden = qEnvironmentVariable("LATCHKEY_SERVER_PROGRAM");
    if (!overridden.isEmpty())
        return QFileInfo(overridden).isExecutable() ? overridden : QString();
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString &candidate : {here.filePath(u"latchkey-server"_s),
                                     here.filePath(u"../latchkey-server/latchkey-server"_s),
                                     here.filePath(u"../app/latchkey-server/latchkey-server"_s)}) {
        const QFileInfo info(candidate);
        if (info.isFile() && info.isExecutable())
            return info.canonicalFilePath();
    }
    return {};
}

Task<SandboxStarted> SandboxServer::start(const QString &dataDir, int timeoutMs)
{
    if (m_pending)
        return readyTask<SandboxStarted>(sandboxError(tr("The sandbox is already starting.")));
    if (isRunning())
        return readyTask<SandboxStarted>(SandboxStarted{m_url, {}});
    const QString program = serverProgram();
    if (program.isEmpty())
        return readyTask<SandboxStarted>(sandboxError(
            tr("The sandbox server program latchkey-server was not found beside Latchkey."),
            tr("Reinstall Latchkey, or set LATCHKEY_SERVER_PROGRAM to the program's path.")));
    if (!QDir().mkpath(dataDir) ||
        !QFile::setPermissions(dataDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
        return readyTask<SandboxStarted>(
            Error{Error::Kind::Storage,
                  0,
                  tr("Cannot create the sandbox folder %1.").arg(dataDir),
                  tr("Check that the disk is writable."),
                  {},
                  {}});

    m_stdout.clear();
    m_stderr.clear();
    m_bootstrap.reset();
    m_url.clear();
    m_stopping = false;
    m_pending = std::make_shared<QPromise<Result<SandboxStarted>>>();
    m_pending->start();
    Task<SandboxStarted> future = m_pending->future();

    m_process = new QProcess(this);
    m_process->setProgram(program);
    m_process->setArguments({u"serve"_s, u"--sandbox"_s, u"--data-dir"_s, dataDir, u"--listen"_s,
                             u"127.0.0.1:0"_s, u"--ready-json"_s});
#ifdef Q_OS_LINUX
    // The sandbox lives no longer than the app: if the app crashes or is killed, the kernel
    // sends the server SIGTERM, and no orphaned server keeps the data dir.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    connect(m_process, &QProcess::readyReadStandardOutput, this, &SandboxServer::readLines);
    connect(m_process, &QProcess::readyReadStandardError, this, [this] {
        m_stderr += m_process->readAllStandardError();
        if (m_stderr.size() > 64 * 1024)
            m_stderr = m_stderr.right(16 * 1024);
    });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            fail(sandboxError(
                tr("The sandbox server could not be started: %1").arg(m_process->errorString())));
    });
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        m_stderr += m_process->readAllStandardError();
        // A crash or a kill leaves no explanation on stderr (only the server's log lines); an
        // error exit ends with one line that says why.
        const QString why =
            status == QProcess::NormalExit && code != 0 ? tail(m_stderr) : QString();
        const QString message =
            status == QProcess::CrashExit
                ? tr("The sandbox server stopped unexpectedly. Retry starts it again.")
            : why.isEmpty() ? tr("The sandbox server stopped (exit code %1).").arg(code)
                            : tr("The sandbox server stopped: %1").arg(why);
        if (m_pending) {
            fail(sandboxError(message));
        } else if (!m_stopping) {
            qCWarning(lcSandbox) << "sandbox server ended with code" << code;
            Q_EMIT stoppedUnexpectedly(message);
        }
        m_url.clear();
        m_process->deleteLater();
        m_process = nullptr;
    });
    QTimer::singleShot(timeoutMs, this, [this, pending = m_pending] {
        if (m_pending != pending)
            return;
        fail(Error{Error::Kind::Timeout,
                   0,
                   tr("The sandbox server did not start in time."),
                   tr("Quit Latchkey and start it again."),
                   {},
                   {}});
        stop(0);
    });
    m_process->start();
    return future;
}

bool SandboxServer::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

qint64 SandboxServer::processId() const
{
    return m_process ? m_process->processId() : 0;
}

void SandboxServer::readLines()
{
    m_stdout += m_process->readAllStandardOutput();
    qsizetype newline;
    while ((newline = m_stdout.indexOf('\n')) >= 0) {
        const QByteArray line = m_stdout.left(newline).trimmed();
        m_stdout.remove(0, newline + 1);
        const QJsonObject object = QJsonDocument::fromJson(line).object();
        if (object.contains(u"bootstrap"_s)) {
            m_bootstrap = object.value(u"bootstrap"_s).toObject();
        } else if (object.contains(u"url"_s) && m_pending) {
            m_url = QUrl(object.value(u"url"_s).toString());
            qCInfo(lcSandbox) << "sandbox server listening on" << m_url.toString();
            auto pending = std::move(m_pending);
            pending->addResult(SandboxStarted{m_url, std::exchange(m_bootstrap, std::nullopt)});
            pending->finish();
        }
    }
}

void SandboxServer::fail(Error error)
{
    if (!m_pending)
        return;
    auto pending = std::move(m_pending);
    pending->addResult(std::move(error));
    pending->finish();
}

void SandboxServer::stop(int graceMs)
{
    if (!m_process)
        return;
    m_stopping = true;
    QProcess *process = m_process;
    if (process->state() != QProcess::NotRunning) {
        process->terminate();
        if (!process->waitForFinished(graceMs)) {
            process->kill();
            process->waitForFinished(1000);
        }
    }
    if (m_process) {
        m_process->disconnect(this);
        delete m_process;
        m_process = nullptr;
    }
    fail(sandboxError(tr("The sandbox server was stopped.")));
}

} // namespace Latchkey::Core
