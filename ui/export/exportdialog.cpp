#include "exportdialog.h"

#include "app/workspace.h"
#include "common/icons.h"
#include "common/listcache.h"

#include <export/exporters.h>
#include <export/exportfile.h>
#include <profiles/profilestore.h>
#include <secrets/secretstore.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace Latchkey::Ui {

namespace {

} // namespace

ExportDialog::ExportDialog(Workspace &workspace, const QStringList &selectedIds,
                           const QHash<QString, QString> &known, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_selectedIds(selectedIds)
    , m_known(known)
    , m_items(new QTreeWidget(this))
    , m_keysRoot(new QTreeWidgetItem(m_items, {tr("API Keys")}))
    , m_consumersRoot(new QTreeWidgetItem(m_items, {tr("OAuth Consumers")}))
    , m_format(new QComboBox(this))
    , m_encrypt(new QCheckBox(tr("&Encrypt with a passphrase (age)"), this))
    , m_passphrase(new QLineEdit(this))
    , m_repeat(new QLineEdit(this))
    , m_armor(new QCheckBox(tr("ASCII &armor (text instead of binary)"), this))
    , m_path(new QLineEdit(this))
    , m_note(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"exportDialog"_s);
    setWindowTitle(tr("Export credentials"));
    setMinimumSize(620, 560);

    m_items->setObjectName(u"itemsTree"_s);
    m_items->setColumnCount(2);
    m_items->setHeaderLabels({tr("Item"), tr("Secret")});
    m_items->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_items->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_items->setRootIsDecorated(true);
    m_keysRoot->setIcon(0, icon(u"key"));
    m_consumersRoot->setIcon(0, icon(u"consumer"));
    for (QTreeWidgetItem *root : {m_keysRoot, m_consumersRoot}) {
        root->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsAutoTristate);
        root->setExpanded(true);
    }

    m_format->setObjectName(u"formatField"_s);
    m_format->addItem(tr("dotenv (.env)"), int(Core::ExportFormat::Dotenv));
    m_format->addItem(tr("JSON"), int(Core::ExportFormat::Json));
    m_format->addItem(tr("Postman environment (v2.1)"), int(Core::ExportFormat::Postman));
    m_format->addItem(tr("curl script (.sh)"), int(Core::ExportFormat::Curl));
    m_encrypt->setObjectName(u"encryptCheck"_s);
    m_passphrase->setObjectName(u"passphraseField"_s);
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_repeat->setObjectName(u"repeatField"_s);
    m_repeat->setEchoMode(QLineEdit::Password);
    m_armor->setObjectName(u"armorCheck"_s);
    m_path->setObjectName(u"pathField"_s);
    auto *browse = new QPushButton(tr("&Browse…"), this);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    m_note->setObjectName(u"noteLabel"_s);
    m_note->setWordWrap(true);
    m_note->setStyleSheet(u"color: #8a5300"_s);
    m_problem->setObjectName(u"problemLabel"_s);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(u"color: #c62828"_s);
    m_progress->setRange(0, 0);
    m_progress->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Format"), m_format);
    form->addRow(QString(), m_encrypt);
    form->addRow(tr("&Passphrase"), m_passphrase);
    form->addRow(tr("&Repeat it"), m_repeat);
    form->addRow(QString(), m_armor);
    auto *pathLabel = new QLabel(tr("&Save to"), this);
    pathLabel->setBuddy(m_path);
    form->addRow(pathLabel, pathRow);

    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(u"exportButton"_s);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ExportDialog::write);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_items, 1);
    layout->addLayout(form);
    layout->addWidget(m_note);
    layout->addWidget(m_problem);
    layout->addWidget(m_progress);
    layout->addWidget(m_buttons);

    connect(m_items, &QTreeWidget::itemChanged, this, &ExportDialog::validate);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] {
        // The suggested name follows the format unless the user typed one.
        const QFileInfo current(m_path->text());
        const QString suggested = Core::suggestedExportFileName(
            u"latchkey", Core::fileSuffix(Core::ExportFormat(m_format->currentData().toInt())),
            m_encrypt->isChecked());
        m_path->setText(QDir(current.absolutePath()).filePath(suggested));
    });
    connect(m_encrypt, &QCheckBox::toggled, this, [this](bool on) {
        m_passphrase->setEnabled(on);
        m_repeat->setEnabled(on);
        m_armor->setEnabled(on);
        const QString path = m_path->text();
        if (on && !path.endsWith(u".age"))
            m_path->setText(path + u".age"_s);
        else if (!on && path.endsWith(u".age"))
            m_path->setText(path.chopped(4));
        validate();
    });
    for (QLineEdit *field : {m_passphrase, m_repeat, m_path})
        connect(field, &QLineEdit::textChanged, this, &ExportDialog::validate);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);

    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    m_path->setText(QDir(QFileInfo(documents).isDir() ? documents : QDir::homePath())
                        .filePath(Core::suggestedExportFileName(
                            u"latchkey", Core::fileSuffix(Core::ExportFormat::Dotenv), false)));
    m_encrypt->setChecked(false);
    m_passphrase->setEnabled(false);
    m_repeat->setEnabled(false);
    m_armor->setEnabled(false);
    load();
}

