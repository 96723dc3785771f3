// The export formats: variable names, each format's exact content for a small fixture, missing
// secrets shown as missing, and reading the JSON and dotenv forms back.

#include <export/exporters.h>
#include <export/exportreader.h>

#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace Latchkey::Core;
using Latchkey::ClientType;
using Latchkey::GrantType;

Q_DECLARE_METATYPE(Latchkey::Core::ExportFormat)
Q_DECLARE_METATYPE(Latchkey::Core::Error::Kind)

// Failure messages: the export as JSON (test data only: these secrets are made up).
namespace Latchkey::Core {
char *toString(const CredentialExport &data)
{
    const auto json = toJson(data);
    return qstrdup(json.ok() ? json.value().constData() : "(no JSON)");
}
char *toString(const ExportSecret &secret)
{
    QString text;
    QDebug(&text) << secret;
    return qstrdup(text.toUtf8().constData());
}
} // namespace Latchkey::Core

namespace {

// Two keys (one whose secret is not in the keychain) and three consumers: client credentials,
// authorization code with its secret missing, and a public client.
CredentialExport fixture()
{
    CredentialExport data = CredentialExport::forAccount(QUrl(u"https://latchkey.example/"_s));
    data.label = u"Acme production"_s;
    data.keys.append({u"lk_wh1"_s,
                      u"Warehouse"_s,
                      {u"Read only"_s, {u"assets:read"_s}},
                      ExportSecret::present(u"hawk-key-1"_s)});
    data.keys.append({u"lk_old"_s,
                      u"Legacy feed"_s,
                      {u"Read only"_s, {u"assets:read"_s}},
                      ExportSecret::missing(u"not in the keychain"_s)});

    ExportedConsumer erp;
    erp.clientId = u"cid-erp"_s;
    erp.name = u"ERP Sync"_s;
    erp.group = {u"Maintenance"_s, {u"assets:read"_s, u"assets:write"_s}};
    erp.clientSecret = ExportSecret::present(u"erp-secret"_s);
    data.consumers.append(erp);

    ExportedConsumer agil;
    agil.clientId = u"cid-agil"_s;
    agil.name = u"Integração Ágil"_s;
    agil.group = {u"Maintenance"_s, {u"assets:read"_s, u"assets:write"_s}};
    agil.grantType = GrantType::AuthorizationCode;
    agil.redirectUris = {u"https://agil.example/cb"_s};
    agil.clientSecret = ExportSecret::missing(u"not in the keychain"_s);
    data.consumers.append(agil);

    ExportedConsumer portal;
    portal.clientId = u"cid-portal"_s;
    portal.name = u"Portal"_s;
    portal.group = {u"Read only"_s, {u"assets:read"_s}};
    portal.grantType = GrantType::AuthorizationCode;
    portal.clientType = ClientType::Public;
    portal.redirectUris = {u"http://127.0.0.1/cb"_s, u"https://portal.example/cb"_s};
    portal.clientSecret = ExportSecret::notIssued();
    data.consumers.append(portal);
    return data;
}

ExportedConsumer consumerNamed(const QString &name, const QString &clientId)
{
    ExportedConsumer consumer;
    consumer.name = name;
    consumer.clientId = clientId;
    consumer.group = {u"Read only"_s, {u"assets:read"_s}};
    consumer.clientSecret = ExportSecret::present(u"secret-"_s + clientId);
    return consumer;
}

const QString dotenvAssignments = uR"(LATCHKEY_BASE_URL='https://latchkey.example'
LATCHKEY_TOKEN_URL='https://latchkey.example/oauth/token'
LATCHKEY_AUTHORIZE_URL='https://latchkey.example/oauth/authorize'

# API key "Warehouse", Hawk sha256, group "Read only", scopes: assets:read
WAREHOUSE_HAWK_ID='lk_wh1'
WAREHOUSE_HAWK_KEY='hawk-key-1'

# API key "Legacy feed", Hawk sha256, group "Read only", scopes: assets:read
LEGACY_FEED_HAWK_ID='lk_old'
# LEGACY_FEED_HAWK_KEY is missing: not in the keychain; rotate the secret to get a new one

# consumer "ERP Sync", client_credentials, confidential, group "Maintenance", scopes: assets:read assets:write
ERP_SYNC_CLIENT_ID='cid-erp'
ERP_SYNC_CLIENT_SECRET='erp-secret'

# consumer "Integração Ágil", authorization_code, confidential, group "Maintenance", scopes: assets:read assets:write
# redirect URIs: "https://agil.example/cb"
INTEGRACAO_AGIL_CLIENT_ID='cid-agil'
# INTEGRACAO_AGIL_CLIENT_SECRET is missing: not in the keychain; rotate the secret to get a new one

# consumer "Portal", authorization_code, public, group "Read only", scopes: assets:read
# redirect URIs: "http://127.0.0.1/cb", "https://portal.example/cb"
PORTAL_CLIENT_ID='cid-portal'
# PORTAL_CLIENT_SECRET is not set: a public client has no secret; it uses PKCE
)"_s;

// The error of a failed result, for QVERIFY2, which evaluates its message whatever the outcome.
template<typename T>
QByteArray why(const Result<T> &result)
{
    return result.ok() ? QByteArray() : result.error().toText().toUtf8();
}

QJsonObject parseJson(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("not JSON: %s", qPrintable(error.errorString()));
    return document.object();
}

