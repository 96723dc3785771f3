#include "flowtesterpage.h"

#include "app/workspace.h"
#include "common/icons.h"
#include "consumers/consumerlistmodel.h"
#include "flowbrowser.h"
#include "keys/keylistmodel.h"
#include "secrets/clipboardguard.h"
#include "timelinemodel.h"

#include <oauth/jwt.h>
#include <protocol/redirecturi.h>
#include <secrets/secretstore.h>

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFrame>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QUrlQuery>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Latchkey::Ui {

namespace {

QString prettyJson(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)).trimmed();
}

QString prettyBody(const QByteArray &body)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (document.isObject() || document.isArray())
        return QString::fromUtf8(document.toJson(QJsonDocument::Indented)).trimmed();
    return QString::fromUtf8(body.left(64 * 1024));
}

// The outcome the history keeps for an error: its OAuth code when it has one, and its message.
QString outcomeOf(const Core::Error &error)
{
    return error.oauthError.isEmpty() ? error.message : error.oauthError + u": "_s + error.message;
}

QString bare(const QUrl &url)
{
    return url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

// "1:59:07" or "42 s": a countdown as people read it.
QString duration(qint64 seconds)
{
    if (seconds < 60)
        return FlowTesterPage::tr("%1 s").arg(seconds);
    const qint64 hours = seconds / 3600;
    const qint64 minutes = seconds / 60 % 60;
    const qint64 rest = seconds % 60;
    return hours > 0 ? u"%1:%2:%3"_s.arg(hours)
                           .arg(minutes, 2, 10, QChar(u'0'))
                           .arg(rest, 2, 10, QChar(u'0'))
                     : u"%1:%2"_s.arg(minutes).arg(rest, 2, 10, QChar(u'0'));
}

} // namespace

// One test as it runs: what it tries and what it learnt so far.
struct FlowTesterPage::Run
{
    FlowSettings settings;
    QString secret;
    QDateTime startedAt;
    QString providerLabel;
    std::optional<Core::AuthorizationRequest> request;
    QStringList registeredRedirects; // the consumer's, when it is the account's
    bool recorded = false;
    // Per JWT of the token response: its label and what the signature check said.
    QList<std::pair<QString, QString>> jwtChecks;
};

FlowTesterPage::FlowTesterPage(Workspace &workspace, const ConsumerListModel *consumers,
                               const KeyListModel *keys, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_consumers(consumers)
    , m_keys(keys)
    , m_oauth(m_http)
    , m_statusFrame(new QFrame(this))
    , m_status(new QLabel(m_statusFrame))
    , m_tabs(new QTabWidget(this))
    , m_browser(new FlowBrowser(this))
    , m_timeline(new TimelineModel(this))
{
    setObjectName(u"flowTesterPage"_s);
    m_http.setObserver([this](const Core::HttpExchange &exchange) {
        m_timeline->append(exchange);
        m_timelineView->scrollToBottom();
    });
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &FlowTesterPage::updateCountdown);

    m_status->setObjectName(u"flowStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The label in a frame of its own: the frame paints the outcome's color and keeps the
    // margins, so the label's height for its width stays that of its wrapped lines.
    m_statusFrame->setObjectName(u"flowStatusFrame"_s);
    auto *statusLayout = new QVBoxLayout(m_statusFrame);
    statusLayout->setContentsMargins(10, 8, 10, 8);
    statusLayout->addWidget(m_status);
    m_tabs->setObjectName(u"flowTabs"_s);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_browser, tr("&Browser"));
    m_tabs->addTab(buildResult(), tr("&Result"));
    m_tabs->addTab(buildTimeline(), tr("&Timeline"));
    m_tabs->addTab(buildHistory(), tr("&History"));

    auto *results = new QWidget(this);
    auto *resultsLayout = new QVBoxLayout(results);
    resultsLayout->setContentsMargins(0, 0, 0, 0);
    resultsLayout->setSpacing(0);
    resultsLayout->addWidget(m_statusFrame);
    resultsLayout->addWidget(m_tabs, 1);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(buildSetup());
    splitter->addWidget(results);
    splitter->setStretchFactor(1, 1);
    splitter->setCollapsible(0, false);
    splitter->setSizes({400, 800});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_browser, &FlowBrowser::redirectCaught, this, &FlowTesterPage::redirectCaught);
    connect(m_browser, &FlowBrowser::pageShown, this, &FlowTesterPage::pageShown);
    connect(m_browser, &FlowBrowser::loadFailed, this, [this](const QUrl &url) {
        if (isRunning() && m_run && m_run->request)
            fail(tr("The page %1 could not be loaded: the provider may be down or unreachable "
                    "from this computer. Nothing was caught.")
                     .arg(bare(url)),
                 u"authorization page did not load"_s);
    });
    for (const QAbstractItemModel *model : {static_cast<const QAbstractItemModel *>(consumers),
                                            static_cast<const QAbstractItemModel *>(keys)}) {
        const bool isConsumers = model == consumers;
        const auto reload = [this, isConsumers] {
            if (isConsumers)
                reloadConsumers();
            else
                reloadKeys();
        };
        connect(model, &QAbstractItemModel::modelReset, this, reload);
        connect(model, &QAbstractItemModel::rowsInserted, this, reload);
        connect(model, &QAbstractItemModel::rowsRemoved, this, reload);
        connect(model, &QAbstractItemModel::dataChanged, this, reload);
    }
    connect(&workspace, &Workspace::profileActivated, this, [this] {
        cancel();
        // Nothing of the last account's test carries over, its client and secret least of all.
        ++m_secretRequest;
        m_clientId->clear();
        m_secret->clear();
        m_secretNote->clear();
        m_token.reset();
        m_timeline->clear();
        m_tokenView->clear();
        m_jwtView->clear();
        m_callResult->clear();
        m_callUrl->clear();
        setStatus(Outcome::None, {});
        reloadHistory();
        updateActions();
    });
    setStatus(Outcome::None, {});
    reloadConsumers();
    reloadKeys();
    reloadHistory();
    updateVisibility();
    updateActions();
}

FlowTesterPage::~FlowTesterPage()
{
    m_http.setObserver({});
}

QString FlowTesterPage::title() const
{
    return tr("Flow Tester");
}

