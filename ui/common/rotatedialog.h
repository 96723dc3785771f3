#pragma once

#include <QDialog>

class QComboBox;

namespace Latchkey::Ui {

// Asks how long the old secret keeps working after a rotation (none, an hour, a day, a week),
// so integrations can switch without an outage.
class RotateDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RotateDialog)

public:
    RotateDialog(const QString &itemName, const QString &secretLabel, QWidget *parent = nullptr);
    ~RotateDialog() override;

    int graceSeconds() const;

private:
    QComboBox *m_grace;
};

} // namespace Latchkey::Ui
