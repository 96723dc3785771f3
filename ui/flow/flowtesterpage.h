#pragma once

#include "flowsettings.h"

#include <net/httpclient.h>
#include <oauth/hawksigner.h>
#include <oauth/loopbackreceiver.h>
#include <oauth/oauthclient.h>
#include <protocol/entities.h>

#include <QTimer>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QFrame;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTableWidget;

namespace Latchkey::Ui {

class ConsumerListModel;
class FlowBrowser;
class KeyListModel;
class TimelineModel;
class Workspace;

// The Flow Tester section: tries an OAuth 2.0 flow or an API key against the account (or any
// provider) and shows every step. The set-up panel on the left; on the right what happened in
// words, the built-in browser, the token and its JWTs with the calls made with it, the timeline
// of every HTTP exchange (secrets masked, copyable as curl) and the history of past tests.
class FlowTesterPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FlowTesterPage)

public:
    enum class Outcome { None, Running, Success, Failure };
    Q_ENUM(Outcome)
    enum Tab { BrowserTab, ResultTab, TimelineTab, HistoryTab };

    // The consumers and keys of the account come from their sections' models.
    FlowTesterPage(Workspace &workspace, const ConsumerListModel *consumers,
                   const KeyListModel *keys, QWidget *parent = nullptr);
    ~FlowTesterPage() override;

    QString title() const;

    FlowSettings settings() const;
    // Fills the set-up panel (the secret field is left alone).
    void setSettings(const FlowSettings &settings);
    // The client secret or API secret field.
    void setSecret(const QString &secret);

    // Runs the test the set-up panel describes.
    void run();
    // Stops the running test; nothing more is sent.
    void cancel();
    // One click from a consumer's row: its grant with its client ID, redirect URI and the
    // secret the keychain holds; runs at once.
    void testConsumer(const Consumer &consumer);
    // One click from a key's row: a Hawk-signed whoami with the secret the keychain holds.
    void testKey(const ApiKey &key);

    // With the token of the last test: call the URL field, refresh; introspect and revoke the
    // token chosen beside them (the access token, or the refresh token).
    void callWithToken();
    void refreshToken();
    void introspectToken();
    void revokeToken();

    Outcome outcome() const { return m_outcome; }
    QString statusText() const;
    bool isRunning() const { return m_outcome == Outcome::Running; }
    FlowBrowser *browser() const { return m_browser; }
    TimelineModel *timeline() const { return m_timeline; }
    const std::optional<Core::TokenResponse> &token() const { return m_token; }
    // The text of the result pane: the last call's answer (introspection, whoami...).
    QString callResultText() const;
    QString tokenText() const;
    QString jwtText() const;
    void showTab(Tab tab);

Q_SIGNALS:
    // A test or a call with its token finished (Outcome Success or Failure).
    void finished();
    void message(const QString &text);

private:
    struct Run;

    QWidget *buildSetup();
    QWidget *buildResult();
    QWidget *buildTimeline();
    QWidget *buildHistory();
    void updateVisibility();
    void reloadConsumers();
    void reloadKeys();
    // Fills the set-up from the consumer picked, its secret from the keychain; then `next`.
    void consumerPicked(std::function<void()> next);
    void keyPicked();
    // Reads an item's secret from the keychain into the secret field; then `next`.
    void readSecret(QStringView kind, const QString &itemId, std::function<void()> next);
    std::optional<QString> problemWith(const FlowSettings &settings) const;

    Core::Task<Core::ProviderMetadata> resolveProvider(const FlowSettings &settings);
    void startAuthorization();
    void redirectCaught(const QUrl &url);
    void redirectReceived(const QUrlQuery &query, const QString &where);
    void pageShown(const QUrl &url, const QString &title, const QString &alert);
    void exchangeCode(const Core::AuthorizationResponse &response, const QString &caught);
    void runClientCredentials();
    void runApiKey();
    void showToken(const Core::TokenResponse &token);
    void showJwts();
    void updateCountdown();
    void showCallResult(const QString &heading, const QString &body);
    // The token Introspect and Revoke act on, and its type hint.
    std::pair<QString, QString> chosenToken() const;

    void setRunning(const QString &text);
    void succeed(const QString &text, const QString &outcome = QStringLiteral("success"));
    void fail(const QString &text, const QString &outcome);
    void fail(const Core::Error &error, const QString &context);
    void setStatus(Outcome outcome, const QString &text);
    void record(const QString &outcome);
    void reloadHistory();
    void runAgain();
    bool isCurrent(quint64 runId) const { return runId == m_runId; }
    void updateActions();

    Workspace &m_workspace;
    const ConsumerListModel *m_consumers;
    const KeyListModel *m_keys;
    Core::HttpClient m_http;
    Core::OAuthClient m_oauth;
    std::unique_ptr<Core::LoopbackReceiver> m_loopback;
    std::unique_ptr<Core::HawkSigner> m_signer;
    std::unique_ptr<Run> m_run;
    std::optional<Core::TokenResponse> m_token;
    quint64 m_runId = 0;
    quint64 m_secretRequest = 0;
    Outcome m_outcome = Outcome::None;
    QTimer m_countdown;

    // Set-up
    QFormLayout *m_form = nullptr;
    QComboBox *m_grant;
    QComboBox *m_source;
    QComboBox *m_consumer;
    QComboBox *m_key;
    QLineEdit *m_issuer;
    QLineEdit *m_authorizeUrl;
    QLineEdit *m_tokenUrl;
    QLineEdit *m_revocationUrl;
    QLineEdit *m_introspectionUrl;
    QLineEdit *m_jwksUrl;
    QLineEdit *m_clientId;
    QLineEdit *m_secret;
    QLabel *m_secretNote;
    QComboBox *m_clientAuth;
    QComboBox *m_redirectUri;
    QComboBox *m_browserChoice;
    QLineEdit *m_scopes;
    QComboBox *m_pkce;
    QLineEdit *m_extra;
    QLineEdit *m_callUrl;
    QPushButton *m_runButton;
    QPushButton *m_cancelButton;

    // Results
    QFrame *m_statusFrame;
    QLabel *m_status;
    QTabWidget *m_tabs;
    FlowBrowser *m_browser;
    QPlainTextEdit *m_tokenView;
    QCheckBox *m_reveal;
    QPlainTextEdit *m_jwtView;
    QLabel *m_expiry;
    QPlainTextEdit *m_callResult;
    QPushButton *m_call;
    QPushButton *m_refresh;
    QPushButton *m_introspect;
    QPushButton *m_revoke;
    QComboBox *m_tokenChoice;
    QPushButton *m_copyToken;
    TimelineModel *m_timeline;
    QTableView *m_timelineView;
    QPlainTextEdit *m_exchangeView;
    QTableWidget *m_history;
    QPushButton *m_runAgain;
    QList<FlowSettings> m_historySettings;
};

} // namespace Latchkey::Ui
