#include <appfixture.h>

#include <common/listfilterproxy.h>
#include <common/rotatedialog.h>
#include <consumers/consumereditdialog.h>
#include <consumers/consumerlistmodel.h>
#include <consumers/consumerspage.h>
#include <protocol/searchfold.h>
#include <secrets/secretdialog.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTextBrowser>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace Latchkey;
using Latchkey::Test::AppFixture;
using Known = QHash<QString, QString>;

class tst_ConsumersPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsTheSandboxConsumers();
    void formFollowsTheGrantType();
    void createValidatesAsYouType();
    void createValidatesAsYouType_data();
    void serverErrorsShowUnderTheirFields();
    void createClientCredentialsShowsTheSecretOnce();
    void createPublicClientHasNoSecret();
    void createConfidentialAuthorizationCode();
    void editConsumer();
    void rotateWithGracePeriod();
    void disableEnableAndStatusFilter();
    void deleteAsksAndNamesTheConsumer();
    void searchAndSort();
    void copyClientIdAndExport();
    void offlineIsReadOnly();
    void cleanupTestCase();

private:
    Ui::ConsumersPage *page()
    {
        return qobject_cast<Ui::ConsumersPage *>(m_app->window().page(Ui::MainWindow::Consumers));
    }
    Ui::ConsumerListModel *model() { return page()->model(); }
    QAction *action(const char *name) { return page()->findChild<QAction *>(QLatin1String(name)); }
    QList<Consumer> serverConsumers();
    std::optional<Consumer> serverConsumer(const QString &name);
    int rowOfName(const QString &name);
    bool selectName(const QString &name);
    // Opens the new-consumer dialog.
    Ui::ConsumerEditDialog *openNewDialog();
    // Fills the dialog; `redirects` empty keeps client credentials.
    static void fill(Ui::ConsumerEditDialog *dialog, const QString &name, const QString &group,
                     const QString &redirects = {}, bool isPublic = false);
    static QPushButton *okButton(QDialog *dialog)
    {
        return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }
    QString details() { return page()->findChild<QTextBrowser *>()->toPlainText(); }

    std::unique_ptr<AppFixture> m_app;
    QString m_createdSecret;
};

QList<Consumer> tst_ConsumersPage::serverConsumers()
{
    Core::ListQuery query;
    query.limit = 1000;
    auto page = AppFixture::await(m_app->workspace().account()->consumers(query));
    return page ? page.value().items : QList<Consumer>();
}

std::optional<Consumer> tst_ConsumersPage::serverConsumer(const QString &name)
{
    for (const Consumer &consumer : serverConsumers())
        if (consumer.name == name)
            return consumer;
    return std::nullopt;
}

int tst_ConsumersPage::rowOfName(const QString &name)
{
    for (int row = 0; row < model()->rowCount(); ++row)
        if (model()->at(row).name == name)
            return row;
    return -1;
}

bool tst_ConsumersPage::selectName(const QString &name)
{
    const int row = rowOfName(name);
    return row >= 0 && page()->selectId(model()->at(row).id);
}

Ui::ConsumerEditDialog *tst_ConsumersPage::openNewDialog()
{
    action("newConsumerAction")->trigger();
    return m_app->waitForDialog<Ui::ConsumerEditDialog>();
}

void tst_ConsumersPage::fill(Ui::ConsumerEditDialog *dialog, const QString &name,
                             const QString &group, const QString &redirects, bool isPublic)
{
    // QTest::keyClicks types Latin-1 only; insert() is what an input method does.
    dialog->findChild<QLineEdit *>(u"nameField"_s)->insert(name);
    auto *groups = dialog->findChild<QComboBox *>(u"groupField"_s);
    groups->setCurrentIndex(groups->findText(group));
    if (redirects.isEmpty())
        return;
    auto *grant = dialog->findChild<QComboBox *>(u"grantField"_s);
    grant->setCurrentIndex(grant->findData(u"authorization_code"_s));
    auto *type = dialog->findChild<QComboBox *>(u"clientTypeField"_s);
    type->setCurrentIndex(type->findData(isPublic ? u"public"_s : u"confidential"_s));
    dialog->findChild<QPlainTextEdit *>(u"redirectUrisField"_s)->setPlainText(redirects);
}