// Sources `script` in sh and prints the named variables, one per line, each as "NAME=value|".
QByteArray sourceInSh(const QByteArray &script, const QStringList &names)
{
    QTemporaryFile file;
    if (!file.open())
        return "cannot create a temporary file";
    file.write(script);
    file.close();
    QString print;
    for (const QString &name : names)
        print += u"printf '%s=%s|\\n' "_s + name + u" \"$"_s + name + u"\"; "_s;
    QProcess sh;
    sh.start(u"sh"_s, {u"-c"_s, u". \"$1\"; "_s + print, u"sh"_s, file.fileName()});
    if (!sh.waitForFinished(30000) || sh.exitCode() != 0)
        return "sh failed: " + sh.readAllStandardError();
    return sh.readAllStandardOutput();
}

} // namespace

class TestExports final : public QObject
{
    Q_OBJECT

private slots:
    void variableStems_data();
    void variableStems();
    void variablesOfAnExport();
    void sameNamesAreAnError_data();
    void sameNamesAreAnError();
    void nameWithoutLettersIsAnError();
    void keyAndConsumerMayShareAName();

    void dotenvContent();
    void jsonContent();
    void postmanContent();
    void curlScriptContent();
    void missingSecretIsNeverAnEmptyValue_data();
    void missingSecretIsNeverAnEmptyValue();
    void everyFormatUsesTheSameNames_data();
    void everyFormatUsesTheSameNames();

    void shellQuotingSurvivesSh_data();
    void shellQuotingSurvivesSh();
    void emptySecretIsMissing();
    void namesCannotBreakOutOfComments();
    void formatNames();

    void jsonReadsBack();
    void dotenvReadsBack();
    void dotenvReaderAcceptsHandEditedFiles();
    void importRejects_data();
    void importRejects();
    void plainFilesNeedNoPassphrase();
};

void TestExports::variableStems_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("stem");

    QTest::newRow("words") << u"ERP Sync"_s << u"ERP_SYNC"_s;
    QTest::newRow("accents folded") << u"Integração Ágil"_s << u"INTEGRACAO_AGIL"_s;
    QTest::newRow("dashes") << u"erp-sync"_s << u"ERP_SYNC"_s;
    QTest::newRow("underscores are other characters") << u"erp__sync--2"_s << u"ERP_SYNC_2"_s;
    QTest::newRow("runs become one _") << u"ERP  -  Sync"_s << u"ERP_SYNC"_s;
    QTest::newRow("no _ at the ends") << u"  (Legacy) ERP! "_s << u"LEGACY_ERP"_s;
    QTest::newRow("leading digit") << u"3PL partner"_s << u"_3PL_PARTNER"_s;
    QTest::newRow("digits only") << u"2024"_s << u"_2024"_s;
    QTest::newRow("digit after folding") << u"¹st feed"_s << u"_1ST_FEED"_s;
    QTest::newRow("French") << u"Crème brûlée v2"_s << u"CREME_BRULEE_V2"_s;
    QTest::newRow("Spanish") << u"Ñandú"_s << u"NANDU"_s;
    QTest::newRow("sharp s") << u"Straße"_s << u"STRASSE"_s;
    QTest::newRow("Nordic") << u"Øresund Æbler"_s << u"ORESUND_AEBLER"_s;
    QTest::newRow("Polish") << u"Łódź"_s << u"LODZ"_s;
    QTest::newRow("Turkish dotted I") << u"İstanbul"_s << u"ISTANBUL"_s;
    QTest::newRow("ligature") << u"ﬁnance"_s << u"FINANCE"_s;
    QTest::newRow("full width") << u"Ｗｅｂ"_s << u"WEB"_s;
    QTest::newRow("other scripts drop out") << u"日本 ERP"_s << u"ERP"_s;
    QTest::newRow("emoji") << u"🔑 Keys"_s << u"KEYS"_s;
    QTest::newRow("nothing to keep") << u"日本語"_s << QString();
    QTest::newRow("punctuation only") << u"!!!"_s << QString();
}

void TestExports::variableStems()
{
    QFETCH(QString, name);
    QFETCH(QString, stem);
    QCOMPARE(variableStem(name), stem);
}

void TestExports::variablesOfAnExport()
{
    const auto variables = exportVariables(fixture());
    QVERIFY2(variables.ok(), why(variables).constData());
    QStringList names;
    QStringList secrets;
    for (const ExportVariable &variable : variables.value()) {
        names.append(variable.name);
        if (variable.isSecret())
            secrets.append(variable.name);
    }
    QCOMPARE(names, (QStringList{u"LATCHKEY_BASE_URL"_s, u"LATCHKEY_TOKEN_URL"_s,
                                 u"LATCHKEY_AUTHORIZE_URL"_s, u"WAREHOUSE_HAWK_ID"_s,
                                 u"WAREHOUSE_HAWK_KEY"_s, u"LEGACY_FEED_HAWK_ID"_s,
                                 u"LEGACY_FEED_HAWK_KEY"_s, u"ERP_SYNC_CLIENT_ID"_s,
                                 u"ERP_SYNC_CLIENT_SECRET"_s, u"INTEGRACAO_AGIL_CLIENT_ID"_s,
                                 u"INTEGRACAO_AGIL_CLIENT_SECRET"_s, u"PORTAL_CLIENT_ID"_s,
                                 u"PORTAL_CLIENT_SECRET"_s}));
    QCOMPARE(secrets, (QStringList{u"WAREHOUSE_HAWK_KEY"_s, u"LEGACY_FEED_HAWK_KEY"_s,
                                   u"ERP_SYNC_CLIENT_SECRET"_s, u"INTEGRACAO_AGIL_CLIENT_SECRET"_s,
                                   u"PORTAL_CLIENT_SECRET"_s}));
    const ExportVariable &legacy = variables.value().at(6);
    QCOMPARE(legacy.value.state(), ExportSecret::State::Missing);
    QCOMPARE(legacy.value.missingReason(), u"not in the keychain"_s);
    QCOMPARE(legacy.value.value(), QString());
    QCOMPARE(variables.value().at(12).value.state(), ExportSecret::State::NotIssued);
    QCOMPARE(variables.value().at(8).value.value(), u"erp-secret"_s);
}

