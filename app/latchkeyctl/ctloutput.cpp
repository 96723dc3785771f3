#include "ctloutput.h"

#include <QJsonDocument>
#include <QTextStream>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace Latchkey::Ctl {

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

} // namespace

ExitCode exitCodeFor(const Core::Error &error)
{
    switch (error.kind) {
    case Core::Error::Kind::Network:
    case Core::Error::Kind::Timeout:
        return Network;
    case Core::Error::Kind::Authentication:
        return Authentication;
    case Core::Error::Kind::Usage:
        return Usage;
    default:
        return ServerFailure;
    }
}

void printTable(const QStringList &headers, const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QString &header : headers)
        widths.append(header.size());
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = qMax(widths[i], row.at(i).size());
    }
    auto line = [&widths](const QStringList &cells) {
        QString text;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            const bool last = i == cells.size() - 1;
            text += last ? cells.at(i) : cells.at(i).leftJustified(widths.at(i) + 2);
        }
        return text;
    };
    out() << line(headers) << u'\n';
    for (const QStringList &row : rows)
        out() << line(row) << u'\n';
    out().flush();
}

void printJson(const QJsonValue &value)
{
    const QJsonDocument document =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out() << QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    out().flush();
}

void printFields(const QList<QPair<QString, QString>> &fields)
{
    qsizetype width = 0;
    for (const auto &[name, value] : fields)
        width = qMax(width, name.size());
    for (const auto &[name, value] : fields)
        out() << QString(name + u':').leftJustified(width + 2) << value << u'\n';
    out().flush();
}

void printLine(const QString &line)
{
    out() << line << u'\n';
    out().flush();
}

void printBytes(QByteArrayView bytes)
{
    out().flush();
    std::fwrite(bytes.data(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void printError(const QString &message)
{
    err() << u"latchkeyctl: "_s << message << u'\n';
    err().flush();
}

ExitCode reportError(const Core::Error &error, bool json)
{
    if (json) {
        QJsonObject object{{u"error"_s, error.message}};
        if (!error.hint.isEmpty())
            object.insert(u"hint"_s, error.hint);
        if (error.httpStatus)
            object.insert(u"status"_s, error.httpStatus);
        if (!error.problem.errors.isEmpty())
            object.insert(u"problem"_s, error.problem.toJson());
        err() << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << u'\n';
        err().flush();
    } else {
        printError(error.toText());
    }
    return exitCodeFor(error);
}

} // namespace Latchkey::Ctl