void tst_ConsumersPage::initTestCase()
{
    m_app = std::make_unique<AppFixture>();
    QVERIFY2(m_app->start(), qPrintable(m_app->error()));
    m_app->window().showSection(Ui::MainWindow::Consumers);
    QVERIFY(page());
    // The export dialog the window opens for exportRequested has its own test; here the
    // signal is what the page promises.
    QObject::disconnect(page(), &Ui::ConsumersPage::exportRequested, &m_app->window(), nullptr);
    new QAbstractItemModelTester(model(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 this);
    new QAbstractItemModelTester(page()->proxy(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, this);
}

void tst_ConsumersPage::showsTheSandboxConsumers()
{
    // The window shows what the server has: the demo consumers, the automation consumer the
    // sandbox signs in with, and the desktop's own public client.
    QCOMPARE(model()->rowCount(), int(serverConsumers().size()));
    QVERIFY(model()->rowCount() >= 5);
    QCOMPARE(page()->title(), u"OAuth Consumers"_s);
    QCOMPARE(model()
                 ->headerData(Ui::ConsumerListModel::ClientId, Qt::Horizontal, Qt::DisplayRole)
                 .toString(),
             u"Client ID"_s);
    const int mobile = rowOfName(u"Mobile Inspector"_s);
    QVERIFY(mobile >= 0);
    auto cell = [this](int row, int column) {
        return model()->index(row, column).data().toString();
    };
    QCOMPARE(cell(mobile, Ui::ConsumerListModel::GrantType), u"Authorization code"_s);
    QCOMPARE(cell(mobile, Ui::ConsumerListModel::ClientType), u"Public"_s);
    QCOMPARE(cell(mobile, Ui::ConsumerListModel::Group), u"Maintenance"_s);
    QCOMPARE(cell(mobile, Ui::ConsumerListModel::Status), u"Active"_s);
    QCOMPARE(cell(mobile, Ui::ConsumerListModel::ClientId), model()->at(mobile).clientId);
    const int erp = rowOfName(u"ERP Sync"_s);
    QCOMPARE(cell(erp, Ui::ConsumerListModel::GrantType), u"Client credentials"_s);
    QCOMPARE(cell(erp, Ui::ConsumerListModel::ClientType), u"Confidential"_s);

    // Nothing selected: only New is possible.
    QVERIFY(action("newConsumerAction")->isEnabled());
    QVERIFY(!action("editConsumerAction")->isEnabled());
    QVERIFY(!action("deleteConsumerAction")->isEnabled());
    QVERIFY(!action("copyConsumerAction")->isEnabled());

    // A public client has no secret to rotate; its details list its redirect URIs.
    QVERIFY(selectName(u"Mobile Inspector"_s));
    QVERIFY(!action("rotateConsumerAction")->isEnabled());
    QVERIFY(action("editConsumerAction")->isEnabled());
    QVERIFY(details().contains(u"com.example.inspector:/oauth/callback"_s));
    QVERIFY(details().contains(u"Public"_s));
    QVERIFY(selectName(u"ERP Sync"_s));
    QVERIFY(action("rotateConsumerAction")->isEnabled());
    QVERIFY(details().contains(u"Server-to-server sync."_s));
}

void tst_ConsumersPage::formFollowsTheGrantType()
{
    auto *dialog = openNewDialog();
    QVERIFY(dialog);
    auto *grant = dialog->findChild<QComboBox *>(u"grantField"_s);
    auto *type = dialog->findChild<QComboBox *>(u"clientTypeField"_s);
    auto *redirects = dialog->findChild<QPlainTextEdit *>(u"redirectUrisField"_s);
    auto *pkce = dialog->findChild<QCheckBox *>(u"pkceCheck"_s);
    auto *hint = dialog->findChild<QLabel *>(u"grantHint"_s);
    QVERIFY(grant && type && redirects && pkce && hint);

    // Client credentials: no redirect, no client type, no PKCE.
    QCOMPARE(grant->currentText(), u"Client credentials"_s);
    QVERIFY(!redirects->isVisible());
    QVERIFY(!type->isVisible());
    QVERIFY(!pkce->isVisible());
    QVERIFY(hint->text().contains(u"server-to-server"_s));

    // Authorization code: the redirect URIs, client type and PKCE appear.
    grant->setCurrentIndex(grant->findData(u"authorization_code"_s));
    QVERIFY(redirects->isVisible());
    QVERIFY(type->isVisible());
    QVERIFY(pkce->isVisible());
    QVERIFY(hint->text().contains(u"redirect URIs"_s));
    QVERIFY(pkce->isChecked());
    QVERIFY(pkce->isEnabled());
    pkce->setChecked(false);

    // A public client always uses PKCE: forced on and locked.
    type->setCurrentIndex(type->findData(u"public"_s));
    QVERIFY(pkce->isChecked());
    QVERIFY(!pkce->isEnabled());
    type->setCurrentIndex(type->findData(u"confidential"_s));
    QVERIFY(pkce->isEnabled());

    grant->setCurrentIndex(grant->findData(u"client_credentials"_s));
    QVERIFY(!redirects->isVisible());
    dialog->reject();
}

void tst_ConsumersPage::createValidatesAsYouType_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("group");
    QTest::addColumn<QString>("redirects"); // empty: client credentials
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty name") << u"   "_s << u"Read only"_s << QString() << u"name"_s
                                << u"A name is required."_s;
    QTest::newRow("no group") << u"Billing"_s << QString() << QString() << u"permission_group_id"_s
                              << u"permission group"_s;
    QTest::newRow("authorization code without redirect URI")
        << u"Billing"_s << u"Read only"_s << u"\n  \n"_s << u"redirect_uris"_s
        << u"Authorization code needs at least one redirect URI."_s;
    QTest::newRow("malformed redirect URI")
        << u"Billing"_s << u"Read only"_s << u"https://billing.example.com/cb\nnot a uri"_s
        << u"redirect_uris"_s << u"Line 2, “not a uri”: is not an absolute URI"_s;
    QTest::newRow("http on a public host")
        << u"Billing"_s << u"Read only"_s << u"http://billing.example.com/cb"_s
        << u"redirect_uris"_s
        << u"Line 1, “http://billing.example.com/cb”: http is only allowed on a loopback host"_s;
    QTest::newRow("fragment") << u"Billing"_s << u"Read only"_s
                              << u"https://billing.example.com/cb#x"_s << u"redirect_uris"_s
                              << u"must not have a fragment"_s;
    QTest::newRow("javascript scheme")
        << u"Billing"_s << u"Read only"_s << u"javascript:alert(1)"_s << u"redirect_uris"_s
        << u"must use https, http on a loopback host, or a reverse-domain private scheme"_s;
}

void tst_ConsumersPage::createValidatesAsYouType()
{
    QFETCH(QString, name);
    QFETCH(QString, group);
    QFETCH(QString, redirects);
    QFETCH(QString, field);
    QFETCH(QString, message);

    const int before = int(serverConsumers().size());
    auto *dialog = openNewDialog();
    QVERIFY(dialog);
    QVERIFY(!okButton(dialog)->isEnabled()); // nothing filled in yet
    // A placeholder group first, so that "no group" stays unchosen.
    fill(dialog, name, group.isEmpty() ? u"Choose a permission group…"_s : group, redirects);
    auto *error = dialog->findChild<QLabel *>(field + u"Error"_s);
    QVERIFY(error);
    QVERIFY2(error->text().contains(message), qPrintable(error->text()));
    QVERIFY(error->isVisible());
    QVERIFY(!okButton(dialog)->isEnabled());
    // The other fields are fine.
    for (QLabel *label : dialog->findChildren<QLabel *>()) {
        if (label != error && label->objectName().endsWith(u"Error"_s))
            QVERIFY2(label->isHidden(), qPrintable(label->objectName() + label->text()));
    }
    // Nothing was created.
    dialog->reject();
    QCOMPARE(int(serverConsumers().size()), before);
    QCOMPARE(model()->rowCount(), before);
}

void tst_ConsumersPage::serverErrorsShowUnderTheirFields()
{
    // What the server answers a redirect URI it refuses (a 422 with errors per item) shows under
    // the redirect URI field, naming the URI.
    const int before = int(serverConsumers().size());
    auto refused = AppFixture::await(m_app->workspace().account()->createConsumer(
        {{u"name"_s, u"Refused"_s},
         {u"permission_group_id"_s, u"Read only"_s},
         {u"grant_type"_s, u"authorization_code"_s},
         {u"redirect_uris"_s,
          QJsonArray{u"https://ok.example.com/cb"_s, u"http://partner.example.com/cb"_s}}}));
    QVERIFY(!refused);
    QCOMPARE(refused.error().httpStatus, 422);

    auto *dialog = openNewDialog();
    QVERIFY(dialog);
    fill(dialog, u"Refused"_s, u"Read only"_s, u"https://ok.example.com/cb"_s);
    QVERIFY(okButton(dialog)->isEnabled());
    dialog->showError(refused.error());
    auto *error = dialog->findChild<QLabel *>(u"redirect_urisError"_s);
    QVERIFY2(error->text().contains(u"http://partner.example.com/cb http is only allowed on a "
                                    "loopback host"_s),
             qPrintable(error->text()));
    QVERIFY(error->isVisible());
    QVERIFY(dialog->findChild<QLabel *>(u"problemLabel"_s)->isHidden());
    // Typing again validates afresh.
    dialog->findChild<QPlainTextEdit *>(u"redirectUrisField"_s)
        ->setPlainText(u"https://ok.example.com/cb"_s);
    QVERIFY(error->isHidden());
    dialog->reject();
    QCOMPARE(int(serverConsumers().size()), before);
}

void tst_ConsumersPage::createClientCredentialsShowsTheSecretOnce()
{
    auto *dialog = openNewDialog();
    QVERIFY(dialog);
    fill(dialog, u"Billing Sync"_s, u"Maintenance"_s);
    dialog->findChild<QPlainTextEdit *>(u"descriptionField"_s)->setPlainText(u"Nightly billing."_s);
    QVERIFY(okButton(dialog)->isEnabled());
    QCOMPARE(okButton(dialog)->text().remove(u'&'), u"Create consumer"_s);
    okButton(dialog)->click();

    auto *secretDialog = m_app->waitForDialog<Ui::SecretDialog>(30000);
    QVERIFY(secretDialog);
    auto *field = secretDialog->findChild<QLineEdit *>(u"secretField"_s);
    const QString clientId = secretDialog->findChild<QLineEdit *>(u"idField"_s)->text();
    QCOMPARE(field->echoMode(), QLineEdit::Password);
    QVERIFY(field->text().size() >= 43);
    QVERIFY(clientId.startsWith(u"ck_"_s));
    m_createdSecret = field->text();

    // In the list, selected, on the server as typed; the list holds no secret.
    const int row = rowOfName(u"Billing Sync"_s);
    QVERIFY(row >= 0);
    QCOMPARE(model()->at(row).clientId, clientId);
    QVERIFY(model()->at(row).clientSecret.isEmpty());
    QCOMPARE(page()->selectedIds(), QStringList{model()->at(row).id});
    const auto onServer = serverConsumer(u"Billing Sync"_s);
    QVERIFY(onServer);
    QCOMPARE(onServer->clientId, clientId);
    QVERIFY(onServer->grantType == GrantType::ClientCredentials);
    QCOMPARE(onServer->description, u"Nightly billing."_s);
    QVERIFY(onServer->redirectUris.isEmpty());

    // Export… from the secret dialog hands the secret in hand to the export.
    QSignalSpy exported(page(), &Ui::ConsumersPage::exportRequested);
    secretDialog->findChild<QPushButton *>(u"exportButton"_s)->click();
    QCOMPARE(exported.size(), 1);
    QCOMPARE(exported.first().at(0).toStringList(), QStringList{onServer->id});
    QCOMPARE(exported.first().at(1).value<Known>().value(onServer->id), m_createdSecret);

    // Done keeps it in the keychain, by client ID.
    QSignalSpy kept(secretDialog, &Ui::SecretDialog::keychainDone);
    secretDialog->findChild<QPushButton *>(u"doneButton"_s)->click();
    QVERIFY(kept.wait(10000) || !kept.isEmpty());
    QCOMPARE(kept.first().at(0).toBool(), true);
    auto stored = AppFixture::await(m_app->workspace().secrets().read(
        m_app->workspace().secretKey(Core::SecretKind::clientSecret, clientId)));
    QVERIFY2(stored, Test::describe(stored));
    QCOMPARE(stored.value().value_or(QString()), m_createdSecret);
}

void tst_ConsumersPage::createPublicClientHasNoSecret()
{
    auto *dialog = openNewDialog();
    QVERIFY(dialog);
    fill(dialog, u"Field App"_s, u"Read only"_s,
         u"com.example.fieldapp:/oauth/callback\n\nhttp://127.0.0.1/callback"_s, true);
    QVERIFY(okButton(dialog)->isEnabled());
    okButton(dialog)->click();

    // No secret dialog: a message that says there is none.
    const QString text = m_app->answerMessageBox(u"OK"_s, 30000);
    QVERIFY2(text.contains(u"Field App is a public client: it has no client secret."_s),
             qPrintable(text));
    QVERIFY(!m_app->waitForDialog<Ui::SecretDialog>(200));

    const auto onServer = serverConsumer(u"Field App"_s);
    QVERIFY(onServer);
    QVERIFY(onServer->grantType == GrantType::AuthorizationCode);
    QVERIFY(onServer->clientType == ClientType::Public);
    QVERIFY(onServer->requirePkce);
    QCOMPARE(onServer->redirectUris, (QStringList{u"com.example.fieldapp:/oauth/callback"_s,
                                                  u"http://127.0.0.1/callback"_s}));
    QVERIFY(text.contains(onServer->clientId));
    QVERIFY(selectName(u"Field App"_s));
    QVERIFY(!action("rotateConsumerAction")->isEnabled());
}

void tst_ConsumersPage::createConfidentialAuthorizationCode()
{
    auto *dialog = openNewDialog();
    QVERIFY(dialog);
    fill(dialog, u"Supplier Portal"_s, u"Read only"_s, u"https://suppliers.example.com/cb"_s);
    dialog->findChild<QCheckBox *>(u"pkceCheck"_s)->setChecked(false);
    okButton(dialog)->click();
    // While the request runs the dialog stays: closing it would lose the new secret.
    auto *cancel = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Cancel);
    QVERIFY(!cancel->isEnabled());
    QVERIFY(!okButton(dialog)->isEnabled());
    dialog->reject();
    QVERIFY(dialog->isVisible());
    auto *secretDialog = m_app->waitForDialog<Ui::SecretDialog>(30000);
    QVERIFY(secretDialog);
    QVERIFY(!secretDialog->findChild<QLineEdit *>(u"secretField"_s)->text().isEmpty());
    secretDialog->findChild<QCheckBox *>(u"keepCheck"_s)->setChecked(false);
    secretDialog->findChild<QPushButton *>(u"doneButton"_s)->click();

    const auto onServer = serverConsumer(u"Supplier Portal"_s);
    QVERIFY(onServer);
    QVERIFY(onServer->clientType == ClientType::Confidential);
    QVERIFY(!onServer->requirePkce);
    QCOMPARE(onServer->redirectUris, QStringList{u"https://suppliers.example.com/cb"_s});
    QTRY_VERIFY(rowOfName(u"Supplier Portal"_s) >= 0);
}

