#pragma once

#include "common/pagedentitypage.h"

#include <protocol/entities.h>

#include <QHash>

#include <optional>

class QComboBox;

namespace Latchkey::Ui {

class AuthorizationListModel;

// Authorizations: the consents users granted to consumers, paged from the server. Filter by
// user, consumer, status and search; revoke one, several, or every active one of a consumer or
// a user, each after a confirmation that says how many and whose.
class AuthorizationsPage final : public PagedEntityPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthorizationsPage)

public:
    explicit AuthorizationsPage(Workspace &workspace, QWidget *parent = nullptr);
    ~AuthorizationsPage() override;

    QString title() const override;
    AuthorizationListModel *model() const { return m_model; }
    QComboBox *userFilter() const { return m_userFilter; }
    QComboBox *consumerFilter() const { return m_consumerFilter; }

    // Revokes the selected active authorizations, after a confirmation.
    void revokeSelected();
    // Revokes every active authorization of the consumer (user) chosen in the filter, or else
    // of the selected row's, after a confirmation that states the count.
    void revokeAllOfConsumer();
    void revokeAllOfUser();
    void copyId();

protected:
    void query() override;
    void loadFilterChoices() override;
    bool ownFiltersEmpty() const override;
    void updateActions() override;
    QString detailsHtml(int sourceRow) const override;

private:
    struct Target
    {
        QString id;
        QString name;
    };
    enum class Whose { Consumer, User };
    std::optional<Target> target(Whose whose) const;
    void revokeAllOf(Whose whose);
    void setUsers(const QList<User> &users);
    void setConsumers(const QList<Consumer> &consumers);
    QList<Authorization> selectedActive() const;
    QString userLabel(const QString &userId, const QString &email) const;

    AuthorizationListModel *m_model;
    QComboBox *m_userFilter;
    QComboBox *m_consumerFilter;
    QHash<QString, User> m_users;
    quint64 m_choiceLoads = 0;
    QAction *m_revoke;
    QAction *m_revokeConsumer;
    QAction *m_revokeUser;
    QAction *m_copy;
};

} // namespace Latchkey::Ui
