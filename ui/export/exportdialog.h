#pragma once

#include <export/profileexport.h>

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QTreeWidget;
class QTreeWidgetItem;

namespace Latchkey::Ui {

class Workspace;

// Exports credentials of the current account: pick keys and consumers (each says whether its
// secret is in the keychain), a format (dotenv, JSON, Postman environment, curl script),
// optionally a passphrase (age v1, scrypt: `age -d` decrypts it), and a file, written
// atomically with mode 0600 off the UI thread. A secret that is not at hand is exported as
// missing with the reason, and the dialog says so before writing.
class ExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    // `selectedIds`: key ids and consumer ids to tick; `known`: secrets in hand by item id
    // (a secret just shown), used before the keychain.
    ExportDialog(Workspace &workspace, const QStringList &selectedIds,
                 const QHash<QString, QString> &known, QWidget *parent = nullptr);
    ~ExportDialog() override;

    // scrypt's work factor (log2 N); 18 is what `age -p` uses. Tests use less.
    void setWorkFactor(int workFactor) { m_workFactor = workFactor; }

Q_SIGNALS:
    // Written: the file and how many items it holds.
    void exported(const QString &path, int items, int missingSecrets);

private:
    void load();
    void readSecrets();
    void validate();
    void browse();
    void write();
    Core::ExportSelection selection() const;
    QString entryOfItem(const QString &itemId) const;

    Workspace &m_workspace;
    QStringList m_selectedIds;
    QHash<QString, QString> m_known;
    Core::ExportSelection m_all;
    Core::SecretValues m_secrets;
    QTreeWidget *m_items;
    QTreeWidgetItem *m_keysRoot;
    QTreeWidgetItem *m_consumersRoot;
    QComboBox *m_format;
    QCheckBox *m_encrypt;
    QLineEdit *m_passphrase;
    QLineEdit *m_repeat;
    QCheckBox *m_armor;
    QLineEdit *m_path;
    QLabel *m_note;
    QLabel *m_problem;
    QProgressBar *m_progress;
    QDialogButtonBox *m_buttons;
    int m_workFactor = 18;
    bool m_secretsRead = false;
    bool m_writing = false;
};

} // namespace Latchkey::Ui
