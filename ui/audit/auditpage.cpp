#include "auditpage.h"

#include "app/workspace.h"
#include "auditlistmodel.h"
#include "common/fetchall.h"
#include "common/icons.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QHeaderView>
#include <QJsonDocument>
#include <QPointer>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace Latchkey::Ui {

AuditPage::AuditPage(Workspace &workspace, QWidget *parent)
    : PagedEntityPage(workspace, new AuditListModel, Core::ListKind::Audit, parent)
    , m_model(static_cast<AuditListModel *>(proxy()->sourceModel()))
    , m_actionFilter(new QComboBox(this))
    , m_sinceFilter(new QComboBox(this))
    , m_copy(new QAction(icon(u"copy"), tr("&Copy"), this))
{
    setObjectName(u"auditPage"_s);
    m_model->setParent(this);
    follow(m_model);

    m_copy->setObjectName(u"copyEventsAction"_s);
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_copy, false);
    connect(m_copy, &QAction::triggered, this, &AuditPage::copyEvents);

    // Events have no status; the action and time filters take its place.
    statusFilter()->hide();
    m_actionFilter->setObjectName(u"actionFilter"_s);
    m_actionFilter->setAccessibleName(tr("Action filter"));
    m_actionFilter->addItem(tr("All actions"), QString());
    for (const QString &action : AuditListModel::knownActions())
        m_actionFilter->addItem(AuditListModel::actionText(action), action);
    m_sinceFilter->setObjectName(u"sinceFilter"_s);
    m_sinceFilter->setAccessibleName(tr("Time filter"));
    m_sinceFilter->addItem(tr("Any time"), 0);
    m_sinceFilter->addItem(tr("Last hour"), 3600);
    m_sinceFilter->addItem(tr("Last 24 hours"), 24 * 3600);
    m_sinceFilter->addItem(tr("Last 7 days"), 7 * 24 * 3600);
    m_sinceFilter->addItem(tr("Last 30 days"), 30 * 24 * 3600);
    addFilterWidget(m_actionFilter);
    addFilterWidget(m_sinceFilter);
    for (QComboBox *box : {m_actionFilter, m_sinceFilter})
        connect(box, &QComboBox::currentIndexChanged, this, &AuditPage::filtersChanged);

    for (QComboBox *box : {m_actionFilter, m_sinceFilter})
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_actionFilter->setMinimumContentsLength(20);
    m_sinceFilter->setMinimumContentsLength(12);
    fitTimeColumns({AuditListModel::Time});
    QHeaderView *header = view()->horizontalHeader();
    header->resizeSection(AuditListModel::Actor, 190);
    header->resizeSection(AuditListModel::Action, 170);
    header->resizeSection(AuditListModel::TargetType, 90);
    header->resizeSection(AuditListModel::Target, 150);
    header->resizeSection(AuditListModel::RemoteAddress, 100);
    updateActions();
}

AuditPage::~AuditPage() = default;

QString AuditPage::title() const
{
    return tr("Audit Log");
}

bool AuditPage::ownFiltersEmpty() const
{
    return m_actionFilter->currentData().toString().isEmpty() &&
           m_sinceFilter->currentData().toInt() == 0;
}

// Newest first, as the server pages; a column header sorts the loaded events (times as times)
// and the pages loaded while scrolling join in that order.
void AuditPage::query()
{
    QPointer<Core::AccountClient> account = workspace().account();
    Core::ListQuery base;
    base.search = searchText();
    base.limit = pageSize;
    if (const QString action = m_actionFilter->currentData().toString(); !action.isEmpty())
        base.filters.append({u"action"_s, action});
    if (const int seconds = m_sinceFilter->currentData().toInt(); seconds > 0)
        base.filters.append(
            {u"since"_s, toRfc3339(QDateTime::currentDateTimeUtc().addSecs(-seconds))});
    m_model->query(pageFetcher(account, &Core::AccountClient::audit, base));
}

void AuditPage::updateActions()
{
    PagedEntityPage::updateActions();
    m_copy->setEnabled(!selectedIds().isEmpty());
    m_actionFilter->setEnabled(showsServerRows());
    m_sinceFilter->setEnabled(showsServerRows());
}

QString AuditPage::detailsHtml(int sourceRow) const
{
    const AuditEvent &event = m_model->at(sourceRow);
    QList<std::pair<QString, QString>> rows{
        {tr("Time"), QLocale().toString(event.at.toLocalTime(), QLocale::LongFormat)},
        {tr("Actor"), event.actor},
        {tr("Action"), event.action},
        {tr("Target type"), AuditListModel::targetTypeText(event.targetType)},
        {tr("Target"), event.targetId},
        {tr("Remote address"), event.remoteAddress},
    };
    for (auto it = event.details.constBegin(); it != event.details.constEnd(); ++it) {
        const QString value =
            it->isArray() || it->isObject()
                ? QString::fromUtf8(
                      QJsonDocument::fromVariant(it->toVariant()).toJson(QJsonDocument::Compact))
                : it->toVariant().toString();
        rows.append({it.key(), value});
    }
    return u"<h3>%1</h3>"_s.arg(AuditListModel::actionText(event.action).toHtmlEscaped()) +
           detailsTable(rows);
}

void AuditPage::copyEvents()
{
    QStringList lines;
    for (int row : selectedSourceRows()) {
        const AuditEvent &event = m_model->at(row);
        lines.append(QStringList{
            toRfc3339(event.at), event.actor, event.action, event.targetType, event.targetId,
            event.remoteAddress,
            QString::fromUtf8(QJsonDocument(event.details).toJson(QJsonDocument::Compact))}
                         .join(u'\t'));
    }
    if (lines.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(lines.join(u'\n'));
    Q_EMIT message(tr("Copied %n audit event(s).", nullptr, int(lines.size())));
}

} // namespace Latchkey::Ui
