#include "signinbrowser.h"

#include <QLabel>
#include <QVBoxLayout>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineView>

using namespace Qt::StringLiterals;

namespace Latchkey::Ui {

SignInBrowser::SignInBrowser(const QUrl &authorizeUrl, const QString &accountName, QWidget *parent)
    : QDialog(parent)
    , m_profile(new QWebEngineProfile(this)) // no storage name: off the record
    , m_view(new QWebEngineView(this))
    , m_address(new QLabel(this))
{
    setObjectName(u"signInBrowser"_s);
    setWindowTitle(tr("Sign in to %1").arg(accountName));
    resize(520, 680);
    m_view->setPage(new QWebEnginePage(m_profile, m_view));
    // The address, always visible: the user sees which server asks for the password.
    m_address->setObjectName(u"addressLabel"_s);
    m_address->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_address->setStyleSheet(u"padding: 4px 8px; color: palette(mid)"_s);
    connect(m_view, &QWebEngineView::urlChanged, this, [this](const QUrl &url) {
        m_address->setText(url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery));
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_address);
    layout->addWidget(m_view, 1);
    m_view->load(authorizeUrl);
}

SignInBrowser::~SignInBrowser()
{
    // The page goes before its profile (QtWebEngine warns, and may crash, otherwise).
    delete m_view;
    m_view = nullptr;
}

} // namespace Latchkey::Ui
