#include "exportfile.h"

#include <protocol/age.h>

#include <QDir>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace Latchkey::Core {

namespace {

constexpr int minWorkFactor = 10;
constexpr int maxWorkFactor = 22;

Error writeError(const QString &path, const QString &reason)
{
    Error error;
    error.kind = Error::Kind::Storage;
    error.message = u"Could not write "_s + QDir::toNativeSeparators(path) + u": "_s + reason;
    error.hint = u"Nothing was written there. Choose another folder, or check its permissions "
                 u"and free space."_s;
    return error;
}

} // namespace

Result<QByteArray> encryptExport(QByteArrayView bytes, const ExportEncryption &encryption)
{
    Error error;
    error.kind = Error::Kind::Usage;
    if (encryption.passphrase.isEmpty()) {
        error.message = u"An encrypted export needs a passphrase."_s;
        error.hint = u"Type a passphrase, or export without encryption."_s;
        return error;
    }
    if (encryption.workFactor < minWorkFactor || encryption.workFactor > maxWorkFactor) {
        error.message =
            u"The work factor must be between %1 and %2."_s.arg(minWorkFactor).arg(maxWorkFactor);
        return error;
    }
    Age::EncryptOptions options;
    options.workFactor = encryption.workFactor;
    options.armor = encryption.armor;
    return Age::encryptWithPassphrase(bytes, encryption.passphrase, options);
}

Result<Nothing> writeExportFile(const QString &path, QByteArrayView bytes)
{
    // No direct-write fallback: where no temporary file can be made beside the target, the
    // write fails rather than truncating the old file in place.
    QSaveFile file(path);
    file.setDirectWriteFallback(false);
    if (!file.open(QIODevice::WriteOnly))
        return writeError(path, file.errorString());
    // QSaveFile makes a new file's temporary 0666 less the umask and gives an existing file's
    // mode to it: narrow it while it is still empty.
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return writeError(path, reason);
    }
    if (file.write(bytes.data(), bytes.size()) != bytes.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return writeError(path, reason);
    }
    if (!file.commit())
        return writeError(path, file.errorString());
    return Nothing{};
}

Result<Nothing> writeExportFile(const QString &path, QByteArrayView bytes,
                                const ExportEncryption &encryption)
{
    const Result<QByteArray> encrypted = encryptExport(bytes, encryption);
    if (!encrypted)
        return encrypted.error();
    return writeExportFile(path, encrypted.value());
}

QString suggestedExportFileName(QStringView stem, QStringView formatSuffix, bool encrypted)
{
    return stem + formatSuffix + (encrypted ? u".age"_s : QString());
}

} // namespace Latchkey::Core
