#include <appfixture.h>
#include <testserver.h>

#include <audit/auditpage.h>
#include <authorizations/authorizationspage.h>
#include <common/entitypage.h>
#include <flow/flowtesterpage.h>
#include <keys/keylistmodel.h>
#include <keys/keyspage.h>
#include <profiles/profiledialog.h>
#include <secrets/secretdialog.h>

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QMutex>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

#include <csignal>

using namespace Qt::StringLiterals;
using namespace Latchkey;
using Latchkey::Test::AppFixture;

namespace {

// Every message the app logs during the test, to look for secrets in them.
QMutex logMutex;
QStringList logLines;
QtMessageHandler previousHandler = nullptr;

void keepLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker locker(&logMutex);
        logLines.append(message);
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

} // namespace

class tst_MainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void firstRunIsTheSandbox();
    void sectionsNotShownAreBuiltAfterTheFirstPaint();
    void sandboxCrashGoesOfflineAndRetryComesBack();
    void addAndSwitchProfiles();
    void unreachableAccountShowsTheCacheReadOnly();
    void restartReusesTheSandbox();
    void lostSandboxSecretStartsANewSandbox();
    void removeAccountTakesItsSecretsAndCache();
    void removeTheSandboxStartsANewOne();
    void noSecretInCacheSettingsOrLogs();
    void cleanupTestCase();

private:
    QAction *windowAction(const char *name)
    {
        return m_app->window().findChild<QAction *>(QLatin1String(name));
    }
    QStringList keyNames();
    void remember(const QString &secret)
    {
        if (!secret.isEmpty())
            m_secrets.append(secret);
    }

    std::unique_ptr<AppFixture> m_app;
    std::unique_ptr<Test::TestServer> m_remote;
    QString m_remoteProfileId;
    QStringList m_secrets;
};

QStringList tst_MainWindow::keyNames()
{
    QStringList names;
    const Ui::KeyListModel *model = m_app->window().keysPage()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        names.append(model->at(row).name);
    names.sort();
    return names;
}

void tst_MainWindow::initTestCase()
{
    previousHandler = qInstallMessageHandler(keepLog);
    m_app = std::make_unique<AppFixture>();
    QVERIFY2(m_app->start(), qPrintable(m_app->error()));
}

void tst_MainWindow::firstRunIsTheSandbox()
{
    // Nothing asked: a sandbox profile, signed in, with demo data.
    auto profiles = m_app->workspace().profiles().profiles();
    QVERIFY(profiles);
    QCOMPARE(profiles.value().size(), 1);
    const Core::Profile sandbox = profiles.value().first();
    QCOMPARE(sandbox.name, u"Local sandbox"_s);
    QVERIFY(sandbox.environment == Core::Environment::Sandbox);
    QCOMPARE(sandbox.serverUrl.host(), u"127.0.0.1"_s);
    QVERIFY(m_app->workspace().isSandbox(sandbox.id));
    QCOMPARE(keyNames(), (QStringList{u"Data Warehouse"_s, u"ERP Sync"_s, u"Legacy importer"_s}));
    auto *box = m_app->window().findChild<QComboBox *>(u"profileBox"_s);
    QCOMPARE(box->currentText(), u"Local sandbox"_s);
    QVERIFY(m_app->window().findChild<QLabel *>(u"syncLabel"_s)->text().startsWith(u"Last sync"_s));
    // The sandbox's automation secret is in the keychain, and only there.
    auto secret = AppFixture::await(m_app->workspace().secrets().read(
        Core::profileSecretKey(sandbox.id, Core::SecretKind::automationSecret, sandbox.clientId)));
    QVERIFY2(secret, Test::describe(secret));
    QVERIFY(secret.value().has_value());
    remember(*secret.value());
}