// Two items that would share variables are refused, in every format: a numeric suffix would
// depend on the selection's order, and nobody could tell which secret is which.
void TestExports::sameNamesAreAnError_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::newRow("env") << ExportFormat::Dotenv;
    QTest::newRow("json") << ExportFormat::Json;
    QTest::newRow("postman") << ExportFormat::Postman;
    QTest::newRow("curl") << ExportFormat::Curl;
}

void TestExports::sameNamesAreAnError()
{
    QFETCH(ExportFormat, format);
    CredentialExport data = fixture();
    data.consumers.append(consumerNamed(u"erp-sync"_s, u"cid-other"_s));

    const Result<QByteArray> rendered = renderExport(data, format);
    QVERIFY(!rendered.ok());
    QCOMPARE(rendered.error().kind, Error::Kind::Usage);
    QCOMPARE(rendered.error().message,
             u"The consumer “ERP Sync” and the consumer “erp-sync” would both be exported as "
             u"ERP_SYNC_CLIENT_ID."_s);
    QCOMPARE(rendered.error().hint, u"Rename one of them, or export them separately."_s);

    data.consumers.removeLast();
    data.keys.append({u"lk_dup"_s, u"WAREHOUSE"_s, {}, ExportSecret::present(u"k"_s)});
    const Result<QByteArray> keys = renderExport(data, format);
    QVERIFY(!keys.ok());
    QCOMPARE(keys.error().message, u"The API key “Warehouse” and the API key “WAREHOUSE” would "
                                   u"both be exported as WAREHOUSE_HAWK_ID."_s);
}

void TestExports::nameWithoutLettersIsAnError()
{
    CredentialExport data = fixture();
    data.consumers.append(consumerNamed(u"日本語"_s, u"cid-jp"_s));
    const Result<QByteArray> rendered = toDotenv(data);
    QVERIFY(!rendered.ok());
    QCOMPARE(rendered.error().kind, Error::Kind::Usage);
    QCOMPARE(rendered.error().message,
             u"The consumer “日本語” has no letter or digit to name its variables after."_s);
    QCOMPARE(rendered.error().hint, u"Rename it, then export again."_s);
}

void TestExports::keyAndConsumerMayShareAName()
{
    CredentialExport data = CredentialExport::forAccount(QUrl(u"http://127.0.0.1:9"_s));
    data.keys.append({u"lk_1"_s, u"ERP Sync"_s, {}, ExportSecret::present(u"k"_s)});
    data.consumers.append(consumerNamed(u"ERP Sync"_s, u"cid-1"_s));
    const Result<QByteArray> rendered = toDotenv(data);
    QVERIFY2(rendered.ok(), why(rendered).constData());
    const QString text = QString::fromUtf8(rendered.value());
    QVERIFY(text.contains(u"\nERP_SYNC_HAWK_ID='lk_1'\nERP_SYNC_HAWK_KEY='k'\n"_s));
    QVERIFY(
        text.contains(u"\nERP_SYNC_CLIENT_ID='cid-1'\nERP_SYNC_CLIENT_SECRET='secret-cid-1'\n"_s));
    // and they come back apart
    const auto back = parseExport(rendered.value());
    QVERIFY2(back.ok(), why(back).constData());
    QCOMPARE(back.value().keys.size(), 1);
    QCOMPARE(back.value().consumers.size(), 1);
    QCOMPARE(back.value().keys.first().id, u"lk_1"_s);
    QCOMPARE(back.value().consumers.first().clientId, u"cid-1"_s);
}

void TestExports::dotenvContent()
{
    const Result<QByteArray> rendered = toDotenv(fixture());
    QVERIFY2(rendered.ok(), why(rendered).constData());
    const QString expected =
        u"# Latchkey credentials of \"Acme production\" for https://latchkey.example\n"
        u"# It holds secrets: keep it private (mode 0600) and out of version control.\n"_s +
        dotenvAssignments;
    QCOMPARE(QString::fromUtf8(rendered.value()), expected);
}

