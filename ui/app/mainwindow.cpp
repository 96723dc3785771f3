#include "mainwindow.h"

#include "audit/auditpage.h"
#include "authorizations/authorizationspage.h"
#include "common/entitypage.h"
#include "common/icons.h"
#include "consumers/consumerspage.h"
#include "export/exportdialog.h"
#include "flow/flowtesterpage.h"
#include "keys/keyspage.h"
#include "preferences.h"
#include "profiles/profiledialog.h"
#include "profiles/signinbrowser.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDesktopServices>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Latchkey::Ui {

namespace {

// Production is red so nobody mistakes it for a sandbox; staging amber; sandbox green.
std::pair<QString, QString> badgeOf(Core::Environment environment)
{
    switch (environment) {
    case Core::Environment::Production:
        return {MainWindow::tr("PRODUCTION"), u"#c62828"_s};
    case Core::Environment::Staging:
        return {MainWindow::tr("STAGING"), u"#b26a00"_s};
    case Core::Environment::Sandbox:
        return {MainWindow::tr("SANDBOX"), u"#2e7d32"_s};
    }
    return {};
}

} // namespace

MainWindow::MainWindow(Workspace &workspace, QWidget *parent)
    : QMainWindow(parent)
    , m_workspace(workspace)
    , m_sidebar(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_profileBox(new QComboBox(this))
    , m_badge(new QLabel(this))
    , m_banner(new QFrame(this))
    , m_bannerText(new QLabel(this))
    , m_retry(new QPushButton(icon(u"refresh"), tr("&Retry"), this))
    , m_signInButton(new QPushButton(icon(u"signin"), tr("Sign &In"), this))
    , m_resetSandbox(new QPushButton(tr("Start a &New Sandbox"), this))
    , m_connectionLabel(new QLabel(this))
    , m_syncLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_signIn(new QAction(icon(u"signin"), tr("Sign &In"), this))
    , m_signOut(new QAction(icon(u"signout"), tr("Sign &Out"), this))
    , m_editProfile(new QAction(tr("&Edit Account…"), this))
    , m_removeProfile(new QAction(tr("&Remove Account…"), this))
    , m_refresh(new QAction(icon(u"refresh"), tr("&Refresh"), this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(u"Latchkey"_s);
    resize(1200, 760);

    m_sidebar->setObjectName(u"sidebar"_s);
    m_sidebar->setFixedWidth(210);
    m_sidebar->setIconSize({20, 20});
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setStyleSheet(u"QListWidget { background: palette(window); padding-top: 6px }"
                             "QListWidget::item { padding: 7px 6px; border-radius: 4px }"
                             "QListWidget::item:selected { background: palette(highlight); "
                             "color: palette(highlighted-text) }"_s);
    m_sidebar->setAccessibleName(tr("Sections"));

    // Only the section shown first is built before the window appears; the others are built
    // right after its first paint, one per event loop turn (see buildNextPage), or at once
    // when something asks for them. A window with five pages opens noticeably slower.
    addSection(Keys, u"key"_s, KeysPage::tr("API Keys"));
    addSection(Consumers, u"consumer"_s, ConsumersPage::tr("OAuth Consumers"));
    addSection(Authorizations, u"authorization"_s, AuthorizationsPage::tr("Authorizations"));
    addSection(FlowTester, u"flow"_s, FlowTesterPage::tr("Flow Tester"));
    addSection(Audit, u"audit"_s, AuditPage::tr("Audit Log"));
    connect(m_sidebar, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < SectionCount)
            ensurePage(Section(row));
    });
    connect(m_sidebar, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);

    buildBanner();
    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(0);
    contentLayout->addWidget(m_banner);
    contentLayout->addWidget(m_stack, 1);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    auto *line = new QFrame(central);
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);
    layout->addWidget(content, 1);
    setCentralWidget(central);

    buildToolBar();
    buildMenus();

    m_connectionLabel->setObjectName(u"connectionLabel"_s);
    m_syncLabel->setObjectName(u"syncLabel"_s);
    m_progress->setRange(0, 0);
    m_progress->setMaximumWidth(120);
    m_progress->setMaximumHeight(14);
    m_progress->hide();
    statusBar()->addWidget(m_connectionLabel);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_syncLabel);

    connect(&workspace, &Workspace::connectionChanged, this, &MainWindow::updateConnection);
    connect(&workspace, &Workspace::syncStateChanged, this, &MainWindow::updateSyncLabel);
    connect(&workspace, &Workspace::profileActivated, this, [this] {
        reloadProfiles();
        m_awaitingLoad = true;
        m_profileActive = true;
        for (EntityPage *entityPage : builtEntityPages())
            entityPage->reload();
        updateSyncLabel();
        checkLoaded();
    });
    connect(&workspace, &Workspace::browserNeeded, this, &MainWindow::openSignInBrowser);
    connect(&workspace, &Workspace::removalFailed, this, [this](const QString &text) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("The account was not removed"), text,
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    connect(&workspace, &Workspace::signInFailed, this, [this](const QString &text) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Sign-in failed"), text,
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    connect(&workspace.profiles(), &Core::ProfileStore::profileAdded, this,
            &MainWindow::reloadProfiles);
    connect(&workspace.profiles(), &Core::ProfileStore::profileChanged, this,
            &MainWindow::reloadProfiles);
    connect(&workspace.profiles(), &Core::ProfileStore::profileRemoved, this,
            &MainWindow::reloadProfiles);

    QSettings settings;
    restoreGeometry(settings.value(u"window/geometry"_s).toByteArray());
    showSection(
        Section(qBound(0, settings.value(u"window/section"_s, 0).toInt(), int(SectionCount) - 1)));
    reloadProfiles();
    updateConnection();
}

MainWindow::~MainWindow()
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/section"_s, int(currentSection()));
}

