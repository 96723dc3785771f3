// The OAuth endpoints and the protected resource through the server's real handler code: form
// bodies and Basic credentials of /oauth/token, /oauth/revoke and /oauth/introspect, the
// authorize query, its sign-in and consent forms and session cookie, and the Hawk or Bearer
// Authorization header of /api/v2. See serverharness.h for the input format.

#include "fuzzsupport.h"
#include "serverharness.h"

#include <cstdint>

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Latchkey::Fuzz::initApplication();
    Latchkey::Fuzz::ServerHarness::instance();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    Latchkey::Fuzz::ServerHarness::instance().run(QByteArrayView(data, qsizetype(size)), false);
    return 0;
}
