#pragma once

#include <net/httpexchange.h>

#include <QAbstractTableModel>
#include <QList>

namespace Latchkey::Ui {

// The flow tester's timeline: every HTTP exchange of a test, in order, each kept masked (the
// model never holds a credential, so nothing it shows or copies can leak one).
class TimelineModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineModel)

public:
    enum Column { Time, Method, Url, Status, Duration, ColumnCount };

    explicit TimelineModel(QObject *parent = nullptr);
    ~TimelineModel() override;

    // Appends a masked copy of `exchange`.
    void append(const Core::HttpExchange &exchange);
    void clear();
    const Core::HttpExchange &at(int row) const { return m_exchanges.at(row); }
    const QList<Core::HttpExchange> &exchanges() const { return m_exchanges; }

    // The exchange as text: request line, headers and body, then the response's.
    static QString details(const Core::HttpExchange &exchange);
    // Every exchange as a curl command, one after the other, as a shell script would run them.
    QString allAsCurl() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<Core::HttpExchange> m_exchanges;
};

} // namespace Latchkey::Ui