ExportDialog::~ExportDialog() = default;

QString ExportDialog::entryOfItem(const QString &itemId) const
{
    const auto profile = m_workspace.currentProfile();
    if (!profile)
        return {};
    for (const ApiKey &key : m_all.keys)
        if (key.id == itemId)
            return Core::profileSecretKey(profile->id, Core::SecretKind::apiSecret, key.id);
    for (const Consumer &consumer : m_all.consumers)
        if (consumer.id == itemId || consumer.clientId == itemId)
            return Core::profileSecretKey(profile->id, Core::SecretKind::clientSecret,
                                          consumer.clientId);
    return {};
}

void ExportDialog::load()
{
    m_all.keys = cachedList<ApiKey>(m_workspace, Core::ListKind::Keys);
    m_all.consumers = cachedList<Consumer>(m_workspace, Core::ListKind::Consumers);
    m_items->blockSignals(true);
    for (const ApiKey &key : std::as_const(m_all.keys)) {
        auto *item = new QTreeWidgetItem(m_keysRoot, {key.name, tr("reading the keychain…")});
        item->setToolTip(0, key.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(0, m_selectedIds.contains(key.id) ? Qt::Checked : Qt::Unchecked);
    }
    for (const Consumer &consumer : std::as_const(m_all.consumers)) {
        auto *item =
            new QTreeWidgetItem(m_consumersRoot, {consumer.name, tr("reading the keychain…")});
        item->setToolTip(0, consumer.clientId);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        const bool selected =
            m_selectedIds.contains(consumer.id) || m_selectedIds.contains(consumer.clientId);
        item->setCheckState(0, selected ? Qt::Checked : Qt::Unchecked);
    }
    m_keysRoot->setHidden(m_all.keys.isEmpty());
    m_consumersRoot->setHidden(m_all.consumers.isEmpty());
    m_items->blockSignals(false);

    m_workspace.permissionGroups().then(
        QtFuture::Launch::Sync,
        Core::guarded(this, [this](Core::Result<QList<PermissionGroup>> groups) {
            if (groups)
                m_all.groups = groups.value();
        }));
    readSecrets();
    validate();
}

void ExportDialog::readSecrets()
{
    const auto profile = m_workspace.currentProfile();
    if (!profile)
        return;
    const QStringList entries = Core::exportSecretEntries(*profile, m_all);
    m_workspace.secrets().readAll(entries).then(
        QtFuture::Launch::Sync,
        Core::guarded(this, [this](Core::Result<Core::SecretValues> values) {
            m_secretsRead = true;
            if (!values) {
                m_problem->setText(values.error().toText());
            } else {
                m_secrets = values.value();
            }
            // Secrets in hand (just shown) count as present.
            for (auto it = m_known.cbegin(); it != m_known.cend(); ++it) {
                const QString entry = entryOfItem(it.key());
                if (!entry.isEmpty())
                    m_secrets.insert(entry, it.value());
            }
            const auto profile = m_workspace.currentProfile();
            const Core::CredentialExport all =
                Core::buildProfileExport(*profile, profile->serverUrl, m_all, m_secrets, {});
            for (int i = 0; i < m_keysRoot->childCount(); ++i) {
                const bool present = all.keys.value(i).secret.isPresent();
                m_keysRoot->child(i)->setText(1, present ? tr("in the keychain")
                                                         : tr("not in the keychain"));
                m_keysRoot->child(i)->setForeground(1, present ? palette().text()
                                                               : QBrush(QColor(0xc6, 0x28, 0x28)));
            }
            for (int i = 0; i < m_consumersRoot->childCount(); ++i) {
                const Core::ExportSecret &secret = all.consumers.value(i).clientSecret;
                QString text = tr("in the keychain");
                if (secret.state() == Core::ExportSecret::State::NotIssued)
                    text = tr("public client: no secret");
                else if (!secret.isPresent())
                    text = tr("not in the keychain");
                m_consumersRoot->child(i)->setText(1, text);
                if (secret.state() == Core::ExportSecret::State::Missing)
                    m_consumersRoot->child(i)->setForeground(1, QBrush(QColor(0xc6, 0x28, 0x28)));
            }
            validate();
        }));
}

Core::ExportSelection ExportDialog::selection() const
{
    Core::ExportSelection chosen;
    chosen.groups = m_all.groups;
    for (int i = 0; i < m_keysRoot->childCount(); ++i)
        if (m_keysRoot->child(i)->checkState(0) == Qt::Checked)
            chosen.keys.append(m_all.keys.at(i));
    for (int i = 0; i < m_consumersRoot->childCount(); ++i)
        if (m_consumersRoot->child(i)->checkState(0) == Qt::Checked)
            chosen.consumers.append(m_all.consumers.at(i));
    return chosen;
}

void ExportDialog::validate()
{
    QString problem;
    const Core::ExportSelection chosen = selection();
    const auto profile = m_workspace.currentProfile();
    if (chosen.keys.isEmpty() && chosen.consumers.isEmpty())
        problem = tr("Tick the keys and consumers to export.");
    else if (m_path->text().trimmed().isEmpty())
        problem = tr("Choose the file to save to.");
    else if (!QFileInfo(QFileInfo(m_path->text()).absolutePath()).isDir())
        problem = tr("The folder %1 does not exist.").arg(QFileInfo(m_path->text()).absolutePath());
    else if (m_encrypt->isChecked() && m_passphrase->text().isEmpty())
        problem = tr("Type a passphrase, or untick encryption.");
    else if (m_encrypt->isChecked() && m_passphrase->text() != m_repeat->text())
        problem = tr("The passphrases do not match.");

    QString note;
    if (m_secretsRead && profile) {
        const Core::CredentialExport data =
            Core::buildProfileExport(*profile, profile->serverUrl, chosen, m_secrets, {});
        if (auto variables = Core::exportVariables(data); !variables && problem.isEmpty())
            problem = variables.error().toText();
        const int missing = int(Core::missingSecretNames(data).size());
        if (missing > 0)
            note = tr("%n secret(s) are not in this computer's keychain and are exported as "
                      "MISSING, with the reason. To export one, rotate it: the new secret is "
                      "kept in the keychain.",
                      nullptr, missing);
    }
    if (m_encrypt->isChecked() && problem.isEmpty() && m_passphrase->text().size() < 12)
        note += (note.isEmpty() ? QString() : u"\n"_s) +
                tr("A passphrase of 12 characters or more is much harder to guess.");
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(problem.isEmpty() && m_secretsRead && !m_writing);
}

void ExportDialog::browse()
{
    auto *dialog = new QFileDialog(this, tr("Save the export as"), m_path->text());
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, m_path, &QLineEdit::setText);
    dialog->open();
}