void TestExports::jsonContent()
{
    const Result<QByteArray> rendered = toJson(fixture());
    QVERIFY2(rendered.ok(), why(rendered).constData());
    const QJsonObject expected = parseJson(R"({
  "format": "latchkey-export",
  "version": 1,
  "label": "Acme production",
  "base_url": "https://latchkey.example",
  "token_url": "https://latchkey.example/oauth/token",
  "authorize_url": "https://latchkey.example/oauth/authorize",
  "variables": {"base_url": "LATCHKEY_BASE_URL", "token_url": "LATCHKEY_TOKEN_URL",
                "authorize_url": "LATCHKEY_AUTHORIZE_URL"},
  "api_keys": [
    {"name": "Warehouse", "id": "lk_wh1", "algorithm": "sha256", "secret": "hawk-key-1",
     "permission_group": {"name": "Read only", "scopes": ["assets:read"]},
     "variables": {"id": "WAREHOUSE_HAWK_ID", "key": "WAREHOUSE_HAWK_KEY"}},
    {"name": "Legacy feed", "id": "lk_old", "algorithm": "sha256",
     "secret": null, "secret_missing": "not in the keychain",
     "permission_group": {"name": "Read only", "scopes": ["assets:read"]},
     "variables": {"id": "LEGACY_FEED_HAWK_ID", "key": "LEGACY_FEED_HAWK_KEY"}}
  ],
  "consumers": [
    {"name": "ERP Sync", "client_id": "cid-erp", "client_type": "confidential",
     "grant_type": "client_credentials", "redirect_uris": [], "client_secret": "erp-secret",
     "permission_group": {"name": "Maintenance", "scopes": ["assets:read", "assets:write"]},
     "variables": {"client_id": "ERP_SYNC_CLIENT_ID", "client_secret": "ERP_SYNC_CLIENT_SECRET"}},
    {"name": "Integração Ágil", "client_id": "cid-agil", "client_type": "confidential",
     "grant_type": "authorization_code", "redirect_uris": ["https://agil.example/cb"],
     "client_secret": null, "client_secret_missing": "not in the keychain",
     "permission_group": {"name": "Maintenance", "scopes": ["assets:read", "assets:write"]},
     "variables": {"client_id": "INTEGRACAO_AGIL_CLIENT_ID",
                   "client_secret": "INTEGRACAO_AGIL_CLIENT_SECRET"}},
    {"name": "Portal", "client_id": "cid-portal", "client_type": "public",
     "grant_type": "authorization_code",
     "redirect_uris": ["http://127.0.0.1/cb", "https://portal.example/cb"],
     "client_secret": null,
     "permission_group": {"name": "Read only", "scopes": ["assets:read"]},
     "variables": {"client_id": "PORTAL_CLIENT_ID", "client_secret": "PORTAL_CLIENT_SECRET"}}
  ]
})");
    QVERIFY(!expected.isEmpty());
    QCOMPARE(parseJson(rendered.value()), expected);
    QVERIFY2(rendered.value().startsWith("{\n    \""), "indented for people to read");
}

void TestExports::postmanContent()
{
    const Result<QByteArray> rendered = toPostmanEnvironment(fixture());
    QVERIFY2(rendered.ok(), why(rendered).constData());
    QJsonObject actual = parseJson(rendered.value());
    const QString id = actual.take(u"id"_s).toString();
    QVERIFY2(QUuid::fromString(id).version() == QUuid::Sha1, qPrintable(id));
    const QJsonObject expected = parseJson(R"({
  "name": "Latchkey: Acme production",
  "_postman_variable_scope": "environment",
  "values": [
    {"key": "LATCHKEY_BASE_URL", "value": "https://latchkey.example", "type": "default", "enabled": true},
    {"key": "LATCHKEY_TOKEN_URL", "value": "https://latchkey.example/oauth/token", "type": "default", "enabled": true},
    {"key": "LATCHKEY_AUTHORIZE_URL", "value": "https://latchkey.example/oauth/authorize", "type": "default", "enabled": true},
    {"key": "WAREHOUSE_HAWK_ID", "value": "lk_wh1", "type": "default", "enabled": true},
    {"key": "WAREHOUSE_HAWK_KEY", "value": "hawk-key-1", "type": "secret", "enabled": true},
    {"key": "LEGACY_FEED_HAWK_ID", "value": "lk_old", "type": "default", "enabled": true},
    {"key": "LEGACY_FEED_HAWK_KEY", "value": "MISSING: not in the keychain; rotate the secret to get a new one", "type": "default", "enabled": false},
    {"key": "ERP_SYNC_CLIENT_ID", "value": "cid-erp", "type": "default", "enabled": true},
    {"key": "ERP_SYNC_CLIENT_SECRET", "value": "erp-secret", "type": "secret", "enabled": true},
    {"key": "INTEGRACAO_AGIL_CLIENT_ID", "value": "cid-agil", "type": "default", "enabled": true},
    {"key": "INTEGRACAO_AGIL_CLIENT_SECRET", "value": "MISSING: not in the keychain; rotate the secret to get a new one", "type": "default", "enabled": false},
    {"key": "PORTAL_CLIENT_ID", "value": "cid-portal", "type": "default", "enabled": true},
    {"key": "PORTAL_CLIENT_SECRET", "value": "NONE: a public client has no secret; it uses PKCE", "type": "default", "enabled": false}
  ]
})");
    QVERIFY(!expected.isEmpty());
    QCOMPARE(actual, expected);

    // The id is stable for an account, and another account gets another.
    QCOMPARE(parseJson(toPostmanEnvironment(fixture()).value())[u"id"_s].toString(), id);
    CredentialExport other = fixture();
    other.baseUrl = QUrl(u"https://staging.latchkey.example"_s);
    QVERIFY(parseJson(toPostmanEnvironment(other).value())[u"id"_s].toString() != id);
    // Without a label, the environment is named by the server.
    other.label.clear();
    QCOMPARE(parseJson(toPostmanEnvironment(other).value())[u"name"_s].toString(),
             u"Latchkey: staging.latchkey.example"_s);
}