void tst_MainWindow::sectionsNotShownAreBuiltAfterTheFirstPaint()
{
    // Started on the Authorizations section: only its page is built before the window is on
    // screen (the window opens faster); the others follow right after its first paint.
    const QVariant section = QSettings().value(u"window/section"_s);
    auto restore = qScopeGuard([&] { QSettings().setValue(u"window/section"_s, section); });
    QSettings().setValue(u"window/section"_s, int(Ui::MainWindow::Authorizations));
    Ui::MainWindow window(m_app->workspace());
    QCOMPARE(window.currentSection(), Ui::MainWindow::Authorizations);
    QCOMPARE(window.findChildren<Ui::EntityPage *>().size(), 1);
    QCOMPARE(window.findChildren<Ui::AuthorizationsPage *>().size(), 1);
    QVERIFY(window.findChildren<Ui::FlowTesterPage *>().isEmpty());

    // A section asked for before that is built at once.
    QVERIFY(window.page(Ui::MainWindow::Audit));
    QCOMPARE(window.findChildren<Ui::AuditPage *>().size(), 1);
    QCOMPARE(window.findChildren<Ui::EntityPage *>().size(), 2);

    QSignalSpy painted(&window, &Ui::MainWindow::firstPainted);
    window.show();
    QVERIFY(painted.wait(10000) || !painted.isEmpty());
    QTRY_COMPARE(window.findChildren<Ui::EntityPage *>().size(), 4);
    QTRY_COMPARE(window.findChildren<Ui::FlowTesterPage *>().size(), 1);
    QCOMPARE(painted.size(), 1);
    // Each page shows in its own section.
    QCOMPARE(window.page(Ui::MainWindow::Keys), window.keysPage());
    window.showSection(Ui::MainWindow::Audit);
    QVERIFY(window.page(Ui::MainWindow::Audit)->isVisible());
    QVERIFY(!window.page(Ui::MainWindow::Keys)->isVisible());
    window.showSection(Ui::MainWindow::Keys);
}

void tst_MainWindow::sandboxCrashGoesOfflineAndRetryComesBack()
{
    QAction *newKey = m_app->window().keysPage()->newAction();
    QVERIFY(newKey->isEnabled());
    const QStringList before = keyNames();
    const qint64 pid = m_app->workspace().sandbox().processId();
    QVERIFY(pid > 0);
    ::kill(pid_t(pid), SIGKILL);

    QTRY_COMPARE(m_app->workspace().connection(), Ui::Workspace::Connection::Offline);
    const QString banner = m_app->window().bannerText();
    QVERIFY2(banner.startsWith(u"Offline — last synced"_s), qPrintable(banner));
    QVERIFY(banner.contains(u"read-only"_s));
    QVERIFY(!m_app->window().banner()->isHidden());
    // Nothing pretends to work: the actions that change the account are off; the lists stay.
    QVERIFY(!newKey->isEnabled());
    QCOMPARE(keyNames(), before);
    QCOMPARE(m_app->window().findChild<QLabel *>(u"connectionLabel"_s)->text(), u"Offline"_s);

    auto *retry = m_app->window().findChild<QPushButton *>(u"retryButton"_s);
    QVERIFY(retry->isVisible());
    QVERIFY(m_app->waitLoaded([retry] { retry->click(); }));
    QTRY_VERIFY(m_app->workspace().isOnline());
    QVERIFY(m_app->window().banner()->isHidden());
    QTRY_VERIFY(newKey->isEnabled());
    QCOMPARE(keyNames(), before);
}

