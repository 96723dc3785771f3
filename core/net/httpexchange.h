#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace Latchkey::Core {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// One HTTP request and its response, as the flow tester's timeline shows it and the CLI's
// --verbose prints it. Secrets are masked by masked(), never by the caller's good will.
struct HttpExchange
{
    QByteArray method;
    QUrl url;
    HttpHeaders requestHeaders;
    QByteArray requestBody;
    int status = 0; // 0 when no response came
    HttpHeaders responseHeaders;
    QByteArray responseBody;
    QDateTime startedAt;
    qint64 elapsedMs = 0;
    QString error; // network error, when there was no response

    QByteArray requestHeader(QByteArrayView name) const;
    QByteArray responseHeader(QByteArrayView name) const;

    // A copy with every credential replaced by "•••" plus its last 4 characters: Authorization
    // and Cookie headers, and secret parameters (client_secret, password, code, code_verifier,
    // refresh_token, access_token, token, id_token) in query strings, forms and JSON bodies.
    HttpExchange masked() const;

    // The request as a curl command line (of the masked copy unless told otherwise).
    QString toCurl(bool maskSecrets = true) const;
};

// Masks one secret value: keeps its last 4 characters when it is long enough to stay secret.
QString maskSecret(QStringView secret);

} // namespace Latchkey::Core
