#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// The server-rendered pages of the authorization code flow: sign-in, consent and errors, in
// English, Brazilian Portuguese and Spanish, chosen by Accept-Language.
namespace Latchkey::Server::SignInPages {

enum class Language { English, BrazilianPortuguese, Spanish };

Language negotiate(QByteArrayView acceptLanguage);
QString text(Language language, const char *key);
QString scopeDescription(Language language, const QString &scope);

struct SignIn
{
    QString consumerName;
    QString tenantName;
    QString requestId;
    QString csrfToken;
    QString email;
    QString error; // already localized
};
QByteArray renderSignIn(Language language, const SignIn &page);

struct Consent
{
    QString consumerName;
    QString consumerDescription;
    QString tenantName;
    QString userEmail;
    QStringList scopes;
    QString requestId;
    QString csrfToken;
};
QByteArray renderConsent(Language language, const Consent &page);

QByteArray renderError(Language language, const QString &title, const QString &message);

QByteArray stylesheet();

} // namespace Latchkey::Server::SignInPages
