// The admin API through the server's real handler code: JSON bodies of create, update, rotate
// and bulk revoke, list queries, If-Match. Requests carry the admin token unless the input has
// its own Authorization header. See serverharness.h for the input format.

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
    Latchkey::Fuzz::ServerHarness::instance().run(QByteArrayView(data, qsizetype(size)), true);
    return 0;
}
