#pragma once

#include <app/mainwindow.h>
#include <app/workspace.h>

#include <QApplication>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

namespace Latchkey::Test {

// The desktop app as a user meets it: the Workspace and the MainWindow on a temporary data dir,
// signed in to the real local sandbox (latchkey-server of this build, a child process on
// 127.0.0.1), with the real Secret Service of tools/with-test-session.
class AppFixture final
{
    Q_DISABLE_COPY_MOVE(AppFixture)

public:
    AppFixture();
    ~AppFixture();

    // Opens the workspace and the window, starts the sandbox and waits until every section
    // loaded. False (with the reason in error()) when it did not within the timeout.
    bool start(int timeoutMs = 60000, bool requireOnline = true);
    // Closes the window and the workspace (the sandbox stops) and opens them again on the same
    // data: the next start of the app.
    bool restart(int timeoutMs = 60000, bool requireOnline = true);
    QString error() const { return m_error; }

    Ui::Workspace &workspace() { return *m_workspace; }
    Ui::MainWindow &window() { return *m_window; }
    QString dataDir() const { return m_dir.path(); }
    Ui::Workspace::Paths paths() const;

    // Waits for the next `loaded` of the window (after a reload, refresh or reconnect).
    bool waitLoaded(const std::function<void()> &trigger, int timeoutMs = 30000);

    // The visible dialog of type T the window opened (window-modal, not blocking), or null
    // after the timeout.
    template<typename T>
    T *waitForDialog(int timeoutMs = 10000)
    {
        T *found = nullptr;
        (void)QTest::qWaitFor(
            [&] {
                for (T *dialog : m_window->findChildren<T *>()) {
                    if (dialog->isVisible()) {
                        found = dialog;
                        return true;
                    }
                }
                return false;
            },
            timeoutMs);
        return found;
    }

    // Clicks the button of a visible message box whose text contains `buttonText`; returns
    // the box's text (empty when none appeared).
    QString answerMessageBox(const QString &buttonText, int timeoutMs = 10000);

    // Waits for a Task and returns its result (an Error of kind Timeout after the timeout).
    template<typename T>
    static Core::Result<T> await(Core::Task<T> task, int timeoutMs = 30000)
    {
        if (!QTest::qWaitFor([&task] { return task.isFinished(); }, timeoutMs) ||
            task.resultCount() == 0)
            return Core::Error{Core::Error::Kind::Timeout,
                               0,
                               QStringLiteral("no answer within %1 ms").arg(timeoutMs),
                               {},
                               {},
                               {}};
        return task.result();
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Ui::Workspace> m_workspace;
    std::unique_ptr<Ui::MainWindow> m_window;
    QString m_error;
};

// What a failed Result says, for QVERIFY2 (valid until the end of the full expression).
template<typename T>
const char *describe(const Core::Result<T> &result)
{
    static QByteArray text;
    text = result.ok() ? QByteArray() : result.error().toText().toUtf8();
    return text.constData();
}

} // namespace Latchkey::Test
