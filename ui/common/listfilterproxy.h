#pragma once

#include <QSortFilterProxyModel>
#include <QTimer>

namespace Latchkey::Ui {

// What the filter proxy reads from a list model without going through QVariant: filtering a
// million rows has to stay far under 100 ms.
class FilterableModel
{
public:
    virtual ~FilterableModel() = default;
    // Does the row's text contain `needle`, folded (foldForSearch) and in UTF-8?
    virtual bool matches(int row, const QByteArray &needle) const = 0;
    // The row's status as the status filter names it ("active", "disabled", "revoked"…).
    virtual QStringView statusKey(int row) const = 0;
};

// Search-as-you-type and a status filter over a FilterableModel, sorting by the model's
// SortRole (raw values: dates sort as dates). Typing restarts a short timer instead of
// refiltering on every keystroke.
class ListFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListFilterProxy)

public:
    explicit ListFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;
    // Folded here; applied after a pause in typing (0 ms applies at once).
    void setSearchText(const QString &text, int delayMs = 120);
    QString searchText() const { return m_search; }
    // Empty: every status.
    void setStatus(const QString &status);
    QString status() const { return m_status; }
    // Refilters now if a change is waiting.
    void applyPending();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    const FilterableModel *m_filterable = nullptr;
    QString m_search;
    QString m_pendingSearch;
    QByteArray m_needle; // m_search in UTF-8
    QString m_status;
    QTimer m_timer;
};

} // namespace Latchkey::Ui
