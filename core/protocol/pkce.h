#pragma once

#include <QString>
#include <QStringView>

// RFC 7636 Proof Key for Code Exchange, S256 only.
namespace Latchkey::Pkce {

// A new code_verifier: 43 characters of base64url (256 bits).
QString newVerifier();
// BASE64URL(SHA256(ASCII(verifier))).
QString challengeS256(QStringView verifier);
// 43..128 characters of [A-Z a-z 0-9 - . _ ~] (RFC 7636 §4.1).
bool isValidVerifier(QStringView verifier);
// A S256 challenge is 43 base64url characters.
bool isValidChallenge(QStringView challenge);

} // namespace Latchkey::Pkce
