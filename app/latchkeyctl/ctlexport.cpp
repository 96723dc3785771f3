#include "ctlcommand.h"
#include "ctlkeychain.h"
#include "ctlpassphrase.h"

#include <export/credentialexport.h>
#include <export/exporters.h>
#include <export/exportfile.h>
#include <export/exportreader.h>
#include <export/profileexport.h>
#include <profiles/profilestore.h>
#include <secrets/secretstore.h>

#include <QFile>
#include <QHash>

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

QObject *context()
{
    return QCoreApplication::instance();
}

QString environmentReason()
{
    return tr("not read: with LATCHKEY_URL, LATCHKEY_CLIENT_ID and LATCHKEY_CLIENT_SECRET, "
              "latchkeyctl reads no keychain");
}

// Every item of a list, page after page.
template<typename T, typename Fetch>
Task<QList<T>> allPages(Fetch fetch, Core::ListQuery query = {}, QList<T> sofar = {})
{
    query.limit = 1000;
    return Core::chain(
        fetch(query), context(),
        [fetch, query, sofar](Result<Core::ListPage<T>> page) mutable -> Task<QList<T>> {
            if (!page)
                return Core::readyTask<QList<T>>(page.error());
            sofar += page.value().items;
            if (page.value().nextCursor.isEmpty())
                return Core::readyTask<QList<T>>(sofar);
            query.cursor = page.value().nextCursor;
            return allPages<T>(fetch, query, sofar);
        });
}

// The items with these ids, one after the other; the first unknown id fails the whole.
template<typename T, typename Fetch>
Task<QList<T>> eachOf(QStringList ids, Fetch fetch, QList<T> sofar = {})
{
    if (ids.isEmpty())
        return Core::readyTask<QList<T>>(sofar);
    const QString id = ids.takeFirst();
    return Core::chain(fetch(id), context(),
                       [ids, fetch, sofar](Result<T> item) mutable -> Task<QList<T>> {
                           if (!item)
                               return Core::readyTask<QList<T>>(item.error());
                           sofar.append(item.value());
                           return eachOf<T>(ids, fetch, sofar);
                       });
}

struct Selection
{
    bool allKeys = true;
    bool allConsumers = true;
    QStringList keyIds;
    QStringList consumerIds;
};

struct Gathered
{
    QList<PermissionGroup> groups;
    QList<ApiKey> keys;
    QList<Consumer> consumers;
    // The keychain's secrets by entry (std::nullopt: not there); empty with the environment.
    QHash<QString, std::optional<QString>> secrets;
};

Core::ExportSelection selectionOf(const Gathered &gathered)
{
    return {gathered.keys, gathered.consumers, gathered.groups};
}

Task<QList<ApiKey>> keysOf(Core::AccountClient &account, const Selection &selection)
{
    if (selection.allKeys)
        return allPages<ApiKey>([&account](const Core::ListQuery &q) { return account.keys(q); });
    return eachOf<ApiKey>(selection.keyIds,
                          [&account](const QString &id) { return account.key(id); });
}

Task<QList<Consumer>> consumersOf(Core::AccountClient &account, const Selection &selection)
{
    if (selection.allConsumers)
        return allPages<Consumer>(
            [&account](const Core::ListQuery &q) { return account.consumers(q); });
    return eachOf<Consumer>(selection.consumerIds,
                            [&account](const QString &id) { return account.consumer(id); });
}

Task<Gathered> gather(Core::AccountClient &account, const Selection &selection)
{
    auto state = std::make_shared<Gathered>();
    return Core::chain(
        account.permissionGroups(), context(),
        [&account, selection, state](Result<QList<PermissionGroup>> groups) -> Task<Gathered> {
            if (!groups)
                return Core::readyTask<Gathered>(groups.error());
            state->groups = groups.value();
            return Core::chain(
                keysOf(account, selection), context(),
                [&account, selection, state](Result<QList<ApiKey>> keys) -> Task<Gathered> {
                    if (!keys)
                        return Core::readyTask<Gathered>(keys.error());
                    state->keys = keys.value();
                    return Core::chain(consumersOf(account, selection), context(),
                                       [state](Result<QList<Consumer>> consumers) {
                                           if (!consumers)
                                               return Core::readyTask<Gathered>(consumers.error());
                                           state->consumers = consumers.value();
                                           return Core::readyTask<Gathered>(*state);
                                       });
                });
        });
}

// The keychain entries an export of these items reads.
QStringList entriesOf(const ProfileKeychain &keychain, const Gathered &gathered)
{
    return Core::exportSecretEntries(keychain.profile, selectionOf(gathered));
}

