// The argon2id check of a sign-in on its own, for make bench: the authorization-code round trip
// (bench/authcode-roundtrips.mjs) is dominated by it by design, so bench/run prints the two side by
// side. It calls the server's own PasswordHasher (argon2id, m = 19 MiB, t = 2, p = 1), so the
// parameters cannot drift from what latchkey-server verifies at sign-in.
//
//   latchkey-bench-argon2 [--count N]     (default 20, 1..1000)
//   -> {"count":N,"mean_ms":…,"min_ms":…,"p50_ms":…,"max_ms":…}   (one line on stdout)
// Hashes one password once (not timed), then times N verifications of it, one after another.

#include "security/passwordhasher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <vector>

using namespace Qt::StringLiterals;
namespace PasswordHasher = Latchkey::Server::PasswordHasher;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"latchkey-bench-argon2"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Times latchkey-server's argon2id password check on its own (make bench)"_s);
    parser.addHelpOption();
    const QCommandLineOption countOption(u"count"_s, u"Verifications to time (1..1000)"_s, u"N"_s,
                                         u"20"_s);
    parser.addOption(countOption);
    parser.process(app);

    bool ok = false;
    const int count = parser.value(countOption).toInt(&ok);
    if (!ok || count < 1 || count > 1000) {
        QTextStream(stderr) << "latchkey-bench-argon2: --count wants 1..1000, got "
                            << parser.value(countOption) << Qt::endl;
        return 2;
    }

    const QString password = u"correct horse battery staple, bench"_s;
    const QString encoded = PasswordHasher::hash(password);
    std::vector<double> ms;
    ms.reserve(size_t(count));
    QElapsedTimer timer;
    for (int i = 0; i < count; ++i) {
        timer.start();
        const bool verified = PasswordHasher::verify(encoded, password);
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!verified) {
            QTextStream(stderr) << "latchkey-bench-argon2: the password did not verify" << Qt::endl;
            return 1;
        }
    }
    std::sort(ms.begin(), ms.end());
    const double mean = std::accumulate(ms.cbegin(), ms.cend(), 0.0) / double(ms.size());
    const auto round2 = [](double v) { return std::round(v * 100.0) / 100.0; };
    const QJsonObject result{{u"count"_s, count},
                             {u"mean_ms"_s, round2(mean)},
                             {u"min_ms"_s, round2(ms.front())},
                             {u"p50_ms"_s, round2(ms[ms.size() / 2])},
                             {u"max_ms"_s, round2(ms.back())}};
    const QByteArray line = QJsonDocument(result).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stdout);
    return 0;
}