QWidget *FlowTesterPage::buildSetup()
{
    auto *panel = new QWidget(this);
    panel->setObjectName(u"flowSetup"_s);
    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);

    const auto combo = [panel](const char *name, const QList<std::pair<QString, QVariant>> &items) {
        auto *box = new QComboBox(panel);
        box->setObjectName(QLatin1StringView(name));
        // Long items (a consumer's name and client ID) are elided, not widening the panel.
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(16);
        for (const auto &[text, data] : items)
            box->addItem(text, data);
        return box;
    };
    const auto line = [panel](const char *name, const QString &placeholder = {}) {
        auto *edit = new QLineEdit(panel);
        edit->setObjectName(QLatin1StringView(name));
        edit->setPlaceholderText(placeholder);
        edit->setClearButtonEnabled(true);
        return edit;
    };

    m_grant =
        combo("grantBox", {{tr("Authorization code"), int(FlowSettings::Grant::AuthorizationCode)},
                           {tr("Client credentials"), int(FlowSettings::Grant::ClientCredentials)},
                           {tr("API key (Hawk)"), int(FlowSettings::Grant::ApiKey)}});
    m_source = combo("sourceBox",
                     {{tr("This account"), int(FlowSettings::ProviderSource::Account)},
                      {tr("Issuer URL (discovery)"), int(FlowSettings::ProviderSource::Issuer)},
                      {tr("Explicit endpoints"), int(FlowSettings::ProviderSource::Endpoints)}});
    m_consumer = combo("consumerBox", {});
    m_key = combo("keyBox", {});
    m_key->setEditable(true);
    m_key->setInsertPolicy(QComboBox::NoInsert);
    m_issuer = line("issuerEdit", u"https://id.example.com"_s);
    m_authorizeUrl = line("authorizeUrlEdit", u"https://id.example.com/oauth/authorize"_s);
    m_tokenUrl = line("tokenUrlEdit", u"https://id.example.com/oauth/token"_s);
    m_revocationUrl = line("revocationUrlEdit", tr("optional"));
    m_introspectionUrl = line("introspectionUrlEdit", tr("optional"));
    m_jwksUrl = line("jwksUrlEdit", tr("optional"));
    m_clientId = line("clientIdEdit");
    m_secret = line("secretEdit");
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setClearButtonEnabled(false);
    QAction *reveal = m_secret->addAction(icon(u"reveal"), QLineEdit::TrailingPosition);
    reveal->setCheckable(true);
    reveal->setToolTip(tr("Show the secret"));
    connect(reveal, &QAction::toggled, this, [this](bool on) {
        m_secret->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password);
    });
    m_secretNote = new QLabel(panel);
    m_secretNote->setObjectName(u"secretNote"_s);
    m_secretNote->setStyleSheet(u"color: palette(mid)"_s);
    m_secretNote->setWordWrap(true);
    m_clientAuth = combo("clientAuthBox",
                         {{tr("HTTP Basic (client_secret_basic)"), int(Core::ClientAuth::Basic)},
                          {tr("In the form (client_secret_post)"), int(Core::ClientAuth::Post)},
                          {tr("None (public client)"), int(Core::ClientAuth::None)}});
    m_redirectUri = combo("redirectUriBox", {});
    m_redirectUri->setEditable(true);
    m_redirectUri->setInsertPolicy(QComboBox::NoInsert);
    m_browserChoice =
        combo("browserBox",
              {{tr("Built-in browser"), int(FlowSettings::Browser::BuiltIn)},
               {tr("System browser (loopback redirect)"), int(FlowSettings::Browser::System)}});
    m_scopes = line("scopesEdit", tr("space-separated, e.g. assets:read"));
    m_pkce = combo("pkceBox", {{tr("S256 (recommended)"), int(Core::PkceMethod::S256)},
                               {tr("plain (to test servers)"), int(Core::PkceMethod::Plain)},
                               {tr("Off (to test servers)"), int(Core::PkceMethod::Off)}});
    m_extra = line("extraEdit", u"prompt=login&login_hint=ana@example.com"_s);
    m_callUrl = line("callUrlEdit", tr("whoami, userinfo or any URL"));

    m_form->addRow(tr("&Test:"), m_grant);
    m_form->addRow(tr("&Provider:"), m_source);
    m_form->addRow(tr("C&onsumer:"), m_consumer);
    m_form->addRow(tr("API &key:"), m_key);
    m_form->addRow(tr("&Issuer:"), m_issuer);
    m_form->addRow(tr("Authorize URL:"), m_authorizeUrl);
    m_form->addRow(tr("Token URL:"), m_tokenUrl);
    m_form->addRow(tr("Revocation URL:"), m_revocationUrl);
    m_form->addRow(tr("Introspection URL:"), m_introspectionUrl);
    m_form->addRow(tr("JWKS URL:"), m_jwksUrl);
    m_form->addRow(tr("Client I&D:"), m_clientId);
    m_form->addRow(tr("Client &secret:"), m_secret);
    m_form->addRow(QString(), m_secretNote);
    m_form->addRow(tr("Client a&uthentication:"), m_clientAuth);
    m_form->addRow(tr("Re&direct URI:"), m_redirectUri);
    m_form->addRow(tr("&Browser:"), m_browserChoice);
    m_form->addRow(tr("Sco&pes:"), m_scopes);
    m_form->addRow(tr("P&KCE:"), m_pkce);
    m_form->addRow(tr("E&xtra parameters:"), m_extra);
    m_form->addRow(tr("&Call URL:"), m_callUrl);

    m_runButton = new QPushButton(icon(u"flow"), tr("&Run Test"), panel);
    m_runButton->setObjectName(u"runButton"_s);
    m_runButton->setDefault(true);
    m_runButton->setToolTip(tr("Run the test (Ctrl+Return)"));
    m_cancelButton = new QPushButton(tr("Cancel"), panel);
    m_cancelButton->setObjectName(u"cancelButton"_s);
    m_cancelButton->setToolTip(tr("Stop the running test (Esc)"));
    connect(m_runButton, &QPushButton::clicked, this, &FlowTesterPage::run);
    connect(m_cancelButton, &QPushButton::clicked, this, &FlowTesterPage::cancel);
    auto *runShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    runShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(runShortcut, &QShortcut::activated, this, [this] {
        if (!isRunning())
            run();
    });
    auto *cancelShortcut = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    cancelShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(cancelShortcut, &QShortcut::activated, this, &FlowTesterPage::cancel);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_runButton);

    auto *content = new QWidget(panel);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addLayout(m_form);
    contentLayout->addLayout(buttons);
    contentLayout->addStretch();
    auto *scroll = new QScrollArea(panel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    connect(m_grant, &QComboBox::currentIndexChanged, this, &FlowTesterPage::updateVisibility);
    connect(m_source, &QComboBox::currentIndexChanged, this, &FlowTesterPage::updateVisibility);
    connect(m_clientAuth, &QComboBox::currentIndexChanged, this, &FlowTesterPage::updateVisibility);
    connect(m_consumer, &QComboBox::activated, this, [this] { consumerPicked({}); });
    connect(m_key, &QComboBox::activated, this, &FlowTesterPage::keyPicked);
    connect(m_secret, &QLineEdit::textEdited, this, [this] {
        ++m_secretRequest; // typed: a keychain answer still on its way must not replace it
        m_secretNote->clear();
    });
    return panel;
}

QWidget *FlowTesterPage::buildResult()
{
    auto *page = new QWidget(this);
    m_tokenView = new QPlainTextEdit(page);
    m_tokenView->setObjectName(u"tokenView"_s);
    m_tokenView->setReadOnly(true);
    m_tokenView->setPlaceholderText(tr("The token response appears here, its tokens masked."));
    m_reveal = new QCheckBox(tr("Re&veal tokens"), page);
    m_reveal->setObjectName(u"revealTokens"_s);
    connect(m_reveal, &QCheckBox::toggled, this, [this] {
        if (m_token)
            showToken(*m_token);
    });
    m_copyToken = new QPushButton(icon(u"copy"), tr("Copy Access Token"), page);
    m_copyToken->setObjectName(u"copyTokenButton"_s);
    connect(m_copyToken, &QPushButton::clicked, this, [this] {
        if (m_token) {
            ClipboardGuard::instance().copySecret(m_token->accessToken);
            Q_EMIT message(tr("Access token copied; the clipboard is cleared in 30 seconds."));
        }
    });
    m_expiry = new QLabel(page);
    m_expiry->setObjectName(u"expiryLabel"_s);
    m_jwtView = new QPlainTextEdit(page);
    m_jwtView->setObjectName(u"jwtView"_s);
    m_jwtView->setReadOnly(true);
    m_jwtView->setPlaceholderText(
        tr("Tokens that are JWTs are decoded here (header and claims), their signature checked "
           "against the provider's JWKS."));
    m_call = new QPushButton(tr("Ca&ll URL"), page);
    m_call->setObjectName(u"callButton"_s);
    m_call->setToolTip(tr("GET the Call URL with the access token as a Bearer token"));
    m_refresh = new QPushButton(icon(u"refresh"), tr("Re&fresh"), page);
    m_refresh->setObjectName(u"refreshButton"_s);
    m_introspect = new QPushButton(tr("I&ntrospect"), page);
    m_introspect->setObjectName(u"introspectButton"_s);
    m_revoke = new QPushButton(icon(u"delete"), tr("Re&voke"), page);
    m_revoke->setObjectName(u"revokeButton"_s);
    m_tokenChoice = new QComboBox(page);
    m_tokenChoice->setObjectName(u"tokenChoice"_s);
    m_tokenChoice->setToolTip(tr("The token Introspect and Revoke send"));
    m_tokenChoice->addItem(tr("Access token"), u"access_token"_s);
    m_tokenChoice->addItem(tr("Refresh token"), u"refresh_token"_s);
    connect(m_call, &QPushButton::clicked, this, &FlowTesterPage::callWithToken);
    connect(m_refresh, &QPushButton::clicked, this, &FlowTesterPage::refreshToken);
    connect(m_introspect, &QPushButton::clicked, this, &FlowTesterPage::introspectToken);
    connect(m_revoke, &QPushButton::clicked, this, &FlowTesterPage::revokeToken);
    m_callResult = new QPlainTextEdit(page);
    m_callResult->setObjectName(u"callResult"_s);
    m_callResult->setReadOnly(true);
    m_callResult->setPlaceholderText(
        tr("What the calls with the token answered: whoami, introspection, revocation."));

    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_expiry, 1);
    tokenRow->addWidget(m_reveal);
    tokenRow->addWidget(m_copyToken);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_call);
    actions->addWidget(m_refresh);
    actions->addWidget(m_introspect);
    actions->addWidget(m_revoke);
    actions->addWidget(m_tokenChoice);
    actions->addStretch();

    auto *splitter = new QSplitter(Qt::Vertical, page);
    splitter->addWidget(m_tokenView);
    splitter->addWidget(m_jwtView);
    splitter->addWidget(m_callResult);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(tokenRow);
    layout->addLayout(actions);
    layout->addWidget(splitter, 1);
    for (QPlainTextEdit *edit : {m_tokenView, m_jwtView, m_callResult})
        edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return page;
}

