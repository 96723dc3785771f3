#pragma once

#include <QObject>
#include <QTimer>

namespace Latchkey::Ui {

// Copies secrets to the clipboard marked as passwords (so clipboard managers that honour
// x-kde-passwordManagerHint keep no history of them) and clears the clipboard after a delay, if
// it still holds that secret. One per application: it outlives the dialog that copied.
class ClipboardGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClipboardGuard)

public:
    static ClipboardGuard &instance();

    void copySecret(const QString &secret);
    // 30 s by default; tests shorten it.
    void setClearDelay(int milliseconds) { m_delayMs = milliseconds; }
    int clearDelay() const { return m_delayMs; }

Q_SIGNALS:
    void cleared();

private:
    explicit ClipboardGuard(QObject *parent);
    void clearIfStillOurs();

    QTimer m_timer;
    QByteArray m_digest; // of the copied secret: the secret itself is not kept
    int m_delayMs = 30000;
};

} // namespace Latchkey::Ui