// The items' secrets from the profile's keychain, read before anything is rendered or written;
// a keychain error fails the export.
Task<Gathered> withSecrets(const ProfileKeychain &keychain, Gathered gathered)
{
    if (!keychain.isOn())
        return Core::readyTask(Result<Gathered>(std::move(gathered)));
    const QStringList entries = entriesOf(keychain, gathered);
    return keychain.store->readAll(entries).then(
        context(),
        [gathered = std::move(gathered)](
            Result<QHash<QString, std::optional<QString>>> values) mutable -> Result<Gathered> {
            if (!values)
                return values.error();
            gathered.secrets = values.value();
            return gathered;
        });
}

} // namespace

Task<QStringList> accountItemEntries(Core::AccountClient &account, const Core::Profile &profile)
{
    ProfileKeychain keychain;
    keychain.profile = profile;
    return gather(account, Selection{})
        .then(context(), [keychain](Result<Gathered> gathered) -> Result<QStringList> {
            if (!gathered)
                return gathered.error();
            return entriesOf(keychain, gathered.value());
        });
}

namespace {

// What the account gave, with the secrets at hand: from the profile's keychain, or with the
// environment only the automation consumer's own; every other one is missing, with its reason.
Core::CredentialExport buildExport(const QUrl &baseUrl, const Gathered &gathered,
                                   const ProfileKeychain &keychain, const Invocation &inv)
{
    Core::CredentialExport data = Core::buildProfileExport(
        keychain.profile, baseUrl, selectionOf(gathered), gathered.secrets,
        keychain.isOn() ? Core::notInKeychainReason(keychain.profile.name) : environmentReason());
    const QString automationId = inv.environmentClientId();
    for (Core::ExportedConsumer &consumer : data.consumers) {
        if (!automationId.isEmpty() && consumer.clientId == automationId)
            consumer.clientSecret = Core::ExportSecret::present(inv.environmentClientSecret());
    }
    return data;
}

QString secretState(const Core::ExportSecret &secret)
{
    switch (secret.state()) {
    case Core::ExportSecret::State::Present:
        return u"present"_s;
    case Core::ExportSecret::State::Missing:
        return u"missing"_s;
    case Core::ExportSecret::State::NotIssued:
        return u"not_issued"_s;
    }
    return {};
}

QString secretText(const Core::ExportSecret &secret)
{
    switch (secret.state()) {
    case Core::ExportSecret::State::Present:
        return tr("present");
    case Core::ExportSecret::State::Missing:
        return tr("missing: %1").arg(secret.missingReason());
    case Core::ExportSecret::State::NotIssued:
        return tr("none (public client)");
    }
    return {};
}

QJsonObject secretJson(const Core::ExportSecret &secret)
{
    QJsonObject object{{u"secret"_s, secretState(secret)}};
    if (secret.state() == Core::ExportSecret::State::Missing)
        object.insert(u"missing_reason"_s, secret.missingReason());
    return object;
}

// What an import did with the secrets it carried.
struct Stored
{
    QString profileName;            // empty when nothing was stored
    QString offReason;              // why nothing was stored, when it was not
    QHash<QString, QString> states; // key id or client_id -> "stored" or "unchanged"
};

void printSummary(const Core::CredentialExport &data, bool json, const Stored &stored)
{
    qsizetype written = 0;
    qsizetype unchanged = 0;
    for (const QString &state : stored.states) {
        if (state == u"stored")
            ++written;
        else
            ++unchanged;
    }
    if (json) {
        QJsonArray keys;
        for (const Core::ExportedKey &key : data.keys) {
            QJsonObject item = secretJson(key.secret);
            item.insert(u"id"_s, key.id);
            item.insert(u"name"_s, key.name);
            item.insert(u"group"_s, key.group.name);
            if (stored.states.contains(key.id))
                item.insert(u"keychain"_s, stored.states.value(key.id));
            keys.append(item);
        }
        QJsonArray consumers;
        for (const Core::ExportedConsumer &consumer : data.consumers) {
            QJsonObject item = secretJson(consumer.clientSecret);
            item.insert(u"client_id"_s, consumer.clientId);
            item.insert(u"name"_s, consumer.name);
            item.insert(u"group"_s, consumer.group.name);
            if (stored.states.contains(consumer.clientId))
                item.insert(u"keychain"_s, stored.states.value(consumer.clientId));
            consumers.append(item);
        }
        QJsonObject object{{u"label"_s, data.label},
                           {u"base_url"_s, data.baseUrl.toString()},
                           {u"keys"_s, keys},
                           {u"consumers"_s, consumers}};
        if (!stored.profileName.isEmpty())
            object.insert(u"keychain_profile"_s, stored.profileName);
        else if (!stored.offReason.isEmpty())
            object.insert(u"keychain_off"_s, stored.offReason);
        printJson(object);
        return;
    }
    printLine(tr("Export of %1%2")
                  .arg(data.baseUrl.toString(),
                       data.label.isEmpty() ? QString() : u" ("_s + data.label + u')'));
    QList<QStringList> rows;
    for (const Core::ExportedKey &key : data.keys)
        rows.append({tr("API key"), key.name, key.id, secretText(key.secret)});
    for (const Core::ExportedConsumer &consumer : data.consumers)
        rows.append(
            {tr("consumer"), consumer.name, consumer.clientId, secretText(consumer.clientSecret)});
    printTable({u"KIND"_s, u"NAME"_s, u"ID"_s, u"SECRET"_s}, rows);
    if (!stored.profileName.isEmpty())
        printLine(tr("Stored %1 secret(s) in the keychain of profile %2 (%3 already there).")
                      .arg(written)
                      .arg(stored.profileName)
                      .arg(unchanged));
    else if (!stored.offReason.isEmpty())
        printLine(tr("Its secrets were not stored in a keychain: %1.").arg(stored.offReason));
}

QFuture<int> runExport(Invocation &inv)
{
    const QCommandLineParser &p = inv.parser;
    if (!p.isSet(u"format"_s))
        return usageError(tr("export needs --format env, json, postman or curl. Run with --help."));
    const auto format = Core::exportFormatFromString(p.value(u"format"_s));
    if (!format)
        return usageError(
            tr("Unknown format %1: use env, json, postman or curl.").arg(p.value(u"format"_s)));
    const bool encrypt = p.isSet(u"encrypt"_s);
    const bool armor = p.isSet(u"armor"_s);
    const QString file = p.value(u"output"_s);
    if (armor && !encrypt)
        return usageError(tr("--armor goes with --encrypt: it armors the encrypted file."));
    if (encrypt && !armor && file.isEmpty())
        return usageError(tr("An encrypted export is binary: give -o FILE, or add --armor to "
                             "print it as text."));
    Selection selection;
    selection.keyIds = listValues(p, u"keys"_s);
    selection.consumerIds = listValues(p, u"consumers"_s);
    if (p.isSet(u"keys"_s) || p.isSet(u"consumers"_s)) {
        selection.allKeys = false;
        selection.allConsumers = false;
    }
    if (!selection.allKeys && selection.keyIds.isEmpty() && selection.consumerIds.isEmpty())
        return usageError(tr("--keys and --consumers take comma-separated ids."));

    Core::ExportEncryption encryption;
    if (encrypt) {
        auto passphrase = readPassphrase(inv.environment(), true);
        if (!passphrase)
            return done(reportError(passphrase.error(), inv.json));
        encryption.passphrase = passphrase.value();
        encryption.armor = armor;
    }

    return withAccountAndKeychain(inv, [&inv, selection, format, encryption, file,
                                        encrypt](Core::AccountClient &account,
                                                 const ProfileKeychain &keychain) {
        const QUrl baseUrl = account.baseUrl();
        const bool json = inv.json;
        auto gathered = Core::chain(gather(account, selection), context(),
                                    [keychain](Result<Gathered> items) -> Task<Gathered> {
                                        if (!items)
                                            return Core::readyTask(items);
                                        return withSecrets(keychain, items.value());
                                    });
        return gathered.then(
            context(),
            [&inv, baseUrl, json, format, encryption, file, keychain,
             encrypt](Result<Gathered> gathered) -> int {
                if (!gathered)
                    return reportError(gathered.error(), json);
                const Core::CredentialExport data =
                    buildExport(baseUrl, gathered.value(), keychain, inv);
                const auto bytes = Core::renderExport(data, *format);
                if (!bytes)
                    return reportError(bytes.error(), json);
                const QStringList missing = Core::missingSecretNames(data);
                if (file.isEmpty()) {
                    if (encrypt) {
                        const auto sealed = Core::encryptExport(bytes.value(), encryption);
                        if (!sealed)
                            return reportError(sealed.error(), json);
                        printBytes(sealed.value());
                    } else {
                        printBytes(bytes.value());
                    }
                    if (!missing.isEmpty())
                        printError(QCoreApplication::translate(
                                       "latchkeyctl",
                                       "%n secret(s) not in this export (%1): rotate to get new "
                                       "ones.",
                                       nullptr, int(missing.size()))
                                       .arg(missing.join(u", "_s)));
                    return Ok;
                }
                const auto written = encrypt
                                         ? Core::writeExportFile(file, bytes.value(), encryption)
                                         : Core::writeExportFile(file, bytes.value());
                if (!written)
                    return reportError(written.error(), json);
                if (json) {
                    printJson(
                        QJsonObject{{u"file"_s, file},
                                    {u"keys"_s, data.keys.size()},
                                    {u"consumers"_s, data.consumers.size()},
                                    {u"encrypted"_s, encrypt},
                                    {u"missing_secrets"_s, QJsonArray::fromStringList(missing)}});
                } else {
                    printLine(tr("Wrote %1: %2 API key(s), %3 consumer(s)%4.")
                                  .arg(file)
                                  .arg(data.keys.size())
                                  .arg(data.consumers.size())
                                  .arg(encrypt ? tr(", encrypted") : QString()));
                    if (!missing.isEmpty())
                        printLine(tr("Secrets not in it (%1; rotate to get new ones): %2")
                                      .arg(keychain.isOn()
                                               ? Core::notInKeychainReason(keychain.profile.name)
                                               : environmentReason(),
                                           missing.join(u", "_s)));
                }
                return Ok;
            });
    });
}

// The same server, as a person would judge two spellings of its URL.
bool sameServer(const QUrl &a, const QUrl &b)
{
    const auto normal = [](const QUrl &url) {
        QUrl n = url.adjusted(QUrl::NormalizePathSegments | QUrl::RemoveQuery |
                              QUrl::RemoveFragment | QUrl::RemoveUserInfo);
        n.setPort(url.port(url.scheme() == u"https" ? 443 : 80));
        QString path = n.path();
        while (path.endsWith(u'/'))
            path.chop(1); // "http://host/" is "http://host"
        n.setPath(path);
        return n;
    };
    return normal(a) == normal(b);
}

// One secret an export carries, as it goes into the keychain.
struct Carried
{
    QString itemId; // the key's id, or the consumer's client_id
    QString name;
    QString entry;
    QString secret;
};

QList<Carried> carriedSecrets(const Core::CredentialExport &data, const QString &profileId)
{
    QList<Carried> carried;
    for (const Core::ExportedKey &key : data.keys) {
        if (key.secret.isPresent())
            carried.append(
                {key.id, key.name, apiSecretEntry(profileId, key.id), key.secret.value()});
    }
    for (const Core::ExportedConsumer &consumer : data.consumers) {
        if (consumer.clientSecret.isPresent())
            carried.append({consumer.clientId, consumer.name,
                            clientSecretEntry(profileId, consumer.clientId),
                            consumer.clientSecret.value()});
    }
    return carried;
}

// Stores what the export carries in the profile's keychain. Refused, with nothing stored, when
// the export is of another server, or when the keychain holds another secret for an item and
// --replace was not given: an older export must not bring back a secret rotated since.
QFuture<int> storeImported(Invocation &inv, const Core::CredentialExport &data,
                           const ProfileKeychain &keychain)
{
    const bool json = inv.json;
    const Core::Profile profile = keychain.profile;
    if (!sameServer(data.baseUrl, profile.serverUrl))
        return done(reportError(
            Error{Error::Kind::Usage,
                  0,
                  tr("This export is of %1, but profile %2 is %3: none of its secrets were "
                     "stored.")
                      .arg(data.baseUrl.toString(), profile.name, profile.serverUrl.toString()),
                  tr("Import it with --profile NAME of that account, or add --no-keychain to "
                     "only read it."),
                  {},
                  {}},
            json));
    const QList<Carried> carried = carriedSecrets(data, profile.id);
    QStringList entries;
    for (const Carried &c : carried)
        entries.append(c.entry);
    const bool replace = inv.parser.isSet(u"replace"_s);
    Core::SecretStore *store = keychain.store;
    auto stored = std::make_shared<Stored>();
    stored->profileName = profile.name;
    auto task = Core::chain(
        store->readAll(entries), context(),
        [store, carried, replace, stored,
         profile](Result<QHash<QString, std::optional<QString>>> existing) -> Task<Core::Nothing> {
            if (!existing)
                return Core::readyTask<Core::Nothing>(existing.error());
            QStringList clashes;
            QList<QPair<QString, QString>> writes;
            for (const Carried &c : carried) {
                const std::optional<QString> held = existing.value().value(c.entry);
                if (held && *held == c.secret) {
                    stored->states.insert(c.itemId, u"unchanged"_s);
                    continue;
                }
                if (held && !replace)
                    clashes.append(c.name);
                writes.append({c.entry, c.secret});
                stored->states.insert(c.itemId, u"stored"_s);
            }
            if (!clashes.isEmpty())
                return Core::readyTask<Core::Nothing>(Error{
                    Error::Kind::Usage,
                    0,
                    tr("The keychain of profile %1 already holds other secrets for %2: none of "
                       "the export's secrets were stored.")
                        .arg(profile.name, clashes.join(u", "_s)),
                    tr("Add --replace to overwrite them with the file's (an older export would "
                       "bring back a secret rotated since), or --no-keychain to only read it."),
                    {},
                    {}});
            return store->writeAll(writes);
        });
    return task.then(context(), [data, stored, json](Result<Core::Nothing> written) -> int {
        if (!written)
            return reportError(written.error(), json);
        printSummary(data, json, *stored);
        return Ok;
    });
}

QFuture<int> runImport(Invocation &inv)
{
    const QStringList files = inv.parser.positionalArguments();
    if (files.size() != 1)
        return usageError(tr("Give the one export file to import. Run with --help."));
    QFile file(files.first());
    if (!file.open(QIODevice::ReadOnly))
        return usageError(tr("Cannot read %1: %2.").arg(files.first(), file.errorString()));
    const QByteArray bytes = file.readAll();
    std::optional<Error> passphraseError;
    const auto imported = Core::importExport(bytes, [&inv, &passphraseError] {
        auto passphrase = readPassphrase(inv.environment(), false);
        if (!passphrase) {
            passphraseError = passphrase.error();
            return std::optional<QByteArray>();
        }
        return std::optional<QByteArray>(passphrase.value());
    });
    if (!imported) {
        if (passphraseError)
            return done(reportError(*passphraseError, inv.json));
        Error error = imported.error();
        if (error.kind == Error::Kind::Authentication && error.hint.isEmpty())
            error.hint = tr("Check the passphrase (LATCHKEY_PASSPHRASE) and try again.");
        return done(reportError(error, inv.json));
    }
    const Core::CredentialExport &data = imported.value();
    if (carriedSecrets(data, QString()).isEmpty()) {
        printSummary(data, inv.json, {});
        return done(Ok);
    }
    auto keychain = profileKeychain(inv);
    if (!keychain) {
        Error error = keychain.error();
        error.hint += (error.hint.isEmpty() ? QString() : u" "_s) +
                      tr("To only read the file, add --no-keychain.");
        return done(reportError(error, inv.json));
    }
    if (!keychain.value().isOn()) {
        Stored off;
        off.offReason = keychain.value().offReason;
        printSummary(data, inv.json, off);
        return done(Ok);
    }
    return storeImported(inv, data, keychain.value());
}

} // namespace