void tst_ConsumersPage::editConsumer()
{
    QVERIFY(selectName(u"Supplier Portal"_s));
    // Double-click edits, like Edit… and F2.
    Q_EMIT page()->view()->doubleClicked(page()->view()->selectionModel()->currentIndex());
    auto *dialog = m_app->waitForDialog<Ui::ConsumerEditDialog>();
    QVERIFY(dialog);
    QCOMPARE(dialog->findChild<QLineEdit *>(u"nameField"_s)->text(), u"Supplier Portal"_s);
    auto *grant = dialog->findChild<QComboBox *>(u"grantField"_s);
    QCOMPARE(grant->currentText(), u"Authorization code"_s);
    QVERIFY(!grant->isEnabled()); // fixed once created
    QVERIFY(!dialog->findChild<QComboBox *>(u"clientTypeField"_s)->isEnabled());
    auto *redirects = dialog->findChild<QPlainTextEdit *>(u"redirectUrisField"_s);
    QCOMPARE(redirects->toPlainText(), u"https://suppliers.example.com/cb"_s);
    QCOMPARE(okButton(dialog)->text().remove(u'&'), u"Save"_s);

    // A bad URI added is refused before anything is sent; a good one is saved.
    redirects->setPlainText(u"https://suppliers.example.com/cb\nhttp://suppliers.example.com"_s);
    QVERIFY(!okButton(dialog)->isEnabled());
    redirects->setPlainText(u"https://suppliers.example.com/cb\nhttp://localhost:8080/cb"_s);
    dialog->findChild<QCheckBox *>(u"pkceCheck"_s)->setChecked(true);
    QVERIFY(okButton(dialog)->isEnabled());
    QPointer<Ui::ConsumerEditDialog> open(dialog); // closed, it deletes itself
    okButton(dialog)->click();
    QTRY_VERIFY(!open || !open->isVisible());

    const auto onServer = serverConsumer(u"Supplier Portal"_s);
    QVERIFY(onServer);
    QCOMPARE(onServer->redirectUris,
             (QStringList{u"https://suppliers.example.com/cb"_s, u"http://localhost:8080/cb"_s}));
    QVERIFY(onServer->requirePkce);
    QCOMPARE(model()->at(rowOfName(u"Supplier Portal"_s)).redirectUris, onServer->redirectUris);
    QTRY_VERIFY(details().contains(u"http://localhost:8080/cb"_s));
}

