#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Latchkey::Ui {

class Workspace;

// What the secret dialog shows: a new API secret or client secret, the only time it exists in
// clear outside the keychain.
struct NewSecret
{
    QString itemName;    // "ERP Sync"
    QString idLabel;     // "API Key" or "Client ID"
    QString id;          // the public half
    QString secretLabel; // "API Secret" or "Client secret"
    QString secret;
    QString keychainKey; // where it is kept unless the user declines
};

// Shows a new secret once: masked with a reveal toggle, Copy (marked as a password, cleared
// after 30 s), Export…, and "Keep in the keychain" (on by default). Closing it writes the secret
// to the keychain when kept, and reports a keychain failure instead of pretending.
class SecretDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SecretDialog)

public:
    SecretDialog(Workspace &workspace, NewSecret secret, QWidget *parent = nullptr);
    ~SecretDialog() override;

    bool keepInKeychain() const;

Q_SIGNALS:
    void exportRequested();
    // After the keychain write (or the decision not to keep it): ok false with the reason.
    void keychainDone(bool ok, const QString &message);

public Q_SLOTS:
    void done(int result) override;

private:
    Workspace &m_workspace;
    NewSecret m_secret;
    QLineEdit *m_field;
    QCheckBox *m_keep;
    QLabel *m_copied;
    QPushButton *m_reveal;
    bool m_stored = false;
};

} // namespace Latchkey::Ui
