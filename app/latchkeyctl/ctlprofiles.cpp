#include "ctlcommand.h"
#include "ctlkeychain.h"

#include <account/browsersignin.h>
#include <account/keychaintokens.h>
#include <profiles/profilestore.h>
#include <secrets/secretstore.h>

#include <QJsonArray>
#include <QProcess>

using namespace Qt::StringLiterals;

namespace Latchkey::Ctl {

namespace {

using Core::Error;
using Core::Result;
using Core::Task;

QString tr(const char *text)
{
    return QCoreApplication::translate("latchkeyctl", text);
}

QJsonObject profileJson(const Core::Profile &p, bool current)
{
    return {{u"id"_s, p.id},
            {u"name"_s, p.name},
            {u"url"_s, p.serverUrl.toString()},
            {u"environment"_s, Core::environmentName(p.environment)},
            {u"sign_in"_s, Core::signInMethodName(p.signInMethod)},
            {u"client_id"_s, p.clientId},
            {u"current"_s, current}};
}

QString currentId(Core::ProfileStore &store)
{
    const auto current = store.current();
    return current && current.value() ? current.value()->id : QString();
}

Core::ProfileInput inputOf(const Core::Profile &p)
{
    Core::ProfileInput input;
    input.name = p.name;
    input.serverUrl = p.serverUrl.toString();
    input.environment = Core::environmentName(p.environment);
    input.signInMethod = Core::signInMethodName(p.signInMethod);
    input.clientId = p.clientId;
    return input;
}

QFuture<int> withProfiles(Invocation &inv,
                          const std::function<QFuture<int>(Core::ProfileStore &)> &use)
{
    auto store = inv.profiles();
    if (!store)
        return done(reportError(store.error(), inv.json));
    return use(*store.value());
}

QFuture<int> addProfile(Invocation &inv)
{
    const QStringList names = inv.parser.positionalArguments();
    if (names.size() != 1 || !inv.parser.isSet(u"url"_s))
        return usageError(tr("profile add needs a NAME and --url URL. Run with --help."));
    return withProfiles(inv, [&inv, name = names.first()](Core::ProfileStore &store) {
        Core::ProfileInput input;
        input.name = name;
        input.serverUrl = inv.parser.value(u"url"_s);
        input.environment = inv.parser.value(u"env"_s);
        const auto added = store.add(input);
        if (!added)
            return done(reportError(added.error(), inv.json));
        if (currentId(store).isEmpty())
            store.setCurrent(added.value().id);
        if (inv.json)
            printJson(profileJson(added.value(), currentId(store) == added.value().id));
        else
            printLine(tr("Added profile %1 (%2, %3). Next: latchkeyctl login --profile %1")
                          .arg(added.value().name, added.value().serverUrl.toString(),
                               Core::environmentName(added.value().environment)));
        return done(Ok);
    });
}

QFuture<int> listProfiles(Invocation &inv)
{
    return withProfiles(inv, [&inv](Core::ProfileStore &store) {
        const auto all = store.profiles();
        if (!all)
            return done(reportError(all.error(), inv.json));
        const QString current = currentId(store);
        QJsonArray items;
        QList<QStringList> rows;
        for (const Core::Profile &p : all.value()) {
            items.append(profileJson(p, p.id == current));
            rows.append({p.id == current ? u"*"_s : QString(), p.name, p.serverUrl.toString(),
                         Core::environmentName(p.environment),
                         Core::signInMethodName(p.signInMethod)});
        }
        if (inv.json)
            printJson(QJsonObject{{u"items"_s, items}});
        else
            printTable({{}, u"NAME"_s, u"URL"_s, u"ENV"_s, u"SIGN-IN"_s}, rows);
        return done(Ok);
    });
}

Result<Core::Profile> namedProfile(Invocation &inv, Core::ProfileStore &store,
                                   const QString &command)
{
    const QStringList names = inv.parser.positionalArguments();
    if (names.size() != 1)
        return Error{
            Error::Kind::Usage, 0, tr("Give one profile NAME to %1.").arg(command), {}, {}, {}};
    auto found = store.profileNamed(names.first());
    if (!found)
        return Error{Error::Kind::Usage,
                     0,
                     tr("There is no profile named %1.").arg(names.first()),
                     tr("See latchkeyctl profile list."),
                     {},
                     {}};
    return found;
}

QFuture<int> useProfile(Invocation &inv)
{
    return withProfiles(inv, [&inv](Core::ProfileStore &store) {
        const auto p = namedProfile(inv, store, u"use"_s);
        if (!p)
            return done(reportError(p.error(), inv.json));
        const auto set = store.setCurrent(p.value().id);
        if (!set)
            return done(reportError(set.error(), inv.json));
        printLine(tr("Now using profile %1.").arg(p.value().name));
        return done(Ok);
    });
}

// The secrets kept for the account's keys and consumers, when the profile is signed in and its
// server answers; otherwise an Error that says why they could not be listed.
Task<QStringList> itemEntriesOf(Invocation &inv, const Core::Profile &p)
{
    auto account = inv.accountFor(p);
    if (!account)
        return Core::readyTask<QStringList>(
            Error{Error::Kind::Authentication, 0, tr("it is not signed in"), {}, {}, {}});
    return accountItemEntries(*account.value(), p);
}

QFuture<int> removeProfile(Invocation &inv)
{
    return withProfiles(inv, [&inv](Core::ProfileStore &store) {
        const auto p = namedProfile(inv, store, u"remove"_s);
        if (!p)
            return done(reportError(p.error(), inv.json));
        const Core::Profile profile = p.value();
        QStringList keys;
        if (!profile.clientId.isEmpty()) {
            keys.append(Core::profileSecretKey(profile.id, Core::SecretKind::automationSecret,
                                               profile.clientId));
            keys.append(Core::profileSecretKey(profile.id, Core::SecretKind::refreshToken,
                                               profile.clientId));
        }
        const bool json = inv.json;
        Core::ProfileStore *s = &store;
        Core::SecretStore *secrets = &inv.secrets();
        // The keychain cannot list a profile's entries: the account names its keys and
        // consumers, whose secrets latchkeyctl and the desktop app keep by their ids.
        auto removed = Core::chain(
            itemEntriesOf(inv, profile), QCoreApplication::instance(),
            [secrets, profile, keys](Result<QStringList> items) mutable -> Task<Core::Nothing> {
                if (items) {
                    keys += items.value();
                    keys.removeDuplicates();
                } else {
                    printError(tr("The API keys and consumers of %1 could not be listed (%2): "
                                  "secrets kept for them, if any, stay in the keychain under "
                                  "profile id %3.")
                                   .arg(profile.name, items.error().message, profile.id));
                }
                return secrets->removeProfile(profile.id, keys);
            });
        return removed.then(
            QCoreApplication::instance(), [s, profile, json](Result<Core::Nothing> gone) -> int {
                if (!gone)
                    return reportError(gone.error(), json);
                const auto dropped = s->remove(profile.id);
                if (!dropped)
                    return reportError(dropped.error(), json);
                printLine(tr("Removed profile %1 and its secrets.").arg(profile.name));
                return Ok;
            });
    });
}

// Automation sign-in: the secret is tried with a token request, then kept in the keychain.
QFuture<int> loginAutomation(Invocation &inv, const Core::Profile &profile)
{
    const QString variable = inv.parser.value(u"client-secret-env"_s);
    const QString secret = inv.environment().value(variable);
    if (secret.isEmpty())
        return usageError(tr("The client secret is not in the environment: set %1 to it (or name "
                             "another variable with --client-secret-env VAR).")
                              .arg(variable));
    const QString clientId = inv.parser.value(u"client-id"_s);
    auto tokens = std::make_shared<Core::ClientCredentialsTokens>(
        inv.http(), profile.serverUrl.resolved(QUrl(u"/oauth/token"_s)), clientId, secret);
    const QString key =
        Core::profileSecretKey(profile.id, Core::SecretKind::automationSecret, clientId);
    Core::SecretStore *secrets = &inv.secrets();
    auto store = inv.profiles();
    if (!store)
        return done(reportError(store.error(), inv.json));
    Core::ProfileStore *profiles = store.value();
    const bool json = inv.json;
    auto task =
        Core::chain(tokens->accessToken(false), QCoreApplication::instance(),
                    [tokens, secrets, key, secret](Result<QString> token) -> Task<Core::Nothing> {
                        if (!token)
                            return Core::readyTask<Core::Nothing>(token.error());
                        return secrets->write(key, Core::Secret(secret));
                    });
    return task.then(QCoreApplication::instance(),
                     [profiles, profile, clientId, json](Result<Core::Nothing> stored) -> int {
                         if (!stored)
                             return reportError(stored.error(), json);
                         Core::ProfileInput input = inputOf(profile);
                         input.signInMethod = u"automation"_s;
                         input.clientId = clientId;
                         const auto updated = profiles->update(profile.id, input);
                         if (!updated)
                             return reportError(updated.error(), json);
                         printLine(tr("Signed in to %1 as %2; the secret is in the keychain.")
                                       .arg(profile.name, clientId));
                         return Ok;
                     });
}

// Browser sign-in (RFC 8252): the user's browser, back to a loopback listener; the refresh token
// goes to the keychain. LATCHKEY_NO_BROWSER=1 only prints the link (remote shells, tests).
QFuture<int> loginBrowser(Invocation &inv, const Core::Profile &profile)
{
    const QString clientId = inv.parser.isSet(u"desktop-client"_s)
                                 ? inv.parser.value(u"desktop-client"_s)
                                 : u"latchkey-desktop"_s;
    // Lives as long as the process: its requests and its listener outlive this function.
    auto *signIn = new Core::BrowserSignIn(inv.http(), profile.serverUrl, clientId,
                                           QCoreApplication::instance());
    const bool openBrowser = inv.environment().value(u"LATCHKEY_NO_BROWSER"_s).isEmpty();
    QObject::connect(
        signIn, &Core::BrowserSignIn::openBrowser, signIn, [openBrowser](const QUrl &url) {
            printError(tr("Sign in in your browser. If it does not open, open this "
                          "link:\n  %1")
                           .arg(url.toString(QUrl::FullyEncoded)));
            if (openBrowser)
                QProcess::startDetached(u"xdg-open"_s, {url.toString(QUrl::FullyEncoded)});
        });
    Core::SecretStore *secrets = &inv.secrets();
    auto store = inv.profiles();
    if (!store)
        return done(reportError(store.error(), inv.json));
    Core::ProfileStore *profiles = store.value();
    const bool json = inv.json;
    const QString key =
        Core::profileSecretKey(profile.id, Core::SecretKind::refreshToken, clientId);
    auto task = Core::chain(
        signIn->start(), QCoreApplication::instance(),
        [signIn, secrets, key](Result<Core::SignedIn> signedIn) -> Task<Core::Nothing> {
            if (!signedIn)
                return Core::readyTask<Core::Nothing>(signedIn.error());
            return secrets->write(key, Core::Secret(signedIn.value().tokens.refreshToken));
        });
    return task.then(
        QCoreApplication::instance(),
        [profiles, profile, clientId, json](Result<Core::Nothing> stored) -> int {
            if (!stored)
                return reportError(stored.error(), json);
            Core::ProfileInput input = inputOf(profile);
            input.signInMethod = u"system-browser"_s;
            input.clientId = clientId;
            const auto updated = profiles->update(profile.id, input);
            if (!updated)
                return reportError(updated.error(), json);
            if (json)
                printJson(QJsonObject{{u"profile"_s, profile.name}, {u"signed_in"_s, true}});
            else
                printLine(
                    tr("Signed in to %1; the session is kept in the keychain.").arg(profile.name));
            return Ok;
        });
}

QFuture<int> login(Invocation &inv)
{
    if (inv.usesEnvironment())
        return usageError(tr("LATCHKEY_URL, LATCHKEY_CLIENT_ID and LATCHKEY_CLIENT_SECRET are "
                             "set: they are used as they are, and login stores nothing. Unset "
                             "them to log in to a profile."));
    auto profile = inv.profile();
    if (!profile)
        return done(reportError(profile.error(), inv.json));
    const bool automation =
        inv.parser.isSet(u"client-id"_s) || inv.parser.isSet(u"client-secret-env"_s);
    if (!automation)
        return loginBrowser(inv, profile.value());
    if (!inv.parser.isSet(u"client-id"_s) || !inv.parser.isSet(u"client-secret-env"_s))
        return usageError(tr("An automation login needs both --client-id ID and "
                             "--client-secret-env VAR. Without either, login signs you in with "
                             "the browser."));
    return loginAutomation(inv, profile.value());
}

} // namespace

QList<Command> profileCommands()
{
    QList<Command> list;
    list.append({u"profile"_s,
                 u"add"_s,
                 u"Add an account profile."_s,
                 u"latchkeyctl profile add staging --url https://latchkey.example --env staging"_s,
                 {{u"url"_s, u"The account server's URL."_s, u"URL"_s},
                  {u"env"_s, u"production, staging or sandbox."_s, u"ENV"_s, u"production"_s}},
                 u"NAME"_s,
                 addProfile});
    list.append({u"profile"_s,
                 u"list"_s,
                 u"List profiles; * marks the current one."_s,
                 u"latchkeyctl profile list"_s,
                 {},
                 {},
                 listProfiles});
    list.append({u"profile"_s,
                 u"use"_s,
                 u"Make a profile the current one."_s,
                 u"latchkeyctl profile use staging"_s,
                 {},
                 u"NAME"_s,
                 useProfile});
    list.append({u"profile"_s,
                 u"remove"_s,
                 u"Remove a profile and its secrets from the keychain."_s,
                 u"latchkeyctl profile remove staging"_s,
                 {},
                 u"NAME"_s,
                 removeProfile});
    list.append({u"login"_s,
                 {},
                 u"Sign a profile in: with the browser (a super admin), or with an automation "
                 "consumer; the session or secret goes to the keychain."_s,
                 u"latchkeyctl login --profile staging    (or: ERP_SECRET=… latchkeyctl login "
                 "--profile staging --client-id ck_… --client-secret-env ERP_SECRET)"_s,
                 {{u"client-id"_s, u"The automation consumer's client id."_s, u"ID"_s},
                  {u"desktop-client"_s,
                   u"Browser sign-in: the account's desktop client id, when it is not "
                   "latchkey-desktop (bootstrap prints it)."_s,
                   u"ID"_s},
                  {u"client-secret-env"_s,
                   u"The environment variable that holds its secret (never on the command "
                   "line)."_s,
                   u"VAR"_s}},
                 {},
                 login});
    return list;
}

} // namespace Latchkey::Ctl
