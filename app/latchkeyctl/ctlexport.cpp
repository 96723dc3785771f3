#include "ctlcommand.h"
#include "ctlpassphrase.h"

#include <export/credentialexport.h>
#include <export/exporters.h>
#include <export/exportfile.h>
#include <export/exportreader.h>

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

// Why an export lacks a secret the account has: the server never shows it again.
QString notHereReason()
{
    return tr("not in this machine's keychain");
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
};

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

// What the account gave, with the secrets at hand: the automation consumer's from the
// environment; every other one is missing, with its reason.
Core::CredentialExport buildExport(const QUrl &baseUrl, const Gathered &gathered,
                                   const Invocation &inv)
{
    QHash<QString, PermissionGroup> groups;
    for (const PermissionGroup &g : gathered.groups)
        groups.insert(g.id, g);
    auto groupOf = [&groups](const QString &id) {
        return groups.value(id, PermissionGroup{id, id, {}, {}});
    };
    Core::CredentialExport data = Core::CredentialExport::forAccount(baseUrl);
    for (const ApiKey &key : gathered.keys)
        data.keys.append(Core::exportedKey(key, groupOf(key.permissionGroupId),
                                           Core::ExportSecret::missing(notHereReason())));
    const QString automationId = inv.environmentClientId();
    for (const Consumer &consumer : gathered.consumers) {
        const bool atHand = !automationId.isEmpty() && consumer.clientId == automationId;
        data.consumers.append(Core::exportedConsumer(
            consumer, groupOf(consumer.permissionGroupId),
            atHand ? Core::ExportSecret::present(inv.environmentClientSecret())
                   : Core::ExportSecret::missing(notHereReason())));
    }
    return data;
}

QStringList missingSecrets(const Core::CredentialExport &data)
{
    QStringList names;
    for (const Core::ExportedKey &key : data.keys) {
        if (key.secret.state() == Core::ExportSecret::State::Missing)
            names.append(key.name);
    }
    for (const Core::ExportedConsumer &consumer : data.consumers) {
        if (consumer.clientSecret.state() == Core::ExportSecret::State::Missing)
            names.append(consumer.name);
    }
    return names;
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

void printSummary(const Core::CredentialExport &data, bool json)
{
    if (json) {
        QJsonArray keys;
        for (const Core::ExportedKey &key : data.keys) {
            QJsonObject item = secretJson(key.secret);
            item.insert(u"id"_s, key.id);
            item.insert(u"name"_s, key.name);
            item.insert(u"group"_s, key.group.name);
            keys.append(item);
        }
        QJsonArray consumers;
        for (const Core::ExportedConsumer &consumer : data.consumers) {
            QJsonObject item = secretJson(consumer.clientSecret);
            item.insert(u"client_id"_s, consumer.clientId);
            item.insert(u"name"_s, consumer.name);
            item.insert(u"group"_s, consumer.group.name);
            consumers.append(item);
        }
        printJson(QJsonObject{{u"label"_s, data.label},
                              {u"base_url"_s, data.baseUrl.toString()},
                              {u"keys"_s, keys},
                              {u"consumers"_s, consumers}});
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

    return withAccount(inv, [&inv, selection, format, encryption, file,
                             encrypt](Core::AccountClient &account) {
        const QUrl baseUrl = account.baseUrl();
        const bool json = inv.json;
        return gather(account, selection)
            .then(context(),
                  [&inv, baseUrl, json, format, encryption, file,
                   encrypt](Result<Gathered> gathered) -> int {
                      if (!gathered)
                          return reportError(gathered.error(), json);
                      const Core::CredentialExport data =
                          buildExport(baseUrl, gathered.value(), inv);
                      const auto bytes = Core::renderExport(data, *format);
                      if (!bytes)
                          return reportError(bytes.error(), json);
                      const QStringList missing = missingSecrets(data);
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
                              printError(
                                  QCoreApplication::translate(
                                      "latchkeyctl",
                                      "%n secret(s) not in this export (%1): rotate to get new "
                                      "ones.",
                                      nullptr, int(missing.size()))
                                      .arg(missing.join(u", "_s)));
                          return Ok;
                      }
                      const auto written =
                          encrypt ? Core::writeExportFile(file, bytes.value(), encryption)
                                  : Core::writeExportFile(file, bytes.value());
                      if (!written)
                          return reportError(written.error(), json);
                      if (json) {
                          printJson(QJsonObject{
                              {u"file"_s, file},
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
                              printLine(
                                  tr("Secrets not in it (not in this machine's keychain; rotate "
                                     "to get new ones): %1")
                                      .arg(missing.join(u", "_s)));
                      }
                      return Ok;
                  });
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
    printSummary(imported.value(), inv.json);
    return done(Ok);
}

} // namespace

QList<Command> exportCommands()
{
    QList<Command> list;
    list.append(
        {u"export"_s,
         {},
         u"Export credentials for integrators: dotenv, JSON, Postman or curl; optionally "
         "encrypted (age)."_s,
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
    list.append({u"import"_s,
                 {},
                 u"Read an export (plain or age-encrypted, also by `age -p`) and say what it "
                 "holds."_s,
                 u"LATCHKEY_PASSPHRASE=… latchkeyctl import erp.env.age"_s,
                 {},
                 u"FILE"_s,
                 runImport});
    return list;
}

} // namespace Latchkey::Ctl