QWidget *FlowTesterPage::buildTimeline()
{
    auto *page = new QWidget(this);
    m_timelineView = new QTableView(page);
    m_timelineView->setObjectName(u"timelineView"_s);
    m_timelineView->setModel(m_timeline);
    m_timelineView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_timelineView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_timelineView->verticalHeader()->hide();
    m_timelineView->setWordWrap(false);
    m_timelineView->setTextElideMode(Qt::ElideMiddle);
    m_timelineView->horizontalHeader()->setSectionResizeMode(TimelineModel::Url,
                                                             QHeaderView::Stretch);
    m_timelineView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_exchangeView = new QPlainTextEdit(page);
    m_exchangeView->setObjectName(u"exchangeView"_s);
    m_exchangeView->setReadOnly(true);
    m_exchangeView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_exchangeView->setPlaceholderText(tr("Pick an exchange to see its headers and bodies, "
                                          "secrets masked."));
    connect(m_timelineView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_exchangeView->setPlainText(
                    current.isValid() ? TimelineModel::details(m_timeline->at(current.row()))
                                      : QString());
            });

    auto *copyOne = new QAction(icon(u"copy"), tr("Copy as &curl"), m_timelineView);
    copyOne->setObjectName(u"copyCurlAction"_s);
    copyOne->setShortcut(QKeySequence::Copy);
    copyOne->setShortcutContext(Qt::WidgetShortcut);
    connect(copyOne, &QAction::triggered, this, [this] {
        const QModelIndex current = m_timelineView->currentIndex();
        if (!current.isValid())
            return;
        QApplication::clipboard()->setText(m_timeline->at(current.row()).toCurl(false));
        Q_EMIT message(tr("curl command copied (secrets masked)."));
    });
    auto *copyAll = new QAction(tr("Copy &All as curl"), m_timelineView);
    copyAll->setObjectName(u"copyAllCurlAction"_s);
    connect(copyAll, &QAction::triggered, this, [this] {
        QApplication::clipboard()->setText(m_timeline->allAsCurl());
        Q_EMIT message(
            tr("curl commands copied: %1 (secrets masked).").arg(m_timeline->rowCount()));
    });
    m_timelineView->addAction(copyOne);
    m_timelineView->addAction(copyAll);
    auto *copyOneButton = new QPushButton(copyOne->icon(), copyOne->text(), page);
    auto *copyAllButton = new QPushButton(copyAll->text(), page);
    connect(copyOneButton, &QPushButton::clicked, copyOne, &QAction::trigger);
    connect(copyAllButton, &QPushButton::clicked, copyAll, &QAction::trigger);
    auto *note = new QLabel(tr("Every HTTP exchange of the test. Secrets are masked here and in "
                               "what is copied."),
                            page);
    note->setWordWrap(true);
    note->setStyleSheet(u"color: palette(mid)"_s);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(note, 1);
    buttons->addWidget(copyOneButton);
    buttons->addWidget(copyAllButton);
    auto *splitter = new QSplitter(Qt::Vertical, page);
    splitter->addWidget(m_timelineView);
    splitter->addWidget(m_exchangeView);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(buttons);
    layout->addWidget(splitter, 1);
    return page;
}

QWidget *FlowTesterPage::buildHistory()
{
    auto *page = new QWidget(this);
    m_history = new QTableWidget(0, 6, page);
    m_history->setObjectName(u"historyTable"_s);
    m_history->setHorizontalHeaderLabels(
        {tr("Started"), tr("Test"), tr("Provider"), tr("Client"), tr("Scopes"), tr("Outcome")});
    m_history->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_history->setSelectionMode(QAbstractItemView::SingleSelection);
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->verticalHeader()->hide();
    m_history->horizontalHeader()->setStretchLastSection(true);
    m_runAgain = new QPushButton(icon(u"refresh"), tr("Run &Again"), page);
    m_runAgain->setObjectName(u"runAgainButton"_s);
    m_runAgain->setToolTip(tr("Load this test into the set-up panel and run it (no secret is "
                              "kept in the history: it comes from the keychain or the field)"));
    connect(m_runAgain, &QPushButton::clicked, this, &FlowTesterPage::runAgain);
    connect(m_history, &QTableWidget::cellDoubleClicked, this, &FlowTesterPage::runAgain);
    connect(m_history, &QTableWidget::itemSelectionChanged, this, &FlowTesterPage::updateActions);
    auto *note = new QLabel(tr("Past tests of this account, newest first. No secret or token is "
                               "kept."),
                            page);
    note->setWordWrap(true);
    note->setStyleSheet(u"color: palette(mid)"_s);
    auto *row = new QHBoxLayout;
    row->addWidget(note, 1);
    row->addWidget(m_runAgain);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(row);
    layout->addWidget(m_history, 1);
    return page;
}

void FlowTesterPage::updateVisibility()
{
    const auto grant = FlowSettings::Grant(m_grant->currentData().toInt());
    const auto source = FlowSettings::ProviderSource(m_source->currentData().toInt());
    const bool apiKey = grant == FlowSettings::Grant::ApiKey;
    const bool code = grant == FlowSettings::Grant::AuthorizationCode;
    const bool endpoints = !apiKey && source == FlowSettings::ProviderSource::Endpoints;
    m_form->setRowVisible(m_source, !apiKey);
    m_form->setRowVisible(m_consumer, !apiKey && source == FlowSettings::ProviderSource::Account);
    m_form->setRowVisible(m_key, apiKey);
    m_form->setRowVisible(m_issuer, !apiKey && source != FlowSettings::ProviderSource::Account);
    m_form->setRowVisible(m_authorizeUrl, endpoints && code);
    for (QLineEdit *edit : {m_tokenUrl, m_revocationUrl, m_introspectionUrl, m_jwksUrl})
        m_form->setRowVisible(edit, endpoints);
    m_form->setRowVisible(m_clientId, !apiKey);
    m_form->setRowVisible(m_clientAuth, !apiKey);
    m_form->setRowVisible(m_redirectUri, code);
    m_form->setRowVisible(m_browserChoice, code);
    m_form->setRowVisible(m_scopes, !apiKey);
    m_form->setRowVisible(m_pkce, code);
    m_form->setRowVisible(m_extra, !apiKey);
    const bool publicClient =
        !apiKey && Core::ClientAuth(m_clientAuth->currentData().toInt()) == Core::ClientAuth::None;
    m_form->setRowVisible(m_secret, !publicClient);
    m_form->setRowVisible(m_secretNote, !publicClient);
    if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(m_secret)))
        label->setText(apiKey ? tr("API &secret:") : tr("Client &secret:"));
    if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(m_issuer)))
        label->setText(endpoints ? tr("&Issuer (optional):") : tr("&Issuer:"));
}

