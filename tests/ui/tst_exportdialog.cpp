#include <appfixture.h>

#include <export/exportdialog.h>
#include <export/exportreader.h>
#include <keys/keylistmodel.h>
#include <keys/keyspage.h>
#include <secrets/secretdialog.h>

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QtTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace Latchkey;
using Latchkey::Test::AppFixture;

class tst_ExportDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exportsDotenvWithMissingSecretsSaid();
    void exportsEncryptedAge();
    void refusesBadInput();
    void exportFromTheSecretDialog();
    void cleanupTestCase();

private:
    Ui::ExportDialog *openDialog(const QStringList &ids);
    QTreeWidgetItem *itemNamed(Ui::ExportDialog *dialog, const QString &name);
    QPushButton *exportButton(Ui::ExportDialog *dialog)
    {
        return dialog->findChild<QPushButton *>(u"exportButton"_s);
    }

    std::unique_ptr<AppFixture> m_app;
    QTemporaryDir m_out;
    QString m_keptKeyId;
    QString m_keptSecret;
};

void tst_ExportDialog::initTestCase()
{
    m_app = std::make_unique<AppFixture>();
    QVERIFY2(m_app->start(), qPrintable(m_app->error()));
    // A key whose secret the keychain holds: made the way a user makes one.
    Ui::KeysPage *page = m_app->window().keysPage();
    auto created = AppFixture::await(m_app->workspace().account()->createKey(
        {{u"name"_s, u"Partner Feed"_s},
         {u"permission_group_id"_s, page->model()->at(0).permissionGroupId}}));
    QVERIFY2(created, Test::describe(created));
    m_keptKeyId = created.value().id;
    m_keptSecret = created.value().secret;
    auto kept = AppFixture::await(m_app->workspace().secrets().write(
        m_app->workspace().secretKey(Core::SecretKind::apiSecret, m_keptKeyId),
        Core::Secret(m_keptSecret)));
    QVERIFY2(kept, Test::describe(kept));
    QVERIFY2(m_app->waitLoaded(
                 [this] { m_app->window().findChild<QAction *>(u"refreshAction"_s)->trigger(); }),
             qPrintable(m_app->error()));
}

Ui::ExportDialog *tst_ExportDialog::openDialog(const QStringList &ids)
{
    m_app->window().exportItems(ids, {}, {});
    auto *dialog = m_app->waitForDialog<Ui::ExportDialog>();
    if (dialog)
        dialog->setWorkFactor(10);
    return dialog;
}

QTreeWidgetItem *tst_ExportDialog::itemNamed(Ui::ExportDialog *dialog, const QString &name)
{
    const auto found =
        dialog->findChild<QTreeWidget *>(u"itemsTree"_s)->findItems(name, Qt::MatchRecursive);
    return found.value(0);
}

void tst_ExportDialog::exportsDotenvWithMissingSecretsSaid()
{
    const int erp = [this] {
        const auto *model = m_app->window().keysPage()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->at(row).name == u"ERP Sync"_s)
                return row;
        return -1;
    }();
    QVERIFY(erp >= 0);
    const QString erpId = m_app->window().keysPage()->model()->at(erp).id;
    Ui::ExportDialog *dialog = openDialog({m_keptKeyId, erpId});
    QVERIFY(dialog);
    // Each item says whether the keychain has its secret; the seeded key's is not there.
    QTRY_COMPARE(itemNamed(dialog, u"Partner Feed"_s)->text(1), u"in the keychain"_s);
    QCOMPARE(itemNamed(dialog, u"ERP Sync"_s)->text(1), u"not in the keychain"_s);
    QCOMPARE(itemNamed(dialog, u"Partner Feed"_s)->checkState(0), Qt::Checked);
    QCOMPARE(itemNamed(dialog, u"Data Warehouse"_s)->checkState(0), Qt::Unchecked);
    auto *note = dialog->findChild<QLabel *>(u"noteLabel"_s);
    QVERIFY2(note->text().contains(u"1 secret"_s) && note->text().contains(u"rotate"_s),
             qPrintable(note->text()));

    const QString path = m_out.filePath(u"partners.env"_s);
    dialog->findChild<QLineEdit *>(u"pathField"_s)->setText(path);
    QVERIFY(exportButton(dialog)->isEnabled());
    QSignalSpy exported(dialog, &Ui::ExportDialog::exported);
    exportButton(dialog)->click();
    QVERIFY(exported.wait(20000));
    QCOMPARE(exported.first().at(1).toInt(), 2);
    QCOMPARE(exported.first().at(2).toInt(), 1);

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY2(text.contains(u"PARTNER_FEED_HAWK_ID='%1'"_s.arg(m_keptKeyId)), qPrintable(text));
    QVERIFY(text.contains(u"PARTNER_FEED_HAWK_KEY='%1'"_s.arg(m_keptSecret)));
    QVERIFY(text.contains(u"ERP_SYNC_HAWK_KEY is missing"_s));
    QVERIFY(!text.contains(u"ERP_SYNC_HAWK_KEY=''"_s));
    QVERIFY(text.contains(u"LATCHKEY_TOKEN_URL="_s));
    struct stat info;
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
    QCOMPARE(int(info.st_mode & 0777), 0600);
}

