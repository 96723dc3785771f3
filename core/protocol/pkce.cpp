#include "pkce.h"

#include "base64url.h"
#include "crypto.h"
#include "random.h"

namespace Latchkey::Pkce {

QString newVerifier()
{
    return Random::secret(256);
}

QString challengeS256(QStringView verifier)
{
    return QString::fromLatin1(Base64Url::encode(Crypto::sha256(verifier.toLatin1())));
}

namespace {

bool isUnreserved(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') ||
           u == u'-' || u == u'.' || u == u'_' || u == u'~';
}

} // namespace

bool isValidVerifier(QStringView verifier)
{
    if (verifier.size() < 43 || verifier.size() > 128)
        return false;
    return std::all_of(verifier.begin(), verifier.end(), isUnreserved);
}

bool isValidChallenge(QStringView challenge)
{
    if (challenge.size() != 43)
        return false;
    const auto decoded = Base64Url::decode(challenge.toLatin1());
    return decoded && decoded->size() == 32;
}

} // namespace Latchkey::Pkce