void tst_ConsumersPage::rotateWithGracePeriod()
{
    QVERIFY(selectName(u"Billing Sync"_s));
    action("rotateConsumerAction")->trigger();
    auto *rotate = m_app->waitForDialog<Ui::RotateDialog>();
    QVERIFY(rotate);
    QVERIFY(rotate->windowTitle().contains(u"Billing Sync"_s));
    auto *grace = rotate->findChild<QComboBox *>(u"graceField"_s);
    grace->setCurrentIndex(grace->findData(3600));
    rotate->accept();
    auto *secretDialog = m_app->waitForDialog<Ui::SecretDialog>(30000);
    QVERIFY(secretDialog);
    const QString rotated = secretDialog->findChild<QLineEdit *>(u"secretField"_s)->text();
    QVERIFY(!rotated.isEmpty());
    QVERIFY(rotated != m_createdSecret);
    const QString clientId = secretDialog->findChild<QLineEdit *>(u"idField"_s)->text();
    QSignalSpy kept(secretDialog, &Ui::SecretDialog::keychainDone);
    secretDialog->findChild<QPushButton *>(u"doneButton"_s)->click();
    QVERIFY(kept.wait(10000) || !kept.isEmpty());

    const int row = rowOfName(u"Billing Sync"_s);
    QVERIFY(model()->at(row).previousSecretValidUntil.isValid());
    QVERIFY(serverConsumer(u"Billing Sync"_s)->previousSecretValidUntil.isValid());
    QTRY_VERIFY(details().contains(u"Old secret works until"_s));
    // The keychain follows the rotation.
    auto stored = AppFixture::await(m_app->workspace().secrets().read(
        m_app->workspace().secretKey(Core::SecretKind::clientSecret, clientId)));
    QCOMPARE(stored.value().value_or(QString()), rotated);
}

