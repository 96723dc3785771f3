#pragma once

#include "workspace.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QComboBox;
class QFrame;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace Latchkey::Ui {

class EntityPage;
class SignInBrowser;
class FlowTesterPage;
class KeysPage;

// The window: a sidebar of sections (API Keys, OAuth Consumers, Authorizations, Flow Tester,
// Audit Log), the account switcher with its environment badge, an offline / signed-out banner
// with what to do, and a status bar with the connection and the last sync.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum Section { Keys, Consumers, Authorizations, FlowTester, Audit, SectionCount };
    Q_ENUM(Section)

    explicit MainWindow(Workspace &workspace, QWidget *parent = nullptr);
    ~MainWindow() override;

    void showSection(Section section);
    Section currentSection() const;
    // A section's page, built now if it was not yet (see ensurePage).
    EntityPage *page(Section section);
    KeysPage *keysPage();
    FlowTesterPage *flowTester();
    QWidget *banner() const;
    QString bannerText() const;

    // Opens the export dialog for these items (ids), with secrets already in hand by id.
    void exportItems(const QStringList &keyIds, const QStringList &consumerIds,
                     const QHash<QString, QString> &known);

protected:
    bool event(QEvent *event) override;

Q_SIGNALS:
    // The window's first paint: it is on screen (main starts connecting then).
    void firstPainted();
    // Every page finished its first load after a profile was activated (tests and
    // --smoke-test wait for it).
    void loaded();

private:
    void buildMenus();
    void buildToolBar();
    void buildBanner();
    void addSection(Section section, const QString &iconName, const QString &label);
    QWidget *ensurePage(Section section);
    void buildNextPage();
    QList<EntityPage *> builtEntityPages() const;
    void reloadProfiles();
    void updateConnection();
    void updateSyncLabel();
    void addProfile();
    void editProfile();
    void removeProfile();
    void openSignInBrowser(const QUrl &url);
    void showPreferences();
    void showAbout();
    void refresh();

    Workspace &m_workspace;
    QListWidget *m_sidebar;
    QStackedWidget *m_stack;
    QList<QWidget *> m_pages; // the stack's holders, one per section
    QList<QWidget *> m_built; // the pages built so far, by section (nullptr: not yet)
    bool m_remainingScheduled = false;
    bool m_profileActive = false;
    QComboBox *m_profileBox;
    QLabel *m_badge;
    QFrame *m_banner;
    QLabel *m_bannerText;
    QPushButton *m_retry;
    QPushButton *m_signInButton;
    QPushButton *m_resetSandbox;
    QLabel *m_connectionLabel;
    QLabel *m_syncLabel;
    QProgressBar *m_progress;
    QAction *m_signIn;
    QAction *m_signOut;
    QAction *m_editProfile;
    QAction *m_removeProfile;
    QAction *m_refresh;
    void checkLoaded();
    bool m_awaitingLoad = false;
    QPointer<SignInBrowser> m_signInBrowser;
};

} // namespace Latchkey::Ui
