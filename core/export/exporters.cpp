#include "exporters.h"

#include "exportsyntax.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Latchkey::Core {

namespace {

using Kind = ExportVariable::Kind;
namespace Syntax = ExportSyntax;

// ", scopes: assets:read assets:write" or ", no scopes"
QString scopesClause(const QStringList &scopes)
{
    return scopes.isEmpty() ? u", no scopes"_s
                            : u", scopes: "_s + Syntax::commentText(scopes.join(u' '));
}

// "# API key "Warehouse", Hawk sha256, group "Read only", scopes: assets:read"
QString keyHeader(const ExportedKey &key)
{
    return u"# API key "_s + Syntax::quoted(key.name) + u", Hawk sha256, group "_s +
           Syntax::quoted(key.group.name) + scopesClause(key.group.scopes);
}

// "# consumer "ERP Sync", client_credentials, confidential, group "Maintenance", scopes: ..."
// and, for the authorization code grant, a line of redirect URIs.
QString consumerHeader(const ExportedConsumer &consumer)
{
    QString header = u"# consumer "_s + Syntax::quoted(consumer.name) + u", "_s +
                     toString(consumer.grantType) + u", "_s + toString(consumer.clientType) +
                     u", group "_s + Syntax::quoted(consumer.group.name) +
                     scopesClause(consumer.group.scopes);
    if (!consumer.redirectUris.isEmpty()) {
        QStringList uris;
        for (const QString &uri : consumer.redirectUris)
            uris.append(Syntax::quoted(uri));
        header += u"\n# redirect URIs: "_s + uris.join(u", "_s);
    }
    return header;
}

// The comment that stands in for a secret that is not there.
QString absentSecretLine(const ExportVariable &variable)
{
    if (variable.value.state() == ExportSecret::State::NotIssued &&
        variable.kind == Kind::ClientSecret)
        return u"# "_s + variable.name + u" is not set: "_s + Syntax::notIssuedText;
    const QString reason = variable.value.missingReason().isEmpty()
                               ? u"not available"_s
                               : Syntax::commentText(variable.value.missingReason());
    return u"# "_s + variable.name + u" is missing: "_s + reason + u"; "_s + Syntax::rotateAdvice;
}

// The assignments of dotenv and of the curl script, an item's header before its variables.
QString assignments(const CredentialExport &data, const QList<ExportVariable> &variables,
                    QStringView assignmentPrefix)
{
    QString out;
    for (const ExportVariable &variable : variables) {
        if (variable.kind == Kind::HawkId)
            out += u"\n"_s + keyHeader(data.keys.at(variable.item)) + u"\n"_s;
        else if (variable.kind == Kind::ClientId)
            out += u"\n"_s + consumerHeader(data.consumers.at(variable.item)) + u"\n"_s;
        if (variable.value.isPresent())
            out += assignmentPrefix + variable.name + u'=' + shellQuote(variable.value.value()) +
                   u'\n';
        else
            out += absentSecretLine(variable) + u'\n';
    }
    return out;
}

QString fileHeader(const CredentialExport &data, QStringView what)
{
    QString header = u"# Latchkey "_s + what;
    if (!data.label.isEmpty())
        header += u" of "_s + Syntax::quoted(data.label);
    header += u" for "_s + Syntax::commentText(data.baseUrl.toString()) + u"\n"_s;
    header += u"# It holds secrets: keep it private (mode 0600) and out of version control.\n"_s;
    return header;
}

QJsonValue secretJson(const ExportSecret &secret)
{
    return secret.isPresent() ? QJsonValue(secret.value()) : QJsonValue(QJsonValue::Null);
}

QJsonObject groupJson(const ExportedGroup &group)
{
    return {{u"name"_s, group.name}, {u"scopes"_s, QJsonArray::fromStringList(group.scopes)}};
}

// The variables of an item, by kind; exportVariables lists them in items' order.
const ExportVariable &variableOf(const QList<ExportVariable> &variables, Kind kind, qsizetype item)
{
    for (const ExportVariable &variable : variables) {
        if (variable.kind == kind && variable.item == item)
            return variable;
    }
    Q_UNREACHABLE();
}

} // namespace

QString toString(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Dotenv:
        return u"env"_s;
    case ExportFormat::Json:
        return u"json"_s;
    case ExportFormat::Postman:
        return u"postman"_s;
    case ExportFormat::Curl:
        return u"curl"_s;
    }
    Q_UNREACHABLE();
}

std::optional<ExportFormat> exportFormatFromString(QStringView text)
{
    if (text == u"env" || text == u"dotenv")
        return ExportFormat::Dotenv;
    if (text == u"json")
        return ExportFormat::Json;
    if (text == u"postman")
        return ExportFormat::Postman;
    if (text == u"curl")
        return ExportFormat::Curl;
    return std::nullopt;
}

QString fileSuffix(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Dotenv:
        return u".env"_s;
    case ExportFormat::Json:
        return u".json"_s;
    case ExportFormat::Postman:
        return u".postman_environment.json"_s;
    case ExportFormat::Curl:
        return u".sh"_s;
    }
    Q_UNREACHABLE();
}

