#pragma once

#include <net/result.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Latchkey::Core {

// A passphrase-encrypted export in the age v1 format (scrypt recipient): `age -d` decrypts it.
struct ExportEncryption
{
    QByteArray passphrase;
    bool armor = false;  // "-----BEGIN AGE ENCRYPTED FILE-----" text instead of binary
    int workFactor = 18; // log2 of scrypt's N; what `age -p` uses. Tests use less.
};

// The age file of `bytes`. Fails (Usage) on an empty passphrase or a work factor outside 10..22
// (22 is the most the import, and a default `age -d`, will read).
Result<QByteArray> encryptExport(QByteArrayView bytes, const ExportEncryption &encryption);

// Writes `bytes` to `path` atomically (QSaveFile): the file at `path` is either the old one,
// untouched, or the whole new one, never part of it. The new file has mode 0600 whatever the
// umask or the old file's mode, set before the first byte is written.
Result<Nothing> writeExportFile(const QString &path, QByteArrayView bytes);
// The same, encrypted first.
Result<Nothing> writeExportFile(const QString &path, QByteArrayView bytes,
                                const ExportEncryption &encryption);

// The file name an export suggests: "latchkey.env", "latchkey.env.age" when encrypted
// (armored too: age reads both).
QString suggestedExportFileName(QStringView stem, QStringView formatSuffix, bool encrypted);

} // namespace Latchkey::Core