void FlowTesterPage::reloadConsumers()
{
    const QString current = m_consumer->currentData().toString();
    m_consumer->clear();
    for (const Consumer &consumer : m_consumers->rows())
        m_consumer->addItem(u"%1 — %2"_s.arg(consumer.name, consumer.clientId), consumer.id);
    const int index = m_consumer->findData(current);
    if (index >= 0)
        m_consumer->setCurrentIndex(index);
    else if (m_consumer->count() > 0 && m_clientId->text().isEmpty())
        consumerPicked({});
}

void FlowTesterPage::reloadKeys()
{
    const QString current = m_key->currentData().toString();
    m_key->clear();
    for (const ApiKey &key : m_keys->rows())
        m_key->addItem(u"%1 — %2"_s.arg(key.name, key.id), key.id);
    const int index = m_key->findData(current);
    if (index >= 0)
        m_key->setCurrentIndex(index);
}

void FlowTesterPage::consumerPicked(std::function<void()> next)
{
    const QString id = m_consumer->currentData().toString();
    for (const Consumer &consumer : m_consumers->rows()) {
        if (consumer.id != id)
            continue;
        FlowSettings settings = this->settings();
        settings.source = FlowSettings::ProviderSource::Account;
        settings.consumerId = consumer.id;
        settings.clientId = consumer.clientId;
        if (settings.grant != FlowSettings::Grant::ApiKey)
            settings.grant = consumer.grantType == GrantType::AuthorizationCode
                                 ? FlowSettings::Grant::AuthorizationCode
                                 : FlowSettings::Grant::ClientCredentials;
        settings.clientAuth = consumer.clientType == ClientType::Public ? Core::ClientAuth::None
                                                                        : Core::ClientAuth::Basic;
        settings.redirectUri = consumer.redirectUris.value(0);
        setSettings(settings);
        m_secret->clear();
        m_secretNote->clear();
        if (consumer.clientType == ClientType::Confidential)
            readSecret(Core::SecretKind::clientSecret, consumer.id, std::move(next));
        else if (next)
            next();
        return;
    }
}

void FlowTesterPage::keyPicked()
{
    const QString id = m_key->currentData().toString();
    m_secret->clear();
    m_secretNote->clear();
    if (!id.isEmpty())
        readSecret(Core::SecretKind::apiSecret, id, {});
}

void FlowTesterPage::readSecret(QStringView kind, const QString &itemId, std::function<void()> next)
{
    m_secret->clear();
    m_secretNote->setText(tr("Looking in the keychain…"));
    const QString key = m_workspace.secretKey(kind, itemId);
    const quint64 asked = ++m_secretRequest; // a later pick wins
    Core::then(
        m_workspace.secrets().read(key), this,
        [this, asked, next = std::move(next)](const Core::Result<std::optional<QString>> &secret) {
            if (asked != m_secretRequest)
                return;
            if (secret.ok() && secret.value()) {
                m_secret->setText(*secret.value());
                m_secretNote->setText(tr("From the keychain."));
            } else {
                m_secretNote->setText(secret.ok()
                                          ? tr("Not in the keychain: type it, or rotate the secret "
                                               "to get a new one.")
                                          : secret.error().toText());
            }
            if (next)
                next();
        });
}

FlowSettings FlowTesterPage::settings() const
{
    FlowSettings settings;
    settings.grant = FlowSettings::Grant(m_grant->currentData().toInt());
    settings.source = FlowSettings::ProviderSource(m_source->currentData().toInt());
    if (settings.source == FlowSettings::ProviderSource::Account)
        settings.consumerId = m_consumer->currentData().toString();
    if (settings.source != FlowSettings::ProviderSource::Account)
        settings.issuer = m_issuer->text().trimmed();
    if (settings.source == FlowSettings::ProviderSource::Endpoints) {
        settings.authorizeUrl = m_authorizeUrl->text().trimmed();
        settings.tokenUrl = m_tokenUrl->text().trimmed();
        settings.revocationUrl = m_revocationUrl->text().trimmed();
        settings.introspectionUrl = m_introspectionUrl->text().trimmed();
        settings.jwksUrl = m_jwksUrl->text().trimmed();
    }
    settings.clientId = m_clientId->text().trimmed();
    settings.clientAuth = Core::ClientAuth(m_clientAuth->currentData().toInt());
    settings.redirectUri = m_redirectUri->currentText().trimmed();
    settings.browser = FlowSettings::Browser(m_browserChoice->currentData().toInt());
    settings.scopes = m_scopes->text().split(u' ', Qt::SkipEmptyParts);
    settings.pkce = Core::PkceMethod(m_pkce->currentData().toInt());
    settings.extraParameters = m_extra->text().trimmed();
    // A key of the list, or an id typed in (a key this account's list does not show).
    const int key = m_key->currentIndex();
    settings.apiKeyId = key >= 0 && m_key->currentText() == m_key->itemText(key)
                            ? m_key->itemData(key).toString()
                            : m_key->currentText().trimmed();
    settings.callUrl = m_callUrl->text().trimmed();
    return settings;
}

void FlowTesterPage::setSettings(const FlowSettings &settings)
{
    const auto select = [](QComboBox *box, const QVariant &data) {
        const int index = box->findData(data);
        if (index >= 0)
            box->setCurrentIndex(index);
    };
    select(m_grant, int(settings.grant));
    select(m_source, int(settings.source));
    select(m_consumer, settings.consumerId);
    m_issuer->setText(settings.issuer);
    m_authorizeUrl->setText(settings.authorizeUrl);
    m_tokenUrl->setText(settings.tokenUrl);
    m_revocationUrl->setText(settings.revocationUrl);
    m_introspectionUrl->setText(settings.introspectionUrl);
    m_jwksUrl->setText(settings.jwksUrl);
    m_clientId->setText(settings.clientId);
    select(m_clientAuth, int(settings.clientAuth));
    // The redirect URIs offered are the consumer's registered ones.
    m_redirectUri->clear();
    if (settings.source == FlowSettings::ProviderSource::Account)
        for (const Consumer &consumer : m_consumers->rows())
            if (consumer.id == settings.consumerId)
                m_redirectUri->addItems(consumer.redirectUris);
    const int redirect = m_redirectUri->findText(settings.redirectUri);
    if (redirect >= 0)
        m_redirectUri->setCurrentIndex(redirect);
    else
        m_redirectUri->setEditText(settings.redirectUri);
    select(m_browserChoice, int(settings.browser));
    m_scopes->setText(settings.scopes.join(u' '));
    select(m_pkce, int(settings.pkce));
    m_extra->setText(settings.extraParameters);
    const int key = m_key->findData(settings.apiKeyId);
    if (key >= 0)
        m_key->setCurrentIndex(key);
    else
        m_key->setEditText(settings.apiKeyId);
    m_callUrl->setText(settings.callUrl);
    updateVisibility();
}

void FlowTesterPage::setSecret(const QString &secret)
{
    ++m_secretRequest; // what is set here wins over a keychain answer still on its way
    m_secret->setText(secret);
    m_secretNote->clear();
}

QString FlowTesterPage::statusText() const
{
    return m_status->text();
}

QString FlowTesterPage::callResultText() const
{
    return m_callResult->toPlainText();
}

QString FlowTesterPage::tokenText() const
{
    return m_tokenView->toPlainText();
}

QString FlowTesterPage::jwtText() const
{
    return m_jwtView->toPlainText();
}

