#pragma once

#include "common/entityeditdialog.h"

#include <protocol/entities.h>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLineEdit;
class QPlainTextEdit;

namespace Latchkey::Ui {

// Creates or edits an API key: name (required), description, permission group (required),
// optional expiry in the future. Validates as the user types; OK sends only what changed.
class KeyEditDialog final : public EntityEditDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyEditDialog)

public:
    // `key` null: a new key.
    KeyEditDialog(const QList<PermissionGroup> &groups, std::optional<ApiKey> key,
                  QWidget *parent = nullptr);
    ~KeyEditDialog() override;

    QJsonObject fields() const override;
    std::optional<ApiKey> original() const { return m_original; }

protected:
    void setInputsEnabled(bool enabled) override;

private:
    void validate();

    std::optional<ApiKey> m_original;
    QLineEdit *m_name;
    QPlainTextEdit *m_description;
    QComboBox *m_group;
    QCheckBox *m_expires;
    QDateTimeEdit *m_expiresAt;
};

} // namespace Latchkey::Ui
