#pragma once

#include "entityeditdialog.h"
#include "entitylistmodel.h"
#include "fetchall.h"
#include "listcache.h"

#include <net/result.h>

#include <QModelIndex>
#include <QPointer>
#include <QWidget>

#include <functional>

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
struct NewSecret;

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
    // Widens the columns whose header text does not fit (a translation is often longer than the
    // English the default widths were chosen for), the first time the page shows.
    void showEvent(QShowEvent *event) override;

    // `mutating`: changes the account, so it needs the window online.
    void addAction(QAction *action, bool mutating);

    // The actions of a page over items the admin creates (keys, consumers), in toolbar order.
    struct ItemActions
    {
        QAction *create;
        QAction *edit;
        QAction *rotate;
        QAction *toggle; // Disable / Enable
        QAction *remove;
        QAction *copy;
        QAction *exportItems;
        QAction *test; // in the Flow Tester, one click
    };
    // Adds them to the toolbar and the context menu with the platform's shortcuts (F2, Delete,
    // Ctrl+C, Ctrl+T; Ctrl+N is the window's), and double-click edits.
    void addItemActions(const ItemActions &actions);
    // Enables them for the selection: one item to change, one or more to copy or export.
    // `disabled`: the current item is disabled, so the toggle enables it.
    void updateItemActions(const ItemActions &actions, bool canRotate, bool disabled);
    void addSeparator();
    // Adds a widget to the filter row, after the status filter.
    void addFilterWidget(QWidget *widget);
    void setStatusFilterItems(const QList<std::pair<QString, QString>> &labelAndKey);
    // The model row of the current view row, or -1.
    int currentSourceRow() const;
    // The entity of the current row, when it is selected.
    template<typename T>
    std::optional<T> currentItem(const EntityListModel<T> *model) const
    {
        const int row = currentSourceRow();
        return row < 0 ? std::nullopt : std::optional<T>(model->at(row));
    }
    QList<int> selectedSourceRows() const;
    // The search text or the status filter changed. By default the proxy filters the loaded
    // rows; a page whose list the server filters and pages queries the server again instead.
    virtual void searchChanged(const QString &text);
    virtual void statusChanged(const QString &status);
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

    // Loads a list the window holds whole (keys, consumers) and the permission groups: every
    // page from the account when online, then cached; the cached rows offline or when the
    // account fails. Answers of an earlier load are dropped.
    template<typename T>
    void loadWholeList(
        EntityListModel<T> *model, Core::ListKind kind,
        Core::Task<Core::ListPage<T>> (Core::AccountClient::*fetchPage)(const Core::ListQuery &));
    // Opens a create or edit dialog and sends what it submits with `send`: a refusal stays in
    // the dialog (errors under their fields), an answer closes it and goes to `done`. An edit
    // that changed nothing just closes.
    template<typename T>
    void
    openEditDialog(EntityEditDialog *dialog,
                   std::function<Core::Task<T>(Core::AccountClient &, const QJsonObject &)> send,
                   std::function<void(T)> done);
    // The account's permission groups as of the last load.
    const QList<PermissionGroup> &groups() const { return m_groups; }

    // Shows a new secret once (SecretDialog); reports how keeping it in the keychain went.
    // `exportRequested`: the dialog's Export… button.
    void showNewSecret(const NewSecret &secret, std::function<void()> exportRequested);

    // What a change says when the window has no account to send it to.
    static Core::Error notConnectedError();
    // A time in the user's long format for the detail panel; empty when there is none.
    static QString longTime(const QDateTime &time);

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
    QList<PermissionGroup> m_groups;
    quint64 m_loads = 0;
    int m_busy = 0;
    bool m_headersFitted = false;
};

template<typename T>
void EntityPage::openEditDialog(
    EntityEditDialog *dialog,
    std::function<Core::Task<T>(Core::AccountClient &, const QJsonObject &)> send,
    std::function<void(T)> done)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &EntityEditDialog::submitted, this,
            [this, dialog, send, done](const QJsonObject &fields) {
                if (fields.isEmpty()) {
                    dialog->reject();
                    return;
                }
                Core::AccountClient *account = m_workspace.account();
                if (!account) {
                    dialog->showError(notConnectedError());
                    return;
                }
                dialog->setBusy(true);
                send(*account, fields)
                    .then(QtFuture::Launch::Sync,
                          Core::guarded(dialog, [this, dialog, done](Core::Result<T> answer) {
                              if (!answer) {
                                  m_workspace.reportFailure(answer.error());
                                  dialog->showError(answer.error());
                                  return;
                              }
                              dialog->setBusy(false);
                              dialog->accept();
                              done(answer.value());
                          }));
            });
    dialog->open();
}

template<typename T>
void EntityPage::loadWholeList(
    EntityListModel<T> *model, Core::ListKind kind,
    Core::Task<Core::ListPage<T>> (Core::AccountClient::*fetchPage)(const Core::ListQuery &))
{
    const quint64 load = ++m_loads;
    m_workspace.permissionGroups().then(
        QtFuture::Launch::Sync,
        Core::guarded(this, [this, model, load](Core::Result<QList<PermissionGroup>> groups) {
            if (load != m_loads || !groups)
                return;
            m_groups = groups.value();
            model->setGroups(m_groups);
        }));
    QPointer<Core::AccountClient> account = m_workspace.account();
    if (!account || !m_workspace.isOnline()) {
        model->setRows(cachedList<T>(m_workspace, kind));
        return;
    }
    beginBusy();
    Core::ListQuery query;
    query.limit = 1000;
    fetchAll<T>(this, pageFetcher<T>(account, fetchPage, query))
        .then(QtFuture::Launch::Sync,
              Core::guarded(this, [this, model, kind, load](Core::Result<QList<T>> items) {
                  // The rows first: the window counts the page as loaded once it is no longer busy.
                  if (load == m_loads && !items) {
                      m_workspace.reportFailure(items.error());
                      model->setRows(cachedList<T>(m_workspace, kind));
                      Q_EMIT message(items.error().message);
                  } else if (load == m_loads) {
                      model->setRows(items.value());
                      saveCachedList(m_workspace, kind, model->rows());
                      m_workspace.reportSynced();
                  }
                  endBusy();
              }));
}

} // namespace Latchkey::Ui