void MainWindow::addSection(Section section, const QString &iconName, const QString &label)
{
    Q_ASSERT(m_pages.size() == section);
    // A holder the page goes into once built, so the stack's indexes never move.
    auto *holder = new QWidget(this);
    auto *layout = new QVBoxLayout(holder);
    layout->setContentsMargins(0, 0, 0, 0);
    m_pages.append(holder);
    m_built.append(nullptr);
    m_stack->addWidget(holder);
    auto *item = new QListWidgetItem(icon(iconName), label, m_sidebar);
    item->setToolTip(tr("%1 (Ctrl+%2)").arg(label).arg(int(section) + 1));
}

void MainWindow::buildBanner()
{
    m_banner->setObjectName(u"banner"_s);
    m_banner->setAutoFillBackground(true);
    m_banner->setStyleSheet(u"#banner { background: #fff4e5; border-bottom: 1px solid #f0c36d }"
                            "#banner QLabel { color: #5f3b00 }"_s);
    m_bannerText->setObjectName(u"bannerText"_s);
    m_bannerText->setWordWrap(true);
    m_retry->setObjectName(u"retryButton"_s);
    m_signInButton->setObjectName(u"bannerSignInButton"_s);
    m_resetSandbox->setObjectName(u"resetSandboxButton"_s);
    auto *iconLabel = new QLabel(m_banner);
    iconLabel->setPixmap(icon(u"offline").pixmap(20, 20));
    auto *layout = new QHBoxLayout(m_banner);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addWidget(iconLabel);
    layout->addWidget(m_bannerText, 1);
    layout->addWidget(m_signInButton);
    layout->addWidget(m_resetSandbox);
    layout->addWidget(m_retry);
    connect(m_retry, &QPushButton::clicked, &m_workspace, &Workspace::reconnect);
    connect(m_signInButton, &QPushButton::clicked, m_signIn, &QAction::trigger);
    connect(m_resetSandbox, &QPushButton::clicked, this, [this] {
        auto *box = new QMessageBox(
            QMessageBox::Warning, tr("Start a new sandbox"),
            tr("Delete the local sandbox's data and start a new one with fresh demo data?"),
            QMessageBox::NoButton, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        QPushButton *yes = box->addButton(tr("Start New Sandbox"), QMessageBox::DestructiveRole);
        box->setDefaultButton(box->addButton(QMessageBox::Cancel));
        connect(box, &QMessageBox::buttonClicked, this, [this, yes](QAbstractButton *clicked) {
            if (clicked == yes)
                m_workspace.resetSandbox();
        });
        box->open();
    });
    m_banner->hide();
}

void MainWindow::buildToolBar()
{
    auto *bar = addToolBar(tr("Account"));
    bar->setObjectName(u"accountToolBar"_s);
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto *label = new QLabel(tr("Account:"), this);
    label->setContentsMargins(6, 0, 4, 0);
    bar->addWidget(label);
    m_profileBox->setObjectName(u"profileBox"_s);
    m_profileBox->setMinimumWidth(220);
    m_profileBox->setAccessibleName(tr("Account"));
    connect(m_profileBox, &QComboBox::activated, this, [this](int index) {
        const QString id = m_profileBox->itemData(index).toString();
        if (id.isEmpty()) {
            addProfile();
            return;
        }
        const auto current = m_workspace.currentProfile();
        if (!current || current->id != id)
            m_workspace.activate(id);
    });
    bar->addWidget(m_profileBox);
    m_badge->setObjectName(u"environmentBadge"_s);
    m_badge->setContentsMargins(8, 0, 8, 0);
    bar->addWidget(m_badge);
    bar->addSeparator();
    bar->addAction(m_refresh);
    bar->addAction(m_signIn);
    bar->addAction(m_signOut);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *exportAction = file->addAction(icon(u"export"), tr("&Export Credentials…"));
    exportAction->setShortcut(Qt::CTRL | Qt::Key_E);
    connect(exportAction, &QAction::triggered, this, [this] {
        if (currentSection() == Consumers)
            exportItems({}, page(Consumers)->selectedIds(), {});
        else
            exportItems(keysPage()->selectedIds(), {}, {});
    });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *newItem = edit->addAction(icon(u"add"), tr("&New…"));
    newItem->setShortcut(QKeySequence::New);
    connect(newItem, &QAction::triggered, this, [this] {
        if (EntityPage *current = page(currentSection()))
            if (QAction *action = current->newAction(); action && action->isEnabled())
                action->trigger();
    });
    QAction *find = edit->addAction(tr("&Find"));
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        if (EntityPage *current = page(currentSection()))
            current->focusSearch();
    });
    edit->addSeparator();
    QAction *preferences = edit->addAction(tr("&Preferences…"));
    preferences->setShortcut(QKeySequence::Preferences);
    preferences->setMenuRole(QAction::PreferencesRole);
    connect(preferences, &QAction::triggered, this, &MainWindow::showPreferences);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (int section = 0; section < SectionCount; ++section) {
        QAction *go =
            view->addAction(m_sidebar->item(section)->icon(), m_sidebar->item(section)->text());
        go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + section)));
        connect(go, &QAction::triggered, this, [this, section] { showSection(Section(section)); });
    }
    view->addSeparator();
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setObjectName(u"refreshAction"_s);
    connect(m_refresh, &QAction::triggered, this, &MainWindow::refresh);
    view->addAction(m_refresh);

    QMenu *account = menuBar()->addMenu(tr("&Account"));
    QAction *add = account->addAction(icon(u"add"), tr("&Add Account…"));
    connect(add, &QAction::triggered, this, &MainWindow::addProfile);
    account->addAction(m_editProfile);
    connect(m_editProfile, &QAction::triggered, this, &MainWindow::editProfile);
    m_removeProfile->setObjectName(u"removeProfileAction"_s);
    account->addAction(m_removeProfile);
    connect(m_removeProfile, &QAction::triggered, this, &MainWindow::removeProfile);
    account->addSeparator();
    m_signIn->setObjectName(u"signInAction"_s);
    m_signOut->setObjectName(u"signOutAction"_s);
    account->addAction(m_signIn);
    account->addAction(m_signOut);
    connect(m_signIn, &QAction::triggered, this, [this] {
        const auto profile = m_workspace.currentProfile();
        if (!profile)
            return;
        if (profile->signInMethod == Core::SignInMethod::Automation)
            editProfile();
        else
            m_workspace.signIn();
    });
    connect(m_signOut, &QAction::triggered, &m_workspace, &Workspace::signOut);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Latchkey"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::showSection(Section section)
{
    m_sidebar->setCurrentRow(section);
}