void TestExports::curlScriptContent()
{
    const Result<QByteArray> rendered = toCurlScript(fixture());
    QVERIFY2(rendered.ok(), why(rendered).constData());
    QString exported = dotenvAssignments;
    exported.replace(QRegularExpression(u"^([A-Z])"_s, QRegularExpression::MultilineOption),
                     u"export \\1"_s);
    const QString head = uR"sh(#!/bin/sh
# Latchkey credentials and example requests of "Acme production" for https://latchkey.example
# It holds secrets: keep it private (mode 0600) and out of version control.
# Run it with sh: each consumer with client credentials gets a token and calls whoami.
set -eu
)sh"_s;
    const QString requests = uR"sh(
# API key "Warehouse": Hawk signs every request with the key (HMAC-SHA256 over the method,
# path, host, port and time), which curl cannot do by itself. Try it with:
#   latchkeyctl keys test "$WAREHOUSE_HAWK_ID"
printf '%s\n' '== Warehouse: Hawk requests must be signed; try: latchkeyctl keys test lk_wh1' >&2

# API key "Legacy feed": its key is missing, so nothing can sign for it; rotate the secret to get a new one.
printf '%s\n' '== Legacy feed: skipped, its Hawk key is missing' >&2

# consumer "ERP Sync": a client-credentials token, then whoami with it.
printf '%s\n' '== ERP Sync: client credentials, then whoami' >&2
token=$(curl -fsS -u "$ERP_SYNC_CLIENT_ID:$ERP_SYNC_CLIENT_SECRET" -d grant_type=client_credentials "$LATCHKEY_TOKEN_URL" |
    sed -n 's/.*"access_token" *: *"\([^"]*\)".*/\1/p')
test -n "$token" || { printf '%s\n' 'no access token for ERP Sync' >&2; exit 1; }
curl -fsS -w '\n' -H "Authorization: Bearer $token" "$LATCHKEY_BASE_URL/api/v2/whoami"

# consumer "Integração Ágil": the authorization code flow needs a browser and a user; try it in
# Latchkey's flow tester. It starts at $LATCHKEY_AUTHORIZE_URL with client_id=$INTEGRACAO_AGIL_CLIENT_ID.
printf '%s\n' '== Integração Ágil: authorization code, try it in Latchkey'\''s flow tester' >&2

# consumer "Portal": the authorization code flow needs a browser and a user; try it in
# Latchkey's flow tester. It starts at $LATCHKEY_AUTHORIZE_URL with client_id=$PORTAL_CLIENT_ID.
printf '%s\n' '== Portal: authorization code, try it in Latchkey'\''s flow tester' >&2
)sh"_s;
    QCOMPARE(QString::fromUtf8(rendered.value()), head + exported + requests);

    // It is a valid sh script.
    QTemporaryFile file;
    QVERIFY(file.open());
    file.write(rendered.value());
    file.close();
    QProcess sh;
    sh.start(u"sh"_s, {u"-n"_s, file.fileName()});
    QVERIFY(sh.waitForFinished(30000));
    QVERIFY2(sh.exitCode() == 0, sh.readAllStandardError().constData());
}

void TestExports::missingSecretIsNeverAnEmptyValue_data()
{
    sameNamesAreAnError_data();
}

void TestExports::missingSecretIsNeverAnEmptyValue()
{
    QFETCH(ExportFormat, format);
    const Result<QByteArray> rendered = renderExport(fixture(), format);
    QVERIFY2(rendered.ok(), why(rendered).constData());
    const QString text = QString::fromUtf8(rendered.value());
    for (const QString &name : {u"LEGACY_FEED_HAWK_KEY"_s, u"INTEGRACAO_AGIL_CLIENT_SECRET"_s,
                                u"PORTAL_CLIENT_SECRET"_s}) {
        // No assignment of an empty or blank value, in any spelling.
        const QRegularExpression empty(QRegularExpression::escape(name) +
                                           uR"((=(''|""|\s*$)|"\s*:\s*""|"value"\s*:\s*""))"_s,
                                       QRegularExpression::MultilineOption);
        QVERIFY2(!empty.match(text).hasMatch(), qPrintable(name));
        QVERIFY2(!text.contains(QRegularExpression(u"^(export )?"_s + name + u"="_s,
                                                   QRegularExpression::MultilineOption)),
                 qPrintable(name + u" is assigned"_s));
    }
    switch (format) {
    case ExportFormat::Dotenv:
    case ExportFormat::Curl:
        QVERIFY(text.contains(u"\n# INTEGRACAO_AGIL_CLIENT_SECRET is missing: not in the keychain; "
                              u"rotate the secret to get a new one\n"_s));
        break;
    case ExportFormat::Json: {
        const QJsonObject agil = parseJson(rendered.value())[u"consumers"_s][1].toObject();
        QVERIFY(agil[u"client_secret"_s].isNull());
        QCOMPARE(agil[u"client_secret_missing"_s].toString(), u"not in the keychain"_s);
        break;
    }
    case ExportFormat::Postman: {
        const QJsonObject agil = parseJson(rendered.value())[u"values"_s][10].toObject();
        QCOMPARE(agil[u"key"_s].toString(), u"INTEGRACAO_AGIL_CLIENT_SECRET"_s);
        QCOMPARE(agil[u"enabled"_s].toBool(true), false);
        QVERIFY(agil[u"value"_s].toString().startsWith(u"MISSING: not in the keychain"_s));
        break;
    }
    }
}