void tst_MainWindow::addAndSwitchProfiles()
{
    m_remote = std::make_unique<Test::TestServer>();
    QVERIFY(!m_remote->createKey(u"Remote only key"_s).isEmpty());
    const QJsonObject automation = m_remote->bootstrap()[u"automation"_s].toObject();
    const QString clientId = automation[u"client_id"_s].toString();
    const QString clientSecret = automation[u"client_secret"_s].toString();
    remember(clientSecret);

    auto *box = m_app->window().findChild<QComboBox *>(u"profileBox"_s);
    const int add = box->findText(u"Add Account…"_s);
    QVERIFY(add >= 0);
    box->setCurrentIndex(add);
    Q_EMIT box->activated(add);
    auto *dialog = m_app->waitForDialog<Ui::ProfileDialog>();
    QVERIFY(dialog);
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    auto *url = dialog->findChild<QLineEdit *>(u"urlField"_s);
    dialog->findChild<QLineEdit *>(u"nameField"_s)->setText(u"Acme production"_s);
    // Bad input is refused as it is typed.
    url->setText(u"ftp://example.com"_s);
    QVERIFY(!ok->isEnabled());
    QVERIFY(!dialog->findChild<QLabel *>(u"server_urlError"_s)->text().isEmpty());
    url->setText(m_remote->url().toString());
    auto *method = dialog->findChild<QComboBox *>(u"methodField"_s);
    method->setCurrentIndex(method->findData(u"automation"_s));
    QVERIFY(!ok->isEnabled()); // client id and secret missing
    dialog->findChild<QLineEdit *>(u"clientIdField"_s)->setText(clientId);
    dialog->findChild<QLineEdit *>(u"clientSecretField"_s)->setText(clientSecret);
    QVERIFY(ok->isEnabled());
    QVERIFY(m_app->waitLoaded([ok] { ok->click(); }));
    QTRY_VERIFY(m_app->workspace().isOnline());

    const auto current = m_app->workspace().currentProfile();
    QVERIFY(current);
    QCOMPARE(current->name, u"Acme production"_s);
    m_remoteProfileId = current->id;
    QCOMPARE(keyNames(), QStringList{u"Remote only key"_s});
    auto *badge = m_app->window().findChild<QLabel *>(u"environmentBadge"_s);
    QCOMPARE(badge->text(), u"PRODUCTION"_s);
    QVERIFY(m_app->window().windowTitle().startsWith(u"Acme production"_s));

    // Back to the sandbox from the switcher.
    const int sandbox = box->findText(u"Local sandbox"_s);
    QVERIFY(m_app->waitLoaded([box, sandbox] {
        box->setCurrentIndex(sandbox);
        Q_EMIT box->activated(sandbox);
    }));
    QTRY_VERIFY(m_app->workspace().isOnline());
    QCOMPARE(badge->text(), u"SANDBOX"_s);
    QVERIFY(keyNames().contains(u"ERP Sync"_s));
}

void tst_MainWindow::unreachableAccountShowsTheCacheReadOnly()
{
    // Switch to the remote account, then its server goes away.
    QVERIFY(m_app->waitLoaded([this] { m_app->workspace().activate(m_remoteProfileId); }));
    QTRY_VERIFY(m_app->workspace().isOnline());
    m_remote.reset();
    QVERIFY(m_app->waitLoaded([this] { windowAction("refreshAction")->trigger(); }));
    QTRY_COMPARE(m_app->workspace().connection(), Ui::Workspace::Connection::Offline);
    QCOMPARE(keyNames(), QStringList{u"Remote only key"_s});
    QVERIFY(!m_app->window().keysPage()->newAction()->isEnabled());
    QVERIFY(m_app->window().bannerText().startsWith(u"Offline — last synced"_s));

    // The next start on an unreachable account: the cached lists, read-only, and the banner.
    QVERIFY2(m_app->restart(60000, false), qPrintable(m_app->error()));
    QCOMPARE(m_app->workspace().currentProfile()->id, m_remoteProfileId);
    QCOMPARE(m_app->workspace().connection(), Ui::Workspace::Connection::Offline);
    QCOMPARE(keyNames(), QStringList{u"Remote only key"_s});
    QVERIFY(!m_app->window().keysPage()->newAction()->isEnabled());
    QVERIFY(m_app->window().bannerText().startsWith(u"Offline — last synced"_s));
}

