#pragma once

#include <net/result.h>

#include <QHash>
#include <QObject>
#include <QString>

class QFormLayout;
class QLabel;
class QWidget;

namespace Latchkey::Ui {

// The validation half of an edit dialog: a red message under each field that is wrong, checked
// as the user types and filled from a server's 422 errors (keyed by the API's field names), and
// a summary of what is left to fix.
class FieldErrors final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FieldErrors)

public:
    explicit FieldErrors(QObject *parent = nullptr);

    // Adds `field` under `label` in the form with its (hidden) error line below.
    void addRow(QFormLayout *form, const QString &label, QWidget *field, const QString &apiName);
    // Empty message: valid.
    void set(const QString &apiName, const QString &message);
    void clear();
    bool isValid() const;
    QString message(const QString &apiName) const;
    // Puts the server's field errors under their fields (an item's, "redirect_uris[1]", under
    // its list's); returns the errors that belong to no field of this form, as text.
    QString applyServerErrors(const Core::Error &error);

private:
    QHash<QString, QLabel *> m_labels;
};

} // namespace Latchkey::Ui
