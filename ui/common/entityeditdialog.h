#pragma once

#include <net/result.h>

#include <QDialog>
#include <QJsonObject>

class QDialogButtonBox;
class QFormLayout;
class QLabel;

namespace Latchkey::Ui {

class FieldErrors;

// What the create and edit dialogs of the window share (keys, consumers): a form whose fields
// show their errors below them as the user types, a line on top for the errors that belong to
// no field, and OK/Cancel. OK emits submitted(fields()); the page sends the request and calls
// setBusy(), showError() or accept().
class EntityEditDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EntityEditDialog)

public:
    ~EntityEditDialog() override;

    // The create body, or the changed fields of an edit.
    virtual QJsonObject fields() const = 0;
    // While the request runs: inputs locked, and the dialog stays open (closing it would lose
    // the answer: a new secret, or the server's errors).
    void setBusy(bool busy);
    // A refused request: errors under their fields, the rest on top; the dialog stays open.
    void showError(const Core::Error &error);

public Q_SLOTS:
    void reject() override;

Q_SIGNALS:
    void submitted(const QJsonObject &fields);

protected:
    EntityEditDialog(const QString &okText, QWidget *parent);

    FieldErrors *errors() const { return m_errors; }
    QFormLayout *form() const { return m_form; }
    // Sets the errors of the "name" and "description" fields by the admin API's rules.
    void checkNameAndDescription(const QString &name, const QString &description);
    // OK is enabled when no field has an error.
    void updateOk();
    // Locks or unlocks the subclass's inputs (setBusy).
    virtual void setInputsEnabled(bool enabled) = 0;

private:
    FieldErrors *m_errors;
    QFormLayout *m_form;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    bool m_busy = false;
};

} // namespace Latchkey::Ui