void tst_MainWindow::restartReusesTheSandbox()
{
    const QString sandboxId = m_app->workspace().sandboxProfileId();
    QVERIFY(m_app->waitLoaded([&] { m_app->workspace().activate(sandboxId); }));
    QTRY_VERIFY(m_app->workspace().isOnline());
    // A key made now must still be there after the app restarts: same sandbox, same data.
    auto made = AppFixture::await(m_app->workspace().account()->createKey(
        {{u"name"_s, u"Survives restarts"_s},
         {u"permission_group_id"_s,
          m_app->window().keysPage()->model()->at(0).permissionGroupId}}));
    QVERIFY2(made, Test::describe(made));
    remember(made.value().secret);
    QVERIFY2(m_app->restart(), qPrintable(m_app->error()));
    QVERIFY(m_app->workspace().isSandbox(m_app->workspace().currentProfile()->id));
    QVERIFY(keyNames().contains(u"Survives restarts"_s));
    auto profiles = m_app->workspace().profiles().profiles();
    QCOMPARE(profiles.value().size(), 2);
}

void tst_MainWindow::lostSandboxSecretStartsANewSandbox()
{
    // The keychain lost the sandbox's secret (a new keychain, say): the window says so and
    // offers a new sandbox, which signs in by itself again.
    const Core::Profile sandbox = *m_app->workspace().currentProfile();
    QVERIFY(m_app->workspace().isSandbox(sandbox.id));
    auto removed = AppFixture::await(m_app->workspace().secrets().remove(
        Core::profileSecretKey(sandbox.id, Core::SecretKind::automationSecret, sandbox.clientId)));
    QVERIFY2(removed, Test::describe(removed));
    QVERIFY(m_app->waitLoaded([this] { m_app->workspace().reconnect(); }));
    QCOMPARE(m_app->workspace().connection(), Ui::Workspace::Connection::SignedOut);
    QVERIFY2(m_app->window().bannerText().contains(u"not in the keychain"_s),
             qPrintable(m_app->window().bannerText()));
    auto *reset = m_app->window().findChild<QPushButton *>(u"resetSandboxButton"_s);
    QVERIFY(reset->isVisible());
    reset->click();
    // Cancel first: nothing happens.
    QVERIFY(m_app->answerMessageBox(u"Cancel"_s).contains(u"fresh demo data"_s));
    QTest::qWait(200);
    QCOMPARE(m_app->workspace().connection(), Ui::Workspace::Connection::SignedOut);
    reset->click();
    QVERIFY(m_app->waitLoaded(
        [this] { QVERIFY(!m_app->answerMessageBox(u"Start New Sandbox"_s).isEmpty()); }));
    QTRY_VERIFY(m_app->workspace().isOnline());
    // A new sandbox: the demo keys, and not the key made before.
    QVERIFY(keyNames().contains(u"ERP Sync"_s));
    QVERIFY(!keyNames().contains(u"Survives restarts"_s));
    const Core::Profile renewed = *m_app->workspace().currentProfile();
    QCOMPARE(renewed.id, sandbox.id);
    auto secret = AppFixture::await(m_app->workspace().secrets().read(
        Core::profileSecretKey(renewed.id, Core::SecretKind::automationSecret, renewed.clientId)));
    QVERIFY2(secret, Test::describe(secret));
    QVERIFY(secret.value().has_value());
    remember(*secret.value());
}