void TestExports::everyFormatUsesTheSameNames_data()
{
    sameNamesAreAnError_data();
}

void TestExports::everyFormatUsesTheSameNames()
{
    QFETCH(ExportFormat, format);
    const Result<QByteArray> rendered = renderExport(fixture(), format);
    QVERIFY2(rendered.ok(), why(rendered).constData());
    const QString text = QString::fromUtf8(rendered.value());
    const auto variables = exportVariables(fixture());
    QVERIFY2(variables.ok(), why(variables).constData());
    for (const ExportVariable &variable : variables.value())
        QVERIFY2(text.contains(variable.name), qPrintable(variable.name));
}

void TestExports::shellQuotingSurvivesSh_data()
{
    QTest::addColumn<QString>("value");
    QTest::newRow("plain") << u"abc-DEF_123"_s;
    QTest::newRow("single quote") << u"it's"_s;
    QTest::newRow("only quotes") << u"'''"_s;
    QTest::newRow("command substitution") << u"$(touch /tmp/latchkey-pwned) `id`"_s;
    QTest::newRow("variables") << u"$HOME ${PATH}"_s;
    QTest::newRow("backslashes and double quotes") << u"a\\b\"c\\\\"_s;
    QTest::newRow("spaces and semicolons") << u"  a; b && c  "_s;
    QTest::newRow("UTF-8") << u"ção ✓"_s;
}

void TestExports::shellQuotingSurvivesSh()
{
    QFETCH(QString, value);
    CredentialExport data = CredentialExport::forAccount(QUrl(u"http://127.0.0.1:9"_s));
    data.consumers.append(consumerNamed(u"Odd"_s, u"cid"_s));
    data.consumers.first().clientSecret = ExportSecret::present(value);

    for (const ExportFormat format : {ExportFormat::Dotenv, ExportFormat::Curl}) {
        QByteArray script = renderExport(data, format).value();
        if (format == ExportFormat::Curl) // only the assignments
            script = script.left(script.indexOf("\n# consumer \"Odd\":"));
        const QByteArray printed = sourceInSh(script, {u"ODD_CLIENT_SECRET"_s});
        QCOMPARE(QString::fromUtf8(printed), u"ODD_CLIENT_SECRET="_s + value + u"|\n"_s);
    }
    QVERIFY(!QFile::exists(u"/tmp/latchkey-pwned"_s));

    // and the reader reads them as sh does
    const auto back = parseExport(toDotenv(data).value());
    QVERIFY2(back.ok(), why(back).constData());
    QCOMPARE(back.value().consumers.first().clientSecret.value(), value);
}

// An empty secret would look like a real one: it is a missing one.
void TestExports::emptySecretIsMissing()
{
    const ExportSecret empty = ExportSecret::present(QString());
    QCOMPARE(empty.state(), ExportSecret::State::Missing);
    QCOMPARE(empty.missingReason(), u"the stored secret is empty"_s);
    CredentialExport data = CredentialExport::forAccount(QUrl(u"http://127.0.0.1:9"_s));
    data.consumers.append(consumerNamed(u"Odd"_s, u"cid"_s));
    data.consumers.first().clientSecret = empty;
    QVERIFY(toDotenv(data).value().endsWith(
        "\n# ODD_CLIENT_SECRET is missing: the stored secret is empty; rotate the secret to get "
        "a new one\n"));
    // and an empty one in a file reads as missing too
    const auto back =
        parseExport("LATCHKEY_BASE_URL=http://x\nODD_CLIENT_ID=a\nODD_CLIENT_SECRET=''\n");
    QVERIFY2(back.ok(), why(back).constData());
    QCOMPARE(back.value().consumers.first().clientSecret, empty);
}

// A name is the admin's free text; in a comment it must not start a line of its own.
void TestExports::namesCannotBreakOutOfComments()
{
    CredentialExport data = CredentialExport::forAccount(QUrl(u"http://127.0.0.1:9"_s));
    const QString evil = u"Evil\nLATCHKEY_BASE_URL='http://evil.example'\r\u2028x\"y\\z"_s;
    data.label = evil;
    data.consumers.append(consumerNamed(evil, u"cid-evil"_s));
    data.consumers.first().group.name = evil;
    data.consumers.first().group.scopes = {u"a\nLATCHKEY_TOKEN_URL=x"_s};
    data.consumers.first().redirectUris = {u"http://127.0.0.1/cb\nLATCHKEY_AUTHORIZE_URL=x"_s};
    // no requests in the curl script: it only prints
    data.consumers.first().grantType = GrantType::AuthorizationCode;

    for (const ExportFormat format : {ExportFormat::Dotenv, ExportFormat::Curl}) {
        const QByteArray printed = sourceInSh(
            renderExport(data, format).value(),
            {u"LATCHKEY_BASE_URL"_s, u"LATCHKEY_TOKEN_URL"_s, u"LATCHKEY_AUTHORIZE_URL"_s,
             u"EVIL_LATCHKEY_BASE_URL_HTTP_EVIL_EXAMPLE_X_Y_Z_CLIENT_ID"_s});
        QCOMPARE(printed, "LATCHKEY_BASE_URL=http://127.0.0.1:9|\n"
                          "LATCHKEY_TOKEN_URL=http://127.0.0.1:9/oauth/token|\n"
                          "LATCHKEY_AUTHORIZE_URL=http://127.0.0.1:9/oauth/authorize|\n"
                          "EVIL_LATCHKEY_BASE_URL_HTTP_EVIL_EXAMPLE_X_Y_Z_CLIENT_ID=cid-evil|\n");
    }
    const QByteArray dotenv = toDotenv(data).value();
    for (const QByteArray &line : dotenv.split('\n')) {
        QVERIFY2(line.isEmpty() || line.startsWith('#') || line.contains("='"), line.constData());
        QVERIFY2(!line.contains('\r'), line.constData());
    }

    // The reader gets the name back exactly.
    const auto back = parseExport(dotenv);
    QVERIFY2(back.ok(), why(back).constData());
    QCOMPARE(back.value().label, evil);
    QCOMPARE(back.value().consumers.first().name, evil);
    QCOMPARE(back.value().consumers.first().group.name, evil);
}

