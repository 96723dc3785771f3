// The age reader: armored and binary files, header, scrypt stanza, header MAC and STREAM
// payload. The passphrase is fixed ("fuzz passphrase", which the seeds are encrypted with at work
// factor 2) and the work factor limit low, so a run costs microseconds rather than scrypt's
// second at age's default of 18 (files made by `age -p` stop at that limit, after the header).

#include "fuzzsupport.h"

#include <protocol/age.h>

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
    constexpr int maxWorkFactor = 8;
    const Age::DecryptResult result =
        Age::decryptWithPassphrase(input, "fuzz passphrase", maxWorkFactor);
    Fuzz::check(result.plaintext.has_value() != !result.error.isEmpty(),
                "a decrypt result has exactly one of plaintext and error");
    if (result.plaintext)
        Fuzz::check(Age::isAgeFile(input), "what decrypts is an age file");
    if (Age::isArmored(input))
        Fuzz::check(Age::isAgeFile(input), "armored text is an age file");

    // What decrypts encrypts again, and back, at the lowest work factor.
    if (result.plaintext) {
        Age::EncryptOptions options;
        options.workFactor = 1;
        options.armor = size % 2 == 0;
        const QByteArray again = Age::encryptWithPassphrase(*result.plaintext, "p", options);
        const Age::DecryptResult back = Age::decryptWithPassphrase(again, "p", 1);
        Fuzz::check(back.plaintext == result.plaintext, "a round trip gives the plaintext back");
    }
    return 0;
}