MainWindow::Section MainWindow::currentSection() const
{
    return Section(qMax(0, m_sidebar->currentRow()));
}

FlowTesterPage *MainWindow::flowTester()
{
    return qobject_cast<FlowTesterPage *>(ensurePage(FlowTester));
}

QWidget *MainWindow::ensurePage(Section section)
{
    if (QWidget *built = m_built.value(section))
        return built;
    QWidget *holder = m_pages.value(section);
    QWidget *page = nullptr;
    switch (section) {
    case Keys: {
        auto *keys = new KeysPage(m_workspace, holder);
        connect(keys, &KeysPage::exportRequested, this,
                [this](const QStringList &ids, const QHash<QString, QString> &known) {
                    exportItems(ids, {}, known);
                });
        connect(keys, &KeysPage::testRequested, this, [this](const ApiKey &key) {
            showSection(FlowTester);
            flowTester()->testKey(key);
        });
        page = keys;
        break;
    }
    case Consumers: {
        auto *consumers = new ConsumersPage(m_workspace, holder);
        connect(consumers, &ConsumersPage::exportRequested, this,
                [this](const QStringList &ids, const QHash<QString, QString> &known) {
                    exportItems({}, ids, known);
                });
        connect(consumers, &ConsumersPage::testRequested, this, [this](const Consumer &consumer) {
            showSection(FlowTester);
            flowTester()->testConsumer(consumer);
        });
        page = consumers;
        break;
    }
    case Authorizations:
        page = new AuthorizationsPage(m_workspace, holder);
        break;
    case Audit:
        page = new AuditPage(m_workspace, holder);
        break;
    case FlowTester: {
        // It offers the keys' and consumers' lists: those pages come first.
        auto *keys = qobject_cast<KeysPage *>(ensurePage(Keys));
        auto *consumers = qobject_cast<ConsumersPage *>(ensurePage(Consumers));
        auto *flow = new FlowTesterPage(m_workspace, consumers->model(), keys->model(), holder);
        connect(flow, &FlowTesterPage::message, this,
                [this](const QString &text) { statusBar()->showMessage(text, 8000); });
        page = flow;
        break;
    }
    case SectionCount:
        return nullptr;
    }
    holder->layout()->addWidget(page);
    m_built[section] = page;
    if (auto *entityPage = qobject_cast<EntityPage *>(page)) {
        connect(entityPage, &EntityPage::message, this,
                [this](const QString &text) { statusBar()->showMessage(text, 8000); });
        connect(entityPage, &EntityPage::busyChanged, this, [this] {
            bool busy = false;
            for (EntityPage *built : builtEntityPages())
                busy = busy || built->isBusy();
            m_progress->setVisible(busy);
            checkLoaded();
        });
        // Built after the account was activated: it loads now, like the others did then.
        if (m_profileActive)
            entityPage->reload();
    }
    return page;
}

