#pragma once

#include <net/result.h>
#include <protocol/entities.h>

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

class QDebug;

namespace Latchkey::Core {

// A secret as an export carries it: its value, or why there is none. A secret that is not at
// hand (not in the keychain) is exported as missing with its reason, never as an empty value
// that looks real. There is no QDebug output of the value: debug prints say only the state.
class ExportSecret final
{
public:
    enum class State {
        Present,
        Missing,  // the account has one, but this export does not carry it
        NotIssued // a public client: it has no secret at all
    };

    // An empty value makes a missing secret ("the stored secret is empty").
    static ExportSecret present(QString value);
    static ExportSecret missing(QString reason);
    static ExportSecret notIssued();

    State state() const { return m_state; }
    bool isPresent() const { return m_state == State::Present; }
    // Empty unless present.
    const QString &value() const { return m_value; }
    // Why it is missing ("not in the keychain"); empty unless missing.
    const QString &missingReason() const { return m_reason; }

    friend bool operator==(const ExportSecret &, const ExportSecret &) = default;

private:
    State m_state = State::Missing;
    QString m_value;
    QString m_reason;
};

QDebug operator<<(QDebug debug, const ExportSecret &secret);

struct ExportedGroup
{
    QString name;
    QStringList scopes;

    friend bool operator==(const ExportedGroup &, const ExportedGroup &) = default;
};

struct ExportedKey
{
    QString id; // the public "API Key", used as the Hawk id
    QString name;
    ExportedGroup group;
    ExportSecret secret; // the Hawk key

    friend bool operator==(const ExportedKey &, const ExportedKey &) = default;
};

struct ExportedConsumer
{
    QString clientId;
    QString name;
    ExportedGroup group;
    GrantType grantType = GrantType::ClientCredentials;
    ClientType clientType = ClientType::Confidential;
    QStringList redirectUris;
    ExportSecret clientSecret; // NotIssued for public clients

    friend bool operator==(const ExportedConsumer &, const ExportedConsumer &) = default;
};

// What an export holds: the account's endpoints and the chosen keys and consumers. Every format
// renders the same values under the same variable names (see ExportVariable).
struct CredentialExport
{
    QString label; // the profile's name; names the Postman environment. May be empty.
    QUrl baseUrl;
    QUrl tokenUrl;
    QUrl authorizeUrl;
    QList<ExportedKey> keys;
    QList<ExportedConsumer> consumers;

    // The endpoints of a Latchkey account server at baseUrl (a trailing slash is dropped).
    static CredentialExport forAccount(const QUrl &baseUrl);

    friend bool operator==(const CredentialExport &, const CredentialExport &) = default;
};

// The names of the items whose secret the export carries as missing (not at hand), in order.
QStringList missingSecretNames(const CredentialExport &data);

ExportedGroup exportedGroup(const PermissionGroup &group);
ExportedKey exportedKey(const ApiKey &key, const PermissionGroup &group, ExportSecret secret);
// A public client's secret is NotIssued whatever `secret` says.
ExportedConsumer exportedConsumer(const Consumer &consumer, const PermissionGroup &group,
                                  ExportSecret secret);

// The stem of an item's variables: the name with accents folded (Integração -> Integracao),
// upper-cased, each run of characters other than A-Z and 0-9 turned into one "_", with no "_"
// at either end, and a "_" before a leading digit: "ERP Sync" -> "ERP_SYNC",
// "3PL partner" -> "_3PL_PARTNER". Empty when the name has no letter or digit to keep.
QString variableStem(QStringView name);

// One variable of an export, in the order every format lists them.
struct ExportVariable
{
    enum class Kind { BaseUrl, TokenUrl, AuthorizeUrl, HawkId, HawkKey, ClientId, ClientSecret };

    QString name; // LATCHKEY_TOKEN_URL, ERP_SYNC_CLIENT_SECRET, ...
    Kind kind = Kind::BaseUrl;
    ExportSecret value;  // Present for everything but missing or not issued secrets
    qsizetype item = -1; // index into keys (HawkId, HawkKey) or consumers (ClientId, ClientSecret)

    bool isSecret() const { return kind == Kind::HawkKey || kind == Kind::ClientSecret; }
};

// The variables of an export: LATCHKEY_BASE_URL, LATCHKEY_TOKEN_URL, LATCHKEY_AUTHORIZE_URL, then
// per API key <STEM>_HAWK_ID and <STEM>_HAWK_KEY, then per consumer <STEM>_CLIENT_ID and
// <STEM>_CLIENT_SECRET.
//
// Two items whose variables would have the same name are an error, not a numeric suffix: a
// suffix would depend on the order of the selection, and the integrator could not tell which
// secret is which. The admin renames one or exports them separately. A name without a letter
// or digit is an error too. An API key and a consumer may share a name: their variables differ.
Result<QList<ExportVariable>> exportVariables(const CredentialExport &data);

} // namespace Latchkey::Core
