#include <app/mainwindow.h>
#include <app/preferences.h>
#include <app/workspace.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QTimer>

#include <cstdio>
#include <cstdlib>
#include <utility>

using namespace Qt::StringLiterals;
using namespace Latchkey;

namespace {

// make bench times the app from its start to the first paint of its window.
class FirstPaintQuits final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // Right after the paint is flushed, and without tearing the window down: closing is not
        // part of showing it (bench/desktop's minimal window ends the same way).
        if (event->type() == QEvent::Paint)
            QTimer::singleShot(0, qApp, [] {
                std::fflush(stdout);
                std::_Exit(0);
            });
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

int main(int argc, char **argv)
{
    // --version answers without a display (a terminal, a script, the package test): before
    // QApplication, which needs one.
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--version") == 0 || qstrcmp(argv[i], "-v") == 0) {
            std::printf("latchkey %s\n", LATCHKEY_VERSION);
            return 0;
        }
    }
    QApplication::setHighDpiScaleFactorRoundingPolicy(
        Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    QApplication::setApplicationName(u"Latchkey"_s);
    QApplication::setOrganizationName(u"Latchkey"_s);
    QApplication::setApplicationVersion(QStringLiteral(LATCHKEY_VERSION));
    QApplication::setDesktopFileName(u"invalid.latchkey.Latchkey"_s);

    const Ui::Preferences preferences = Ui::Preferences::load();
    Ui::installTranslations(app, preferences.language);
    Ui::applyTheme(app, preferences.theme);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Manage API keys, OAuth consumers and authorizations."));
    parser.addHelpOption();
    parser.addOption(
        {{u"v"_s, u"version"_s}, QApplication::translate("main", "Show the version.")});
    const QCommandLineOption smokeTest(
        u"smoke-test"_s,
        QApplication::translate("main", "Start on the current account (the local sandbox on a "
                                        "first run), print \"main window shown\" once the lists "
                                        "are loaded, and quit."));
    parser.addOption(smokeTest);
    const QCommandLineOption screenshot(
        u"screenshot"_s,
        QApplication::translate("main", "With --smoke-test: save a picture of the window."),
        u"PNG"_s);
    parser.addOption(screenshot);
    const QCommandLineOption benchShown(
        u"bench-shown"_s,
        QApplication::translate("main", "For make bench: quit at the main window's first paint."));
    parser.addOption(benchShown);
    const QCommandLineOption benchLoaded(
        u"bench-loaded"_s, QApplication::translate("main", "For make bench: quit once the lists "
                                                           "loaded, online or from the cache."));
    parser.addOption(benchLoaded);
    const QCommandLineOption section(
        u"section"_s, QApplication::translate("main", "Open this section (1-5)."), u"N"_s);
    parser.addOption(section);
    parser.process(app);

    auto workspace = Ui::Workspace::open(Ui::Workspace::defaultPaths());
    if (!workspace) {
        if (parser.isSet(smokeTest)) {
            std::fprintf(stderr, "%s\n", qPrintable(workspace.error().toText()));
            return 1;
        }
        QMessageBox::critical(nullptr, QApplication::translate("main", "Latchkey cannot start"),
                              workspace.error().toText());
        return 1;
    }
    Ui::MainWindow window(*workspace.value());
    if (parser.isSet(smokeTest)) {
        QObject::connect(&window, &Ui::MainWindow::loaded, &app, [&] {
            if (!workspace.value()->isOnline()) {
                std::fprintf(stderr, "not online: %s\n",
                             qPrintable(workspace.value()->connectionMessage()));
                QCoreApplication::exit(1);
                return;
            }
            if (parser.isSet(screenshot) && !window.grab().save(parser.value(screenshot))) {
                std::fprintf(stderr, "cannot write %s\n", qPrintable(parser.value(screenshot)));
                QCoreApplication::exit(1);
                return;
            }
            std::printf("main window shown\n");
            std::fflush(stdout);
            QCoreApplication::quit();
        });
        QTimer::singleShot(60000, &app, [] {
            std::fprintf(stderr, "the main window did not load within 60 s\n");
            QCoreApplication::exit(1);
        });
    }
    if (parser.isSet(benchShown))
        window.installEventFilter(new FirstPaintQuits(&window));
    if (parser.isSet(benchLoaded))
        QObject::connect(&window, &Ui::MainWindow::loaded, &app, &QCoreApplication::quit);
    if (parser.isSet(section))
        window.showSection(
            Ui::MainWindow::Section(qBound(1, parser.value(section).toInt(), 5) - 1));
    window.show();
    // The window first, then the account: connecting reads the keychain (which loads libsecret)
    // and goes to the network, and both can wait until the window is on screen. A window that is
    // not painted at once (on another desktop, say) still connects after a second.
    bool started = false;
    auto start = [&started, &workspace] {
        if (std::exchange(started, true))
            return;
        workspace.value()->start();
    };
    QObject::connect(&window, &Ui::MainWindow::firstPainted, &app, start, Qt::QueuedConnection);
    QTimer::singleShot(1000, &app, start);
    return QApplication::exec();
}
