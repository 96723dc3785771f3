// Hawk: the Authorization header parser (what HawkVerifier reads first, before any MAC) and the
// WWW-Authenticate challenge parser of the client. A header that parses must print back to a
// header that parses to the same artifacts.

#include "fuzzsupport.h"

#include <protocol/hawk.h>

#include <cstdint>

using namespace Latchkey;

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Fuzz::initApplication();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArrayView input(data, qsizetype(size));

    const Hawk::ParseResult parsed = Hawk::parseAuthorizationHeader(input);
    Fuzz::check(parsed.artifacts.has_value() != !parsed.error.isEmpty(),
                "a parse result has exactly one of artifacts and error");
    if (const auto &artifacts = parsed.artifacts) {
        Fuzz::check(!artifacts->id.isEmpty() && !artifacts->nonce.isEmpty() &&
                        !artifacts->mac.isEmpty() && artifacts->ts >= 0,
                    "parsed artifacts have id, nonce, mac and a timestamp");
        const QByteArray printed = Hawk::authorizationHeader(*artifacts);
        Fuzz::check(!printed.isEmpty(), "parsed artifacts print back to a header", input);
        const Hawk::ParseResult again = Hawk::parseAuthorizationHeader(printed);
        Fuzz::check(again.artifacts.has_value(), "a printed header parses", printed);
        const Hawk::Artifacts &a = *artifacts;
        const Hawk::Artifacts &b = *again.artifacts;
        // dlg without app is not part of the MAC, so the printer leaves it out (as hawk does).
        Fuzz::check(a.id == b.id && a.ts == b.ts && a.nonce == b.nonce && a.hash == b.hash &&
                        a.ext == b.ext && a.mac == b.mac && a.app == b.app &&
                        (a.app.isEmpty() || a.dlg == b.dlg),
                    "a printed header parses to the same artifacts", printed);
        Hawk::Artifacts signing = *artifacts;
        signing.method = "POST";
        signing.resource = "/api/v2/assets?x=1";
        signing.host = "Example.COM";
        signing.port = 443;
        Fuzz::check(!Hawk::calculateMac("key", "header", signing).isEmpty(), "a MAC is computed");
    }

    // The client's side: a server's stale-timestamp challenge.
    const auto ts =
        Hawk::verifiedServerTimestamp(input, "werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn");
    Fuzz::check(!ts || *ts >= 0, "a verified server timestamp is not negative");

    // Payload hashes split the input into a content type and a body.
    const qsizetype split = input.indexOf('\n');
    if (split >= 0)
        Fuzz::check(!Hawk::payloadHash(input.first(split), input.sliced(split + 1)).isEmpty(),
                    "a payload hash is computed");
    return 0;
}
