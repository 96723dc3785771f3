#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QNetworkAccessManager>
#include <QPair>
#include <QString>
#include <QUrl>

namespace Latchkey::Test {

using FormFields = QList<QPair<QString, QString>>;

// One HTTP response as a browser sees it, redirects not followed.
struct Page
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QUrl url;      // what was requested
    QUrl location; // the Location header resolved against `url`; empty without one

    QByteArray header(QByteArrayView name) const;
    QString text() const { return QString::fromUtf8(body); }
    // A query parameter of `location` (code, state, iss, error...), fully decoded.
    QString locationParameter(const QString &name) const;
    bool hasLocationParameter(const QString &name) const;
    // "status Location body" for QVERIFY2 messages.
    QByteArray describe() const;
};

// A tiny browser for the sign-in and consent pages: its own cookie jar, redirects never followed,
// forms submitted as application/x-www-form-urlencoded the way a browser submits them. A fresh
// Browser is a fresh cookie jar, that is another person's browser.
class Browser final
{
    Q_DISABLE_COPY_MOVE(Browser)

public:
    enum class Decision { Approve, Deny };

    Browser();
    ~Browser();

    // Accept-Language sent with every request ("pt-BR,pt;q=0.9"); none by default.
    void setAcceptLanguage(const QByteArray &value) { m_acceptLanguage = value; }

    Page open(const QUrl &url);
    Page post(const QUrl &url, const FormFields &fields);

    // GETs the authorize URL and, when the sign-in page comes, submits its form with these
    // credentials. Returns what came back last: the consent page, a redirect, or an error page.
    Page signIn(const QUrl &authorizeUrl, const QString &email, const QString &password);
    // Submits the sign-in form of the page last shown (again, after a failed attempt). Status 0
    // when there is none.
    Page submitSignIn(const QString &email, const QString &password);
    // Presses Allow or Deny on the consent page last shown. Status 0 when there is none.
    Page decide(Decision decision);
    // signIn, then decide when the consent page comes. The final redirect (see Page::location),
    // or the page when there is none.
    Page authorize(const QUrl &authorizeUrl, const QString &email, const QString &password,
                   Decision decision = Decision::Approve);

    // The page last received.
    const Page &page() const { return m_page; }
    // The raw cookies this browser holds for `url`, "name=value" each.
    QList<QByteArray> cookies(const QUrl &url) const;

    // The hidden inputs of an HTML page by name (request, csrf), values unescaped.
    static QMap<QString, QString> formFields(const QByteArray &html);
    // Whether the page carries the sign-in form (a password field) or the consent form.
    static bool isSignInPage(const QByteArray &html);
    static bool isConsentPage(const QByteArray &html);

private:
    Page send(const QByteArray &method, const QUrl &url, const QByteArray &body,
              const QByteArray &contentType);

    QNetworkAccessManager m_network;
    QByteArray m_acceptLanguage;
    Page m_page;
};

// application/x-www-form-urlencoded, as a browser encodes a form (spaces as %20 are fine too).
QByteArray formBody(const FormFields &fields);
// `server`'s /oauth/authorize with these query parameters, in order (repeats kept).
QUrl authorizeUrl(const QUrl &server, const FormFields &parameters);

} // namespace Latchkey::Test
