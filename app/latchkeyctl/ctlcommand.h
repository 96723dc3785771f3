#pragma once

#include "ctloutput.h"

#include <account/accountclient.h>
#include <net/httpclient.h>

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFuture>
#include <QProcessEnvironment>

#include <functional>
#include <memory>
#include <vector>

namespace Latchkey::Core {
class CacheDatabase;
class OAuthClient;
class ProfileStore;
class SecretStore;
struct Profile;
} // namespace Latchkey::Core

// How a latchkeyctl command is declared and run; each area's file adds its commands.
namespace Latchkey::Ctl {

// What one command run needs: its parsed arguments and, once asked for, the account it works on.
class Invocation final
{
    Q_DISABLE_COPY_MOVE(Invocation)

public:
    Invocation();
    ~Invocation();

    QCommandLineParser parser;
    bool json = false;

    const QProcessEnvironment &environment() const { return m_environment; }
    Core::HttpClient &http();
    // An OAuth client over http(), for the token commands.
    Core::OAuthClient &oauth();

    // The profiles, in the cache shared with the desktop app (opened on first use).
    Core::Result<Core::ProfileStore *> profiles();
    Core::SecretStore &secrets();
    // --profile NAME, else the current one. An Error that says what to do when there is none.
    Core::Result<Core::Profile> profile();
    // The environment's LATCHKEY_URL/CLIENT_ID/CLIENT_SECRET are all set: they win, and no
    // profile or keychain is touched.
    bool usesEnvironment() const { return environmentComplete(); }

    // The account's server: LATCHKEY_URL, or the chosen profile's URL.
    Core::Result<QUrl> baseUrl();
    // The admin API, authenticated by the environment's automation consumer or the profile.
    Core::Result<Core::AccountClient *> account();
    // The admin API of another profile than the chosen one, signed in as that profile is (its
    // refresh token or automation secret in the keychain). Lives as long as the invocation.
    Core::Result<Core::AccountClient *> accountFor(const Core::Profile &profile);
    // The automation consumer's client id and secret when they come from the environment, so an
    // export of that consumer can carry its secret; empty otherwise.
    QString environmentClientId() const;
    QString environmentClientSecret() const;

private:
    bool environmentComplete() const;

    QProcessEnvironment m_environment;
    std::unique_ptr<Core::HttpClient> m_http;
    std::unique_ptr<Core::OAuthClient> m_oauth;
    std::unique_ptr<Core::CacheDatabase> m_cache;
    std::unique_ptr<Core::ProfileStore> m_profiles;
    std::unique_ptr<Core::SecretStore> m_secrets;
    std::unique_ptr<Core::TokenSource> m_tokens;
    std::unique_ptr<Core::AccountClient> m_client;
    std::vector<std::unique_ptr<Core::TokenSource>> m_otherTokens;
    std::vector<std::unique_ptr<Core::AccountClient>> m_otherClients;
    Core::AccountClient *m_profileClient = nullptr; // one of m_otherClients
};

using Handler = std::function<QFuture<int>(Invocation &)>;

struct Command
{
    QString group;
    QString verb; // empty for one-word commands
    QString summary;
    QString example;
    QList<QCommandLineOption> options;
    QString positional; // e.g. "ID", "ID..."
    Handler handler;
};

QList<Command> accountCommands(); // keys, consumers, authorizations, groups, users, audit
QList<Command> tokenCommands();   // token ..., keys test
QList<Command> exportCommands();  // export, import
QList<Command> profileCommands(); // profile ..., login

inline QFuture<int> done(int code)
{
    return QtFuture::makeReadyFuture(code);
}

// Prints a usage error (what to do included) and ends with exit code 2.
inline QFuture<int> usageError(const QString &message)
{
    printError(message);
    return done(Usage);
}

// Runs a Task and turns its result into an exit code, printing either way.
template<typename T, typename Print>
QFuture<int> finish(Invocation &invocation, Core::Task<T> task, Print print)
{
    const bool json = invocation.json;
    return task.then(QCoreApplication::instance(), [json, print](Core::Result<T> result) -> int {
        if (!result)
            return reportError(result.error(), json);
        print(result.value());
        return Ok;
    });
}

template<typename Make>
QFuture<int> withAccount(Invocation &invocation, Make make)
{
    auto account = invocation.account();
    if (!account)
        return done(reportError(account.error(), invocation.json));
    return make(*account.value());
}

// Comma-separated values of a repeatable option: --keys a,b --keys c -> a, b, c.
QStringList listValues(const QCommandLineParser &parser, const QString &name);

QString orDash(const QString &text);
QString timeText(const QDateTime &time);

} // namespace Latchkey::Ctl
