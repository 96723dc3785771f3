#include "timelinemodel.h"

#include <QBrush>
#include <QColor>
#include <QJsonDocument>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace Latchkey::Ui {

namespace {

QString headerLines(const Core::HttpHeaders &headers)
{
    QString text;
    for (const auto &[name, value] : headers)
        text += QString::fromLatin1(name) + u": "_s + QString::fromUtf8(value) + u'\n';
    return text;
}

// A JSON body indented; anything else as it came (bodies of a test are small).
QString bodyText(const QByteArray &body)
{
    if (body.isEmpty())
        return {};
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error == QJsonParseError::NoError && !document.isNull())
        return QString::fromUtf8(document.toJson(QJsonDocument::Indented));
    return QString::fromUtf8(body.left(64 * 1024));
}

} // namespace

TimelineModel::TimelineModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

TimelineModel::~TimelineModel() = default;

void TimelineModel::append(const Core::HttpExchange &exchange)
{
    beginInsertRows({}, int(m_exchanges.size()), int(m_exchanges.size()));
    m_exchanges.append(exchange.masked());
    endInsertRows();
}

void TimelineModel::clear()
{
    if (m_exchanges.isEmpty())
        return;
    beginResetModel();
    m_exchanges.clear();
    endResetModel();
}

QString TimelineModel::details(const Core::HttpExchange &exchange)
{
    QString text = QString::fromLatin1(exchange.method) + u' ' +
                   exchange.url.toString(QUrl::FullyEncoded) + u'\n' +
                   headerLines(exchange.requestHeaders);
    if (!exchange.requestBody.isEmpty())
        text += u'\n' + bodyText(exchange.requestBody) + u'\n';
    text += u"\n"_s;
    if (exchange.status == 0) {
        text += tr("No response: %1").arg(exchange.error) + u'\n';
        return text;
    }
    text += tr("HTTP %1 in %2 ms").arg(exchange.status).arg(exchange.elapsedMs) + u'\n' +
            headerLines(exchange.responseHeaders);
    if (!exchange.responseBody.isEmpty())
        text += u'\n' + bodyText(exchange.responseBody);
    return text;
}

QString TimelineModel::allAsCurl() const
{
    QStringList commands;
    for (const Core::HttpExchange &exchange : m_exchanges)
        commands.append(exchange.toCurl(false)); // already masked
    return commands.join(u"\n\n"_s);
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_exchanges.size());
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Core::HttpExchange &exchange = m_exchanges.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case Time:
            return QLocale().toString(exchange.startedAt.toLocalTime().time(), u"HH:mm:ss.zzz"_s);
        case Method:
            return QString::fromLatin1(exchange.method);
        case Url:
            return exchange.url.toDisplayString();
        case Status:
            return exchange.status ? QVariant(exchange.status) : QVariant(tr("no response"));
        case Duration:
            return tr("%1 ms").arg(exchange.elapsedMs);
        case ColumnCount:
            break;
        }
        return {};
    }
    if (role == Qt::ForegroundRole && index.column() == Status &&
        (exchange.status == 0 || exchange.status >= 400))
        return QBrush(QColor(u"#c62828"_s));
    if (role == Qt::ToolTipRole && index.column() == Url)
        return exchange.url.toDisplayString();
    if (role == Qt::TextAlignmentRole && (index.column() == Status || index.column() == Duration))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Time:
        return tr("Time");
    case Method:
        return tr("Method");
    case Url:
        return tr("URL");
    case Status:
        return tr("Status");
    case Duration:
        return tr("Duration");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace Latchkey::Ui
