#include "credentialexport.h"

#include <QDebug>
#include <QHash>

using namespace Qt::StringLiterals;

namespace Latchkey::Core {

namespace {

// Letters that Unicode does not decompose into a base letter and a mark.
QStringView transliterated(QChar c)
{
    switch (c.unicode()) {
    case u'Æ':
    case u'æ':
        return u"AE";
    case u'Œ':
    case u'œ':
        return u"OE";
    case u'Ø':
    case u'ø':
        return u"O";
    case u'Ł':
    case u'ł':
        return u"L";
    case u'Đ':
    case u'đ':
    case u'Ð':
    case u'ð':
        return u"D";
    case u'Þ':
    case u'þ':
        return u"TH";
    case u'ß':
        return u"SS";
    case u'ı':
        return u"I";
    default:
        return {};
    }
}

bool isMark(QChar c)
{
    const QChar::Category category = c.category();
    return category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining ||
           category == QChar::Mark_Enclosing;
}

QString describe(const CredentialExport &data, const ExportVariable &variable)
{
    switch (variable.kind) {
    case ExportVariable::Kind::HawkId:
    case ExportVariable::Kind::HawkKey:
        return u"API key “"_s + data.keys.at(variable.item).name + u"”"_s;
    case ExportVariable::Kind::ClientId:
    case ExportVariable::Kind::ClientSecret:
        return u"consumer “"_s + data.consumers.at(variable.item).name + u"”"_s;
    default:
        return u"the account’s endpoints"_s;
    }
}

} // namespace

ExportSecret ExportSecret::present(QString value)
{
    // An empty secret would be written as one that looks real.
    if (value.isEmpty())
        return missing(u"the stored secret is empty"_s);
    ExportSecret secret;
    secret.m_state = State::Present;
    secret.m_value = std::move(value);
    return secret;
}

ExportSecret ExportSecret::missing(QString reason)
{
    ExportSecret secret;
    secret.m_state = State::Missing;
    secret.m_reason = std::move(reason);
    return secret;
}

ExportSecret ExportSecret::notIssued()
{
    ExportSecret secret;
    secret.m_state = State::NotIssued;
    return secret;
}

QDebug operator<<(QDebug debug, const ExportSecret &secret)
{
    const QDebugStateSaver saver(debug);
    switch (secret.state()) {
    case ExportSecret::State::Present:
        debug.nospace() << "ExportSecret(present, redacted)";
        break;
    case ExportSecret::State::Missing:
        debug.nospace() << "ExportSecret(missing: " << secret.missingReason() << ')';
        break;
    case ExportSecret::State::NotIssued:
        debug.nospace() << "ExportSecret(not issued)";
        break;
    }
    return debug;
}

CredentialExport CredentialExport::forAccount(const QUrl &baseUrl)
{
    CredentialExport data;
    data.baseUrl = baseUrl;
    QString path = baseUrl.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    data.baseUrl.setPath(path);
    const QString base = data.baseUrl.toString();
    data.tokenUrl = QUrl(base + u"/oauth/token"_s);
    data.authorizeUrl = QUrl(base + u"/oauth/authorize"_s);
    return data;
}

ExportedGroup exportedGroup(const PermissionGroup &group)
{
    return {group.name, group.scopes};
}

ExportedKey exportedKey(const ApiKey &key, const PermissionGroup &group, ExportSecret secret)
{
    return {key.id, key.name, exportedGroup(group), std::move(secret)};
}

ExportedConsumer exportedConsumer(const Consumer &consumer, const PermissionGroup &group,
                                  ExportSecret secret)
{
    ExportedConsumer exported;
    exported.clientId = consumer.clientId;
    exported.name = consumer.name;
    exported.group = exportedGroup(group);
    exported.grantType = consumer.grantType;
    exported.clientType = consumer.clientType;
    exported.redirectUris = consumer.redirectUris;
    exported.clientSecret =
        consumer.clientType == ClientType::Public ? ExportSecret::notIssued() : std::move(secret);
    return exported;
}

QString variableStem(QStringView name)
{
    QString folded;
    const QString decomposed = name.toString().normalized(QString::NormalizationForm_KD);
    folded.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (isMark(c))
            continue;
        const QStringView replacement = transliterated(c);
        if (replacement.isEmpty())
            folded.append(c);
        else
            folded.append(replacement);
    }
    folded = folded.toUpper();