void tst_MainWindow::removeAccountTakesItsSecretsAndCache()
{
    auto remote = m_app->workspace().profiles().profile(m_remoteProfileId);
    QVERIFY(remote);
    const QString secretKey = Core::profileSecretKey(
        m_remoteProfileId, Core::SecretKind::automationSecret, remote.value().clientId);
    auto before = AppFixture::await(m_app->workspace().secrets().read(secretKey));
    QVERIFY(before && before.value().has_value());
    QVERIFY(m_app->waitLoaded([this] { m_app->workspace().activate(m_remoteProfileId); }));

    // Cancel keeps it.
    windowAction("removeProfileAction")->trigger();
    const QString question = m_app->answerMessageBox(u"Cancel"_s);
    QVERIFY2(question.contains(u"Remove the account “Acme production”"_s), qPrintable(question));
    QTest::qWait(200);
    QVERIFY(m_app->workspace().profiles().profile(m_remoteProfileId));

    windowAction("removeProfileAction")->trigger();
    QVERIFY(m_app->waitLoaded(
        [this] { QVERIFY(!m_app->answerMessageBox(u"Remove Account"_s).isEmpty()); }));
    QTRY_VERIFY(m_app->workspace().isOnline());
    QVERIFY(m_app->workspace().isSandbox(m_app->workspace().currentProfile()->id));
    QVERIFY(!m_app->workspace().profiles().profile(m_remoteProfileId));
    auto after = AppFixture::await(m_app->workspace().secrets().read(secretKey));
    QVERIFY2(after, Test::describe(after));
    QVERIFY(!after.value().has_value());
    auto cached = m_app->workspace().cache().list(m_remoteProfileId, Core::ListKind::Keys);
    QVERIFY(!cached || cached.value().rows.isEmpty());
    auto *box = m_app->window().findChild<QComboBox *>(u"profileBox"_s);
    QCOMPARE(box->findText(u"Acme production"_s), -1);
}

void tst_MainWindow::removeTheSandboxStartsANewOne()
{
    const Core::Profile old = *m_app->workspace().currentProfile();
    QVERIFY(m_app->workspace().isSandbox(old.id));
    QVERIFY(m_app->waitLoaded([this] {
        windowAction("removeProfileAction")->trigger();
        QVERIFY(!m_app->answerMessageBox(u"Remove Account"_s).isEmpty());
    }));
    QTRY_VERIFY_WITH_TIMEOUT(m_app->workspace().isOnline(), 30000);
    const Core::Profile renewed = *m_app->workspace().currentProfile();
    QVERIFY(renewed.id != old.id);
    QVERIFY(m_app->workspace().isSandbox(renewed.id));
    QVERIFY(keyNames().contains(u"ERP Sync"_s));
    auto oldSecret = AppFixture::await(m_app->workspace().secrets().read(
        Core::profileSecretKey(old.id, Core::SecretKind::automationSecret, old.clientId)));
    QVERIFY(oldSecret && !oldSecret.value().has_value());
    auto secret = AppFixture::await(m_app->workspace().secrets().read(
        Core::profileSecretKey(renewed.id, Core::SecretKind::automationSecret, renewed.clientId)));
    QVERIFY(secret && secret.value().has_value());
    remember(*secret.value());
}

void tst_MainWindow::noSecretInCacheSettingsOrLogs()
{
    QVERIFY(m_secrets.size() >= 3);
    QStringList files;
    for (const QString &root :
         {m_app->dataDir(), QStandardPaths::writableLocation(QStandardPaths::ConfigLocation),
          QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)}) {
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            // The sandbox server's own data dir holds its sealed secrets, not the app's.
            if (!path.contains(u"/sandbox/"_s))
                files.append(path);
        }
    }
    QVERIFY2(files.contains(m_app->paths().cacheFile), qPrintable(files.join(u", "_s)));
    for (const QString &path : std::as_const(files)) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        for (const QString &secret : std::as_const(m_secrets)) {
            QVERIFY2(!bytes.contains(secret.toUtf8()), qPrintable(path));
            // SQLite may keep text as UTF-16.
            QVERIFY2(!bytes.contains(QByteArray(reinterpret_cast<const char *>(secret.utf16()),
                                                secret.size() * 2)),
                     qPrintable(path));
        }
    }
    QMutexLocker locker(&logMutex);
    QVERIFY(!logLines.isEmpty());
    for (const QString &line : std::as_const(logLines))
        for (const QString &secret : std::as_const(m_secrets))
            QVERIFY2(!line.contains(secret), qPrintable(line));
}

void tst_MainWindow::cleanupTestCase()
{
    m_app.reset();
    m_remote.reset();
    qInstallMessageHandler(previousHandler);
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
