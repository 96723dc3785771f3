// Runs a fuzz target's body over files, without libFuzzer: the regression tests of make test
// (built with GCC in the ci preset) feed it the committed seeds and crash reproducers, so every
// finding stays fixed. Arguments are files or directories (read recursively); a directory that
// does not exist is skipped, but at least one input must be found. An input that takes longer
// than maxSeconds fails the run, so a reproducer of a hang or a quadratic blowup fails fast.

#include <QByteArray>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <algorithm>
#include <cstdint>
#include <cstdio>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv);
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size);

namespace {
// Far above what any input takes in the ci build (ASan, no optimisation): a sign-in with argon2
// is the slowest, under a second.
constexpr qint64 maxSeconds = 10;
} // namespace

int main(int argc, char **argv)
{
    QStringList files;
    for (int i = 1; i < argc; ++i) {
        const QString path = QString::fromLocal8Bit(argv[i]);
        const QFileInfo info(path);
        if (info.isFile()) {
            files.append(path);
        } else if (info.isDir()) {
            QStringList found;
            QDirIterator it(path, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext())
                found.append(it.next());
            std::sort(found.begin(), found.end());
            files.append(found);
        }
    }
    if (files.isEmpty()) {
        std::fprintf(stderr, "no inputs found in the given paths\n");
        return 2;
    }

    LLVMFuzzerInitialize(&argc, &argv);
    int slow = 0;
    for (const QString &path : std::as_const(files)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "cannot read %s\n", qPrintable(path));
            return 2;
        }
        const QByteArray data = file.readAll();
        std::fprintf(stderr, "running %s (%lld bytes)\n", qPrintable(path),
                     static_cast<long long>(data.size()));
        QElapsedTimer timer;
        timer.start();
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t *>(data.constData()),
                               std::size_t(data.size()));
        if (timer.elapsed() > maxSeconds * 1000) {
            std::fprintf(stderr, "SLOW: %s took %lld ms\n", qPrintable(path),
                         static_cast<long long>(timer.elapsed()));
            ++slow;
        }
    }
    std::fprintf(stderr, "ran %lld inputs, %d too slow\n", static_cast<long long>(files.size()),
                 slow);
    return slow == 0 ? 0 : 1;
}