void FlowTesterPage::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
}

std::optional<QString> FlowTesterPage::problemWith(const FlowSettings &settings) const
{
    const auto httpUrl = [](const QString &text) {
        const QUrl url(text, QUrl::StrictMode);
        return url.isValid() && (url.scheme() == u"http" || url.scheme() == u"https") &&
               !url.host().isEmpty();
    };
    const std::optional<Core::Profile> profile = m_workspace.currentProfile();
    if (settings.grant == FlowSettings::Grant::ApiKey) {
        if (settings.apiKeyId.isEmpty())
            return tr("Pick an API key, or type its id.");
        if (m_secret->text().isEmpty())
            return tr("Type the API secret: the keychain does not hold it.");
        if (settings.callUrl.isEmpty() ? !profile : !httpUrl(settings.callUrl))
            return tr("The Call URL must be an http or https URL.");
        return std::nullopt;
    }
    switch (settings.source) {
    case FlowSettings::ProviderSource::Account:
        if (!profile)
            return tr("Add an account first, or test another provider by its issuer URL.");
        break;
    case FlowSettings::ProviderSource::Issuer:
        if (!httpUrl(settings.issuer))
            return tr("The issuer must be an http or https URL, like https://id.example.com.");
        break;
    case FlowSettings::ProviderSource::Endpoints:
        if (settings.grant == FlowSettings::Grant::AuthorizationCode &&
            !httpUrl(settings.authorizeUrl))
            return tr("The authorize URL must be an http or https URL.");
        if (!httpUrl(settings.tokenUrl))
            return tr("The token URL must be an http or https URL.");
        if (!settings.issuer.isEmpty() && !httpUrl(settings.issuer))
            return tr("The issuer must be an http or https URL, or empty.");
        break;
    }
    if (settings.clientId.isEmpty())
        return tr("Type the client ID (pick a consumer to fill it).");
    if (settings.clientAuth != Core::ClientAuth::None && m_secret->text().isEmpty())
        return tr("Type the client secret, or choose None for a public client.");
    if (settings.grant == FlowSettings::Grant::AuthorizationCode &&
        settings.browser == FlowSettings::Browser::BuiltIn) {
        const QUrl redirect(settings.redirectUri, QUrl::StrictMode);
        if (settings.redirectUri.isEmpty() || !redirect.isValid() || redirect.scheme().isEmpty())
            return tr("Type the redirect URI the provider sends the browser back to.");
    }
    if (!settings.extraParameters.isEmpty() && settings.extraParameterList().isEmpty())
        return tr("Extra parameters go as name=value pairs joined by &.");
    return std::nullopt;
}

void FlowTesterPage::run()
{
    const FlowSettings settings = this->settings();
    if (const std::optional<QString> problem = problemWith(settings)) {
        setStatus(Outcome::Failure, *problem);
        return;
    }
    cancel();
    ++m_runId;
    m_run = std::make_unique<Run>();
    m_run->settings = settings;
    m_run->secret = settings.clientAuth == Core::ClientAuth::None &&
                            settings.grant != FlowSettings::Grant::ApiKey
                        ? QString()
                        : m_secret->text();
    m_run->startedAt = QDateTime::currentDateTimeUtc();
    m_token.reset();
    m_countdown.stop();
    m_expiry->clear();
    m_tokenView->clear();
    m_jwtView->clear();
    m_callResult->clear();
    m_timeline->clear();
    m_exchangeView->clear();
    const std::optional<Core::Profile> profile = m_workspace.currentProfile();

    if (settings.grant == FlowSettings::Grant::ApiKey) {
        m_run->providerLabel = profile ? profile->name : QString();
        runApiKey();
        return;
    }
    if (settings.source == FlowSettings::ProviderSource::Account) {
        m_run->providerLabel = profile->name;
        for (const Consumer &consumer : m_consumers->rows())
            if (consumer.id == settings.consumerId)
                m_run->registeredRedirects = consumer.redirectUris;
    } else {
        m_run->providerLabel =
            settings.issuer.isEmpty() ? QUrl(settings.tokenUrl).host() : settings.issuer;
    }
    m_oauth.setCredentials({settings.clientId, m_run->secret, settings.clientAuth});
    setRunning(settings.source == FlowSettings::ProviderSource::Endpoints
                   ? tr("Starting…")
                   : tr("Reading the provider's metadata (discovery)…"));
    const quint64 runId = m_runId;
    Core::then(resolveProvider(settings), this,
               [this, runId](const Core::Result<Core::ProviderMetadata> &provider) {
                   if (!isCurrent(runId))
                       return;
                   if (!provider.ok()) {
                       fail(provider.error(), tr("The provider's metadata could not be read."));
                       return;
                   }
                   m_oauth.setProvider(provider.value());
                   if (m_callUrl->text().isEmpty()) {
                       if (m_run->settings.source == FlowSettings::ProviderSource::Account)
                           m_callUrl->setText(m_workspace.currentProfile()->serverUrl.toString() +
                                              u"/api/v2/whoami"_s);
                       else if (!provider.value().userinfoEndpoint.isEmpty())
                           m_callUrl->setText(provider.value().userinfoEndpoint.toString());
                   }
                   if (m_run->settings.grant == FlowSettings::Grant::ClientCredentials)
                       runClientCredentials();
                   else
                       startAuthorization();
               });
}

Core::Task<Core::ProviderMetadata> FlowTesterPage::resolveProvider(const FlowSettings &settings)
{
    if (settings.source == FlowSettings::ProviderSource::Endpoints) {
        Core::ProviderMetadata metadata;
        metadata.issuer = settings.issuer;
        metadata.authorizationEndpoint = QUrl(settings.authorizeUrl);
        metadata.tokenEndpoint = QUrl(settings.tokenUrl);
        metadata.revocationEndpoint = QUrl(settings.revocationUrl);
        metadata.introspectionEndpoint = QUrl(settings.introspectionUrl);
        metadata.jwksUri = QUrl(settings.jwksUrl);
        return Core::readyTask(Core::Result<Core::ProviderMetadata>(metadata));
    }
    const QUrl issuer = settings.source == FlowSettings::ProviderSource::Account
                            ? m_workspace.currentProfile()->serverUrl
                            : QUrl(settings.issuer);
    return m_oauth.discover(issuer);
}

void FlowTesterPage::startAuthorization()
{
    const FlowSettings &settings = m_run->settings;
    QString redirectUri = settings.redirectUri;
    if (settings.browser == FlowSettings::Browser::System) {
        // RFC 8252 §7.3: a loopback listener on a port of the moment; the provider accepts any
        // port for a registered loopback URI. Its path is the registered one's.
        const QUrl registered(settings.redirectUri);
        m_loopback = std::make_unique<Core::LoopbackReceiver>();
        const Core::Result<QUrl> listening = m_loopback->listen(
            registered.scheme() == u"http" && isLoopbackHost(registered.host()) &&
                    !registered.path().isEmpty()
                ? registered.path()
                : u"/callback"_s);
        if (!listening.ok()) {
            fail(listening.error(), tr("The loopback listener could not start."));
            return;
        }
        redirectUri = listening.value().toString();
    }
    Core::AuthorizationOptions options;
    options.redirectUri = redirectUri;
    options.scopes = settings.scopes;
    options.pkce = settings.pkce;
    options.extraParameters = settings.extraParameterList();
    Core::Result<Core::AuthorizationRequest> request = m_oauth.buildAuthorizationRequest(options);
    if (!request.ok()) {
        fail(request.error(), tr("The authorization request could not be made."));
        return;
    }
    m_run->request = request.value();
    const QUrl url = m_run->request->url;
    if (settings.browser == FlowSettings::Browser::System) {
        const quint64 runId = m_runId;
        Core::then(m_loopback->waitForRedirect(), this,
                   [this, runId, redirectUri](const Core::Result<QUrlQuery> &query) {
                       if (!isCurrent(runId))
                           return;
                       if (!query.ok()) {
                           fail(query.error(), tr("No redirect came back to %1.").arg(redirectUri));
                           return;
                       }
                       QUrl received(redirectUri);
                       received.setQuery(query.value());
                       redirectCaught(received);
                   });
        setRunning(tr("Sign in and approve in your browser; Latchkey listens at %1 for the "
                      "redirect.")
                       .arg(redirectUri));
        if (!QDesktopServices::openUrl(url))
            fail(tr("No browser could be opened for %1. Choose the built-in browser instead.")
                     .arg(bare(url)),
                 u"no system browser"_s);
        return;
    }
    showTab(BrowserTab);
    m_browser->start(url, QUrl(redirectUri));
    setRunning(tr("Sign in and approve in the browser below. Latchkey catches the redirect to "
                  "%1 without loading it.")
                   .arg(redirectUri));
}