void TestExports::formatNames()
{
    for (const ExportFormat format :
         {ExportFormat::Dotenv, ExportFormat::Json, ExportFormat::Postman, ExportFormat::Curl})
        QVERIFY(exportFormatFromString(toString(format)) == format);
    QCOMPARE(toString(ExportFormat::Dotenv), u"env"_s);
    QVERIFY(exportFormatFromString(u"dotenv") == ExportFormat::Dotenv);
    QVERIFY(!exportFormatFromString(u"yaml").has_value());
    QCOMPARE(fileSuffix(ExportFormat::Postman), u".postman_environment.json"_s);
    QCOMPARE(fileSuffix(ExportFormat::Curl), u".sh"_s);
}

void TestExports::jsonReadsBack()
{
    const auto back = parseExport(toJson(fixture()).value());
    QVERIFY2(back.ok(), why(back).constData());
    QCOMPARE(back.value(), fixture());
    QCOMPARE(back.value().consumers.at(1).clientSecret.missingReason(), u"not in the keychain"_s);
    QCOMPARE(back.value().consumers.at(2).clientSecret.state(), ExportSecret::State::NotIssued);
}

void TestExports::dotenvReadsBack()
{
    const auto back = parseExport(toDotenv(fixture()).value());
    QVERIFY2(back.ok(), why(back).constData());
    const CredentialExport &data = back.value();
    QCOMPARE(data.label, u"Acme production"_s);
    QCOMPARE(data.baseUrl, QUrl(u"https://latchkey.example"_s));
    QCOMPARE(data.keys, fixture().keys);
    QCOMPARE(data.consumers.at(0), fixture().consumers.at(0));
    QCOMPARE(data.consumers.at(1), fixture().consumers.at(1));
    QCOMPARE(data.consumers.at(2), fixture().consumers.at(2));
    QCOMPARE(data, fixture());
}

// What a person might do to a dotenv file: export prefixes, other quoting, CRLF, their own
// variables and comments, a BOM; the items keep their stems as names when comments are gone.
void TestExports::dotenvReaderAcceptsHandEditedFiles()
{
    const QByteArray file = "\xEF\xBB\xBF# my notes\r\n"
                            "export LATCHKEY_BASE_URL=http://127.0.0.1:8080/\r\n"
                            "MY_OWN_SETTING=\"whatever\"  # mine\r\n"
                            "\r\n"
                            "ERP_SYNC_CLIENT_ID = \"cid-1\"\r\n"
                            "ERP_SYNC_CLIENT_SECRET=\"a\\\"b\"'c'\\ d\r\n"
                            "WAREHOUSE_HAWK_ID=lk_1\r\n";
    const auto back = parseExport(file);
    QVERIFY2(back.ok(), why(back).constData());
    const CredentialExport &data = back.value();
    QCOMPARE(data.baseUrl, QUrl(u"http://127.0.0.1:8080"_s));
    QCOMPARE(data.tokenUrl, QUrl(u"http://127.0.0.1:8080/oauth/token"_s));
    QCOMPARE(data.consumers.size(), 1);
    QCOMPARE(data.consumers.first().name, u"ERP_SYNC"_s);
    QCOMPARE(data.consumers.first().clientId, u"cid-1"_s);
    QCOMPARE(data.consumers.first().clientSecret, ExportSecret::present(u"a\"bc d"_s));
    QCOMPARE(data.keys.size(), 1);
    QCOMPARE(data.keys.first().id, u"lk_1"_s);
    QCOMPARE(data.keys.first().secret, ExportSecret::missing(u"not in the export"_s));
}

