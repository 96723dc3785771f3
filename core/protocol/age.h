#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

// The age v1 file format (https://age-encryption.org/v1) with the scrypt (passphrase) recipient
// only: what `age -p` writes and `age -d` reads, binary or ASCII-armored. Whole buffers in and
// out; no I/O.
namespace Latchkey::Age {

struct EncryptOptions
{
    // log2 of scrypt's N. 18 is what `age -p` uses (256 MiB, about a second); it must be 1..30.
    int workFactor = 18;
    // PEM-like "-----BEGIN AGE ENCRYPTED FILE-----" text instead of the binary format.
    bool armor = false;
};

// A new age file with a fresh file key, salt and nonce. Aborts if workFactor is out of range.
QByteArray encryptWithPassphrase(QByteArrayView plaintext, QByteArrayView passphrase,
                                 const EncryptOptions &options = {});

struct DecryptResult
{
    std::optional<QByteArray> plaintext;
    QString error; // a sentence a person can act on; empty on success
};

// Decrypts an age file, binary or armored. Every rule of the spec is enforced (a single scrypt
// stanza, canonical base64, the header MAC, STREAM's chunking, no trailing data); on any failure
// the result holds an error and no plaintext. Files whose work factor is above `maxWorkFactor`
// are refused before scrypt runs: 22 needs 4 GiB of memory, and the hard ceiling is 30.
DecryptResult decryptWithPassphrase(QByteArrayView file, QByteArrayView passphrase,
                                    int maxWorkFactor = 22);

// The data looks like an age file: a binary header ("age-encryption.org/", any version) or armor.
bool isAgeFile(QByteArrayView data);
// The data starts, after optional whitespace, with "-----BEGIN AGE ENCRYPTED FILE-----".
bool isArmored(QByteArrayView data);

} // namespace Latchkey::Age
