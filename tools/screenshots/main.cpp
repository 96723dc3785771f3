// Takes the desktop app's pictures for docs/ and the README (make screenshots): the real window
// against the real local sandbox, each section with a row selected, the secret and export
// dialogs, the offline banner. One language, color scheme and scale per run (tools/screenshots/run
// loops over them; QT_SCALE_FACTOR sets the scale before Qt starts).
//   latchkey-screenshots OUTDIR LANGUAGE THEME SUFFIX
#include <appfixture.h>

#include <app/preferences.h>
#include <common/entitypage.h>
#include <export/exportdialog.h>
#include <keys/keyspage.h>
#include <secrets/secretdialog.h>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>

#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Latchkey;

namespace {

bool save(QWidget *widget, const QString &path)
{
    QTest::qWait(300); // icons, the table's first layout
    if (!widget->grab().save(path)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return false;
    }
    std::printf("%s\n", qPrintable(path));
    return true;
}

bool selectFirstRow(Ui::EntityPage *page)
{
    if (!page || page->view()->model()->rowCount() == 0)
        return false;
    page->view()->selectRow(0);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc != 5) {
        std::fprintf(stderr, "usage: latchkey-screenshots OUTDIR LANGUAGE THEME SUFFIX\n");
        return 2;
    }
    const QDir out(QString::fromLocal8Bit(argv[1]));
    const QString language = QString::fromLocal8Bit(argv[2]);
    const QString theme = QString::fromLocal8Bit(argv[3]);
    const QString suffix = QString::fromLocal8Bit(argv[4]);
    Ui::installTranslations(app, language);
    Ui::applyTheme(app, theme);
    auto name = [&](const QString &what) {
        return out.filePath(u"desktop-%1-%2%3.png"_s.arg(what, language, suffix));
    };

    Test::AppFixture fixture;
    if (!fixture.start()) {
        std::fprintf(stderr, "%s\n", qPrintable(fixture.error()));
        return 1;
    }
    Ui::MainWindow &window = fixture.window();
    window.resize(1280, 780);
    bool ok = true;
    const QList<std::pair<Ui::MainWindow::Section, QString>> sections = {
        {Ui::MainWindow::Keys, u"keys"_s},
        {Ui::MainWindow::Consumers, u"consumers"_s},
        {Ui::MainWindow::Authorizations, u"authorizations"_s},
        {Ui::MainWindow::FlowTester, u"flow-tester"_s},
        {Ui::MainWindow::Audit, u"audit"_s}};
    for (const auto &[section, what] : sections) {
        window.showSection(section);
        selectFirstRow(window.page(section));
        ok = save(&window, name(what)) && ok;
    }

    // A new key's secret, shown once.
    window.showSection(Ui::MainWindow::Keys);
    window.keysPage()->newAction()->trigger();
    if (auto *edit = fixture.waitForDialog<QDialog>()) {
        edit->findChild<QLineEdit *>(u"nameField"_s)->setText(u"Billing export"_s);
        auto *group = edit->findChild<QComboBox *>(u"groupField"_s);
        group->setCurrentIndex(1);
        ok = save(edit, name(u"new-key"_s)) && ok;
        edit->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        if (auto *secret = fixture.waitForDialog<Ui::SecretDialog>(30000)) {
            ok = save(secret, name(u"secret"_s)) && ok;
            secret->findChild<QPushButton *>(u"exportButton"_s)->click();
            QTest::qWait(300);
            for (auto *dialog : window.findChildren<Ui::ExportDialog *>()) {
                if (dialog->isVisible()) {
                    QTest::qWait(500);
                    ok = save(dialog, name(u"export"_s)) && ok;
                    dialog->reject();
                }
            }
            secret->findChild<QPushButton *>(u"doneButton"_s)->click();
        } else {
            ok = false;
        }
    } else {
        ok = false;
    }

    // Offline: the sandbox stops; the cached lists stay, read-only, under the banner.
    ::kill(pid_t(fixture.workspace().sandbox().processId()), SIGKILL);
    (void)QTest::qWaitFor([&] { return !fixture.workspace().isOnline(); }, 10000);
    ok = save(&window, name(u"offline"_s)) && ok;
    return ok ? 0 : 1;
}