void TestExports::importRejects_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<Error::Kind>("kind");
    QTest::addColumn<QString>("message");

    const auto notExport = Error::Kind::Usage;
    const auto damaged = Error::Kind::Storage;
    QTest::newRow("empty") << QByteArray() << notExport
                           << u"This is not a Latchkey export: it is empty."_s;
    QTest::newRow("blank") << "\n \n"_ba << notExport
                           << u"This is not a Latchkey export: it is empty."_s;
    QTest::newRow("binary") << "\x89PNG\r\n\x1a\n\0\0"_ba << notExport
                            << u"This is not a Latchkey export: it is not text."_s;
    QTest::newRow("not UTF-8") << "A=\xff\xfe"_ba << notExport
                               << u"This is not a Latchkey export: it is not UTF-8 text."_s;
    QTest::newRow("prose") << "Dear integrator,\nhere are your keys.\n"_ba << notExport
                           << u"This is not a Latchkey export: line 1 is neither a comment nor "
                              u"NAME=value."_s;
    QTest::newRow("other dotenv") << "DATABASE_URL=postgres://x\n"_ba << notExport
                                  << u"This is not a Latchkey export: it has no "
                                     u"LATCHKEY_BASE_URL."_s;
    QTest::newRow("other JSON") << R"({"name": "package", "version": "1.0.0"})"_ba << notExport
                                << u"This is not a Latchkey export: it is JSON without "
                                   u"\"format\": \"latchkey-export\"."_s;
    QTest::newRow("JSON array") << "[1, 2]"_ba << notExport
                                << u"This is not a Latchkey export: it is JSON, but not an "
                                   u"object."_s;
    QTest::newRow("Postman environment")
        << toPostmanEnvironment(fixture()).value() << notExport
        << u"This is not a Latchkey export: it is a Postman environment, which holds only the "
           u"variables."_s;
    QTest::newRow("newer version")
        << R"({"format": "latchkey-export", "version": 2})"_ba << notExport
        << u"This is not a Latchkey export: it was made by a newer Latchkey (export version 2)."_s;
    QTest::newRow("truncated JSON")
        << toJson(fixture()).value().left(200) << damaged
        << u"The export is damaged: its JSON breaks off or is malformed at character"_s;
    QTest::newRow("no version") << R"({"format": "latchkey-export"})"_ba << damaged
                                << u"The export is damaged: its version is not a whole number."_s;
    QTest::newRow("no base URL")
        << R"({"format": "latchkey-export", "version": 1, "token_url": "http://x/t",
               "authorize_url": "http://x/a"})"_ba
        << damaged << u"The export is damaged: base_url is missing."_s;
    QByteArray json = toJson(fixture()).value();
    QTest::newRow("consumer without client_id")
        << QByteArray(json).replace("\"client_id\": \"cid-agil\",", "") << damaged
        << u"The export is damaged: consumers[1].client_id is missing."_s;
    QTest::newRow("unknown grant")
        << QByteArray(json).replace("\"client_credentials\"", "\"password\"") << damaged
        << u"The export is damaged: consumers[0].grant_type is not one Latchkey knows."_s;
    QTest::newRow("secret of the wrong type")
        << QByteArray(json).replace("\"hawk-key-1\"", "42") << damaged
        << u"The export is damaged: api_keys[0].secret is neither a secret nor null."_s;
    QTest::newRow("bad base URL in JSON")
        << QByteArray(json).replace("\"https://latchkey.example\"", "\"not a url\"") << damaged
        << u"The export is damaged: base_url is not a URL."_s;
    const QByteArray dotenv = toDotenv(fixture()).value();
    QTest::newRow("unclosed quote")
        << QByteArray(dotenv).replace("'erp-secret'", "'erp-secret") << damaged
        << u"The export is damaged: the value of ERP_SYNC_CLIENT_SECRET on line 17 does not "
           u"parse (an unclosed quote?)."_s;
    QTest::newRow("garbage line")
        << QByteArray(dotenv).replace("\nERP_SYNC_CLIENT_ID=", "\nERP_SYNC_CLIENT_ID ") << damaged
        << u"The export is damaged: line 16 is neither a comment nor NAME=value."_s;
    QTest::newRow("secret without its id")
        << QByteArray(dotenv).replace("ERP_SYNC_CLIENT_ID='cid-erp'\n", "") << damaged
        << u"The export is damaged: ERP_SYNC_CLIENT_SECRET has no ERP_SYNC_CLIENT_ID."_s;
    QTest::newRow("bad base URL in dotenv")
        << QByteArray(dotenv).replace("'https://latchkey.example'", "'::'") << damaged
        << u"The export is damaged: LATCHKEY_BASE_URL is not a URL."_s;
}

void TestExports::importRejects()
{
    QFETCH(QByteArray, file);
    QFETCH(Error::Kind, kind);
    QFETCH(QString, message);

    int asked = 0;
    const auto result = importExport(file, [&asked] {
        ++asked;
        return std::optional<QByteArray>("x");
    });
    QVERIFY(!result.ok());
    QVERIFY2(result.error().message.startsWith(message), qPrintable(result.error().message));
    QCOMPARE(result.error().kind, kind);
    QVERIFY(!result.error().hint.isEmpty());
    QCOMPARE(asked, 0);
    // No secret of the file in what the user sees.
    for (const char *secret : {"hawk-key-1", "erp-secret"})
        QVERIFY(!result.error().toText().contains(QLatin1StringView(secret)));
}

void TestExports::plainFilesNeedNoPassphrase()
{
    int asked = 0;
    const auto provider = [&asked] {
        ++asked;
        return std::optional<QByteArray>();
    };
    for (const ExportFormat format : {ExportFormat::Dotenv, ExportFormat::Json}) {
        const auto back = importExport(renderExport(fixture(), format).value(), provider);
        QVERIFY2(back.ok(), why(back).constData());
        QCOMPARE(back.value(), fixture());
    }
    QCOMPARE(asked, 0);
}

QTEST_GUILESS_MAIN(TestExports)
#include "tst_exports.moc"