QList<Command> exportCommands()
{
    QList<Command> list;
    list.append(
        {u"export"_s,
         {},
         u"Export credentials for integrators: dotenv, JSON, Postman or curl; optionally "
         "encrypted (age). Secrets come from the profile's keychain; one that is not there is "
         "marked missing."_s,
         u"latchkeyctl export --format env --consumers con_… -o erp.env"_s,
         {{u"format"_s, u"env, json, postman or curl."_s, u"FORMAT"_s},
          {u"keys"_s, u"Only these API keys (comma-separated ids; repeatable)."_s, u"ID,..."_s},
          {u"consumers"_s, u"Only these consumers (comma-separated ids; repeatable)."_s,
           u"ID,..."_s},
          {u"encrypt"_s, u"Encrypt with a passphrase (age): from LATCHKEY_PASSPHRASE, or asked "
                         "on the terminal."_s},
          {u"armor"_s, u"With --encrypt: ASCII-armored text instead of binary."_s},
          {{u"o"_s, u"output"_s}, u"Write to FILE (mode 0600, atomically)."_s, u"FILE"_s}},
         {},
         runExport});
    list.append(
        {u"import"_s,
         {},
         u"Read an export (plain or age-encrypted, also by `age -p`), say what it holds, and "
         "keep its secrets in the profile's keychain (for latchkeyctl export)."_s,
         u"LATCHKEY_PASSPHRASE=… latchkeyctl import erp.env.age --profile staging"_s,
         {{u"replace"_s, u"Overwrite secrets the keychain holds already with the file's."_s},
          noKeychainOption()},
         u"FILE"_s,
         runImport});
    return list;
}

} // namespace Latchkey::Ctl