void FlowTesterPage::redirectCaught(const QUrl &url)
{
    if (!isRunning() || !m_run || !m_run->request)
        return;
    const bool inFragment = !url.hasQuery() && url.hasFragment();
    const QUrlQuery values(inFragment ? url.fragment(QUrl::FullyEncoded)
                                      : url.query(QUrl::FullyEncoded));
    QStringList names;
    for (const auto &[name, value] : values.queryItems())
        names.append(name);
    QString caught =
        (m_run->settings.browser == FlowSettings::Browser::System
             ? tr("The redirect reached %1 carrying %2 in its %3.")
             : tr("Caught the redirect to %1 without loading it; it carried %2 in its %3."))
            .arg(bare(url), names.isEmpty() ? tr("no parameters") : names.join(u", "_s),
                 inFragment ? tr("fragment (response_mode=fragment)") : tr("query"));
    if (values.hasQueryItem(u"access_token"_s) || values.hasQueryItem(u"id_token"_s)) {
        fail(caught + u' ' +
                 tr("It holds a token instead of a code: the provider answered with the implicit "
                    "grant, which this test did not ask for (OAuth 2.1 drops it)."),
             u"implicit response instead of a code"_s);
        return;
    }
    Core::ProviderMetadata provider = m_oauth.provider();
    QString issNote;
    if (provider.issuer.isEmpty()) {
        // Explicit endpoints without an issuer: nothing to check iss against.
        provider.issuer = values.queryItemValue(u"iss"_s, QUrl::FullyDecoded);
        issNote = tr("iss not checked (no issuer given)");
    }
    const Core::Result<Core::AuthorizationResponse> response =
        Core::OAuthClient::parseRedirect(url, m_run->request->state, provider);
    if (!response.ok()) {
        fail(response.error(), caught);
        return;
    }
    QStringList checks{tr("state matches")};
    if (!issNote.isEmpty())
        checks.append(issNote);
    else if (!response.value().iss.isEmpty())
        checks.append(tr("iss is the issuer"));
    else
        checks.append(tr("no iss (the provider does not send one)"));
    caught += u' ' + checks.join(u"; "_s) + u'.';
    exchangeCode(response.value(), caught);
}

void FlowTesterPage::pageShown(const QUrl &url, const QString &title, const QString &alert)
{
    if (!isRunning() || !m_run || !m_run->request)
        return;
    if (alert.isEmpty()) {
        setRunning(tr("The provider shows “%1” at %2: sign in and approve in the browser below.")
                       .arg(title.isEmpty() ? bare(url) : title, url.host()));
        return;
    }
    QString text = tr("The provider shows an error page instead of redirecting back, so nothing "
                      "was caught: “%1”")
                       .arg(alert);
    const QString redirect = m_run->request->redirectUri;
    if (m_run->settings.source == FlowSettings::ProviderSource::Account &&
        !m_run->registeredRedirects.isEmpty() && !m_run->registeredRedirects.contains(redirect) &&
        m_run->settings.browser == FlowSettings::Browser::BuiltIn)
        text = tr("redirect_uri does not match a registered URI of this consumer (%1 is not "
                  "among %2).")
                   .arg(redirect, m_run->registeredRedirects.join(u", "_s)) +
               u' ' + text;
    fail(text, u"error page: "_s + alert);
}

void FlowTesterPage::exchangeCode(const Core::AuthorizationResponse &response,
                                  const QString &caught)
{
    setRunning(caught + u' ' + tr("Exchanging the code for a token…"));
    const quint64 runId = m_runId;
    Core::then(m_oauth.exchangeCode(response.code, *m_run->request), this,
               [this, runId, caught](const Core::Result<Core::TokenResponse> &token) {
                   if (!isCurrent(runId))
                       return;
                   if (!token.ok()) {
                       fail(token.error(),
                            caught + u' ' + tr("The code could not be exchanged for a token."));
                       return;
                   }
                   showToken(token.value());
                   showTab(ResultTab);
                   succeed(caught + u' ' +
                           tr("The token endpoint issued a %1 token%2.")
                               .arg(token.value().tokenType, token.value().refreshToken.isEmpty()
                                                                 ? QString()
                                                                 : tr(" and a refresh token")));
               });
}

void FlowTesterPage::runClientCredentials()
{
    setRunning(tr("Asking the token endpoint for a client credentials token…"));
    const quint64 runId = m_runId;
    Core::then(
        m_oauth.clientCredentials(m_run->settings.scopes, m_run->settings.extraParameterList()),
        this, [this, runId](const Core::Result<Core::TokenResponse> &token) {
            if (!isCurrent(runId))
                return;
            if (!token.ok()) {
                fail(token.error(), tr("The token endpoint refused the client."));
                return;
            }
            showToken(token.value());
            showTab(ResultTab);
            succeed(
                tr("Client credentials: the token endpoint issued a %1 token%2.")
                    .arg(token.value().tokenType, token.value().scope.isEmpty()
                                                      ? QString()
                                                      : tr(" for “%1”").arg(token.value().scope)));
        });
}

void FlowTesterPage::runApiKey()
{
    const FlowSettings &settings = m_run->settings;
    const QUrl url(settings.callUrl.isEmpty()
                       ? m_workspace.currentProfile()->serverUrl.toString() + u"/api/v2/whoami"_s
                       : settings.callUrl);
    if (settings.callUrl.isEmpty())
        m_callUrl->setText(url.toString());
    m_signer = std::make_unique<Core::HawkSigner>(settings.apiKeyId, m_run->secret);
    setRunning(tr("Sending a Hawk-signed GET %1…").arg(bare(url)));
    const quint64 runId = m_runId;
    Core::then(m_signer->send(m_http, "GET", url), this,
               [this, runId, url](const Core::Result<Core::HttpExchange> &exchange) {
                   if (!isCurrent(runId))
                       return;
                   if (!exchange.ok()) {
                       fail(exchange.error(), tr("The signed request got no answer."));
                       return;
                   }
                   const Core::HttpExchange &answer = exchange.value();
                   const qint64 skew = m_signer->offsetSeconds();
                   QString skewText;
                   if (skew != 0)
                       skewText =
                           u' ' + (skew > 0 ? tr("The server's clock is %1 s ahead of this "
                                                 "computer's; Latchkey signed again with the "
                                                 "server's time.")
                                                  .arg(skew)
                                            : tr("The server's clock is %1 s behind this "
                                                 "computer's; Latchkey signed again with the "
                                                 "server's time.")
                                                  .arg(-skew));
                   showCallResult(u"GET %1 → HTTP %2"_s.arg(bare(url)).arg(answer.status),
                                  prettyBody(answer.responseBody));
                   showTab(ResultTab);
                   if (answer.status >= 200 && answer.status < 300)
                       succeed(tr("The API key works: the server accepted the Hawk-signed "
                                  "request (HTTP %1).")
                                   .arg(answer.status) +
                               skewText);
                   else
                       fail(tr("The server refused the Hawk-signed request: %1")
                                    .arg(Core::HttpClient::errorFrom(answer).toText()) +
                                skewText,
                            u"HTTP %1"_s.arg(answer.status));
               });
}