QList<EntityPage *> MainWindow::builtEntityPages() const
{
    QList<EntityPage *> pages;
    for (QWidget *page : m_built)
        if (auto *entityPage = qobject_cast<EntityPage *>(page))
            pages.append(entityPage);
    return pages;
}

bool MainWindow::event(QEvent *event)
{
    // After the first paint the window is on screen: build the other sections then, one per
    // event loop turn, so the window stays responsive and each is ready before it is needed.
    if (event->type() == QEvent::Paint && !m_remainingScheduled) {
        m_remainingScheduled = true;
        QTimer::singleShot(0, this, &MainWindow::buildNextPage);
        Q_EMIT firstPainted();
    }
    return QMainWindow::event(event);
}

void MainWindow::buildNextPage()
{
    const auto next = std::find(m_built.cbegin(), m_built.cend(), nullptr);
    if (next == m_built.cend())
        return;
    ensurePage(Section(next - m_built.cbegin()));
    QTimer::singleShot(0, this, &MainWindow::buildNextPage);
}

EntityPage *MainWindow::page(Section section)
{
    return qobject_cast<EntityPage *>(ensurePage(section));
}

KeysPage *MainWindow::keysPage()
{
    return qobject_cast<KeysPage *>(ensurePage(Keys));
}

QWidget *MainWindow::banner() const
{
    return m_banner;
}

QString MainWindow::bannerText() const
{
    return m_banner->isVisible() || !m_banner->isHidden() ? m_bannerText->text() : QString();
}

void MainWindow::checkLoaded()
{
    if (!m_awaitingLoad || m_workspace.connection() == Workspace::Connection::Connecting)
        return;
    // Every list counts, including the sections not built yet (they load once built).
    for (int section = 0; section < SectionCount; ++section)
        if (section != FlowTester && !m_built.value(section))
            return;
    for (EntityPage *entityPage : builtEntityPages())
        if (entityPage->isBusy())
            return;
    m_awaitingLoad = false;
    Q_EMIT loaded();
}

