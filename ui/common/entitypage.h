#pragma once

#include <net/result.h>

#include <QModelIndex>
#include <QWidget>

class QAbstractItemModel;
class QAction;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QTableView;
class QTextBrowser;
class QToolBar;

namespace Latchkey::Ui {

class ListFilterProxy;
class Workspace;

// One section of the window: a toolbar, a search field with a status filter, a sortable table
// over a list model (through ListFilterProxy), and a detail panel for the current row. Actions
// added with addAction() appear in the toolbar and the table's context menu; actions that change
// the account are disabled while the window is offline or signed out.
class EntityPage : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EntityPage)

public:
    EntityPage(Workspace &workspace, QAbstractItemModel *model, QWidget *parent = nullptr);
    ~EntityPage() override;

    virtual QString title() const = 0;
    // Loads the list: from the account when online, else from the cache.
    virtual void reload() = 0;
    // The primary action of the page for Ctrl+N, or null.
    virtual QAction *newAction() const { return nullptr; }

    QTableView *view() const { return m_view; }
    ListFilterProxy *proxy() const { return m_proxy; }
    QLineEdit *searchField() const { return m_search; }
    QComboBox *statusFilter() const { return m_status; }
    void focusSearch();
    // The ids of the selected rows, in view order.
    QStringList selectedIds() const;
    // Selects the row with this id (after a create, say); false when it is not shown.
    bool selectId(const QString &id);
    // Is a request of this page running (the window shows progress).
    bool isBusy() const { return m_busy > 0; }

Q_SIGNALS:
    void busyChanged(bool busy);
    // A one-line outcome for the status bar ("Key ERP Sync rotated").
    void message(const QString &text);

protected:
    // `mutating`: changes the account, so it needs the window online.
    void addAction(QAction *action, bool mutating);
    void addSeparator();
    // Adds a widget to the filter row, after the status filter.
    void addFilterWidget(QWidget *widget);
    void setStatusFilterItems(const QList<std::pair<QString, QString>> &labelAndKey);
    // The model row of the current view row, or -1.
    int currentSourceRow() const;
    QList<int> selectedSourceRows() const;
    // Enables and disables actions; pages extend it for selection-dependent ones.
    virtual void updateActions();
    virtual QString detailsHtml(int sourceRow) const = 0;
    void refreshDetails();

    // Shows the error in a message box (with what to do) and tells the workspace about it.
    void showError(const QString &title, const Core::Error &error);
    // Tracks a running request: progress in the status bar, actions kept consistent.
    void beginBusy();
    void endBusy();

    Workspace &workspace() const { return m_workspace; }
    bool canChange() const;

    // HTML-escaped "label: value" rows for the detail panel.
    static QString detailsTable(const QList<std::pair<QString, QString>> &rows);

private:
    Workspace &m_workspace;
    ListFilterProxy *m_proxy;
    QToolBar *m_toolBar;
    QLineEdit *m_search;
    QComboBox *m_status;
    QHBoxLayout *m_filterRow;
    QTableView *m_view;
    QTextBrowser *m_details;
    QList<QAction *> m_mutating;
    int m_busy = 0;
};

} // namespace Latchkey::Ui
