#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QString>

namespace Latchkey::Test {

// tests/peers, where the npm peers are installed.
QString peersDir();
// Node.js, as `node` or `nodejs`; empty when neither is on PATH.
QString nodeExecutable();
// Are the npm peers installed (tools/install-deps)?
bool oidcProviderInstalled();

// oidc-provider (tests/peers/oidc-provider-test-server.mjs), a certified OpenID provider, as a
// child process on 127.0.0.1 and a port of its choosing.
struct OidcProvider
{
    QProcess process;
    QJsonObject info; // issuer, client_id, client_secret, post_client_id, ..., resources

    QString issuer() const { return info[QStringLiteral("issuer")].toString(); }
    QString get(const QString &key) const { return info[key].toString(); }
    QString resource(const QString &alg) const
    {
        return info[QStringLiteral("resources")][alg].toString();
    }

    // Starts it and reads the JSON line it prints; the reason when it did not start.
    QString start();
    // Closes its stdin (it exits), kills it after 10 s.
    void stop();
};

} // namespace Latchkey::Test
