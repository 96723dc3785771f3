#pragma once

#include <QDialog>
#include <QUrl>

class QLabel;
class QWebEngineProfile;
class QWebEngineView;

namespace Latchkey::Ui {

// The built-in browser for a profile that signs in without the system browser: the account's
// own sign-in and consent pages in a QWebEngineView on a private, off-the-record profile (no
// cookie outlives the dialog), redirected at the end to the same one-shot loopback listener the
// system browser would reach (RFC 8252), which completes the sign-in. The workspace closes it.
class SignInBrowser final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInBrowser)

public:
    SignInBrowser(const QUrl &authorizeUrl, const QString &accountName, QWidget *parent = nullptr);
    ~SignInBrowser() override;

    QWebEngineView *view() const { return m_view; }

private:
    QWebEngineProfile *m_profile;
    QWebEngineView *m_view;
    QLabel *m_address;
};

} // namespace Latchkey::Ui
