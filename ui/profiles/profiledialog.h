#pragma once

#include <profiles/profile.h>
#include <profiles/profilestore.h>

#include <QDialog>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace Latchkey::Ui {

class FieldErrors;

// Adds or edits an account profile: name, server URL, environment (production is shown red
// everywhere), how to sign in, and for an automation consumer its client id and secret (the
// secret goes to the keychain, never to the profile). Checked as the user types, by the same
// rules as latchkeyctl's (ProfileStore::validate).
class ProfileDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileDialog)

public:
    ProfileDialog(Core::ProfileStore &profiles, std::optional<Core::Profile> profile,
                  QWidget *parent = nullptr);
    ~ProfileDialog() override;

    Core::ProfileInput input() const;
    // Only for the automation method; empty otherwise (or when left empty on an edit).
    QString clientSecret() const;
    std::optional<Core::Profile> original() const { return m_original; }
    void showError(const Core::Error &error);

private:
    void validate();
    void methodChanged();

    Core::ProfileStore &m_profiles;
    std::optional<Core::Profile> m_original;
    FieldErrors *m_errors;
    QLabel *m_problem;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QComboBox *m_environment;
    QComboBox *m_method;
    QLineEdit *m_clientId;
    QLineEdit *m_secret;
    QDialogButtonBox *m_buttons;
};

} // namespace Latchkey::Ui
