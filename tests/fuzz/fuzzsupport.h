#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

// What every fuzz target shares: one QCoreApplication, quiet logging, and invariant checks that
// abort (a broken invariant is a finding, like a crash).
namespace Latchkey::Fuzz {

inline void discardMessages(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg) {
        std::fprintf(stderr, "qFatal: %s\n", qPrintable(message));
        std::abort();
    }
}

// Call from LLVMFuzzerInitialize. Product logging is dropped (LATCHKEY_FUZZ_LOG=1 keeps it): at
// thousands of runs a second it would only slow the fuzzer down, and every finding shows up as
// an abort anyway.
inline void initApplication()
{
    static int argc = 1;
    static char name[] = "latchkey-fuzz";
    static char *argv[] = {name, nullptr};
    if (!QCoreApplication::instance())
        new QCoreApplication(argc, argv); // lives as long as the process
    if (!qEnvironmentVariableIsSet("LATCHKEY_FUZZ_LOG"))
        qInstallMessageHandler(discardMessages);
}

[[noreturn]] inline void fail(const char *what, QByteArrayView detail = {})
{
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    if (!detail.isEmpty())
        std::fprintf(stderr, "  %.*s\n", int(std::min<qsizetype>(detail.size(), 8000)),
                     detail.data());
    std::abort();
}

inline void check(bool condition, const char *what, QByteArrayView detail = {})
{
    if (!condition)
        fail(what, detail);
}

} // namespace Latchkey::Fuzz