QString shellQuote(QStringView value)
{
    QString out = value.toString();
    out.replace(u"'"_s, u"'\\''"_s);
    return u'\'' + out + u'\'';
}

Result<QByteArray> renderExport(const CredentialExport &data, ExportFormat format)
{
    switch (format) {
    case ExportFormat::Dotenv:
        return toDotenv(data);
    case ExportFormat::Json:
        return toJson(data);
    case ExportFormat::Postman:
        return toPostmanEnvironment(data);
    case ExportFormat::Curl:
        return toCurlScript(data);
    }
    Q_UNREACHABLE();
}

Result<QByteArray> toDotenv(const CredentialExport &data)
{
    const Result<QList<ExportVariable>> variables = exportVariables(data);
    if (!variables)
        return variables.error();
    return (fileHeader(data, u"credentials") + assignments(data, variables.value(), {})).toUtf8();
}

Result<QByteArray> toJson(const CredentialExport &data)
{
    const Result<QList<ExportVariable>> result = exportVariables(data);
    if (!result)
        return result.error();
    const QList<ExportVariable> &variables = result.value();

    QJsonArray keys;
    for (qsizetype i = 0; i < data.keys.size(); ++i) {
        const ExportedKey &key = data.keys.at(i);
        QJsonObject object{
            {u"name"_s, key.name},
            {u"id"_s, key.id},
            {u"algorithm"_s, u"sha256"_s},
            {u"secret"_s, secretJson(key.secret)},
            {u"permission_group"_s, groupJson(key.group)},
            {u"variables"_s, QJsonObject{{u"id"_s, variableOf(variables, Kind::HawkId, i).name},
                                         {u"key"_s, variableOf(variables, Kind::HawkKey, i).name}}},
        };
        if (key.secret.state() == ExportSecret::State::Missing)
            object.insert(u"secret_missing"_s, key.secret.missingReason());
        keys.append(object);
    }

    QJsonArray consumers;
    for (qsizetype i = 0; i < data.consumers.size(); ++i) {
        const ExportedConsumer &consumer = data.consumers.at(i);
        QJsonObject object{
            {u"name"_s, consumer.name},
            {u"client_id"_s, consumer.clientId},
            {u"client_type"_s, toString(consumer.clientType)},
            {u"grant_type"_s, toString(consumer.grantType)},
            {u"redirect_uris"_s, QJsonArray::fromStringList(consumer.redirectUris)},
            {u"client_secret"_s, secretJson(consumer.clientSecret)},
            {u"permission_group"_s, groupJson(consumer.group)},
            {u"variables"_s,
             QJsonObject{{u"client_id"_s, variableOf(variables, Kind::ClientId, i).name},
                         {u"client_secret"_s, variableOf(variables, Kind::ClientSecret, i).name}}},
        };
        // A public client's null secret speaks for itself through client_type.
        if (consumer.clientSecret.state() == ExportSecret::State::Missing)
            object.insert(u"client_secret_missing"_s, consumer.clientSecret.missingReason());
        consumers.append(object);
    }

    QJsonObject root{
        {u"format"_s, Syntax::jsonFormatName.toString()},
        {u"version"_s, Syntax::formatVersion},
        {u"base_url"_s, data.baseUrl.toString()},
        {u"token_url"_s, data.tokenUrl.toString()},
        {u"authorize_url"_s, data.authorizeUrl.toString()},
        {u"variables"_s, QJsonObject{{u"base_url"_s, variables.at(0).name},
                                     {u"token_url"_s, variables.at(1).name},
                                     {u"authorize_url"_s, variables.at(2).name}}},
        {u"api_keys"_s, keys},
        {u"consumers"_s, consumers},
    };
    if (!data.label.isEmpty())
        root.insert(u"label"_s, data.label);
    // Qt's JSON reader drops a raw U+FEFF anywhere in the text, even inside a string; escaped,
    // it is kept, so a name holding one imports as it was exported. Outside strings the writer
    // puts only ASCII, so this touches nothing else.
    return QJsonDocument(root).toJson(QJsonDocument::Indented).replace("\xEF\xBB\xBF", "\\ufeff");
}

