#include "exportreader.h"

#include "exportsyntax.h"

#include <protocol/age.h>

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStringDecoder>

using namespace Qt::StringLiterals;

namespace Latchkey::Core {

namespace {

namespace Syntax = ExportSyntax;

// Far above any export, far below what would hurt to hold in memory.
constexpr qsizetype maxFileSize = 16 * 1024 * 1024;

Error notAnExport(const QString &why)
{
    Error error;
    error.kind = Error::Kind::Usage;
    error.message = u"This is not a Latchkey export: "_s + why;
    error.hint = u"Choose a file made by Export as JSON or dotenv, encrypted or not."_s;
    return error;
}

Error damaged(const QString &what)
{
    Error error;
    error.kind = Error::Kind::Storage;
    error.message = u"The export is damaged: "_s + what;
    error.hint = u"Get a fresh copy of the file, or export the credentials again."_s;
    return error;
}

// Age reports its problems as sentences only. A file locked with one passphrase and opened with
// another shows which sentence means "wrong passphrase", in the current language; scrypt at
// work factor 1 costs microseconds.
QString wrongPassphraseMessage()
{
    Age::EncryptOptions options;
    options.workFactor = 1;
    const QByteArray probe = Age::encryptWithPassphrase("probe", "a", options);
    return Age::decryptWithPassphrase(probe, "b").error;
}

// Reads the JSON form, remembering the first problem with a path to it ("consumers[1].name").
class JsonReader final
{
public:
    QString problem;

    QString string(const QJsonObject &object, const QString &key, const QString &path,
                   bool required = true)
    {
        const QJsonValue value = object.value(key);
        if (value.isString() && (!required || !value.toString().isEmpty()))
            return value.toString();
        if (!required && (value.isUndefined() || value.isNull()))
            return {};
        fail(path + key + (value.isUndefined() ? u" is missing"_s : u" is not a text"_s));
        return {};
    }

    QStringList strings(const QJsonObject &object, const QString &key, const QString &path)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined() || value.isNull())
            return {};
        QStringList list;
        const QJsonArray array = value.toArray();
        if (!value.isArray())
            fail(path + key + u" is not a list"_s);
        for (const QJsonValue &item : array) {
            if (!item.isString())
                fail(path + key + u" holds something other than text"_s);
            list.append(item.toString());
        }
        return list;
    }

    QUrl url(const QJsonObject &object, const QString &key)
    {
        const QUrl url(string(object, key, {}), QUrl::StrictMode);
        if (problem.isEmpty() && (!url.isValid() || url.scheme().isEmpty()))
            fail(key + u" is not a URL"_s);
        return url;
    }

    ExportedGroup group(const QJsonObject &item, const QString &path)
    {
        const QJsonValue value = item.value(u"permission_group"_s);
        if (!value.isObject()) {
            fail(path + u"permission_group is missing"_s);
            return {};
        }
        const QString groupPath = path + u"permission_group."_s;
        return {string(value.toObject(), u"name"_s, groupPath, false),
                strings(value.toObject(), u"scopes"_s, groupPath)};
    }

    // A secret: its text, or null with the reason it is missing.
    ExportSecret secret(const QJsonObject &item, const QString &key, const QString &path)
    {
        const QJsonValue value = item.value(key);
        if (value.isString() && !value.toString().isEmpty())
            return ExportSecret::present(value.toString());
        if (!value.isNull() && !value.isUndefined()) {
            fail(path + key + u" is neither a secret nor null"_s);
            return {};
        }
        const QString reason = string(item, key + u"_missing"_s, path, false);
        return ExportSecret::missing(reason.isEmpty() ? u"not in the export"_s : reason);
    }

