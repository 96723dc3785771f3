// Takes the desktop app's pictures for docs/ and the README (make screenshots): the real window
// against the real local sandbox, each section with a row selected, the secret and export
// dialogs, the offline banner. One language, color scheme and scale per run (tools/screenshots/run
// loops over them; QT_SCALE_FACTOR sets the scale before Qt starts).
//   latchkey-screenshots OUTDIR LANGUAGE THEME SUFFIX
#include <appfixture.h>

#include <app/preferences.h>
#include <common/entitypage.h>
#include <export/exportdialog.h>
#include <flow/flowbrowser.h>
#include <flow/flowtesterpage.h>
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
#include <QWebEngineView>

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

    // The Flow Tester mid-flow: Mobile Inspector (a public client of the sandbox) at the
    // sandbox's sign-in page in the built-in browser, its custom-scheme redirect to be caught.
    window.showSection(Ui::MainWindow::FlowTester);
    Ui::FlowTesterPage *flow = window.flowTester();
    auto *consumers = flow->findChild<QComboBox *>(u"consumerBox"_s);
    const int inspector = consumers->findText(u"Mobile Inspector"_s, Qt::MatchStartsWith);
    if (inspector >= 0) {
        consumers->setCurrentIndex(inspector);
        Q_EMIT consumers->activated(inspector);
        QTest::qWait(300);
        Ui::FlowSettings settings = flow->settings();
        settings.scopes = {u"assets:read"_s, u"work_orders:read"_s};
        flow->setSettings(settings);
        flow->run();
        (void)QTest::qWaitFor(
            [&] { return flow->browser()->view() && !flow->browser()->view()->title().isEmpty(); },
            20000);
        QTest::qWait(1000);
        ok = save(&window, name(u"flow-tester-browser"_s)) && ok;
        flow->cancel();
    } else {
        ok = false;
    }

    // With results: client credentials of a consumer made for it, then its timeline.
    Core::AccountClient *account = fixture.workspace().account();
    auto groups = Test::AppFixture::await(fixture.workspace().permissionGroups());
    if (account && groups.ok() && !groups.value().isEmpty()) {
        auto consumer = Test::AppFixture::await(
            account->createConsumer({{u"name"_s, u"Nightly Export"_s},
                                     {u"grant_type"_s, u"client_credentials"_s},
                                     {u"permission_group_id"_s, groups.value().constFirst().id}}));
        if (consumer.ok()) {
            window.page(Ui::MainWindow::Consumers)->reload();
            (void)QTest::qWaitFor([&] { return consumers->findData(consumer.value().id) >= 0; },
                                  10000);
            const int index = consumers->findData(consumer.value().id);
            consumers->setCurrentIndex(index);
            Q_EMIT consumers->activated(index);
            QTest::qWait(500);
            flow->setSecret(consumer.value().clientSecret);
            QSignalSpy finished(flow, &Ui::FlowTesterPage::finished);
            flow->run();
            finished.wait(20000);
            flow->callWithToken();
            finished.wait(20000);
            ok = save(&window, name(u"flow-tester-result"_s)) && ok;
            flow->showTab(Ui::FlowTesterPage::TimelineTab);
            auto *timeline = flow->findChild<QTableView *>(u"timelineView"_s);
            timeline->selectRow(1);
            ok = save(&window, name(u"flow-tester-timeline"_s)) && ok;
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