void tst_ConsumersPage::disableEnableAndStatusFilter()
{
    QVERIFY(selectName(u"ERP Sync"_s));
    QAction *toggle = action("toggleConsumerAction");
    QCOMPARE(toggle->text().remove(u'&'), u"Disable"_s);
    toggle->trigger();
    QTRY_COMPARE(
        model()->index(rowOfName(u"ERP Sync"_s), Ui::ConsumerListModel::Status).data().toString(),
        u"Disabled"_s);
    QTRY_COMPARE(toggle->text().remove(u'&'), u"Enable"_s);
    QVERIFY(serverConsumer(u"ERP Sync"_s)->status == EntityStatus::Disabled);

    // The status filter shows the disabled one alone, or every other.
    Ui::ListFilterProxy *proxy = page()->proxy();
    QComboBox *status = page()->statusFilter();
    status->setCurrentIndex(status->findData(u"disabled"_s));
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->index(0, Ui::ConsumerListModel::Name).data().toString(), u"ERP Sync"_s);
    status->setCurrentIndex(status->findData(u"active"_s));
    QCOMPARE(proxy->rowCount(), model()->rowCount() - 1);
    status->setCurrentIndex(status->findData(QString()));
    QCOMPARE(proxy->rowCount(), model()->rowCount());

    QVERIFY(selectName(u"ERP Sync"_s));
    QTRY_VERIFY(toggle->isEnabled());
    toggle->trigger();
    QTRY_COMPARE(
        model()->index(rowOfName(u"ERP Sync"_s), Ui::ConsumerListModel::Status).data().toString(),
        u"Active"_s);
    QVERIFY(serverConsumer(u"ERP Sync"_s)->status == EntityStatus::Active);
}

