#pragma once

#include <net/result.h>
#include <protocol/entities.h>

#include <QDialog>
#include <QJsonObject>

#include <optional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace Latchkey::Ui {

class FieldErrors;

// Creates or edits an API key: name (required), description, permission group (required),
// optional expiry in the future. Validates as the user types; OK sends only what changed.
class KeyEditDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyEditDialog)

public:
    // `key` null: a new key.
    KeyEditDialog(const QList<PermissionGroup> &groups, std::optional<ApiKey> key,
                  QWidget *parent = nullptr);
    ~KeyEditDialog() override;

    // The create body, or the changed fields of an edit.
    QJsonObject fields() const;
    std::optional<ApiKey> original() const { return m_original; }
    // While the request runs: inputs locked.
    void setBusy(bool busy);
    // A refused request: errors under their fields, the rest on top; the dialog stays open.
    void showError(const Core::Error &error);

Q_SIGNALS:
    void submitted(const QJsonObject &fields);

private:
    void validate();

    std::optional<ApiKey> m_original;
    FieldErrors *m_errors;
    QLabel *m_problem;
    QLineEdit *m_name;
    QPlainTextEdit *m_description;
    QComboBox *m_group;
    QCheckBox *m_expires;
    QDateTimeEdit *m_expiresAt;
    QDialogButtonBox *m_buttons;
};

} // namespace Latchkey::Ui
