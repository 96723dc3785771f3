#include "masterkey.h"

#include <protocol/base64url.h>
#include <protocol/crypto.h>
#include <protocol/random.h>

#include <QDir>
#include <QFile>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Latchkey::Server {

MasterKey::MasterKey(const QByteArray &bytes)
    : m_digestKey(Crypto::hmacSha256(bytes, "latchkey digest v1"))
    , m_sealKey(Crypto::hmacSha256(bytes, "latchkey seal v1"))
{
}

MasterKey MasterKey::fromBytes(const QByteArray &bytes)
{
    return MasterKey(bytes);
}

std::optional<MasterKey> MasterKey::load(const QString &dataDir, QString *error)
{
    const QByteArray fromEnvironment = qgetenv("LATCHKEY_MASTER_KEY");
    if (!fromEnvironment.isEmpty()) {
        const auto bytes = Base64Url::decode(fromEnvironment.trimmed());
        if (!bytes || bytes->size() != 32) {
            *error = u"LATCHKEY_MASTER_KEY must be 32 bytes in base64url (43 characters)."_s;
            return std::nullopt;
        }
        return MasterKey(*bytes);
    }

    const QString path = QDir(dataDir).filePath(u"master.key"_s);
    QFile file(path);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly)) {
            *error = u"Cannot read the master key %1: %2"_s.arg(path, file.errorString());
            return std::nullopt;
        }
        const auto bytes = Base64Url::decode(file.readAll().trimmed());
        if (!bytes || bytes->size() != 32) {
            *error = u"The master key %1 is damaged (expected 32 bytes in base64url). Restore it "
                     "from a backup: without it no stored API secret can be read."_s.arg(path);
            return std::nullopt;
        }
        if (file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther))
            file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return MasterKey(*bytes);
    }

    const QByteArray bytes = Random::bytes(32);
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly)) {
        *error = u"Cannot create the master key %1: %2"_s.arg(path, out.errorString());
        return std::nullopt;
    }
    out.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    out.write(Base64Url::encode(bytes) + '\n');
    if (!out.commit()) {
        *error = u"Cannot write the master key %1: %2"_s.arg(path, out.errorString());
        return std::nullopt;
    }
    return MasterKey(bytes);
}

QString MasterKey::digest(QStringView value) const
{
    return QString::fromLatin1(Base64Url::encode(m_digestKey.mac(value.toUtf8())));
}

QString MasterKey::seal(QStringView secret, QStringView context) const
{
    return QString::fromLatin1(
        Base64Url::encode(Crypto::aesGcmSeal(m_sealKey, secret.toUtf8(), context.toUtf8())));
}

std::optional<QString> MasterKey::open(QStringView sealed, QStringView context) const
{
    const auto bytes = Base64Url::decode(sealed.toLatin1());
    if (!bytes)
        return std::nullopt;
    const auto plain = Crypto::aesGcmOpen(m_sealKey, *bytes, context.toUtf8());
    if (!plain)
        return std::nullopt;
    return QString::fromUtf8(*plain);
}

} // namespace Latchkey::Server