void MainWindow::reloadProfiles()
{
    auto profiles = m_workspace.profiles().profiles();
    const auto current = m_workspace.currentProfile();
    m_profileBox->blockSignals(true);
    m_profileBox->clear();
    if (profiles) {
        for (const Core::Profile &profile : profiles.value()) {
            m_profileBox->addItem(profile.name, profile.id);
            if (current && current->id == profile.id)
                m_profileBox->setCurrentIndex(m_profileBox->count() - 1);
        }
    }
    m_profileBox->insertSeparator(m_profileBox->count());
    m_profileBox->addItem(icon(u"add"), tr("Add Account…"), QString());
    m_profileBox->blockSignals(false);

    if (current) {
        const auto [text, color] = badgeOf(current->environment);
        m_badge->setText(text);
        m_badge->setStyleSheet(u"QLabel { background: %1; color: white; font-weight: bold; "
                               "border-radius: 3px; padding: 2px 8px }"_s.arg(color));
        m_badge->setToolTip(current->serverUrl.toString());
        m_badge->show();
        setWindowTitle(u"%1 — Latchkey"_s.arg(current->name));
    } else {
        m_badge->hide();
        setWindowTitle(u"Latchkey"_s);
    }
    const bool sandbox = current && m_workspace.isSandbox(current->id);
    m_editProfile->setEnabled(current && !sandbox);
    m_removeProfile->setEnabled(current.has_value());
}

void MainWindow::updateConnection()
{
    const auto profile = m_workspace.currentProfile();
    const bool sandbox = profile && m_workspace.isSandbox(profile->id);
    const QString message = m_workspace.connectionMessage();
    QString status;
    QString banner;
    switch (m_workspace.connection()) {
    case Workspace::Connection::NoProfile:
        status = tr("No account");
        banner = message.isEmpty() ? tr("Add an account to start.") : message;
        break;
    case Workspace::Connection::Connecting:
        status = message.isEmpty()
                     ? (sandbox ? tr("Starting the local sandbox…") : tr("Connecting…"))
                     : message;
        break;
    case Workspace::Connection::Online:
        status = tr("Connected to %1").arg(profile ? profile->serverUrl.toString() : QString());
        break;
    case Workspace::Connection::Offline: {
        const QDateTime synced = m_workspace.syncState().lastSuccessAt;
        status = tr("Offline");
        banner = synced.isValid()
                     ? tr("Offline — last synced %1. The lists below are the cached ones, "
                          "read-only.")
                           .arg(QLocale().toString(synced.toLocalTime(), QLocale::ShortFormat))
                     : tr("Offline — never synced with this account.");
        if (!message.isEmpty())
            banner += u"\n"_s + message;
        break;
    }
    case Workspace::Connection::SignedOut:
        status = tr("Signed out");
        banner = message;
        break;
    }
    m_connectionLabel->setText(status);
    m_bannerText->setText(banner);
    m_banner->setVisible(!banner.isEmpty());
    const bool signedOut = m_workspace.connection() == Workspace::Connection::SignedOut;
    m_signInButton->setVisible(signedOut && !sandbox);
    m_resetSandbox->setVisible(sandbox && signedOut);
    m_retry->setVisible(m_workspace.connection() == Workspace::Connection::Offline);
    m_signIn->setEnabled(profile && !sandbox);
    m_signOut->setEnabled(profile && !sandbox && m_workspace.isOnline());
    m_refresh->setEnabled(m_workspace.connection() != Workspace::Connection::Connecting);
    updateSyncLabel();
    checkLoaded();
}

void MainWindow::updateSyncLabel()
{
    const QDateTime synced = m_workspace.syncState().lastSuccessAt;
    m_syncLabel->setText(
        synced.isValid()
            ? tr("Last sync %1").arg(QLocale().toString(synced.toLocalTime(), QLocale::ShortFormat))
            : tr("Never synced"));
}

void MainWindow::refresh()
{
    if (m_workspace.connection() == Workspace::Connection::Online) {
        m_awaitingLoad = true;
        for (EntityPage *entityPage : builtEntityPages())
            entityPage->reload();
    } else {
        m_workspace.reconnect();
    }
}