void FlowTesterPage::showToken(const Core::TokenResponse &token)
{
    m_token = token;
    QJsonObject shown = token.raw;
    if (!m_reveal->isChecked())
        for (const char *name : {"access_token", "refresh_token", "id_token"})
            if (shown.contains(QLatin1StringView(name)))
                shown.insert(QLatin1StringView(name),
                             Core::maskSecret(shown.value(QLatin1StringView(name)).toString()));
    m_tokenView->setPlainText(prettyJson(shown));
    showJwts();
    updateCountdown();
    m_countdown.start();
    updateActions();
}

void FlowTesterPage::showJwts()
{
    if (!m_token || !m_run)
        return;
    m_run->jwtChecks.clear();
    const QList<std::pair<QString, QString>> tokens = {{tr("Access token"), m_token->accessToken},
                                                       {tr("ID token"), m_token->idToken}};
    for (const auto &[label, value] : tokens) {
        if (value.isEmpty() || !Core::Jwt::decode(value))
            continue;
        const bool canVerify = !m_oauth.provider().jwksUri.isEmpty();
        m_run->jwtChecks.append(
            {label, canVerify ? tr("checking the signature…")
                              : tr("signature not checked: the provider names no JWKS")});
        if (!canVerify)
            continue;
        const quint64 runId = m_runId;
        const QString name = label;
        Core::then(
            m_oauth.verifyJwt(value), this,
            [this, runId, name](const Core::Result<Core::Jwt::Verification> &verified) {
                if (!isCurrent(runId) || !m_run)
                    return;
                for (auto &[label, check] : m_run->jwtChecks)
                    if (label == name)
                        check =
                            verified.ok()
                                ? (verified.value().isValid()
                                       ? tr("signature verified with the provider's "
                                            "key %1 (%2)")
                                             .arg(verified.value().key.value(u"kid"_s).toString(),
                                                  verified.value().token.algorithm())
                                       : tr("signature NOT valid: %1")
                                             .arg(verified.value().message))
                                : tr("signature not checked: %1").arg(verified.error().toText());
                updateCountdown();
            });
    }
}

