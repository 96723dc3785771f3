// Importing export files: our JSON and dotenv formats (and what is not one: Postman, curl,
// anything else), through importExport as the desktop app and latchkeyctl call it. Age-encrypted
// files are left to fuzz-age, whose limits keep scrypt cheap. What imports must export again as
// JSON and import back to the same credentials.

#include "fuzzsupport.h"

#include <export/exporters.h>
#include <export/exportreader.h>
#include <protocol/age.h>

#include <QDebug>

#include <cstdint>

using namespace Latchkey;
using namespace Latchkey::Core;

namespace {

QByteArray describe(const Result<CredentialExport> &result)
{
    return result ? QByteArray("ok") : result.error().toText().toUtf8();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    Fuzz::initApplication();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    if (Age::isAgeFile(input))
        return 0;
    bool asked = false;
    const Result<CredentialExport> imported = importExport(input, [&asked] {
        asked = true;
        return std::optional<QByteArray>();
    });
    Fuzz::check(!asked, "a plain file asks for no passphrase");
    if (!imported) {
        Fuzz::check(!imported.error().message.isEmpty(), "a failed import says why");
        return 0;
    }

    const CredentialExport &credentials = imported.value();
    const Result<QByteArray> json = toJson(credentials);
    if (!json)
        return 0; // names that make no distinct variables cannot be exported again
    const Result<CredentialExport> again = parseExport(json.value());
    Fuzz::check(bool(again), "an imported export exported as JSON imports", describe(again));
    if (again.value() != credentials) {
        const Result<QByteArray> json2 = toJson(again.value());
        Fuzz::fail("JSON keeps what was imported",
                   QByteArray(json.value() + "\n--- imported back and exported again:\n" +
                              (json2 ? json2.value() : QByteArray("(not exported)"))));
    }
    return 0;
}