void MainWindow::addProfile()
{
    auto *dialog = new ProfileDialog(m_workspace.profiles(), std::nullopt, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        auto added = m_workspace.profiles().add(dialog->input());
        if (!added) {
            auto *box = new QMessageBox(QMessageBox::Warning, tr("The account was not added"),
                                        added.error().toText(), QMessageBox::Ok, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
            return;
        }
        const QString secret = dialog->clientSecret();
        m_workspace.activate(added.value().id);
        if (!secret.isEmpty())
            m_workspace.signInWithClientCredentials(added.value().clientId, secret);
        else
            m_workspace.signIn();
    });
    dialog->open();
}

void MainWindow::editProfile()
{
    const auto profile = m_workspace.currentProfile();
    if (!profile || m_workspace.isSandbox(profile->id))
        return;
    auto *dialog = new ProfileDialog(m_workspace.profiles(), profile, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        auto updated = m_workspace.profiles().update(dialog->original()->id, dialog->input());
        if (!updated) {
            auto *box = new QMessageBox(QMessageBox::Warning, tr("The account was not saved"),
                                        updated.error().toText(), QMessageBox::Ok, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
            return;
        }
        if (!dialog->clientSecret().isEmpty())
            m_workspace.signInWithClientCredentials(updated.value().clientId,
                                                    dialog->clientSecret());
        else
            m_workspace.reconnect();
    });
    dialog->open();
}

void MainWindow::removeProfile()
{
    const auto profile = m_workspace.currentProfile();
    if (!profile)
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Remove account"),
                                tr("Remove the account “%1” from Latchkey?").arg(profile->name),
                                QMessageBox::NoButton, this);
    box->setInformativeText(
        m_workspace.isSandbox(profile->id)
            ? tr("The local sandbox's server and its data are deleted; a new sandbox starts "
                 "if no other account is left.")
            : tr("Its cached lists and the secrets this computer kept for it are deleted, and "
                 "you are signed out. The account itself, on its server, is not changed."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *yes = box->addButton(tr("Remove Account"), QMessageBox::DestructiveRole);
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    const Core::Profile target = *profile;
    connect(box, &QMessageBox::buttonClicked, this, [this, yes, target](QAbstractButton *clicked) {
        if (clicked == yes)
            m_workspace.removeProfile(target.id);
    });
    box->open();
}

void MainWindow::openSignInBrowser(const QUrl &url)
{
    const auto profile = m_workspace.currentProfile();
    if (!profile || profile->signInMethod != Core::SignInMethod::BuiltInBrowser) {
        QDesktopServices::openUrl(url);
        statusBar()->showMessage(tr("Sign in in your browser; Latchkey waits for it."), 15000);
        return;
    }
    delete m_signInBrowser;
    m_signInBrowser = new SignInBrowser(url, profile->name, this);
    m_signInBrowser->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<SignInBrowser> browser = m_signInBrowser;
    // Done when the workspace is no longer waiting; closed early, the sign-in is abandoned.
    connect(&m_workspace, &Workspace::connectionChanged, browser,
            [browser](Workspace::Connection connection) {
                if (browser && connection != Workspace::Connection::Connecting)
                    browser->accept();
            });
    connect(browser, &QDialog::rejected, &m_workspace, &Workspace::reconnect);
    browser->open();
}

void MainWindow::showPreferences()
{
    auto *dialog = new PreferencesDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [dialog] {
        const Preferences chosen = dialog->preferences();
        chosen.save();
        applyTheme(*qApp, chosen.theme);
    });
    dialog->open();
}

void MainWindow::showAbout()
{
    // Window-modal and non-blocking, like every box of the window: no nested event loop.
    auto *box = new QMessageBox(QMessageBox::Information, tr("About Latchkey"),
                                tr("<h3>Latchkey %1</h3><p>A desktop console for API keys, OAuth "
                                   "consumers and the authorizations users granted them.</p>")
                                    .arg(QStringLiteral(LATCHKEY_VERSION)),
                                QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::exportItems(const QStringList &keyIds, const QStringList &consumerIds,
                             const QHash<QString, QString> &known)
{
    auto *dialog = new ExportDialog(m_workspace, keyIds + consumerIds, known, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ExportDialog::exported, this,
            [this](const QString &path, int items, int missing) {
                QString text = tr("Exported %n item(s) to %1.", nullptr, items).arg(path);
                if (missing > 0)
                    text += u' ' + tr("%n secret(s) exported as missing.", nullptr, missing);
                statusBar()->showMessage(text, 15000);
            });
    dialog->open();
}

} // namespace Latchkey::Ui