    QList<QJsonObject> objects(const QJsonObject &root, const QString &key)
    {
        QList<QJsonObject> list;
        const QJsonValue value = root.value(key);
        if (value.isUndefined())
            return list;
        if (!value.isArray()) {
            fail(key + u" is not a list"_s);
            return list;
        }
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isObject())
                fail(key + u"[%1] is not an object"_s.arg(i));
            list.append(array.at(i).toObject());
        }
        return list;
    }

private:
    void fail(const QString &what)
    {
        if (problem.isEmpty())
            problem = what;
    }
};

Result<CredentialExport> parseJson(QByteArrayView text)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(text.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return damaged(
            u"its JSON breaks off or is malformed at character %1 (%2)."_s.arg(parseError.offset)
                .arg(parseError.errorString()));
    if (!document.isObject())
        return notAnExport(u"it is JSON, but not an object."_s);
    const QJsonObject root = document.object();
    if (root.value(u"_postman_variable_scope"_s).isString())
        return notAnExport(u"it is a Postman environment, which holds only the variables."_s);
    if (root.value(u"format"_s).toString() != Syntax::jsonFormatName)
        return notAnExport(u"it is JSON without \"format\": \"latchkey-export\"."_s);
    const QJsonValue version = root.value(u"version"_s);
    if (!version.isDouble() || version.toDouble() < 1 ||
        version.toDouble() != double(version.toInt()))
        return damaged(u"its version is not a whole number."_s);
    if (version.toInt() > Syntax::formatVersion) {
        Error error = notAnExport(
            u"it was made by a newer Latchkey (export version %1)."_s.arg(version.toInt()));
        error.hint = u"Update Latchkey to import it."_s;
        return error;
    }

    JsonReader reader;
    CredentialExport data;
    data.label = reader.string(root, u"label"_s, {}, false);
    data.baseUrl = reader.url(root, u"base_url"_s);
    data.tokenUrl = reader.url(root, u"token_url"_s);
    data.authorizeUrl = reader.url(root, u"authorize_url"_s);

    const QList<QJsonObject> keys = reader.objects(root, u"api_keys"_s);
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const QString path = u"api_keys[%1]."_s.arg(i);
        ExportedKey key;
        key.name = reader.string(keys[i], u"name"_s, path);
        key.id = reader.string(keys[i], u"id"_s, path);
        key.group = reader.group(keys[i], path);
        key.secret = reader.secret(keys[i], u"secret"_s, path);
        data.keys.append(key);
    }
    const QList<QJsonObject> consumers = reader.objects(root, u"consumers"_s);
    for (qsizetype i = 0; i < consumers.size(); ++i) {
        const QString path = u"consumers[%1]."_s.arg(i);
        const QJsonObject &item = consumers[i];
        ExportedConsumer consumer;
        consumer.name = reader.string(item, u"name"_s, path);
        consumer.clientId = reader.string(item, u"client_id"_s, path);
        consumer.group = reader.group(item, path);
        const auto grant = grantTypeFromString(reader.string(item, u"grant_type"_s, path));
        const auto type = clientTypeFromString(reader.string(item, u"client_type"_s, path));
        if (reader.problem.isEmpty() && !grant)
            reader.problem = path + u"grant_type is not one Latchkey knows"_s;
        if (reader.problem.isEmpty() && !type)
            reader.problem = path + u"client_type is not one Latchkey knows"_s;
        consumer.grantType = grant.value_or(GrantType::ClientCredentials);
        consumer.clientType = type.value_or(ClientType::Confidential);
        consumer.redirectUris = reader.strings(item, u"redirect_uris"_s, path);
        consumer.clientSecret = consumer.clientType == ClientType::Public
                                    ? ExportSecret::notIssued()
                                    : reader.secret(item, u"client_secret"_s, path);
        data.consumers.append(consumer);
    }
    if (!reader.problem.isEmpty())
        return damaged(reader.problem + u'.');
    return data;
}

