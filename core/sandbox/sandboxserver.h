#pragma once

#include <net/result.h>

#include <QJsonObject>
#include <QObject>
#include <QProcess>
#include <QUrl>

#include <memory>
#include <optional>

namespace Latchkey::Core {

// The local sandbox once it listens: its URL, and what it bootstrapped when its data directory
// was new (the only time the automation secret and the demo passwords exist in clear).
struct SandboxStarted
{
    QUrl url;
    std::optional<QJsonObject> bootstrap;
};

// The desktop app's zero-set-up account: `latchkey-server serve --sandbox` as a child process on
// 127.0.0.1 and a free port, with its data in a directory of the app's. Stopped (SIGTERM, then
// SIGKILL after a grace period) when this object goes away.
class SandboxServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SandboxServer)

public:
    explicit SandboxServer(QObject *parent = nullptr);
    ~SandboxServer() override;

    // LATCHKEY_SERVER_PROGRAM when set, else latchkey-server beside this executable, else the
    // build tree's app/latchkey-server/latchkey-server. Empty when none exists.
    static QString serverProgram();

    // Starts the server on dataDir (created 0700 when missing) and finishes once it listens.
    Task<SandboxStarted> start(const QString &dataDir, int timeoutMs = 30000);
    bool isRunning() const;
    // The server's process id while it runs, 0 otherwise.
    qint64 processId() const;
    QUrl url() const { return m_url; }
    // Asks the server to stop and waits up to graceMs for it before killing it.
    void stop(int graceMs = 3000);

Q_SIGNALS:
    // The server ended without being asked to (crash, killed): the window goes offline.
    void stoppedUnexpectedly(const QString &message);

private:
    void readLines();
    void fail(Error error);

    QProcess *m_process = nullptr;
    std::shared_ptr<QPromise<Result<SandboxStarted>>> m_pending;
    QByteArray m_stdout;
    QByteArray m_stderr;
    std::optional<QJsonObject> m_bootstrap;
    QUrl m_url;
    bool m_stopping = false;
};

} // namespace Latchkey::Core
