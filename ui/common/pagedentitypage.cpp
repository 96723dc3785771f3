#include "pagedentitypage.h"

#include "app/workspace.h"
#include "listfilterproxy.h"

#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QTableView>

namespace Latchkey::Ui {

namespace {

// A pause in typing before the server is asked: one query per word, not per key.
constexpr int searchDelayMs = 300;

} // namespace

PagedEntityPage::PagedEntityPage(Workspace &workspace, QAbstractItemModel *model,
                                 Core::ListKind kind, QWidget *parent)
    : EntityPage(workspace, model, parent)
    , m_kind(kind)
{
    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(searchDelayMs);
    connect(&m_searchTimer, &QTimer::timeout, this, &PagedEntityPage::filtersChanged);
}

PagedEntityPage::~PagedEntityPage() = default;

QString PagedEntityPage::searchText() const
{
    return searchField()->text().trimmed();
}

QString PagedEntityPage::statusKey() const
{
    return statusFilter()->currentData().toString();
}

void PagedEntityPage::fitTimeColumns(std::initializer_list<int> columns)
{
    const QString longest =
        QLocale().toString(QDateTime(QDate(2026, 12, 30), QTime(23, 59, 59)), QLocale::ShortFormat);
    const int width = view()->fontMetrics().horizontalAdvance(longest) + 24;
    for (int column : columns)
        view()->horizontalHeader()->resizeSection(column, width);
}

bool PagedEntityPage::isUnfiltered() const
{
    return searchText().isEmpty() && statusKey().isEmpty() && ownFiltersEmpty();
}

void PagedEntityPage::reload()
{
    m_searchTimer.stop();
    loadFilterChoices();
    if (!workspace().account() || !workspace().isOnline()) {
        showCache();
        return;
    }
    // The server filters now: the proxy shows every row it answers.
    m_serverRows = true;
    proxy()->setSearchText({}, 0);
    proxy()->setStatus({});
    query();
}

void PagedEntityPage::filtersChanged()
{
    m_searchTimer.stop();
    if (m_serverRows && workspace().account() && workspace().isOnline())
        query();
}

void PagedEntityPage::searchChanged(const QString &text)
{
    if (m_serverRows)
        m_searchTimer.start();
    else
        EntityPage::searchChanged(text);
}

void PagedEntityPage::statusChanged(const QString &status)
{
    if (m_serverRows)
        filtersChanged();
    else
        EntityPage::statusChanged(status);
}

void PagedEntityPage::showCache()
{
    m_serverRows = false;
    if (m_showCached)
        m_showCached();
    // Offline the search and the status filter work on the cached rows.
    proxy()->setSearchText(searchField()->text(), 0);
    proxy()->setStatus(statusKey());
}

void PagedEntityPage::pageFinished(const Core::Error *error, bool firstPage, bool current)
{
    // The rows first: the window counts the page as loaded once it is no longer busy.
    if (current && error && error->kind != Core::Error::Kind::Cancelled) {
        workspace().reportFailure(*error);
        if (firstPage && !workspace().isOnline())
            showCache();
        Q_EMIT message(error->message);
    } else if (current && !error && firstPage) {
        workspace().reportSynced();
    }
    endBusy();
}

} // namespace Latchkey::Ui