// Reads one value as sh would: 'single quoted', "double quoted" with \ escapes, bare words and
// \-escaped characters, then optional blanks and a comment. nullopt when it does not parse.
std::optional<QString> parseShellValue(QStringView text)
{
    QString value;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        const QChar c = text[i];
        if (c == u'\'') {
            const qsizetype end = text.indexOf(u'\'', i + 1);
            if (end < 0)
                return std::nullopt;
            value += text.sliced(i + 1, end - i - 1);
            i = end + 1;
        } else if (c == u'"') {
            ++i;
            for (;;) {
                if (i >= n)
                    return std::nullopt;
                const QChar d = text[i];
                if (d == u'"')
                    break;
                if (d == u'\\' && i + 1 < n && QStringView(u"$`\"\\").contains(text[i + 1]))
                    ++i;
                value += text[i];
                ++i;
            }
            ++i;
        } else if (c == u'\\') {
            if (i + 1 >= n)
                return std::nullopt;
            value += text[i + 1];
            i += 2;
        } else if (c.isSpace()) {
            const QStringView rest = text.sliced(i).trimmed();
            if (rest.isEmpty() || rest.startsWith(u'#'))
                break;
            return std::nullopt;
        } else if (c == u'#' && i == 0) {
            break;
        } else {
            value += c;
            ++i;
        }
    }
    return value;
}

struct DotenvItem
{
    QString stem;
    bool isKey = false;
    QString id;
    std::optional<ExportSecret> secret;
};

struct DotenvHeader
{
    QString name;
    ExportedGroup group;
    GrantType grantType = GrantType::ClientCredentials;
    ClientType clientType = ClientType::Confidential;
    QStringList redirectUris;
};