void tst_ExportDialog::exportsEncryptedAge()
{
    Ui::ExportDialog *dialog = openDialog({m_keptKeyId});
    QVERIFY(dialog);
    dialog->findChild<QComboBox *>(u"formatField"_s)->setCurrentIndex(1); // JSON
    dialog->findChild<QCheckBox *>(u"encryptCheck"_s)->setChecked(true);
    dialog->findChild<QCheckBox *>(u"armorCheck"_s)->setChecked(true);
    dialog->findChild<QLineEdit *>(u"passphraseField"_s)->setText(u"correct horse battery"_s);
    dialog->findChild<QLineEdit *>(u"repeatField"_s)->setText(u"correct horse battery"_s);
    const QString path = m_out.filePath(u"partners.json.age"_s);
    dialog->findChild<QLineEdit *>(u"pathField"_s)->setText(path);
    QTRY_VERIFY(exportButton(dialog)->isEnabled());
    QSignalSpy exported(dialog, &Ui::ExportDialog::exported);
    exportButton(dialog)->click();
    QVERIFY(exported.wait(20000));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("-----BEGIN AGE ENCRYPTED FILE-----"));
    QVERIFY(!bytes.contains(m_keptSecret.toUtf8()));
    auto imported = Core::importExport(
        bytes, [] { return std::optional<QByteArray>("correct horse battery"); });
    QVERIFY2(imported, Test::describe(imported));
    QCOMPARE(imported.value().keys.size(), 1);
    QCOMPARE(imported.value().keys.first().id, m_keptKeyId);
    QCOMPARE(imported.value().keys.first().secret.value(), m_keptSecret);
}

void tst_ExportDialog::refusesBadInput()
{
    Ui::ExportDialog *dialog = openDialog({});
    QVERIFY(dialog);
    auto *problem = dialog->findChild<QLabel *>(u"problemLabel"_s);
    QTRY_COMPARE(problem->text(), u"Tick the keys and consumers to export."_s);
    QVERIFY(!exportButton(dialog)->isEnabled());
    itemNamed(dialog, u"Partner Feed"_s)->setCheckState(0, Qt::Checked);
    QTRY_VERIFY2(exportButton(dialog)->isEnabled(), qPrintable(problem->text()));

    dialog->findChild<QCheckBox *>(u"encryptCheck"_s)->setChecked(true);
    QCOMPARE(problem->text(), u"Type a passphrase, or untick encryption."_s);
    dialog->findChild<QLineEdit *>(u"passphraseField"_s)->setText(u"one passphrase here"_s);
    dialog->findChild<QLineEdit *>(u"repeatField"_s)->setText(u"another passphrase"_s);
    QCOMPARE(problem->text(), u"The passphrases do not match."_s);
    QVERIFY(!exportButton(dialog)->isEnabled());
    dialog->findChild<QLineEdit *>(u"repeatField"_s)->setText(u"one passphrase here"_s);
    QVERIFY(exportButton(dialog)->isEnabled());

    const QString missingFolder = m_out.filePath(u"no/such/folder/x.env"_s);
    dialog->findChild<QLineEdit *>(u"pathField"_s)->setText(missingFolder);
    QVERIFY(problem->text().startsWith(u"The folder "_s));
    QVERIFY(!exportButton(dialog)->isEnabled());

    // A file that cannot be written: the error is shown and the dialog stays open.
    const QString readOnlyDir = m_out.filePath(u"readonly"_s);
    QVERIFY(QDir().mkpath(readOnlyDir));
    QVERIFY(QFile::setPermissions(readOnlyDir, QFile::ReadOwner | QFile::ExeOwner));
    dialog->findChild<QLineEdit *>(u"pathField"_s)->setText(readOnlyDir + u"/x.env.age"_s);
    if (::geteuid() != 0) { // root writes anywhere
        exportButton(dialog)->click();
        QTRY_VERIFY(!problem->text().isEmpty());
        QVERIFY(dialog->isVisible());
        QVERIFY(!QFile::exists(readOnlyDir + u"/x.env.age"_s));
    }
    dialog->reject();
}

void tst_ExportDialog::exportFromTheSecretDialog()
{
    // A new secret can be exported right from the dialog that shows it, keychain or not.
    Ui::KeysPage *page = m_app->window().keysPage();
    page->findChild<QAction *>(u"newKeyAction"_s)->trigger();
    auto *edit = m_app->waitForDialog<QDialog>();
    QVERIFY(edit);
    edit->findChild<QLineEdit *>(u"nameField"_s)->setText(u"Fresh Export"_s);
    auto *groups = edit->findChild<QComboBox *>(u"groupField"_s);
    groups->setCurrentIndex(1);
    edit->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    auto *secretDialog = m_app->waitForDialog<Ui::SecretDialog>(30000);
    QVERIFY(secretDialog);
    const QString secret = secretDialog->findChild<QLineEdit *>(u"secretField"_s)->text();
    secretDialog->findChild<QPushButton *>(u"exportButton"_s)->click();
    Ui::ExportDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_app->window().findChild<Ui::ExportDialog *>()) && dialog->isVisible());
    dialog->setWorkFactor(10);
    QTRY_COMPARE(itemNamed(dialog, u"Fresh Export"_s)->text(1), u"in the keychain"_s);
    const QString path = m_out.filePath(u"fresh.env"_s);
    dialog->findChild<QLineEdit *>(u"pathField"_s)->setText(path);
    QSignalSpy exported(dialog, &Ui::ExportDialog::exported);
    exportButton(dialog)->click();
    QVERIFY(exported.wait(20000));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains(secret.toUtf8()));
    secretDialog->findChild<QPushButton *>(u"doneButton"_s)->click();
}

void tst_ExportDialog::cleanupTestCase()
{
    m_app.reset();
}

QTEST_MAIN(tst_ExportDialog)
#include "tst_exportdialog.moc"
