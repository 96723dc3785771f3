#include "appfixture.h"

#include <QAbstractButton>
#include <QDir>
#include <QProcessEnvironment>
#include <QSignalSpy>

using namespace Qt::StringLiterals;

namespace Latchkey::Test {

AppFixture::AppFixture()
{
    // The sandbox server of this build tree, whatever directory the test runs from.
    QString binaryDir = qEnvironmentVariable("LATCHKEY_BINARY_DIR");
    if (binaryDir.isEmpty()) // run by hand: build/<preset>/tests/ui/tst_...
        binaryDir = QCoreApplication::applicationDirPath() + u"/../.."_s;
    if (qEnvironmentVariableIsEmpty("LATCHKEY_SERVER_PROGRAM"))
        qputenv("LATCHKEY_SERVER_PROGRAM",
                QDir(binaryDir).filePath(u"app/latchkey-server/latchkey-server"_s).toLocal8Bit());
    // Settings (window geometry, language) go to the temporary HOME of the test session.
    QCoreApplication::setOrganizationName(u"Latchkey"_s);
    QCoreApplication::setApplicationName(u"Latchkey"_s);
}

AppFixture::~AppFixture()
{
    m_window.reset();
    m_workspace.reset();
}

Ui::Workspace::Paths AppFixture::paths() const
{
    return {m_dir.filePath(u"cache.sqlite"_s), m_dir.filePath(u"sandbox"_s)};
}

bool AppFixture::start(int timeoutMs, bool requireOnline)
{
    auto workspace = Ui::Workspace::open(paths());
    if (!workspace) {
        m_error = workspace.error().toText();
        return false;
    }
    m_workspace = std::move(workspace).value();
    m_window = std::make_unique<Ui::MainWindow>(*m_workspace);
    m_window->show();
    if (!waitLoaded([this] { m_workspace->start(); }, timeoutMs))
        return false;
    if (requireOnline && !m_workspace->isOnline()) {
        m_error = u"not online after start: "_s + m_workspace->connectionMessage();
        return false;
    }
    return true;
}

bool AppFixture::restart(int timeoutMs, bool requireOnline)
{
    m_window.reset();
    m_workspace.reset();
    return start(timeoutMs, requireOnline);
}

bool AppFixture::waitLoaded(const std::function<void()> &trigger, int timeoutMs)
{
    QSignalSpy loaded(m_window.get(), &Ui::MainWindow::loaded);
    trigger();
    if (loaded.isEmpty() && !loaded.wait(timeoutMs)) {
        m_error = u"the window did not load within %1 ms (connection: %2)"_s.arg(timeoutMs).arg(
            m_workspace->connectionMessage());
        return false;
    }
    return true;
}

QString AppFixture::answerMessageBox(const QString &buttonText, int timeoutMs)
{
    QMessageBox *box = waitForDialog<QMessageBox>(timeoutMs);
    if (!box)
        return {};
    const QString text = box->text() + u'\n' + box->informativeText();
    for (QAbstractButton *button : box->buttons()) {
        if (button->text().remove(u'&').contains(buttonText)) {
            button->click();
            return text;
        }
    }
    return text;
}

} // namespace Latchkey::Test
