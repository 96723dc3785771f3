#include "ctlcommands.h"

#include "ctlcommand.h"
#include "ctlkeychain.h"

#include <QJsonArray>

#include <functional>

using namespace Qt::StringLiterals;

namespace Latchkey::Ctl {

namespace {

using Core::Task;

// kept: what became of a new secret (create, rotate); null for the other commands.
void printKey(const ApiKey &key, bool json, const KeptSecret *kept = nullptr)
{
    if (json) {
        QJsonObject object = key.toJson();
        if (kept)
            reportKept(*kept, json, &object);
        printJson(object);
        return;
    }
    QList<QPair<QString, QString>> fields{{u"API Key"_s, key.id},
                                          {u"Name"_s, key.name},
                                          {u"Description"_s, orDash(key.description)},
                                          {u"Permission group"_s, key.permissionGroupId},
                                          {u"Status"_s, toString(key.status)},
                                          {u"Expires"_s, timeText(key.expiresAt)},
                                          {u"Created"_s, timeText(key.createdAt)},
                                          {u"Last used"_s, timeText(key.lastUsedAt)}};
    if (key.previousSecretValidUntil.isValid())
        fields.append({u"Old secret valid until"_s, timeText(key.previousSecretValidUntil)});
    if (!key.secret.isEmpty())
        fields.append({u"API Secret"_s, key.secret + u"   (shown once: store it now)"_s});
    printFields(fields);
    if (kept)
        reportKept(*kept, json, nullptr);
}

void printConsumer(const Consumer &c, bool json, const KeptSecret *kept = nullptr)
{
    if (json) {
        QJsonObject object = c.toJson();
        if (kept)
            reportKept(*kept, json, &object);
        printJson(object);
        return;
    }
    QList<QPair<QString, QString>> fields{
        {u"Id"_s, c.id},
        {u"Key (client_id)"_s, c.clientId},
        {u"Name"_s, c.name},
        {u"Description"_s, orDash(c.description)},
        {u"Permission group"_s, c.permissionGroupId},
        {u"Grant type"_s, toString(c.grantType)},
        {u"Client type"_s, toString(c.clientType)},
        {u"Redirect URIs"_s, orDash(c.redirectUris.join(u", "_s))},
        {u"PKCE required"_s, c.requirePkce ? u"yes"_s : u"no"_s},
        {u"Status"_s, toString(c.status)},
        {u"Created"_s, timeText(c.createdAt)},
        {u"Last used"_s, timeText(c.lastUsedAt)}};
    if (!c.clientSecret.isEmpty())
        fields.append({u"Secret"_s, c.clientSecret + u"   (shown once: store it now)"_s});
    printFields(fields);
    if (kept)
        reportKept(*kept, json, nullptr);
}

template<typename T>
struct WithKept
{
    T item;
    KeptSecret kept;
};

// Runs a call that makes a new secret (create, rotate), keeps the secret in the profile's
// keychain under entryOf(profile id, item), and prints the item with what became of it. The
// keychain is chosen before the call, so a profile problem changes nothing on the server.
template<typename T, typename Call, typename EntryOf, typename Print>
QFuture<int> finishKeeping(Invocation &inv, Call call, EntryOf entryOf, Print print)
{
    const bool json = inv.json;
    return withAccountAndKeychain(inv, [json, call, entryOf, print](Core::AccountClient &account,
                                                                    const ProfileKeychain &target) {
        QObject *context = QCoreApplication::instance();
        auto kept = Core::chain(
            call(account), context,
            [target, entryOf, context](Core::Result<T> item) -> Task<WithKept<T>> {
                if (!item)
                    return Core::readyTask<WithKept<T>>(item.error());
                const auto [entry, secret] = entryOf(target.profile.id, item.value());
                return keepSecret(target, entry, secret)
                    .then(context,
                          [value = item.value()](
                              Core::Result<KeptSecret> outcome) -> Core::Result<WithKept<T>> {
                              return WithKept<T>{value, outcome.value()};
                          });
            });
        return kept.then(context, [json, print](Core::Result<WithKept<T>> result) -> int {
            if (!result)
                return reportError(result.error(), json);
            print(result.value().item, json, &result.value().kept);
            return Ok;
        });
    });
}

// Deletes an item, then takes its secret out of the profile's keychain: `remove` deletes and
// gives the id the secret is kept under (the key's id, the consumer's client_id).
template<typename Remove>
QFuture<int> deleteForgetting(Invocation &inv, const QString &id, Remove remove,
                              QString (*entryOf)(const QString &, const QString &))
{
    const bool json = inv.json;
    return withAccountAndKeychain(inv, [json, id, remove, entryOf](Core::AccountClient &account,
                                                                   const ProfileKeychain &target) {
        QObject *context = QCoreApplication::instance();
        auto forgotten =
            Core::chain(remove(account, id), context,
                        [target, entryOf](Core::Result<QString> itemId) -> Task<KeptSecret> {
                            if (!itemId)
                                return Core::readyTask<KeptSecret>(itemId.error());
                            return forgetSecret(target, entryOf(target.profile.id, itemId.value()));
                        });
        return forgotten.then(context, [json, id](Core::Result<KeptSecret> result) -> int {
            if (!result)
                return reportError(result.error(), json);
            const KeptSecret &kept = result.value();
            if (json)
                printJson(QJsonObject{{u"deleted"_s, id}});
            else
                printLine(u"Deleted "_s + id);
            if (kept.state == KeptSecret::State::Failed)
                printError(u"Its secret could not be taken out of the keychain of profile %1: "
                           "%2"_s.arg(kept.profileName, kept.error.toText()));
            return Ok;
        });
    });
}

QPair<QString, QString> keySecretEntry(const QString &profileId, const ApiKey &key)
{
    return {apiSecretEntry(profileId, key.id), key.secret};
}

QPair<QString, QString> consumerSecretEntry(const QString &profileId, const Consumer &c)
{
    return {clientSecretEntry(profileId, c.clientId), c.clientSecret};
}

Core::ListQuery listQuery(const QCommandLineParser &parser)
{
    const QStringList names = parser.optionNames();
    auto value = [&](const QString &name) {
        return names.contains(name) ? parser.value(name) : QString();
    };
    Core::ListQuery query;
    query.search = value(u"query"_s).isEmpty() ? value(u"q"_s) : value(u"query"_s);
    query.status = value(u"status"_s);
    query.limit = value(u"limit"_s).isEmpty() ? 100 : value(u"limit"_s).toInt();
    query.cursor = value(u"cursor"_s);
    return query;
}

const QCommandLineOption queryOption{{u"q"_s, u"query"_s}, u"Search text."_s, u"TEXT"_s};
const QCommandLineOption statusOption{u"status"_s, u"Filter by status."_s, u"STATUS"_s};
const QCommandLineOption limitOption{u"limit"_s, u"At most this many (1-1000)."_s, u"N"_s,
                                     u"100"_s};
const QCommandLineOption cursorOption{u"cursor"_s, u"Continue after this page."_s, u"CURSOR"_s};
const QCommandLineOption nameOption{u"name"_s, u"The name."_s, u"NAME"_s};
const QCommandLineOption groupOption{u"group"_s, u"Permission group: id or exact name."_s,
                                     u"GROUP"_s};
const QCommandLineOption descriptionOption{u"description"_s, u"A description."_s, u"TEXT"_s};
const QCommandLineOption graceOption{u"grace"_s, u"Keep the old secret valid this many seconds."_s,
                                     u"SECONDS"_s, u"0"_s};

QJsonObject fieldsFrom(const QCommandLineParser &parser)
{
    QJsonObject fields;
    if (parser.isSet(u"name"_s))
        fields.insert(u"name"_s, parser.value(u"name"_s));
    if (parser.isSet(u"group"_s))
        fields.insert(u"permission_group_id"_s, parser.value(u"group"_s));
    if (parser.isSet(u"description"_s))
        fields.insert(u"description"_s, parser.value(u"description"_s));
    return fields;
}

std::optional<int> graceFrom(const QCommandLineParser &parser)
{
    bool ok = false;
    const int grace = parser.value(u"grace"_s).toInt(&ok);
    if (!ok || grace < 0)
        return std::nullopt;
    return grace;
}

// keys rotate, consumers rotate-secret: ID [--grace SECONDS] [--no-keychain].
template<typename T, typename EntryOf, typename Print>
Command rotateCommand(const QString &group, const QString &verb, const QString &summary,
                      const QString &example, const QString &oneIdPlease,
                      Task<T> (Core::AccountClient::*rotate)(const QString &, int), EntryOf entryOf,
                      Print print)
{
    return Command{group,
                   verb,
                   summary,
                   example,
                   {graceOption, noKeychainOption()},
                   u"ID"_s,
                   [oneIdPlease, rotate, entryOf, print](Invocation &inv) {
                       const QStringList ids = inv.parser.positionalArguments();
                       if (ids.size() != 1)
                           return usageError(oneIdPlease);
                       const int grace = graceFrom(inv.parser).value_or(0);
                       return finishKeeping<T>(
                           inv,
                           [id = ids.first(), grace, rotate](Core::AccountClient &account) {
                               return (account.*rotate)(id, grace);
                           },
                           entryOf, print);
                   }};
}

} // namespace

QList<Command> accountCommands()
{
    QList<Command> list;

    // API keys
    list.append(
        {u"keys"_s,
         u"list"_s,
         u"List API keys."_s,
         u"latchkeyctl keys list --status active"_s,
         {queryOption, statusOption, limitOption, cursorOption},
         {},
         [](Invocation &inv) {
             return withAccount(inv, [&inv](Core::AccountClient &account) {
                 const bool json = inv.json;
                 return finish(
                     inv, account.keys(listQuery(inv.parser)),
                     [json](const Core::ListPage<ApiKey> &page) {
                         if (json) {
                             QJsonArray items;
                             for (const ApiKey &k : page.items)
                                 items.append(k.toJson());
                             printJson(QJsonObject{{u"items"_s, items},
                                                   {u"next_cursor"_s, page.nextCursor}});
                             return;
                         }
                         QList<QStringList> rows;
                         for (const ApiKey &k : page.items)
                             rows.append(
                                 {k.id, k.name, toString(k.status), timeText(k.lastUsedAt)});
                         printTable({u"API KEY"_s, u"NAME"_s, u"STATUS"_s, u"LAST USED"_s}, rows);
                         if (!page.nextCursor.isEmpty())
                             printLine(u"More: --cursor "_s + page.nextCursor);
                     });
             });
         }});
    list.append(
        {u"keys"_s,
         u"create"_s,
         u"Create an API key; prints its secret once and keeps it in the profile's "
         "keychain."_s,
         u"latchkeyctl keys create --name \"ERP Sync\" --group Maintenance --json"_s,
         {nameOption,
          groupOption,
          descriptionOption,
          {u"expires"_s, u"Expiry, RFC 3339."_s, u"TIME"_s},
          noKeychainOption()},
         {},
         [](Invocation &inv) {
             if (!inv.parser.isSet(u"name"_s) || !inv.parser.isSet(u"group"_s)) {
                 printError(u"keys create needs --name and --group. Run with --help."_s);
                 return done(Usage);
             }
             QJsonObject fields = fieldsFrom(inv.parser);
             if (inv.parser.isSet(u"expires"_s))
                 fields.insert(u"expires_at"_s, inv.parser.value(u"expires"_s));
             return finishKeeping<ApiKey>(
                 inv, [fields](Core::AccountClient &account) { return account.createKey(fields); },
                 keySecretEntry, printKey);
         }});
    auto oneKey = [](const QString &verb, const QString &summary,
                     std::function<Task<ApiKey>(Core::AccountClient &, const QString &,
                                                const QCommandLineParser &)>
                         call,
                     QList<QCommandLineOption> options = {}) {
        return Command{u"keys"_s,
                       verb,
                       summary,
                       u"latchkeyctl keys "_s + verb + u" lk_…"_s,
                       options,
                       u"ID"_s,
                       [call](Invocation &inv) {
                           const QStringList ids = inv.parser.positionalArguments();
                           if (ids.size() != 1) {
                               printError(u"Give one API key id. Run with --help."_s);
                               return done(Usage);
                           }
                           return withAccount(inv, [&inv, call, id = ids.first()](
                                                       Core::AccountClient &account) {
                               const bool json = inv.json;
                               return finish(inv, call(account, id, inv.parser),
                                             [json](const ApiKey &key) { printKey(key, json); });
                           });
                       }};
    };
    list.append(oneKey(u"show"_s, u"Show an API key."_s,
                       [](Core::AccountClient &a, const QString &id, const QCommandLineParser &) {
                           return a.key(id);
                       }));
    list.append(oneKey(u"disable"_s, u"Disable an API key: it stops working at once."_s,
                       [](Core::AccountClient &a, const QString &id, const QCommandLineParser &) {
                           return a.updateKey(id, {{u"status"_s, u"disabled"_s}});
                       }));
    list.append(oneKey(u"enable"_s, u"Enable a disabled API key."_s,
                       [](Core::AccountClient &a, const QString &id, const QCommandLineParser &) {
                           return a.updateKey(id, {{u"status"_s, u"active"_s}});
                       }));
    list.append(oneKey(u"update"_s, u"Change an API key's name, group or description."_s,
                       [](Core::AccountClient &a, const QString &id, const QCommandLineParser &p) {
                           return a.updateKey(id, fieldsFrom(p));
                       },
                       {nameOption, groupOption, descriptionOption}));
    list.append(rotateCommand<ApiKey>(u"keys"_s, u"rotate"_s,
                                      u"Generate a new API secret; prints it once and keeps it "
                                      "in the profile's keychain."_s,
                                      u"latchkeyctl keys rotate lk_… --grace 3600"_s,
                                      u"Give one API key id. Run with --help."_s,
                                      &Core::AccountClient::rotateKey, keySecretEntry, printKey));
    list.append({u"keys"_s,
                 u"delete"_s,
                 u"Delete an API key (and its secret from the profile's keychain)."_s,
                 u"latchkeyctl keys delete lk_…"_s,
                 {},
                 u"ID"_s,
                 [](Invocation &inv) {
                     const QStringList ids = inv.parser.positionalArguments();
                     if (ids.size() != 1) {
                         printError(u"Give one API key id. Run with --help."_s);
                         return done(Usage);
                     }
                     return deleteForgetting(
                         inv, ids.first(),
                         [](Core::AccountClient &a, const QString &id) {
                             return Core::chain(
                                 a.deleteKey(id), QCoreApplication::instance(),
                                 [id](Core::Result<Core::Nothing> deleted) -> Task<QString> {
                                     if (!deleted)
                                         return Core::readyTask<QString>(deleted.error());
                                     return Core::readyTask<QString>(id);
                                 });
                         },
                         apiSecretEntry);
                 }});

    // OAuth consumers
    list.append(
        {u"consumers"_s,
         u"list"_s,
         u"List OAuth consumers."_s,
         u"latchkeyctl consumers list --json"_s,
         {queryOption, statusOption, limitOption, cursorOption},
         {},
         [](Invocation &inv) {
             return withAccount(inv, [&inv](Core::AccountClient &account) {
                 const bool json = inv.json;
                 return finish(
                     inv, account.consumers(listQuery(inv.parser)),
                     [json](const Core::ListPage<Consumer> &page) {
                         if (json) {
                             QJsonArray items;
                             for (const Consumer &c : page.items)
                                 items.append(c.toJson());
                             printJson(QJsonObject{{u"items"_s, items},
                                                   {u"next_cursor"_s, page.nextCursor}});
                             return;
                         }
                         QList<QStringList> rows;
                         for (const Consumer &c : page.items)
                             rows.append({c.id, c.clientId, c.name, toString(c.grantType),
                                          toString(c.status)});
                         printTable({u"ID"_s, u"KEY"_s, u"NAME"_s, u"GRANT"_s, u"STATUS"_s}, rows);
                     });
             });
         }});
    list.append(
        {u"consumers"_s,
         u"create"_s,
         u"Create an OAuth consumer; prints its secret once and keeps it in the profile's "
         "keychain."_s,
         u"latchkeyctl consumers create --name \"Partner Portal\" --group \"Read only\" --grant "
         "authorization_code --redirect-uri https://partner.example/cb"_s,
         {nameOption,
          groupOption,
          descriptionOption,
          {u"grant"_s, u"client_credentials or authorization_code."_s, u"GRANT"_s},
          {u"redirect-uri"_s, u"A redirect URI (repeat for several)."_s, u"URI"_s},
          {u"public"_s, u"A public client (no secret; authorization code with PKCE)."_s},
          noKeychainOption()},
         {},
         [](Invocation &inv) {
             const QCommandLineParser &p = inv.parser;
             if (!p.isSet(u"name"_s) || !p.isSet(u"group"_s) || !p.isSet(u"grant"_s)) {
                 printError(u"consumers create needs --name, --group and --grant. Run with "
                            "--help."_s);
                 return done(Usage);
             }
             QJsonObject fields = fieldsFrom(p);
             fields.insert(u"grant_type"_s, p.value(u"grant"_s));
             if (p.isSet(u"redirect-uri"_s))
                 fields.insert(u"redirect_uris"_s,
                               QJsonArray::fromStringList(p.values(u"redirect-uri"_s)));
             if (p.isSet(u"public"_s))
                 fields.insert(u"client_type"_s, u"public"_s);
             return finishKeeping<Consumer>(
                 inv,
                 [fields](Core::AccountClient &account) { return account.createConsumer(fields); },
                 consumerSecretEntry, printConsumer);
         }});
    auto oneConsumer = [](const QString &verb, const QString &summary,
                          std::function<Task<Consumer>(Core::AccountClient &, const QString &,
                                                       const QCommandLineParser &)>
                              call,
                          QList<QCommandLineOption> options = {}) {
        return Command{u"consumers"_s,
                       verb,
                       summary,
                       u"latchkeyctl consumers "_s + verb + u" con_…"_s,
                       options,
                       u"ID"_s,
                       [call](Invocation &inv) {
                           const QStringList ids = inv.parser.positionalArguments();
                           if (ids.size() != 1) {
                               printError(u"Give one consumer id. Run with --help."_s);
                               return done(Usage);
                           }
                           return withAccount(inv, [&inv, call, id = ids.first()](
                                                       Core::AccountClient &account) {
                               const bool json = inv.json;
                               return finish(inv, call(account, id, inv.parser),
                                             [json](const Consumer &c) { printConsumer(c, json); });
                           });
                       }};
    };
    list.append(oneConsumer(u"show"_s, u"Show a consumer."_s,
                            [](Core::AccountClient &a, const QString &id,
                               const QCommandLineParser &) { return a.consumer(id); }));
    list.append(
        oneConsumer(u"disable"_s, u"Disable a consumer: its tokens stop working at once."_s,
                    [](Core::AccountClient &a, const QString &id, const QCommandLineParser &) {
                        return a.updateConsumer(id, {{u"status"_s, u"disabled"_s}});
                    }));
    list.append(
        oneConsumer(u"enable"_s, u"Enable a disabled consumer."_s,
                    [](Core::AccountClient &a, const QString &id, const QCommandLineParser &) {
                        return a.updateConsumer(id, {{u"status"_s, u"active"_s}});
                    }));
    list.append(oneConsumer(
        u"update"_s, u"Change a consumer's name, group, description or redirect URIs."_s,
        [](Core::AccountClient &a, const QString &id, const QCommandLineParser &p) {
            QJsonObject fields = fieldsFrom(p);
            if (p.isSet(u"redirect-uri"_s))
                fields.insert(u"redirect_uris"_s,
                              QJsonArray::fromStringList(p.values(u"redirect-uri"_s)));
            return a.updateConsumer(id, fields);
        },
        {nameOption,
         groupOption,
         descriptionOption,
         {u"redirect-uri"_s, u"Replace the redirect URIs (repeat)."_s, u"URI"_s}}));
    list.append(rotateCommand<Consumer>(
        u"consumers"_s, u"rotate-secret"_s,
        u"Generate a new client secret; prints it once and keeps it in the profile's keychain."_s,
        u"latchkeyctl consumers rotate-secret con_… --grace 3600"_s,
        u"Give one consumer id. Run with --help."_s, &Core::AccountClient::rotateConsumerSecret,
        consumerSecretEntry, printConsumer));
    list.append({u"consumers"_s,
                 u"delete"_s,
                 u"Delete a consumer and its authorizations (and its secret from the profile's "
                 "keychain)."_s,
                 u"latchkeyctl consumers delete con_…"_s,
                 {},
                 u"ID"_s,
                 [](Invocation &inv) {
                     const QStringList ids = inv.parser.positionalArguments();
                     if (ids.size() != 1) {
                         printError(u"Give one consumer id. Run with --help."_s);
                         return done(Usage);
                     }
                     return deleteForgetting(
                         inv, ids.first(),
                         [](Core::AccountClient &a, const QString &id) {
                             // Its secret is kept by client_id: learn it before it is gone.
                             return Core::chain(
                                 a.consumer(id), QCoreApplication::instance(),
                                 [&a, id](Core::Result<Consumer> c) -> Task<QString> {
                                     if (!c)
                                         return Core::readyTask<QString>(c.error());
                                     return Core::chain(
                                         a.deleteConsumer(id), QCoreApplication::instance(),
                                         [clientId = c.value().clientId](
                                             Core::Result<Core::Nothing> deleted) -> Task<QString> {
                                             if (!deleted)
                                                 return Core::readyTask<QString>(deleted.error());
                                             return Core::readyTask<QString>(clientId);
                                         });
                                 });
                         },
                         clientSecretEntry);
                 }});

    // Authorizations
    list.append(
        {u"authorizations"_s,
         u"list"_s,
         u"List the authorizations users granted."_s,
         u"latchkeyctl authorizations list --consumer con_… --status active"_s,
         {{u"user"_s, u"Only this user's."_s, u"ID"_s},
          {u"consumer"_s, u"Only this consumer's."_s, u"ID"_s},
          statusOption,
          limitOption,
          cursorOption},
         {},
         [](Invocation &inv) {
             Core::ListQuery query = listQuery(inv.parser);
             if (inv.parser.isSet(u"user"_s))
                 query.filters.append({u"user_id"_s, inv.parser.value(u"user"_s)});
             if (inv.parser.isSet(u"consumer"_s))
                 query.filters.append({u"consumer_id"_s, inv.parser.value(u"consumer"_s)});
             return withAccount(inv, [&inv, query](Core::AccountClient &account) {
                 const bool json = inv.json;
                 return finish(
                     inv, account.authorizations(query),
                     [json](const Core::ListPage<Authorization> &page) {
                         if (json) {
                             QJsonArray items;
                             for (const Authorization &a : page.items)
                                 items.append(a.toJson());
                             printJson(QJsonObject{{u"items"_s, items},
                                                   {u"next_cursor"_s, page.nextCursor}});
                             return;
                         }
                         QList<QStringList> rows;
                         for (const Authorization &a : page.items)
                             rows.append({a.id, a.userEmail, a.consumerName, a.scopes.join(u' '),
                                          a.isActive() ? u"active"_s : u"revoked"_s});
                         printTable({u"ID"_s, u"USER"_s, u"CONSUMER"_s, u"SCOPES"_s, u"STATUS"_s},
                                    rows);
                         if (!page.nextCursor.isEmpty())
                             printLine(u"More: --cursor "_s + page.nextCursor);
                     });
             });
         }});
    list.append(
        {u"authorizations"_s,
         u"revoke"_s,
         u"Revoke authorizations: by id, or all of one consumer or one user."_s,
         u"latchkeyctl authorizations revoke --consumer con_…"_s,
         {{u"user"_s, u"All of this user's."_s, u"ID"_s},
          {u"consumer"_s, u"All of this consumer's."_s, u"ID"_s}},
         u"ID..."_s,
         [](Invocation &inv) {
             Core::RevokeSelector selector;
             selector.ids = inv.parser.positionalArguments();
             selector.userId = inv.parser.value(u"user"_s);
             selector.consumerId = inv.parser.value(u"consumer"_s);
             const int given = int(!selector.ids.isEmpty()) + int(!selector.userId.isEmpty()) +
                               int(!selector.consumerId.isEmpty());
             if (given != 1) {
                 printError(u"Say which to revoke: ids, or --consumer ID, or --user ID (one of "
                            "them). Nothing is revoked by omission."_s);
                 return done(Usage);
             }
             return withAccount(inv, [&inv, selector](Core::AccountClient &account) {
                 const bool json = inv.json;
                 return finish(inv, account.revokeAuthorizations(selector), [json](qint64 count) {
                     if (json)
                         printJson(QJsonObject{{u"revoked"_s, count}});
                     else
                         printLine(u"Revoked %1 authorization(s)."_s.arg(count));
                 });
             });
         }});

    // Read-only lists
    list.append({u"groups"_s,
                 u"list"_s,
                 u"List permission groups."_s,
                 u"latchkeyctl groups list"_s,
                 {},
                 {},
                 [](Invocation &inv) {
                     return withAccount(inv, [&inv](Core::AccountClient &account) {
                         const bool json = inv.json;
                         return finish(inv, account.permissionGroups(),
                                       [json](const QList<PermissionGroup> &groups) {
                                           QJsonArray items;
                                           QList<QStringList> rows;
                                           for (const PermissionGroup &g : groups) {
                                               items.append(g.toJson());
                                               rows.append({g.id, g.name, g.scopes.join(u' ')});
                                           }
                                           if (json)
                                               printJson(QJsonObject{{u"items"_s, items}});
                                           else
                                               printTable({u"ID"_s, u"NAME"_s, u"SCOPES"_s}, rows);
                                       });
                     });
                 }});
    list.append({u"users"_s,
                 u"list"_s,
                 u"List the account's users."_s,
                 u"latchkeyctl users list"_s,
                 {},
                 {},
                 [](Invocation &inv) {
                     return withAccount(inv, [&inv](Core::AccountClient &account) {
                         const bool json = inv.json;
                         return finish(inv, account.users(), [json](const QList<User> &users) {
                             QJsonArray items;
                             QList<QStringList> rows;
                             for (const User &u : users) {
                                 items.append(u.toJson());
                                 rows.append({u.id, u.email, u.displayName, u.role});
                             }
                             if (json)
                                 printJson(QJsonObject{{u"items"_s, items}});
                             else
                                 printTable({u"ID"_s, u"EMAIL"_s, u"NAME"_s, u"ROLE"_s}, rows);
                         });
                     });
                 }});
    list.append(
        {u"audit"_s,
         u"list"_s,
         u"List audit events, newest first."_s,
         u"latchkeyctl audit list --since 2026-11-01T00:00:00Z"_s,
         {{u"since"_s, u"Only events from this time on (RFC 3339)."_s, u"TIME"_s},
          {u"action"_s, u"Only this action, e.g. key.rotate."_s, u"ACTION"_s},
          limitOption,
          cursorOption},
         {},
         [](Invocation &inv) {
             Core::ListQuery query = listQuery(inv.parser);
             if (inv.parser.isSet(u"since"_s))
                 query.filters.append({u"since"_s, inv.parser.value(u"since"_s)});
             if (inv.parser.isSet(u"action"_s))
                 query.filters.append({u"action"_s, inv.parser.value(u"action"_s)});
             return withAccount(inv, [&inv, query](Core::AccountClient &account) {
                 const bool json = inv.json;
                 return finish(
                     inv, account.audit(query), [json](const Core::ListPage<AuditEvent> &page) {
                         QJsonArray items;
                         QList<QStringList> rows;
                         for (const AuditEvent &e : page.items) {
                             items.append(e.toJson());
                             rows.append({timeText(e.at), e.actor, e.action,
                                          e.targetType + u' ' + e.targetId});
                         }
                         if (json)
                             printJson(QJsonObject{{u"items"_s, items},
                                                   {u"next_cursor"_s, page.nextCursor}});
                         else
                             printTable({u"AT"_s, u"ACTOR"_s, u"ACTION"_s, u"TARGET"_s}, rows);
                     });
             });
         }});
    return list;
}

namespace {

QString usage(const QList<Command> &all)
{
    QString text = u"Usage: latchkeyctl COMMAND [OPTIONS]\n\n"
                   "Manage an account's API keys, OAuth consumers and authorizations.\n"
                   "Sign in once per account: latchkeyctl profile add NAME --url URL, then "
                   "latchkeyctl login\n(your browser; the session stays in the keychain). For "
                   "scripts, LATCHKEY_URL, LATCHKEY_CLIENT_ID\nand LATCHKEY_CLIENT_SECRET (an "
                   "automation consumer) win and touch no keychain.\nWith a profile, new API "
                   "and client secrets are kept in its keychain (--no-keychain: not), so export "
                   "carries them;\none that is not there is exported as missing.\n\nCommands:\n"_s;
    for (const Command &c : all)
        text += u"  "_s + QString(c.group + u' ' + c.verb).leftJustified(28) + c.summary + u'\n';
    text += u"\nEvery command takes --json and --help. Exit codes: 0 ok, 1 refused by the "
            "server, 2 usage, 3 authentication, 4 network.\n"_s;
    return text;
}

// A token is base64url and may start with '-': what is not one of the command's options goes
// after "--", so the parser takes it as the positional argument it is.
QStringList tokensLast(const QStringList &arguments, const QList<QCommandLineOption> &options)
{
    QStringList known{u"help"_s, u"h"_s, u"json"_s, u"profile"_s};
    QStringList withValue{u"profile"_s};
    for (const QCommandLineOption &option : options) {
        known += option.names();
        if (!option.valueName().isEmpty())
            withValue += option.names();
    }
    QStringList kept;
    QStringList positional;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == u"--") {
            positional += arguments.mid(i + 1);
            break;
        }
        QString name = argument;
        while (name.startsWith(u'-'))
            name.remove(0, 1);
        const bool hasValue = name.contains(u'=');
        name = name.section(u'=', 0, 0);
        if (argument.startsWith(u'-') && known.contains(name)) {
            kept.append(argument);
            if (withValue.contains(name) && !hasValue && i + 1 < arguments.size())
                kept.append(arguments.at(++i));
        } else {
            positional.append(argument);
        }
    }
    if (!positional.isEmpty())
        kept += QStringList{u"--"_s} + positional;
    return kept;
}

} // namespace

