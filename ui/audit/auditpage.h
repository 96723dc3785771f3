#pragma once

#include "common/pagedentitypage.h"

class QComboBox;

namespace Latchkey::Ui {

class AuditListModel;

// Audit Log: who did what and when, newest first, paged from the server; filtered by search,
// action and time. Read-only.
class AuditPage final : public PagedEntityPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditPage)

public:
    explicit AuditPage(Workspace &workspace, QWidget *parent = nullptr);
    ~AuditPage() override;

    QString title() const override;
    AuditListModel *model() const { return m_model; }
    QComboBox *actionFilter() const { return m_actionFilter; }
    QComboBox *sinceFilter() const { return m_sinceFilter; }

    // Copies the selected events as tab-separated lines.
    void copyEvents();

protected:
    void query() override;
    bool ownFiltersEmpty() const override;
    void updateActions() override;
    QString detailsHtml(int sourceRow) const override;

private:
    AuditListModel *m_model;
    QComboBox *m_actionFilter;
    QComboBox *m_sinceFilter;
    QAction *m_copy;
};

} // namespace Latchkey::Ui