Result<QByteArray> toPostmanEnvironment(const CredentialExport &data)
{
    const Result<QList<ExportVariable>> variables = exportVariables(data);
    if (!variables)
        return variables.error();

    QJsonArray values;
    for (const ExportVariable &variable : variables.value()) {
        QJsonObject value{{u"key"_s, variable.name}};
        if (variable.value.isPresent()) {
            value.insert(u"value"_s, variable.value.value());
            value.insert(u"type"_s, variable.isSecret() ? u"secret"_s : u"default"_s);
            value.insert(u"enabled"_s, true);
        } else {
            // Disabled, so a request that uses it fails visibly instead of sending this text;
            // typed "default", so the reason shows in Postman.
            const bool notIssued = variable.value.state() == ExportSecret::State::NotIssued &&
                                   variable.kind == Kind::ClientSecret;
            const QString reason = variable.value.missingReason().isEmpty()
                                       ? u"not available"_s
                                       : variable.value.missingReason();
            value.insert(u"value"_s, notIssued
                                         ? QString(Syntax::notIssuedPrefix + Syntax::notIssuedText)
                                         : QString(Syntax::missingPrefix + reason + u"; "_s +
                                                   Syntax::rotateAdvice));
            value.insert(u"type"_s, u"default"_s);
            value.insert(u"enabled"_s, false);
        }
        values.append(value);
    }

    // A stable id per account, so the same account exports the same environment.
    static const QUuid idNamespace(u"6a4b8f0e-3c1d-4f6e-9b2a-5d7c8e9f0a1b"_s);
    const QString name =
        u"Latchkey: "_s + (data.label.isEmpty() ? data.baseUrl.authority() : data.label);
    const QJsonObject environment{
        {u"id"_s, QUuid::createUuidV5(idNamespace, name + u'\n' + data.baseUrl.toString())
                      .toString(QUuid::WithoutBraces)},
        {u"name"_s, name},
        {u"values"_s, values},
        {u"_postman_variable_scope"_s, u"environment"_s},
    };
    return QJsonDocument(environment).toJson(QJsonDocument::Indented);
}

Result<QByteArray> toCurlScript(const CredentialExport &data)
{
    const Result<QList<ExportVariable>> result = exportVariables(data);
    if (!result)
        return result.error();
    const QList<ExportVariable> &variables = result.value();

    QString script = u"#!/bin/sh\n"_s + fileHeader(data, u"credentials and example requests") +
                     u"# Run it with sh: each consumer with client credentials gets a token and "
                     u"calls whoami.\nset -eu\n"_s;
    script += assignments(data, variables, u"export ");

    // printf, not echo: dash's echo would read backslashes in a name as escapes.
    const auto tell = [](const QString &text) -> QString {
        return u"printf '%s\\n' "_s + shellQuote(text) + u" >&2"_s;
    };
    const auto say = [&tell](const QString &text) -> QString { return tell(text) + u'\n'; };
    for (qsizetype i = 0; i < data.keys.size(); ++i) {
        const ExportedKey &key = data.keys.at(i);
        const QString &id = variableOf(variables, Kind::HawkId, i).name;
        script += u"\n# API key "_s + Syntax::quoted(key.name);
        if (!key.secret.isPresent()) {
            script += u": its key is missing, so nothing can sign for it; "_s +
                      Syntax::rotateAdvice + u".\n"_s;
            script += say(u"== "_s + key.name + u": skipped, its Hawk key is missing"_s);
            continue;
        }
        script += u": Hawk signs every request with the key (HMAC-SHA256 over the method,\n"
                  u"# path, host, port and time), which curl cannot do by itself. Try it with:\n"
                  u"#   latchkeyctl keys test \"$"_s +
                  id + u"\"\n"_s;
        script += say(u"== "_s + key.name +
                      u": Hawk requests must be signed; try: latchkeyctl keys test "_s + key.id);
    }
    for (qsizetype i = 0; i < data.consumers.size(); ++i) {
        const ExportedConsumer &consumer = data.consumers.at(i);
        const QString &id = variableOf(variables, Kind::ClientId, i).name;
        const QString &secret = variableOf(variables, Kind::ClientSecret, i).name;
        script += u"\n# consumer "_s + Syntax::quoted(consumer.name);
        if (consumer.grantType != GrantType::ClientCredentials ||
            consumer.clientType == ClientType::Public) {
            script += u": the authorization code flow needs a browser and a user; try it in\n"
                      u"# Latchkey's flow tester. It starts at $LATCHKEY_AUTHORIZE_URL with "
                      u"client_id=$"_s +
                      id + u".\n"_s;
            script += say(u"== "_s + consumer.name +
                          u": authorization code, try it in Latchkey's flow tester"_s);
        } else if (!consumer.clientSecret.isPresent()) {
            script += u": its client secret is missing, so no token request; "_s +
                      Syntax::rotateAdvice + u".\n"_s;
            script += say(u"== "_s + consumer.name + u": skipped, its client secret is missing"_s);
        } else {
            script += u": a client-credentials token, then whoami with it.\n"_s;
            script += say(u"== "_s + consumer.name + u": client credentials, then whoami"_s);
            script += u"token=$(curl -fsS -u \"$"_s + id + u":$"_s + secret +
                      u"\" -d grant_type=client_credentials \"$LATCHKEY_TOKEN_URL\" |\n"
                      u"    sed -n 's/.*\"access_token\" *: *\"\\([^\"]*\\)\".*/\\1/p')\n"_s;
            script += u"test -n \"$token\" || { "_s +
                      tell(u"no access token for "_s + consumer.name) + u"; exit 1; }\n"_s;
            script += u"curl -fsS -w '\\n' -H \"Authorization: Bearer $token\" "
                      u"\"$LATCHKEY_BASE_URL/api/v2/whoami\"\n"_s;
        }
    }
    return script.toUtf8();
}

} // namespace Latchkey::Core
