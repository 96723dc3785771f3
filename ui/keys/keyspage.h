#pragma once

#include "common/entitypage.h"

#include <protocol/entities.h>

namespace Latchkey::Ui {

class KeyListModel;

// API Keys: the account's Hawk credentials. Create, edit, rotate with a grace period,
// disable/enable, delete, copy the API Key, export.
class KeysPage final : public EntityPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeysPage)

public:
    explicit KeysPage(Workspace &workspace, QWidget *parent = nullptr);
    ~KeysPage() override;

    QString title() const override;
    void reload() override;
    QAction *newAction() const override { return m_new; }
    KeyListModel *model() const { return m_model; }

    void createKey();
    void editKey();
    void rotateKey();
    void toggleKey();
    void deleteKey();
    void copyId();

Q_SIGNALS:
    // Export these keys; `known` holds secrets the window has in hand (a new one), by key id.
    void exportRequested(const QStringList &keyIds, const QHash<QString, QString> &known);
    // "Test API key" in the flow tester.
    // Send a Hawk-signed whoami with this key in the Flow Tester.
    void testRequested(const ApiKey &key);

protected:
    void updateActions() override;
    QString detailsHtml(int sourceRow) const override;

private:
    void saveCache();
    void showSecret(const ApiKey &key);
    ItemActions itemActions() const;

    KeyListModel *m_model;
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
