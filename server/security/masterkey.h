#pragma once

#include <protocol/crypto.h>

#include <QByteArray>
#include <QString>

#include <optional>

namespace Latchkey::Server {

// The server's root secret. Hawk secrets are sealed with AES-256-GCM under a key derived from
// it; client secrets, tokens and codes are kept only as HMAC-SHA256 digests under another.
class MasterKey final
{
public:
    // From LATCHKEY_MASTER_KEY (base64url of 32 bytes) when set, else from <dataDir>/master.key,
    // created with mode 0600 on first start.
    static std::optional<MasterKey> load(const QString &dataDir, QString *error);
    static MasterKey fromBytes(const QByteArray &bytes);

    // base64url(HMAC-SHA256(digest key, value)): what is stored in place of a secret.
    QString digest(QStringView value) const;
    QString seal(QStringView secret, QStringView context) const;
    std::optional<QString> open(QStringView sealed, QStringView context) const;

private:
    explicit MasterKey(const QByteArray &bytes);

    Crypto::HmacSha256Key m_digestKey;
    QByteArray m_sealKey;
};

} // namespace Latchkey::Server
