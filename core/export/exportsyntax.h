#pragma once

#include <QString>
#include <QStringView>

#include <optional>

// The pieces of the dotenv and curl formats that the importer reads back. Internal to
// core/export: one place, so writer and reader cannot drift.
namespace Latchkey::Core::ExportSyntax {

inline constexpr QStringView jsonFormatName = u"latchkey-export";
inline constexpr int formatVersion = 1;

// "rotate the secret to get a new one", after a missing secret's reason.
inline constexpr QStringView rotateAdvice = u"rotate the secret to get a new one";
inline constexpr QStringView missingPrefix = u"MISSING: ";
inline constexpr QStringView notIssuedText = u"a public client has no secret; it uses PKCE";
inline constexpr QStringView notIssuedPrefix = u"NONE: ";

// Text in double quotes with JSON's escapes; every control character, and the line and
// paragraph separators, as \uXXXX, so the text can never end a comment line.
QString quoted(QStringView text);
// The inverse of quoted() for one quoted string; nullopt when it is not one.
std::optional<QString> unquoted(QStringView quotedText);
// Text for a comment line: control characters and line separators become spaces.
QString commentText(QStringView text);

} // namespace Latchkey::Core::ExportSyntax
