#include "entitypage.h"

#include "app/workspace.h"
#include "icons.h"
#include "listfilterproxy.h"
#include "listroles.h"
#include "secrets/secretdialog.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Latchkey::Ui {

EntityPage::EntityPage(Workspace &workspace, QAbstractItemModel *model, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_proxy(new ListFilterProxy(this))
    , m_toolBar(new QToolBar(this))
    , m_search(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_filterRow(new QHBoxLayout)
    , m_view(new QTableView(this))
    , m_details(new QTextBrowser(this))
{
    m_proxy->setSourceModel(model);

    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize({18, 18});

    m_search->setPlaceholderText(tr("Search (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(240);
    m_search->setAccessibleName(tr("Search"));
    connect(m_search, &QLineEdit::textChanged, this, &EntityPage::searchChanged);
    m_status->setAccessibleName(tr("Status filter"));
    connect(m_status, &QComboBox::currentIndexChanged, this,
            [this] { statusChanged(m_status->currentData().toString()); });
    m_filterRow->addWidget(m_search, 1);
    m_filterRow->addWidget(m_status);

    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->hide();
    // Fixed row heights: the view never measures a row it does not show.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->sortByColumn(-1, Qt::AscendingOrder);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        QMenu menu(this);
        menu.addActions(m_toolBar->actions());
        menu.exec(m_view->viewport()->mapToGlobal(at));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        refreshDetails();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &EntityPage::refreshDetails);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] {
        updateActions();
        refreshDetails();
    });

    m_details->setOpenLinks(false);
    m_details->setMinimumWidth(260);
    m_details->setAccessibleName(tr("Details"));

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_toolBar);
    auto *filters = new QWidget(this);
    filters->setLayout(m_filterRow);
    m_filterRow->setContentsMargins(8, 0, 8, 0);
    layout->addWidget(filters);
    layout->addWidget(splitter, 1);

    connect(&workspace, &Workspace::connectionChanged, this, &EntityPage::updateActions);
}

EntityPage::~EntityPage() = default;

void EntityPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_headersFitted)
        return;
    m_headersFitted = true;
    // The header's own size hint measures only its text, never the rows.
    QHeaderView *header = m_view->horizontalHeader();
    for (int column = 0; column < header->count(); ++column) {
        const int needed = header->sectionSizeHint(column);
        if (header->sectionSize(column) < needed)
            header->resizeSection(column, needed);
    }
}

void EntityPage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void EntityPage::searchChanged(const QString &text)
{
    m_proxy->setSearchText(text);
}

void EntityPage::statusChanged(const QString &status)
{
    m_proxy->setStatus(status);
}

void EntityPage::addAction(QAction *action, bool mutating)
{
    m_toolBar->addAction(action);
    QWidget::addAction(action);
    if (mutating)
        m_mutating.append(action);
}

void EntityPage::addItemActions(const ItemActions &actions)
{
    actions.edit->setShortcut(Qt::Key_F2);
    actions.remove->setShortcut(QKeySequence::Delete);
    actions.copy->setShortcut(QKeySequence::Copy);
    actions.test->setShortcut(Qt::CTRL | Qt::Key_T);
    for (QAction *action : {actions.edit, actions.remove, actions.copy, actions.test})
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    for (QAction *action :
         {actions.create, actions.edit, actions.rotate, actions.toggle, actions.remove})
        addAction(action, true);
    addSeparator();
    addAction(actions.copy, false);
    addAction(actions.exportItems, false);
    addAction(actions.test, true);
    connect(m_view, &QAbstractItemView::doubleClicked, actions.edit, &QAction::trigger);
}

void EntityPage::updateItemActions(const ItemActions &actions, bool canRotate, bool disabled)
{
    const bool one = canChange() && selectedIds().size() == 1;
    const bool any = !selectedIds().isEmpty();
    actions.edit->setEnabled(one);
    actions.rotate->setEnabled(one && canRotate);
    actions.toggle->setEnabled(one);
    actions.remove->setEnabled(one);
    actions.copy->setEnabled(any);
    actions.exportItems->setEnabled(any);
    actions.test->setEnabled(one);
    actions.toggle->setText(disabled ? tr("E&nable") : tr("&Disable"));
    actions.toggle->setIcon(icon(disabled ? u"enable" : u"disable"));
}