void FlowTesterPage::updateCountdown()
{
    if (!m_token) {
        m_countdown.stop();
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QDateTime expiresAt = m_token->expiresAt();
    QStringList sections;
    const QList<std::pair<QString, QString>> tokens = {{tr("Access token"), m_token->accessToken},
                                                       {tr("ID token"), m_token->idToken}};
    for (const auto &[label, value] : tokens) {
        const std::optional<Core::Jwt::Decoded> decoded =
            value.isEmpty() ? std::nullopt : Core::Jwt::decode(value);
        if (!decoded)
            continue;
        QString check;
        if (m_run)
            for (const auto &[name, text] : std::as_const(m_run->jwtChecks))
                if (name == label)
                    check = text;
        if (label == tr("Access token") && !expiresAt.isValid())
            expiresAt = decoded->time(u"exp"_s).value_or(QDateTime());
        const Core::Jwt::TimeCheck times = Core::Jwt::checkTimes(*decoded, now, 0);
        sections.append(tr("%1 (JWT, %2): %3\n%4\nheader: %5\nclaims: %6")
                            .arg(label, decoded->algorithm(), check, times.message,
                                 prettyJson(decoded->header), prettyJson(decoded->claims)));
    }
    const QString jwts = sections.join(u"\n\n"_s);
    if (m_jwtView->toPlainText() != jwts) {
        const int scroll = m_jwtView->verticalScrollBar()->value();
        m_jwtView->setPlainText(jwts);
        m_jwtView->verticalScrollBar()->setValue(scroll);
    }
    if (!expiresAt.isValid()) {
        m_expiry->setText(tr("The access token names no expiry."));
        return;
    }
    const qint64 left = now.secsTo(expiresAt);
    m_expiry->setText(
        left > 0 ? tr("Access token expires in %1 (at %2).")
                       .arg(duration(left), QLocale().toString(expiresAt.toLocalTime().time(),
                                                               QLocale::ShortFormat))
                 : tr("Access token expired %1 ago.").arg(duration(-left)));
}

void FlowTesterPage::showCallResult(const QString &heading, const QString &body)
{
    m_callResult->setPlainText(heading + u"\n\n"_s + body);
}

void FlowTesterPage::callWithToken()
{
    if (!m_token || isRunning())
        return;
    const QUrl url(m_callUrl->text().trimmed(), QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https")) {
        setStatus(Outcome::Failure, tr("The Call URL must be an http or https URL."));
        return;
    }
    Core::HttpCall call;
    call.url = url;
    call.headers = {{"Authorization", "Bearer " + m_token->accessToken.toUtf8()},
                    {"Accept", "application/json"}};
    setRunning(tr("GET %1 with the access token…").arg(bare(url)));
    const quint64 runId = m_runId;
    Core::then(
        m_http.send(call), this,
        [this, runId, url](const Core::Result<Core::HttpExchange> &exchange) {
            if (!isCurrent(runId))
                return;
            if (!exchange.ok()) {
                fail(exchange.error(), tr("The call got no answer."));
                return;
            }
            const Core::HttpExchange &answer = exchange.value();
            showCallResult(u"GET %1 → HTTP %2"_s.arg(bare(url)).arg(answer.status),
                           prettyBody(answer.responseBody));
            if (answer.status >= 200 && answer.status < 300)
                succeed(
                    tr("GET %1 with the access token: HTTP %2.").arg(bare(url)).arg(answer.status));
            else
                fail(tr("GET %1 with the access token was refused: %2")
                         .arg(bare(url), Core::HttpClient::errorFrom(answer).toText()),
                     u"HTTP %1"_s.arg(answer.status));
        });
}

void FlowTesterPage::refreshToken()
{
    if (!m_token || m_token->refreshToken.isEmpty() || isRunning())
        return;
    setRunning(tr("Refreshing the token…"));
    const quint64 runId = m_runId;
    Core::then(m_oauth.refresh(m_token->refreshToken), this,
               [this, runId](const Core::Result<Core::TokenResponse> &token) {
                   if (!isCurrent(runId))
                       return;
                   if (!token.ok()) {
                       fail(token.error(), tr("The refresh was refused."));
                       return;
                   }
                   showToken(token.value());
                   succeed(tr("Refreshed: a new access token%1.")
                               .arg(token.value().refreshToken.isEmpty()
                                        ? QString()
                                        : tr(" and a new refresh token")));
               });
}

std::pair<QString, QString> FlowTesterPage::chosenToken() const
{
    const QString hint = m_tokenChoice->currentData().toString();
    if (!m_token)
        return {};
    return {hint == u"refresh_token" ? m_token->refreshToken : m_token->accessToken, hint};
}

void FlowTesterPage::introspectToken()
{
    const auto [token, hint] = chosenToken();
    if (token.isEmpty() || isRunning())
        return;
    const QString which = m_tokenChoice->currentText().toLower();
    setRunning(tr("Introspecting the %1…").arg(which));
    const quint64 runId = m_runId;
    Core::then(m_oauth.introspect(token, hint), this,
               [this, runId, which](const Core::Result<QJsonObject> &answer) {
                   if (!isCurrent(runId))
                       return;
                   if (!answer.ok()) {
                       fail(answer.error(), tr("The introspection was refused."));
                       return;
                   }
                   showCallResult(tr("Introspection (RFC 7662)"), prettyJson(answer.value()));
                   const bool active = answer.value().value(u"active"_s).toBool();
                   succeed(active ? tr("Introspection: the %1 is active.").arg(which)
                                  : tr("Introspection: the %1 is not active (revoked, expired or "
                                       "unknown).")
                                        .arg(which));
               });
}

void FlowTesterPage::revokeToken()
{
    const auto [token, hint] = chosenToken();
    if (token.isEmpty() || isRunning())
        return;
    const QString which = m_tokenChoice->currentText().toLower();
    setRunning(tr("Revoking the %1…").arg(which));
    const quint64 runId = m_runId;
    Core::then(m_oauth.revoke(token, hint), this,
               [this, runId, which](const Core::Result<Core::Nothing> &done) {
                   if (!isCurrent(runId))
                       return;
                   if (!done.ok()) {
                       fail(done.error(), tr("The revocation was refused."));
                       return;
                   }
                   showCallResult(tr("Revocation (RFC 7009)"),
                                  tr("The provider accepted the revocation."));
                   succeed(tr("Revoked: the provider accepted the revocation of the %1. "
                              "Introspect to see it inactive.")
                               .arg(which));
               });
}

void FlowTesterPage::cancel()
{
    const bool wasRunning = isRunning();
    ++m_runId; // answers still on their way are dropped
    m_browser->stop();
    m_loopback.reset();
    if (wasRunning)
        fail(tr("Cancelled."), u"cancelled"_s);
}

void FlowTesterPage::testConsumer(const Consumer &consumer)
{
    cancel();
    const int index = m_consumer->findData(consumer.id);
    if (index < 0)
        return;
    m_consumer->setCurrentIndex(index);
    // Its grant, client ID, redirect URI and the secret the keychain holds; without the secret
    // the test says to type it.
    consumerPicked([this] {
        run();
        if (outcome() == Outcome::Failure && m_secret->text().isEmpty())
            m_secret->setFocus();
    });
}

void FlowTesterPage::testKey(const ApiKey &key)
{
    cancel();
    FlowSettings settings = this->settings();
    settings.grant = FlowSettings::Grant::ApiKey;
    settings.apiKeyId = key.id;
    settings.callUrl.clear();
    setSettings(settings);
    readSecret(Core::SecretKind::apiSecret, key.id, [this] {
        run();
        if (outcome() == Outcome::Failure && m_secret->text().isEmpty())
            m_secret->setFocus();
    });
}

void FlowTesterPage::setRunning(const QString &text)
{
    setStatus(Outcome::Running, text);
}

void FlowTesterPage::succeed(const QString &text, const QString &outcome)
{
    m_browser->stop(); // the test's private profile goes, with its cookies
    m_loopback.reset();
    setStatus(Outcome::Success, text);
    record(outcome);
    Q_EMIT finished();
}

void FlowTesterPage::fail(const QString &text, const QString &outcome)
{
    m_browser->stop();
    m_loopback.reset();
    setStatus(Outcome::Failure, text);
    record(outcome);
    Q_EMIT finished();
}

void FlowTesterPage::fail(const Core::Error &error, const QString &context)
{
    fail(context + u' ' + error.toText(), outcomeOf(error));
}

void FlowTesterPage::setStatus(Outcome outcome, const QString &text)
{
    m_outcome = outcome;
    m_status->setText(text.isEmpty() ? tr("Pick a consumer or a provider, then Run Test "
                                          "(Ctrl+Return).")
                                     : text);
    static const QHash<Outcome, QString> styles = {
        {Outcome::None, u"QLabel { color: palette(mid) }"_s},
        {Outcome::Running, u"#flowStatusFrame { background: palette(alternate-base) }"_s},
        {Outcome::Success, u"#flowStatusFrame { background: #e8f5e9 } QLabel { color: #1b5e20 }"_s},
        {Outcome::Failure, u"#flowStatusFrame { background: #ffebee } QLabel { color: #b71c1c }"_s},
    };
    m_statusFrame->setStyleSheet(styles.value(outcome));
    updateActions();
}

void FlowTesterPage::record(const QString &outcome)
{
    if (!m_run || m_run->recorded)
        return;
    const std::optional<Core::Profile> profile = m_workspace.currentProfile();
    if (!profile)
        return;
    m_run->recorded = true;
    Core::FlowHistoryEntry entry;
    entry.profileId = profile->id;
    entry.startedAt = m_run->startedAt;
    entry.provider = m_run->providerLabel;
    entry.clientId = m_run->settings.grant == FlowSettings::Grant::ApiKey
                         ? m_run->settings.apiKeyId
                         : m_run->settings.clientId;
    entry.grant = m_run->settings.grantName();
    entry.scopes = m_run->settings.scopes;
    entry.outcome = outcome.left(300);
    entry.settings = m_run->settings.toJson();
    const Core::Result<qint64> added = m_workspace.cache().addHistory(entry);
    if (!added.ok())
        Q_EMIT message(tr("The test was not added to the history: %1").arg(added.error().toText()));
    reloadHistory();
}

void FlowTesterPage::reloadHistory()
{
    m_history->setRowCount(0);
    m_historySettings.clear();
    const std::optional<Core::Profile> profile = m_workspace.currentProfile();
    if (!profile)
        return;
    const Core::Result<QList<Core::FlowHistoryEntry>> entries =
        m_workspace.cache().history(profile->id);
    if (!entries.ok())
        return;
    const QHash<QString, QString> grantLabels = {
        {u"authorization_code"_s, tr("Authorization code")},
        {u"client_credentials"_s, tr("Client credentials")},
        {u"hawk"_s, tr("API key (Hawk)")}};
    m_history->setRowCount(int(qMin<qsizetype>(entries.value().size(), 200)));
    int row = 0;
    for (const Core::FlowHistoryEntry &entry : entries.value()) {
        if (row >= m_history->rowCount())
            break;
        const QStringList cells = {
            QLocale().toString(entry.startedAt.toLocalTime(), QLocale::ShortFormat),
            grantLabels.value(entry.grant, entry.grant),
            entry.provider,
            entry.clientId,
            entry.scopes.join(u' '),
            entry.outcome};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column));
            m_history->setItem(row, column, item);
        }
        m_historySettings.append(FlowSettings::fromJson(entry.settings));
        ++row;
    }
    m_history->resizeColumnsToContents();
    updateActions();
}

void FlowTesterPage::runAgain()
{
    const int row = m_history->currentRow();
    if (row < 0 || row >= m_historySettings.size() || isRunning())
        return;
    const FlowSettings settings = m_historySettings.at(row);
    setSettings(settings);
    m_secret->clear();
    m_secretNote->clear();
    const bool needsSecret = settings.grant == FlowSettings::Grant::ApiKey ||
                             settings.clientAuth != Core::ClientAuth::None;
    // The history keeps no secret: the keychain's, or the field asks for it.
    const QString itemId =
        settings.grant == FlowSettings::Grant::ApiKey ? settings.apiKeyId : settings.consumerId;
    if (!needsSecret || itemId.isEmpty()) {
        run();
        return;
    }
    readSecret(settings.grant == FlowSettings::Grant::ApiKey ? Core::SecretKind::apiSecret
                                                             : Core::SecretKind::clientSecret,
               itemId, [this] { run(); });
}

void FlowTesterPage::updateActions()
{
    const bool running = isRunning();
    const bool hasToken = m_token.has_value() && !running;
    m_runButton->setEnabled(!running);
    m_cancelButton->setEnabled(running);
    m_call->setEnabled(hasToken);
    m_refresh->setEnabled(hasToken && !m_token->refreshToken.isEmpty());
    m_introspect->setEnabled(hasToken && !m_oauth.provider().introspectionEndpoint.isEmpty());
    m_revoke->setEnabled(hasToken && !m_oauth.provider().revocationEndpoint.isEmpty());
    m_copyToken->setEnabled(hasToken);
    m_reveal->setEnabled(m_token.has_value());
    m_tokenChoice->setEnabled(hasToken && !m_token->refreshToken.isEmpty());
    if (!m_token || m_token->refreshToken.isEmpty())
        m_tokenChoice->setCurrentIndex(0);
    m_runAgain->setEnabled(!running && m_history->currentRow() >= 0);
}

} // namespace Latchkey::Ui
