#pragma once

#include <QUrl>
#include <QWidget>

class QLabel;
class QWebEngineProfile;
class QWebEngineView;

namespace Latchkey::Ui {

// The flow tester's built-in browser: the provider's real sign-in and consent pages in a
// QWebEngineView on a private profile made for each test (off the record, so a test signs in as
// whoever it likes and no cookie carries over to the next one). It catches the navigation to the
// redirect URI — http or https, on a host nobody runs, or a custom scheme — without loading it.
class FlowBrowser final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FlowBrowser)

public:
    explicit FlowBrowser(QWidget *parent = nullptr);
    ~FlowBrowser() override;

    // Opens `authorizeUrl` on a new private profile (the previous test's goes, cookies and all)
    // and watches for `redirectUri`: a navigation whose scheme, host, port and path are those of
    // the redirect URI is caught, not loaded.
    void start(const QUrl &authorizeUrl, const QUrl &redirectUri);
    // Drops the page and its profile.
    void stop();
    bool isRunning() const;

    QWebEngineView *view() const { return m_view; }

    // Does `url` go to `redirectUri` (query and fragment aside)?
    static bool isRedirect(const QUrl &url, const QUrl &redirectUri);

Q_SIGNALS:
    // The navigation to the redirect URI, with its query or fragment; nothing was loaded.
    void redirectCaught(const QUrl &url);
    // A page finished loading: its address, title and, for an error page (no form to go on
    // with), what it says.
    void pageShown(const QUrl &url, const QString &title, const QString &alert);
    // The page could not load (provider down, certificate error...).
    void loadFailed(const QUrl &url);

private:
    void clear();

    QWebEngineProfile *m_profile = nullptr;
    QWebEngineView *m_view = nullptr;
    QLabel *m_address;
    QLabel *m_placeholder;
    QUrl m_redirectUri;
    QString m_authorizePath; // quoted for a JavaScript string
    bool m_caught = false;
};

} // namespace Latchkey::Ui