void EntityPage::addSeparator()
{
    m_toolBar->addSeparator();
}

void EntityPage::addFilterWidget(QWidget *widget)
{
    m_filterRow->addWidget(widget);
}

void EntityPage::setStatusFilterItems(const QList<std::pair<QString, QString>> &labelAndKey)
{
    m_status->clear();
    for (const auto &[label, key] : labelAndKey)
        m_status->addItem(label, key);
}

int EntityPage::currentSourceRow() const
{
    const QModelIndex current = m_view->selectionModel()->currentIndex();
    if (!current.isValid() || !m_view->selectionModel()->isRowSelected(current.row()))
        return -1;
    return m_proxy->mapToSource(current).row();
}

QList<int> EntityPage::selectedSourceRows() const
{
    QList<int> rows;
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    rows.reserve(selected.size());
    for (const QModelIndex &index : selected)
        rows.append(m_proxy->mapToSource(index).row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

QStringList EntityPage::selectedIds() const
{
    QStringList ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        ids.append(index.data(IdRole).toString());
    return ids;
}

bool EntityPage::selectId(const QString &id)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (index.data(IdRole).toString() == id) {
            m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                                 QItemSelectionModel::Rows);
            m_view->scrollTo(index);
            return true;
        }
    }
    return false;
}

bool EntityPage::canChange() const
{
    return m_workspace.isOnline() && m_busy == 0;
}

void EntityPage::updateActions()
{
    const bool online = canChange();
    for (QAction *action : std::as_const(m_mutating))
        action->setEnabled(online);
}

void EntityPage::refreshDetails()
{
    const int row = currentSourceRow();
    m_details->setHtml(row < 0 ? u"<p style='color:gray'>%1</p>"_s.arg(
                                     tr("Select a row to see its details.").toHtmlEscaped())
                               : detailsHtml(row));
}

QString EntityPage::detailsTable(const QList<std::pair<QString, QString>> &rows)
{
    QString html = u"<table cellspacing='0' cellpadding='4'>"_s;
    for (const auto &[label, value] : rows)
        html += u"<tr><td style='color:gray' valign='top'>%1</td><td>%2</td></tr>"_s.arg(
            label.toHtmlEscaped(), value.isEmpty() ? u"—"_s : value.toHtmlEscaped());
    return html + u"</table>"_s;
}

void EntityPage::showError(const QString &title, const Core::Error &error)
{
    m_workspace.reportFailure(error);
    // Window-modal and non-blocking: no nested event loop.
    auto *box = new QMessageBox(QMessageBox::Warning, title, error.message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(u"errorBox"_s);
    QString more;
    for (const auto &field : error.problem.errors)
        more += field.field + u": "_s + field.message + u'\n';
    if (!error.hint.isEmpty())
        more += error.hint;
    box->setInformativeText(more.trimmed());
    box->open();
}

void EntityPage::showNewSecret(const NewSecret &secret, std::function<void()> exportRequested)
{
    auto *dialog = new SecretDialog(m_workspace, secret, this);
    connect(dialog, &SecretDialog::exportRequested, this, std::move(exportRequested));
    connect(dialog, &SecretDialog::keychainDone, this,
            [this, dialog](bool ok, const QString &text) {
                dialog->deleteLater();
                if (!ok)
                    showError(tr("The secret is not in the keychain"),
                              Core::Error{Core::Error::Kind::Keychain,
                                          0,
                                          text,
                                          tr("Rotate the secret once the keychain works to keep "
                                             "a copy."),
                                          {},
                                          {}});
                else
                    Q_EMIT message(text);
            });
    dialog->open();
}

Core::Error EntityPage::notConnectedError()
{
    return Core::Error{Core::Error::Kind::Network,
                       0,
                       tr("Not connected to the account."),
                       tr("Retry once the window is back online."),
                       {},
                       {}};
}

QString EntityPage::longTime(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::LongFormat) : QString();
}

void EntityPage::beginBusy()
{
    if (m_busy++ == 0) {
        updateActions();
        Q_EMIT busyChanged(true);
    }
}

void EntityPage::endBusy()
{
    if (m_busy > 0 && --m_busy == 0) {
        updateActions();
        Q_EMIT busyChanged(false);
    }
}

} // namespace Latchkey::Ui