    QString stem;
    stem.reserve(folded.size() + 1);
    bool pendingSeparator = false;
    for (const QChar c : std::as_const(folded)) {
        const char16_t u = c.unicode();
        if ((u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9')) {
            if (pendingSeparator && !stem.isEmpty())
                stem.append(u'_');
            pendingSeparator = false;
            stem.append(c);
        } else {
            pendingSeparator = true;
        }
    }
    if (!stem.isEmpty() && stem.front().isDigit())
        stem.prepend(u'_');
    return stem;
}

Result<QList<ExportVariable>> exportVariables(const CredentialExport &data)
{
    using Kind = ExportVariable::Kind;
    QList<ExportVariable> variables;
    variables.reserve(3 + 2 * (data.keys.size() + data.consumers.size()));
    variables.append({u"LATCHKEY_BASE_URL"_s, Kind::BaseUrl,
                      ExportSecret::present(data.baseUrl.toString()), -1});
    variables.append({u"LATCHKEY_TOKEN_URL"_s, Kind::TokenUrl,
                      ExportSecret::present(data.tokenUrl.toString()), -1});
    variables.append({u"LATCHKEY_AUTHORIZE_URL"_s, Kind::AuthorizeUrl,
                      ExportSecret::present(data.authorizeUrl.toString()), -1});

    const auto unnamed = [](const QString &what, const QString &name) {
        Error error;
        error.kind = Error::Kind::Usage;
        error.message = u"The "_s + what + u" “"_s + name +
                        u"” has no letter or digit to name its variables after."_s;
        error.hint = u"Rename it, then export again."_s;
        return error;
    };
    for (qsizetype i = 0; i < data.keys.size(); ++i) {
        const ExportedKey &key = data.keys.at(i);
        const QString stem = variableStem(key.name);
        if (stem.isEmpty())
            return unnamed(u"API key"_s, key.name);
        variables.append({stem + u"_HAWK_ID"_s, Kind::HawkId, ExportSecret::present(key.id), i});
        variables.append({stem + u"_HAWK_KEY"_s, Kind::HawkKey, key.secret, i});
    }
    for (qsizetype i = 0; i < data.consumers.size(); ++i) {
        const ExportedConsumer &consumer = data.consumers.at(i);
        const QString stem = variableStem(consumer.name);
        if (stem.isEmpty())
            return unnamed(u"consumer"_s, consumer.name);
        variables.append(
            {stem + u"_CLIENT_ID"_s, Kind::ClientId, ExportSecret::present(consumer.clientId), i});
        variables.append(
            {stem + u"_CLIENT_SECRET"_s, Kind::ClientSecret, consumer.clientSecret, i});
    }

    QHash<QString, qsizetype> seen;
    for (qsizetype i = 0; i < variables.size(); ++i) {
        const auto it = seen.constFind(variables.at(i).name);
        if (it == seen.cend()) {
            seen.insert(variables.at(i).name, i);
            continue;
        }
        const ExportVariable &first = variables.at(*it);
        Error error;
        error.kind = Error::Kind::Usage;
        error.message = u"The "_s + describe(data, first) + u" and the "_s +
                        describe(data, variables.at(i)) + u" would both be exported as "_s +
                        variables.at(i).name + u"."_s;
        error.hint = u"Rename one of them, or export them separately."_s;
        return error;
    }
    return variables;
}

QStringList missingSecretNames(const CredentialExport &data)
{
    QStringList names;
    for (const ExportedKey &key : data.keys) {
        if (key.secret.state() == ExportSecret::State::Missing)
            names.append(key.name);
    }
    for (const ExportedConsumer &consumer : data.consumers) {
        if (consumer.clientSecret.state() == ExportSecret::State::Missing)
            names.append(consumer.name);
    }
    return names;
}

} // namespace Latchkey::Core
