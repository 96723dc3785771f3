#pragma once

#include "credentialexport.h"

#include <QByteArray>
#include <QByteArrayView>

#include <functional>
#include <optional>

namespace Latchkey::Core {

// Asked for the passphrase only when the file is encrypted; nullopt when the user cancels.
using PassphraseProvider = std::function<std::optional<QByteArray>()>;

// Reads an export back: our JSON or dotenv export, plain or age-encrypted (by us or by
// `age -p`, binary or armored). Errors say what the user can do:
//   Authentication  wrong passphrase (ask again and call this again)
//   Cancelled       the provider gave no passphrase
//   Usage           not an export (another kind of file, a Postman environment, a newer version)
//   Storage         damaged (a bad age file, broken JSON, a dotenv line that does not parse)
// Decrypting runs scrypt (about a second at work factor 18): call it off the UI thread.
Result<CredentialExport> importExport(const QByteArray &file, const PassphraseProvider &passphrase);

// The same for a file already decrypted.
Result<CredentialExport> parseExport(QByteArrayView plaintext);

} // namespace Latchkey::Core
