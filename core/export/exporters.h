#pragma once

#include "credentialexport.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Latchkey::Core {

enum class ExportFormat {
    Dotenv,  // NAME='value' lines, for `. file` in sh and for dotenv libraries
    Json,    // {"format": "latchkey-export", "version": 1, ...}: the structured form
    Postman, // a Postman environment (v2.1), secrets typed "secret"
    Curl,    // a #!/bin/sh script that exports the variables and tries them with curl
};

// "env", "json", "postman", "curl": latchkeyctl's --format names ("dotenv" is read as "env").
QString toString(ExportFormat format);
std::optional<ExportFormat> exportFormatFromString(QStringView text);
// ".env", ".json", ".postman_environment.json", ".sh"
QString fileSuffix(ExportFormat format);

// The file's contents, UTF-8. Fails (Error::Kind::Usage) only when the names cannot make
// distinct variables (see exportVariables). Secrets that are missing are written as missing,
// with their reason, in every format:
//   dotenv, curl  # ERP_SYNC_CLIENT_SECRET is missing: <reason>; rotate the secret to get ...
//   JSON          "client_secret": null, "client_secret_missing": "<reason>"
//   Postman       a disabled variable whose value reads "MISSING: <reason>; rotate ..."
// A public client's secret is absent and said to be so: it has none.
Result<QByteArray> renderExport(const CredentialExport &data, ExportFormat format);

Result<QByteArray> toDotenv(const CredentialExport &data);
Result<QByteArray> toJson(const CredentialExport &data);
Result<QByteArray> toPostmanEnvironment(const CredentialExport &data);
Result<QByteArray> toCurlScript(const CredentialExport &data);

// `value` as one sh word in single quotes: abc -> 'abc', it's -> 'it'\''s'.
QString shellQuote(QStringView value);

} // namespace Latchkey::Core
