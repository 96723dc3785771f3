#include "flowbrowser.h"

#include <QLabel>
#include <QPointer>
#include <QVBoxLayout>
#include <QWebEngineLoadingInfo>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineUrlRequestJob>
#include <QWebEngineUrlSchemeHandler>
#include <QWebEngineView>

using namespace Qt::StringLiterals;

namespace Latchkey::Ui {

namespace {

// Asks before every navigation: the one to the redirect URI is caught instead of loaded.
class CatchingPage final : public QWebEnginePage
{
public:
    CatchingPage(QWebEngineProfile *profile, QUrl redirectUri, std::function<void(QUrl)> caught,
                 QObject *parent)
        : QWebEnginePage(profile, parent)
        , m_redirectUri(std::move(redirectUri))
        , m_caught(std::move(caught))
    {
    }

protected:
    bool acceptNavigationRequest(const QUrl &url, NavigationType, bool isMainFrame) override
    {
        if (!isMainFrame || !FlowBrowser::isRedirect(url, m_redirectUri))
            return true;
        m_caught(url);
        return false;
    }

private:
    QUrl m_redirectUri;
    std::function<void(QUrl)> m_caught;
};

// Chromium hands a custom scheme (com.example.app:/callback) to the desktop instead of asking
// the page; with a handler installed on the profile it asks the page like any other
// navigation, which catches it. The handler itself only refuses what would still reach it.
class RefusingSchemeHandler final : public QWebEngineUrlSchemeHandler
{
public:
    using QWebEngineUrlSchemeHandler::QWebEngineUrlSchemeHandler;
    void requestStarted(QWebEngineUrlRequestJob *job) override
    {
        job->fail(QWebEngineUrlRequestJob::RequestDenied);
    }
};

} // namespace

FlowBrowser::FlowBrowser(QWidget *parent)
    : QWidget(parent)
    , m_address(new QLabel(this))
    , m_placeholder(new QLabel(this))
{
    setObjectName(u"flowBrowser"_s);
    m_address->setObjectName(u"browserAddress"_s);
    m_address->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_address->setStyleSheet(u"padding: 4px 8px; color: palette(mid)"_s);
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setStyleSheet(u"color: palette(mid)"_s);
    m_placeholder->setText(
        tr("Run an authorization-code test with the built-in browser: the provider's sign-in "
           "and consent pages appear here, each test in a private browser of its own."));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_address);
    layout->addWidget(m_placeholder, 1);
}

FlowBrowser::~FlowBrowser()
{
    clear();
}

bool FlowBrowser::isRedirect(const QUrl &url, const QUrl &redirectUri)
{
    constexpr auto bare = QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash;
    return url.scheme().compare(redirectUri.scheme(), Qt::CaseInsensitive) == 0 &&
           url.host().compare(redirectUri.host(), Qt::CaseInsensitive) == 0 &&
           url.port(-1) == redirectUri.port(-1) &&
           url.adjusted(bare).path() == redirectUri.adjusted(bare).path();
}

void FlowBrowser::clear()
{
    // The page goes before its profile (QtWebEngine warns, and may crash, otherwise).
    delete m_view;
    m_view = nullptr;
    delete m_profile;
    m_profile = nullptr;
}

void FlowBrowser::stop()
{
    clear();
    m_address->clear();
    m_placeholder->show();
}

bool FlowBrowser::isRunning() const
{
    return m_view != nullptr;
}

void FlowBrowser::start(const QUrl &authorizeUrl, const QUrl &redirectUri)
{
    clear();
    m_redirectUri = redirectUri;
    m_authorizePath = authorizeUrl.path().replace(u'\\', u"\\\\"_s).replace(u'\'', u"\\'"_s);
    m_caught = false;
    m_profile = new QWebEngineProfile(this); // no storage name: off the record, this test's own
    const QString scheme = redirectUri.scheme().toLower();
    if (scheme != u"http" && scheme != u"https")
        m_profile->installUrlSchemeHandler(scheme.toLatin1(), new RefusingSchemeHandler(m_profile));
    m_view = new QWebEngineView(this);
    m_view->setObjectName(u"flowBrowserView"_s);
    auto *page = new CatchingPage(
        m_profile, redirectUri,
        [this](const QUrl &url) {
            m_caught = true;
            m_address->setText(
                tr("Caught: %1")
                    .arg(url.toDisplayString(QUrl::RemoveQuery | QUrl::RemoveFragment)));
            // Queued: whoever handles it may drop this page, which is still asking.
            QMetaObject::invokeMethod(
                this, [this, url] { Q_EMIT redirectCaught(url); }, Qt::QueuedConnection);
        },
        m_view);
    m_view->setPage(page);
    connect(m_view, &QWebEngineView::urlChanged, this, [this](const QUrl &url) {
        if (!m_caught)
            m_address->setText(url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
    });
    connect(page, &QWebEnginePage::loadingChanged, this, [this](const QWebEngineLoadingInfo &info) {
        if (m_caught || !m_view || info.status() == QWebEngineLoadingInfo::LoadStartedStatus ||
            info.status() == QWebEngineLoadingInfo::LoadStoppedStatus)
            return;
        if (info.status() == QWebEngineLoadingInfo::LoadFailedStatus) {
            // An error status still shows the provider's page (its error page); a connection,
            // DNS or certificate failure shows nothing of the provider.
            switch (info.errorDomain()) {
            case QWebEngineLoadingInfo::HttpStatusCodeDomain:
                break;
            case QWebEngineLoadingInfo::ConnectionErrorDomain:
            case QWebEngineLoadingInfo::CertificateErrorDomain:
            case QWebEngineLoadingInfo::HttpErrorDomain:
            case QWebEngineLoadingInfo::DnsErrorDomain:
                Q_EMIT loadFailed(info.url());
                return;
            default:
                return; // aborted by the next navigation, say
            }
        }
        const QUrl url = info.url();
        // A page without a form is where the flow stops: an error page. Its ARIA alert (ours
        // have one) says why; a page at the authorize endpoint itself says so in its text.
        m_view->page()->runJavaScript(
            u"(function(){if(document.querySelector('form'))return '';"
            "var a=document.querySelector('[role=alert]');if(a)return a.innerText.trim();"
            "return location.pathname=='%1'?document.body.innerText.trim().slice(0,400):'';})()"_s
                .arg(m_authorizePath),
            [this, guard = QPointer<QWebEngineView>(m_view), url](const QVariant &alert) {
                if (guard && !m_caught)
                    Q_EMIT pageShown(url, guard->title(), alert.toString());
            });
    });
    layout()->addWidget(m_view);
    static_cast<QVBoxLayout *>(layout())->setStretchFactor(m_view, 1);
    m_placeholder->hide();
    m_address->setText(authorizeUrl.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
    m_view->load(authorizeUrl);
}

} // namespace Latchkey::Ui