Result<CredentialExport> parseDotenv(QStringView text)
{
    static const QString quotedPattern = uR"(("(?:[^"\\]|\\.)*"))"_s;
    static const QString scopesPattern = uR"((?:, scopes: (.*)|, no scopes)$)"_s;
    static const QRegularExpression keyHeader(u"^# API key "_s + quotedPattern +
                                              u", Hawk sha256, group "_s + quotedPattern +
                                              scopesPattern);
    static const QRegularExpression consumerHeader(
        u"^# consumer "_s + quotedPattern +
        u", (client_credentials|authorization_code), (confidential|public), group "_s +
        quotedPattern + scopesPattern);
    static const QRegularExpression fileHeader(u"^# Latchkey credentials of "_s + quotedPattern +
                                               u" for "_s);
    static const QRegularExpression redirectLine(u"^# redirect URIs: (.*)$"_s);
    static const QRegularExpression missingLine(
        u"^# ([A-Za-z_][A-Za-z0-9_]*) is missing: (.*); "_s +
        QRegularExpression::escape(Syntax::rotateAdvice) + u"$"_s);
    static const QRegularExpression notIssuedLine(
        u"^# ([A-Za-z_][A-Za-z0-9_]*) is not set: "_s +
        QRegularExpression::escape(Syntax::notIssuedText) + u"$"_s);
    static const QRegularExpression assignment(
        u"^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*)$"_s);

    QHash<QString, QString> values;
    QHash<QString, ExportSecret> absent;
    QHash<QString, DotenvHeader> headers; // by stem
    QStringList order;                    // variable names, in the file's order
    QString lastConsumerStem;
    QString label;

    const auto scopes = [](const QRegularExpressionMatch &match, int group) {
        return match.captured(group).split(u' ', Qt::SkipEmptyParts);
    };

    const QList<QStringView> lines = text.split(u'\n');
    for (qsizetype number = 1; number <= lines.size(); ++number) {
        QStringView line = lines.at(number - 1);
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.trimmed().isEmpty())
            continue;
        if (line.trimmed().startsWith(u'#')) {
            const QString comment = line.trimmed().toString();
            QRegularExpressionMatch match;
            if ((match = fileHeader.match(comment)).hasMatch()) {
                label = Syntax::unquoted(match.captured(1)).value_or(QString());
            } else if ((match = keyHeader.match(comment)).hasMatch()) {
                DotenvHeader header;
                header.name = Syntax::unquoted(match.captured(1)).value_or(QString());
                header.group = {Syntax::unquoted(match.captured(2)).value_or(QString()),
                                scopes(match, 3)};
                headers.insert(variableStem(header.name) + u"_HAWK"_s, header);
            } else if ((match = consumerHeader.match(comment)).hasMatch()) {
                DotenvHeader header;
                header.name = Syntax::unquoted(match.captured(1)).value_or(QString());
                header.grantType = *grantTypeFromString(match.captured(2));
                header.clientType = *clientTypeFromString(match.captured(3));
                header.group = {Syntax::unquoted(match.captured(4)).value_or(QString()),
                                scopes(match, 5)};
                lastConsumerStem = variableStem(header.name) + u"_CLIENT"_s;
                headers.insert(lastConsumerStem, header);
            } else if ((match = redirectLine.match(comment)).hasMatch() &&
                       headers.contains(lastConsumerStem)) {
                const QJsonDocument uris =
                    QJsonDocument::fromJson((u'[' + match.captured(1) + u']').toUtf8());
                for (const QJsonValue &uri : uris.array())
                    headers[lastConsumerStem].redirectUris.append(uri.toString());
            } else if ((match = missingLine.match(comment)).hasMatch()) {
                absent.insert(match.captured(1), ExportSecret::missing(match.captured(2)));
                order.append(match.captured(1));
            } else if ((match = notIssuedLine.match(comment)).hasMatch()) {
                absent.insert(match.captured(1), ExportSecret::notIssued());
                order.append(match.captured(1));
            }
            continue;
        }
        const QRegularExpressionMatch match = assignment.match(line);
        if (!match.hasMatch()) {
            if (values.isEmpty())
                return notAnExport(u"line %1 is neither a comment nor NAME=value."_s.arg(number));
            return damaged(u"line %1 is neither a comment nor NAME=value."_s.arg(number));
        }
        const std::optional<QString> value = parseShellValue(match.capturedView(2));
        if (!value)
            return damaged(u"the value of %1 on line %2 does not parse (an unclosed quote?)."_s
                               .arg(match.captured(1))
                               .arg(number));
        values.insert(match.captured(1), *value);
        order.append(match.captured(1));
    }

    if (!values.contains(u"LATCHKEY_BASE_URL"_s))
        return notAnExport(u"it has no LATCHKEY_BASE_URL."_s);

    // Checked before forAccount: its setPath() clears QUrl's error, so "http://h:1# x" (a space
    // in the fragment) would pass, then export as a URL that no strict parser reads back.
    const QUrl baseUrl(values.value(u"LATCHKEY_BASE_URL"_s), QUrl::StrictMode);
    if (!baseUrl.isValid() || baseUrl.scheme().isEmpty())
        return damaged(u"LATCHKEY_BASE_URL is not a URL."_s);
    CredentialExport data = CredentialExport::forAccount(baseUrl);
    data.label = label;
    for (const auto &[name, url] : {std::pair{u"LATCHKEY_TOKEN_URL"_s, &data.tokenUrl},
                                    std::pair{u"LATCHKEY_AUTHORIZE_URL"_s, &data.authorizeUrl}}) {
        if (!values.contains(name))
            continue;
        *url = QUrl(values.value(name), QUrl::StrictMode);
        if (!url->isValid() || url->scheme().isEmpty())
            return damaged(name + u" is not a URL."_s);
    }

    // Items in the order their first variable appears; a stem keeps the suffix's family
    // ("ERP_SYNC_CLIENT") so a key and a consumer of the same name stay apart.
    struct Suffix
    {
        QStringView text;
        bool isKey;
        bool isSecret;
    };
    static constexpr Suffix suffixes[] = {{u"_HAWK_ID", true, false},
                                          {u"_HAWK_KEY", true, true},
                                          {u"_CLIENT_ID", false, false},
                                          {u"_CLIENT_SECRET", false, true}};
    QList<DotenvItem> items;
    QHash<QString, qsizetype> itemIndex;
    for (const QString &name : std::as_const(order)) {
        for (const Suffix &suffix : suffixes) {
            if (!name.endsWith(suffix.text) || name.size() == suffix.text.size())
                continue;
            const QString stem = name.chopped(suffix.text.size());
            const QString family = stem + (suffix.isKey ? u"_HAWK"_s : u"_CLIENT"_s);
            auto it = itemIndex.constFind(family);
            if (it == itemIndex.cend()) {
                it = itemIndex.insert(family, items.size());
                items.append({stem, suffix.isKey, {}, {}});
            }
            DotenvItem &item = items[*it];
            if (suffix.isSecret)
                item.secret = values.contains(name) ? ExportSecret::present(values.value(name))
                                                    : absent.value(name);
            else if (values.contains(name))
                item.id = values.value(name);
            break;
        }
    }

    for (const DotenvItem &item : std::as_const(items)) {
        const QString idName = item.stem + (item.isKey ? u"_HAWK_ID"_s : u"_CLIENT_ID"_s);
        if (item.id.isEmpty())
            return damaged(item.stem + (item.isKey ? u"_HAWK_KEY"_s : u"_CLIENT_SECRET"_s) +
                           u" has no "_s + idName + u'.');
        const DotenvHeader header =
            headers.value(item.stem + (item.isKey ? u"_HAWK"_s : u"_CLIENT"_s));
        const QString name = header.name.isEmpty() ? item.stem : header.name;
        const ExportSecret secret =
            item.secret.value_or(ExportSecret::missing(u"not in the export"_s));
        if (item.isKey) {
            data.keys.append({item.id, name, header.group, secret});
            continue;
        }
        ExportedConsumer consumer;
        consumer.clientId = item.id;
        consumer.name = name;
        consumer.group = header.group;
        consumer.grantType = header.grantType;
        consumer.clientType = secret.state() == ExportSecret::State::NotIssued ? ClientType::Public
                                                                               : header.clientType;
        consumer.redirectUris = header.redirectUris;
        consumer.clientSecret =
            consumer.clientType == ClientType::Public ? ExportSecret::notIssued() : secret;
        data.consumers.append(consumer);
    }
    return data;
}

} // namespace

