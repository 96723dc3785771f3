#pragma once

#include <net/result.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

// What latchkeyctl prints: aligned tables for people, one JSON document with --json for scripts,
// errors on stderr with what to do, and the exit codes DESIGN.md fixes.
namespace Latchkey::Ctl {

enum ExitCode { Ok = 0, ServerFailure = 1, Usage = 2, Authentication = 3, Network = 4 };

ExitCode exitCodeFor(const Core::Error &error);

void printTable(const QStringList &headers, const QList<QStringList> &rows);
void printJson(const QJsonValue &value);
void printFields(const QList<QPair<QString, QString>> &fields);
void printLine(const QString &line);
// Bytes exactly as they are (an export on stdout).
void printBytes(QByteArrayView bytes);
void printError(const QString &message);
ExitCode reportError(const Core::Error &error, bool json);

} // namespace Latchkey::Ctl
