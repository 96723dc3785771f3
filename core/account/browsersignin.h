#pragma once

#include "net/httpclient.h"
#include "oauth/loopbackreceiver.h"
#include "oauth/oauthclient.h"

#include <QObject>
#include <QUrl>

namespace Latchkey::Core {

struct SignedIn
{
    TokenResponse tokens; // holds the refresh token: keep it in the keychain, nowhere else
    ProviderMetadata provider;
    QString clientId;
};

// A super admin's sign-in to an account, as RFC 8252 wants a native app to do it: the
// authorization code flow with PKCE in the user's own browser, back to a one-shot listener on
// 127.0.0.1 and a random port. The caller opens the URL `openBrowser` hands it (the desktop with
// QDesktopServices, the CLI with xdg-open and a printed link), or a built-in browser.
class BrowserSignIn final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BrowserSignIn)

public:
    BrowserSignIn(HttpClient &http, QUrl accountUrl,
                  QString clientId = QStringLiteral("latchkey-desktop"), QObject *parent = nullptr);

    // Discovers the account's authorization server, listens, emits openBrowser, waits for the
    // redirect (state and iss checked), and exchanges the code.
    Task<SignedIn> start(const QStringList &scopes = {QStringLiteral("admin")},
                         int timeoutMs = 300000);

Q_SIGNALS:
    void openBrowser(const QUrl &url);

private:
    Task<SignedIn> afterRedirect(const Result<QUrlQuery> &query);

    OAuthClient m_oauth;
    LoopbackReceiver m_receiver;
    QUrl m_accountUrl;
    QString m_clientId;
    AuthorizationRequest m_request;
};

} // namespace Latchkey::Core
