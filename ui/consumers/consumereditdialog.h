#pragma once

#include "common/entityeditdialog.h"

#include <protocol/entities.h>

#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace Latchkey::Ui {

// Creates or edits an OAuth consumer: name (required), description, permission group
// (required), grant type; for authorization code also the client type, the redirect URIs (one
// per line, at least one, each one the server accepts) and PKCE (always on for public clients).
// The form follows the grant type, as Fracttal's does; it validates as the user types, and OK
// sends only what changed. The grant and client type cannot change once the consumer exists.
class ConsumerEditDialog final : public EntityEditDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsumerEditDialog)

public:
    // `consumer` null: a new consumer.
    ConsumerEditDialog(const QList<PermissionGroup> &groups, std::optional<Consumer> consumer,
                       QWidget *parent = nullptr);
    ~ConsumerEditDialog() override;

    QJsonObject fields() const override;
    std::optional<Consumer> original() const { return m_original; }
    // The non-blank lines of the redirect URI field, trimmed.
    QStringList redirectUris() const;

protected:
    void setInputsEnabled(bool enabled) override;

private:
    GrantType grantType() const;
    ClientType clientType() const;
    void updateForm();
    void validate();
    QString redirectUrisProblem() const;

    std::optional<Consumer> m_original;
    QLineEdit *m_name;
    QPlainTextEdit *m_description;
    QComboBox *m_group;
    QComboBox *m_grant;
    QLabel *m_grantHint;
    QComboBox *m_clientType;
    QPlainTextEdit *m_redirectUris;
    QCheckBox *m_pkce;
};

} // namespace Latchkey::Ui