void tst_ConsumersPage::deleteAsksAndNamesTheConsumer()
{
    QVERIFY(selectName(u"Billing Sync"_s));
    const QString id = page()->selectedIds().value(0);
    const QString clientId = model()->at(rowOfName(u"Billing Sync"_s)).clientId;
    action("deleteConsumerAction")->trigger();
    // Cancel keeps it, here and on the server.
    const QString question = m_app->answerMessageBox(u"Cancel"_s);
    QVERIFY2(question.contains(u"Delete OAuth consumer “Billing Sync”?"_s), qPrintable(question));
    QVERIFY(question.contains(clientId));
    QTest::qWait(200);
    QVERIFY(rowOfName(u"Billing Sync"_s) >= 0);
    QVERIFY(serverConsumer(u"Billing Sync"_s));

    QVERIFY(selectName(u"Billing Sync"_s));
    action("deleteConsumerAction")->trigger();
    QVERIFY(!m_app->answerMessageBox(u"Delete Consumer"_s).isEmpty());
    QTRY_COMPARE(rowOfName(u"Billing Sync"_s), -1);
    QVERIFY(!serverConsumer(u"Billing Sync"_s));
    auto gone = AppFixture::await(m_app->workspace().account()->consumer(id));
    QVERIFY(!gone);
    QCOMPARE(gone.error().kind, Core::Error::Kind::NotFound);
    // Its secret left the keychain with it.
    QTRY_VERIFY(!AppFixture::await(m_app->workspace().secrets().read(m_app->workspace().secretKey(
                                       Core::SecretKind::clientSecret, clientId)))
                     .value()
                     .has_value());
}

