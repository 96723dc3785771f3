#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace Latchkey::Ui {

// Asks before a destructive action, naming what it hits ("Delete API key “ERP Sync”?"). The box
// is window-modal and non-blocking; `accepted` runs only when the user chose `acceptText`.
// Cancel is the default button, so Enter never destroys anything.
void confirmDestructive(QWidget *parent, const QString &question, const QString &consequence,
                        const QString &acceptText, std::function<void()> accepted);

} // namespace Latchkey::Ui
