#include "flowsettings.h"

#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Latchkey::Ui {

namespace {

template<typename E>
struct Names
{
    QList<std::pair<E, QString>> pairs;
    QString name(E value) const
    {
        for (const auto &[e, n] : pairs)
            if (e == value)
                return n;
        return pairs.constFirst().second;
    }
    E value(const QString &name) const
    {
        for (const auto &[e, n] : pairs)
            if (n == name)
                return e;
        return pairs.constFirst().first;
    }
};

const Names<FlowSettings::Grant> grants{
    {{FlowSettings::Grant::AuthorizationCode, u"authorization_code"_s},
     {FlowSettings::Grant::ClientCredentials, u"client_credentials"_s},
     {FlowSettings::Grant::ApiKey, u"hawk"_s}}};
const Names<FlowSettings::ProviderSource> sources{
    {{FlowSettings::ProviderSource::Account, u"account"_s},
     {FlowSettings::ProviderSource::Issuer, u"issuer"_s},
     {FlowSettings::ProviderSource::Endpoints, u"endpoints"_s}}};
const Names<FlowSettings::Browser> browsers{{{FlowSettings::Browser::BuiltIn, u"built-in"_s},
                                             {FlowSettings::Browser::System, u"system"_s}}};
const Names<Core::ClientAuth> auths{{{Core::ClientAuth::Basic, u"client_secret_basic"_s},
                                     {Core::ClientAuth::Post, u"client_secret_post"_s},
                                     {Core::ClientAuth::None, u"none"_s}}};
const Names<Core::PkceMethod> pkces{{{Core::PkceMethod::S256, u"S256"_s},
                                     {Core::PkceMethod::Plain, u"plain"_s},
                                     {Core::PkceMethod::Off, u"off"_s}}};

} // namespace

QString FlowSettings::grantName() const
{
    return grants.name(grant);
}

Core::QueryParameters FlowSettings::extraParameterList() const
{
    Core::QueryParameters list;
    const QUrlQuery query(extraParameters.trimmed());
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded))
        if (!name.isEmpty())
            list.append({name, value});
    return list;
}

QJsonObject FlowSettings::toJson() const
{
    QJsonObject object{{u"grant"_s, grants.name(grant)},
                       {u"source"_s, sources.name(source)},
                       {u"clientId"_s, clientId},
                       {u"clientAuth"_s, auths.name(clientAuth)},
                       {u"scopes"_s, scopes.join(u' ')}};
    const auto put = [&object](const QString &name, const QString &value) {
        if (!value.isEmpty())
            object.insert(name, value);
    };
    put(u"consumerId"_s, consumerId);
    put(u"issuer"_s, issuer);
    put(u"authorizeUrl"_s, authorizeUrl);
    put(u"tokenUrl"_s, tokenUrl);
    put(u"revocationUrl"_s, revocationUrl);
    put(u"introspectionUrl"_s, introspectionUrl);
    put(u"jwksUrl"_s, jwksUrl);
    put(u"extraParameters"_s, extraParameters);
    put(u"apiKeyId"_s, apiKeyId);
    put(u"callUrl"_s, callUrl);
    if (grant == Grant::AuthorizationCode) {
        object.insert(u"redirectUri"_s, redirectUri);
        object.insert(u"browser"_s, browsers.name(browser));
        object.insert(u"pkce"_s, pkces.name(pkce));
    }
    return object;
}

FlowSettings FlowSettings::fromJson(const QJsonObject &object)
{
    const auto text = [&object](const char *name) {
        return object.value(QLatin1StringView(name)).toString();
    };
    FlowSettings settings;
    settings.grant = grants.value(text("grant"));
    settings.source = sources.value(text("source"));
    settings.consumerId = text("consumerId");
    settings.issuer = text("issuer");
    settings.authorizeUrl = text("authorizeUrl");
    settings.tokenUrl = text("tokenUrl");
    settings.revocationUrl = text("revocationUrl");
    settings.introspectionUrl = text("introspectionUrl");
    settings.jwksUrl = text("jwksUrl");
    settings.clientId = text("clientId");
    settings.clientAuth = auths.value(text("clientAuth"));
    settings.redirectUri = text("redirectUri");
    settings.browser = browsers.value(text("browser"));
    settings.scopes = text("scopes").split(u' ', Qt::SkipEmptyParts);
    settings.pkce = pkces.value(text("pkce"));
    settings.extraParameters = text("extraParameters");
    settings.apiKeyId = text("apiKeyId");
    settings.callUrl = text("callUrl");
    return settings;
}

} // namespace Latchkey::Ui