void tst_ConsumersPage::searchAndSort()
{
    Ui::ListFilterProxy *proxy = page()->proxy();
    // By name, case- and accent-insensitive; by client ID; by redirect URI. The proxy applies
    // the search after a pause in typing; applyPending() ends the pause.
    const auto search = [this, proxy](const QString &text) {
        page()->searchField()->setText(text);
        proxy->applyPending();
    };
    search(u"INSPECTOR"_s);
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->index(0, Ui::ConsumerListModel::Name).data().toString(), u"Mobile Inspector"_s);
    const QString clientId = model()->at(rowOfName(u"Partner Portal"_s)).clientId;
    search(clientId);
    QCOMPARE(proxy->rowCount(), 1);
    QCOMPARE(proxy->index(0, Ui::ConsumerListModel::Name).data().toString(), u"Partner Portal"_s);
    search(u"suppliers.example.com"_s);
    QCOMPARE(proxy->rowCount(), 1);
    search(u"nothing like this"_s);
    QCOMPARE(proxy->rowCount(), 0);
    search({});
    QCOMPARE(proxy->rowCount(), model()->rowCount());

    auto columnOrder = [proxy](int column) {
        QStringList values;
        for (int row = 0; row < proxy->rowCount(); ++row)
            values.append(proxy->index(row, column).data().toString());
        return values;
    };
    // Names sort as a person reads them (case-insensitive).
    page()->view()->sortByColumn(Ui::ConsumerListModel::Name, Qt::AscendingOrder);
    QStringList names = columnOrder(Ui::ConsumerListModel::Name);
    QStringList expected = names;
    std::sort(expected.begin(), expected.end(), [](const QString &a, const QString &b) {
        return foldForSearch(a) < foldForSearch(b);
    });
    QCOMPARE(names, expected);
    page()->view()->sortByColumn(Ui::ConsumerListModel::Name, Qt::DescendingOrder);
    QCOMPARE(proxy->index(0, Ui::ConsumerListModel::Name).data().toString(), u"Supplier Portal"_s);

    // Grant types group together.
    page()->view()->sortByColumn(Ui::ConsumerListModel::GrantType, Qt::AscendingOrder);
    const QStringList grants = columnOrder(Ui::ConsumerListModel::GrantType);
    QCOMPARE(grants.first(), u"Authorization code"_s);
    QCOMPARE(grants.last(), u"Client credentials"_s);
    QCOMPARE(grants.lastIndexOf(u"Authorization code"_s) + 1,
             grants.indexOf(u"Client credentials"_s));

    // Dates sort as dates, not as their text.
    page()->view()->sortByColumn(Ui::ConsumerListModel::Created, Qt::DescendingOrder);
    QDateTime previous;
    for (int row = 0; row < proxy->rowCount(); ++row) {
        const QDateTime created =
            model()->at(proxy->mapToSource(proxy->index(row, 0)).row()).createdAt;
        QVERIFY(!previous.isValid() || previous >= created);
        previous = created;
    }
    QCOMPARE(model()->index(0, Ui::ConsumerListModel::Created).data(Ui::SortRole).metaType().id(),
             QMetaType::LongLong);
}