void ExportDialog::write()
{
    const auto profile = m_workspace.currentProfile();
    if (!profile || m_writing)
        return;
    const Core::ExportSelection chosen = selection();
    const Core::CredentialExport data = Core::buildProfileExport(
        *profile, profile->serverUrl, chosen, m_secrets, Core::notInKeychainReason(profile->name));
    const auto format = Core::ExportFormat(m_format->currentData().toInt());
    const QString path = QFileInfo(m_path->text().trimmed()).absoluteFilePath();
    std::optional<Core::ExportEncryption> encryption;
    if (m_encrypt->isChecked())
        encryption = Core::ExportEncryption{m_passphrase->text().toUtf8(), m_armor->isChecked(),
                                            m_workFactor};
    const int missing = int(Core::missingSecretNames(data).size());
    const int items = int(data.keys.size() + data.consumers.size());

    m_writing = true;
    m_progress->show();
    m_problem->hide();
    validate();
    setCursor(Qt::BusyCursor);
    // scrypt takes about a second: off the UI thread, so the window stays responsive. The
    // watcher belongs to the dialog: closed meanwhile, the file is still written, and nothing
    // is told.
    auto *watcher = new QFutureWatcher<Core::Result<Core::Nothing>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path, items, missing] {
        watcher->deleteLater();
        const Core::Result<Core::Nothing> written = watcher->result();
        m_writing = false;
        m_progress->hide();
        unsetCursor();
        if (!written) {
            validate();
            m_problem->setText(written.error().toText());
            m_problem->show();
            return;
        }
        Q_EMIT exported(path, items, missing);
        accept();
    });
    watcher->setFuture(
        QtConcurrent::run([data, format, path, encryption]() -> Core::Result<Core::Nothing> {
            auto bytes = Core::renderExport(data, format);
            if (!bytes)
                return bytes.error();
            return encryption ? Core::writeExportFile(path, bytes.value(), *encryption)
                              : Core::writeExportFile(path, bytes.value());
        }));
}

} // namespace Latchkey::Ui