Result<CredentialExport> parseExport(QByteArrayView plaintext)
{
    QByteArrayView bytes = plaintext;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes = bytes.sliced(3);
    if (bytes.trimmed().isEmpty())
        return notAnExport(u"it is empty."_s);
    if (bytes.contains('\0'))
        return notAnExport(u"it is not text."_s);
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return notAnExport(u"it is not UTF-8 text."_s);
    if (bytes.trimmed().startsWith('{') || bytes.trimmed().startsWith('['))
        return parseJson(bytes);
    return parseDotenv(text);
}

Result<CredentialExport> importExport(const QByteArray &file, const PassphraseProvider &passphrase)
{
    if (file.size() > maxFileSize)
        return notAnExport(u"it is larger than any export could be."_s);
    if (!Age::isAgeFile(file))
        return parseExport(file);

    const std::optional<QByteArray> given = passphrase ? passphrase() : std::nullopt;
    if (!given) {
        Error error;
        error.kind = Error::Kind::Cancelled;
        error.message = u"The export is encrypted, and no passphrase was given."_s;
        return error;
    }
    const Age::DecryptResult decrypted = Age::decryptWithPassphrase(file, *given);
    if (!decrypted.plaintext) {
        Error error;
        error.kind = decrypted.error == wrongPassphraseMessage() ? Error::Kind::Authentication
                                                                 : Error::Kind::Storage;
        error.message = decrypted.error;
        return error;
    }
    return parseExport(*decrypted.plaintext);
}

} // namespace Latchkey::Core