void tst_ConsumersPage::copyClientIdAndExport()
{
    QVERIFY(selectName(u"Partner Portal"_s));
    const int row = rowOfName(u"Partner Portal"_s);
    QVERIFY(action("copyConsumerAction")->isEnabled());
    QCOMPARE(action("copyConsumerAction")->shortcut(), QKeySequence(QKeySequence::Copy));
    action("copyConsumerAction")->trigger();
    QCOMPARE(QGuiApplication::clipboard()->text(), model()->at(row).clientId);

    QSignalSpy exported(page(), &Ui::ConsumersPage::exportRequested);
    action("exportConsumersAction")->trigger();
    QCOMPARE(exported.size(), 1);
    QCOMPARE(exported.first().at(0).toStringList(), QStringList{model()->at(row).id});
    QVERIFY(exported.first().at(1).value<Known>().isEmpty());
}

void tst_ConsumersPage::offlineIsReadOnly()
{
    const int rows = model()->rowCount();
    QVERIFY(selectName(u"Partner Portal"_s));
    m_app->workspace().reportFailure(
        Core::Error{Core::Error::Kind::Network, 0, u"Connection refused"_s, {}, {}, {}});
    QCOMPARE(m_app->workspace().connection(), Ui::Workspace::Connection::Offline);
    // The cached list, and no action that would pretend to change the account.
    page()->reload();
    QCOMPARE(model()->rowCount(), rows);
    QVERIFY(rowOfName(u"Supplier Portal"_s) >= 0);
    QVERIFY(selectName(u"Partner Portal"_s));
    for (const char *name : {"newConsumerAction", "editConsumerAction", "rotateConsumerAction",
                             "toggleConsumerAction", "deleteConsumerAction"})
        QVERIFY2(!action(name)->isEnabled(), name);
    QVERIFY(action("copyConsumerAction")->isEnabled());
    QVERIFY(!m_app->window().bannerText().isEmpty());

    QVERIFY2(m_app->waitLoaded([this] { m_app->workspace().reconnect(); }),
             qPrintable(m_app->error()));
    QCOMPARE(m_app->workspace().connection(), Ui::Workspace::Connection::Online);
    QVERIFY(selectName(u"Partner Portal"_s));
    QVERIFY(action("editConsumerAction")->isEnabled());
}

void tst_ConsumersPage::cleanupTestCase()
{
    m_app.reset();
}

QTEST_MAIN(tst_ConsumersPage)
#include "tst_consumerspage.moc"
