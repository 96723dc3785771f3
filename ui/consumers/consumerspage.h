#pragma once

#include "common/entitypage.h"

#include <protocol/entities.h>

namespace Latchkey::Ui {

class ConsumerListModel;

// OAuth Consumers: the applications (OAuth 2.0 clients) of the account. Create, edit, rotate the
// client secret with a grace period, disable/enable, delete, copy the client ID, export.
class ConsumersPage final : public EntityPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsumersPage)

public:
    explicit ConsumersPage(Workspace &workspace, QWidget *parent = nullptr);
    ~ConsumersPage() override;

    QString title() const override;
    void reload() override;
    QAction *newAction() const override { return m_new; }
    ConsumerListModel *model() const { return m_model; }

    void createConsumer();
    void editConsumer();
    void rotateSecret();
    void toggleConsumer();
    void deleteConsumer();
    void copyClientId();

Q_SIGNALS:
    // Export these consumers; `known` holds client secrets the window has in hand (a new one),
    // by consumer id.
    void exportRequested(const QStringList &consumerIds, const QHash<QString, QString> &known);
    // Run this consumer's grant in the Flow Tester.
    void testRequested(const Consumer &consumer);

protected:
    void updateActions() override;
    QString detailsHtml(int sourceRow) const override;

private:
    void saveCache();
    // The client secret once, or for a public client a note that it has none.
    void showSecret(const Consumer &consumer);
    ItemActions itemActions() const;

    ConsumerListModel *m_model;
    QAction *m_new;
    QAction *m_edit;
    QAction *m_rotate;
    QAction *m_toggle;
    QAction *m_delete;
    QAction *m_copy;
    QAction *m_export;
    QAction *m_test;
};

} // namespace Latchkey::Ui