int run(const QStringList &arguments)
{
    const QList<Command> all =
        accountCommands() + tokenCommands() + exportCommands() + profileCommands();
    const QString first = arguments.value(1);
    if (first == u"--version") {
        printLine(u"latchkeyctl "_s + QCoreApplication::applicationVersion());
        return Ok;
    }
    if (first.isEmpty() || first == u"--help" || first == u"-h" || first == u"help") {
        if (first.isEmpty()) {
            printError(u"no command given.\n"_s + usage(all));
            return Usage;
        }
        printLine(usage(all));
        return Ok;
    }
    // Two-word commands (keys list) first, then one-word ones (export) whose options follow.
    const QString verb = arguments.value(2);
    const Command *command = nullptr;
    for (const Command &c : all) {
        if (c.group == first && (c.verb == verb || (c.verb.isEmpty() && !command)))
            command = &c;
    }
    if (!command) {
        printError(u"unknown command: %1 %2\n\n"_s.arg(first, verb) + usage(all));
        return Usage;
    }
    const QString name =
        command->verb.isEmpty() ? command->group : command->group + u' ' + command->verb;

    Invocation invocation;
    QCommandLineParser &parser = invocation.parser;
    parser.setApplicationDescription(command->summary);
    parser.addHelpOption();
    parser.addOption({u"json"_s, u"Print machine-readable JSON."_s});
    parser.addOption(
        {u"profile"_s, u"Work on this profile instead of the current one."_s, u"NAME"_s});
    parser.addOptions(command->options);
    if (!command->positional.isEmpty())
        parser.addPositionalArgument(command->positional, u"What to act on."_s);
    QStringList rest = arguments.mid(command->verb.isEmpty() ? 2 : 3);
    if (command->positional == u"TOKEN")
        rest = tokensLast(rest, command->options);
    rest.prepend(u"latchkeyctl "_s + name);
    if (!parser.parse(rest)) {
        printError(parser.errorText() + u"\nRun with --help for usage."_s);
        return Usage;
    }
    if (parser.isSet(u"help"_s)) {
        printLine(parser.helpText() + u"\nExample:\n  "_s + command->example);
        return Ok;
    }
    if (command->positional.isEmpty() && !parser.positionalArguments().isEmpty()) {
        printError(u"unexpected argument: %1\nRun with --help for usage."_s.arg(
            parser.positionalArguments().first()));
        return Usage;
    }
    invocation.json = parser.isSet(u"json"_s);
    const QStringList defined = [command] {
        QStringList names;
        for (const QCommandLineOption &option : command->options)
            names += option.names();
        return names;
    }();
    if (defined.contains(u"limit"_s) && parser.isSet(u"limit"_s)) {
        bool ok = false;
        const int limit = parser.value(u"limit"_s).toInt(&ok);
        if (!ok || limit < 1 || limit > 1000) {
            printError(u"--limit must be a whole number from 1 to 1000."_s);
            return Usage;
        }
    }
    if (defined.contains(u"grace"_s) && parser.isSet(u"grace"_s) && !graceFrom(parser)) {
        printError(u"--grace must be a whole number of seconds, 0 or more."_s);
        return Usage;
    }

    // One event loop for the whole run; the command's future ends it with its exit code.
    QFuture<int> result = command->handler(invocation);
    if (!result.isFinished()) {
        result.then(QCoreApplication::instance(), [](int code) { QCoreApplication::exit(code); });
        QCoreApplication::exec();
    }
    return result.result();
}

} // namespace Latchkey::Ctl
