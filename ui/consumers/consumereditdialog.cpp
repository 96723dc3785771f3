#include "consumereditdialog.h"

#include "common/fieldform.h"

#include <protocol/redirecturi.h>

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

using namespace Qt::StringLiterals;

namespace Latchkey::Ui {

ConsumerEditDialog::ConsumerEditDialog(const QList<PermissionGroup> &groups,
                                       std::optional<Consumer> consumer, QWidget *parent)
    : EntityEditDialog(consumer ? tr("&Save") : tr("&Create consumer"), parent)
    , m_original(std::move(consumer))
    , m_name(new QLineEdit(this))
    , m_description(new QPlainTextEdit(this))
    , m_group(new QComboBox(this))
    , m_grant(new QComboBox(this))
    , m_grantHint(new QLabel(this))
    , m_clientType(new QComboBox(this))
    , m_redirectUris(new QPlainTextEdit(this))
    , m_pkce(new QCheckBox(tr("Require PKCE (S256) in the authorization-code flow"), this))
{
    setObjectName(u"consumerEditDialog"_s);
    setWindowTitle(m_original ? tr("Edit OAuth consumer %1").arg(m_original->name)
                              : tr("New OAuth consumer"));
    setMinimumWidth(520);

    m_name->setObjectName(u"nameField"_s);
    m_name->setPlaceholderText(tr("e.g. Partner portal"));
    m_description->setObjectName(u"descriptionField"_s);
    m_description->setPlaceholderText(tr("What this application is (optional)"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().height() * 4);
    m_group->setObjectName(u"groupField"_s);
    m_group->addItem(tr("Choose a permission group…"), QString());
    for (const PermissionGroup &group : groups)
        m_group->addItem(group.name, group.id);

    m_grant->setObjectName(u"grantField"_s);
    m_grant->addItem(tr("Client credentials"), toString(GrantType::ClientCredentials));
    m_grant->addItem(tr("Authorization code"), toString(GrantType::AuthorizationCode));
    m_grantHint->setObjectName(u"grantHint"_s);
    m_grantHint->setWordWrap(true);
    m_grantHint->setStyleSheet(u"color: palette(mid)"_s);

    m_clientType->setObjectName(u"clientTypeField"_s);
    m_clientType->addItem(tr("Confidential (a server that keeps a secret)"),
                          toString(ClientType::Confidential));
    m_clientType->addItem(tr("Public (a native or browser app: no secret)"),
                          toString(ClientType::Public));

    m_redirectUris->setObjectName(u"redirectUrisField"_s);
    m_redirectUris->setPlaceholderText(
        tr("One per line, e.g.\nhttps://app.example.com/callback\nhttp://127.0.0.1/callback\n"
           "com.example.app:/callback"));
    m_redirectUris->setTabChangesFocus(true);
    m_redirectUris->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_redirectUris->setFixedHeight(m_redirectUris->fontMetrics().height() * 5);
    m_pkce->setObjectName(u"pkceCheck"_s);
    m_pkce->setChecked(true);

    if (m_original) {
        m_name->setText(m_original->name);
        m_description->setPlainText(m_original->description);
        m_group->setCurrentIndex(qMax(0, m_group->findData(m_original->permissionGroupId)));
        m_grant->setCurrentIndex(m_grant->findData(toString(m_original->grantType)));
        m_clientType->setCurrentIndex(m_clientType->findData(toString(m_original->clientType)));
        m_redirectUris->setPlainText(m_original->redirectUris.join(u'\n'));
        m_pkce->setChecked(m_original->requirePkce);
        const QString fixed = tr("Fixed when the consumer was created.");
        m_grant->setEnabled(false);
        m_grant->setToolTip(fixed);
        m_clientType->setEnabled(false);
        m_clientType->setToolTip(fixed);
    }

    errors()->addRow(form(), tr("&Name"), m_name, u"name"_s);
    errors()->addRow(form(), tr("&Description"), m_description, u"description"_s);
    errors()->addRow(form(), tr("Permission &group"), m_group, u"permission_group_id"_s);
    errors()->addRow(form(), tr("G&rant type"), m_grant, u"grant_type"_s);
    form()->addRow(QString(), m_grantHint);
    errors()->addRow(form(), tr("Client &type"), m_clientType, u"client_type"_s);
    errors()->addRow(form(), tr("Redirect &URIs"), m_redirectUris, u"redirect_uris"_s);
    errors()->addRow(form(), tr("PKCE"), m_pkce, u"require_pkce"_s);

    connect(m_name, &QLineEdit::textChanged, this, &ConsumerEditDialog::validate);
    connect(m_description, &QPlainTextEdit::textChanged, this, &ConsumerEditDialog::validate);
    connect(m_group, &QComboBox::currentIndexChanged, this, &ConsumerEditDialog::validate);
    connect(m_grant, &QComboBox::currentIndexChanged, this, &ConsumerEditDialog::updateForm);
    connect(m_clientType, &QComboBox::currentIndexChanged, this, &ConsumerEditDialog::updateForm);
    connect(m_redirectUris, &QPlainTextEdit::textChanged, this, &ConsumerEditDialog::validate);
    connect(m_pkce, &QCheckBox::toggled, this, &ConsumerEditDialog::validate);
    updateForm();
}

ConsumerEditDialog::~ConsumerEditDialog() = default;

GrantType ConsumerEditDialog::grantType() const
{
    return grantTypeFromString(m_grant->currentData().toString())
        .value_or(GrantType::ClientCredentials);
}

ClientType ConsumerEditDialog::clientType() const
{
    return clientTypeFromString(m_clientType->currentData().toString())
        .value_or(ClientType::Confidential);
}

void ConsumerEditDialog::updateForm()
{
    const bool code = grantType() == GrantType::AuthorizationCode;
    m_grantHint->setText(
        code ? tr("For applications that act for a user of the account: the user signs in and "
                  "consents, and the application receives a code at one of its redirect URIs.")
             : tr("For server-to-server integrations: the application gets tokens with its own "
                  "client ID and secret, without a user."));
    form()->setRowVisible(m_clientType, code);
    form()->setRowVisible(m_redirectUris, code);
    form()->setRowVisible(m_pkce, code);
    // A public client cannot keep a secret: PKCE is what protects its codes (RFC 9700 §2.1.1).
    const bool isPublic = clientType() == ClientType::Public;
    if (isPublic)
        m_pkce->setChecked(true);
    m_pkce->setEnabled(!isPublic);
    m_pkce->setToolTip(isPublic ? tr("A public client always uses PKCE.") : QString());
    validate();
}

QStringList ConsumerEditDialog::redirectUris() const
{
    QStringList uris;
    const QStringList lines = m_redirectUris->toPlainText().split(u'\n');
    for (const QString &line : lines) {
        if (const QString uri = line.trimmed(); !uri.isEmpty())
            uris.append(uri);
    }
    return uris;
}

QString ConsumerEditDialog::redirectUrisProblem() const
{
    if (grantType() != GrantType::AuthorizationCode)
        return {};
    QStringList problems;
    const QStringList lines = m_redirectUris->toPlainText().split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString uri = lines.at(i).trimmed();
        if (uri.isEmpty())
            continue;
        const auto problem = redirectUriProblem(uri);
        if (!problem)
            continue;
        QString why;
        switch (*problem) {
        case RedirectUriProblem::Empty:
        case RedirectUriProblem::NotAbsolute:
            why = tr("is not an absolute URI such as https://app.example.com/callback.");
            break;
        case RedirectUriProblem::Fragment:
            why = tr("must not have a fragment (#…).");
            break;
        case RedirectUriProblem::UserInfo:
            why = tr("must not carry a user name or password.");
            break;
        case RedirectUriProblem::NoHost:
            why = tr("needs a host.");
            break;
        case RedirectUriProblem::HttpNotLoopback:
            why = tr("http is only allowed on a loopback host (127.0.0.1, [::1], localhost); "
                     "use https.");
            break;
        case RedirectUriProblem::Scheme:
            why = tr("must use https, http on a loopback host, or a reverse-domain private "
                     "scheme such as com.example.app:/callback.");
            break;
        }
        problems.append(tr("Line %1, “%2”: %3").arg(i + 1).arg(uri, why));
    }
    if (problems.isEmpty() && redirectUris().isEmpty())
        return tr("Authorization code needs at least one redirect URI.");
    return problems.join(u'\n');
}

void ConsumerEditDialog::validate()
{
    checkNameAndDescription(m_name->text().trimmed(), m_description->toPlainText());
    errors()->set(u"permission_group_id"_s,
                  m_group->currentData().toString().isEmpty()
                      ? tr("Choose the permission group the consumer's tokens act with.")
                      : QString());
    errors()->set(u"grant_type"_s, QString());
    errors()->set(u"client_type"_s, QString());
    errors()->set(u"redirect_uris"_s, redirectUrisProblem());
    errors()->set(u"require_pkce"_s, QString());
    updateOk();
}

QJsonObject ConsumerEditDialog::fields() const
{
    const bool code = grantType() == GrantType::AuthorizationCode;
    const QString name = m_name->text().trimmed();
    const QString description = m_description->toPlainText().trimmed();
    const QString group = m_group->currentData().toString();
    const QStringList uris = redirectUris();
    if (!m_original) {
        QJsonObject all{{u"name"_s, name},
                        {u"description"_s, description},
                        {u"permission_group_id"_s, group},
                        {u"grant_type"_s, toString(grantType())}};
        if (code) {
            all.insert(u"client_type"_s, toString(clientType()));
            all.insert(u"redirect_uris"_s, QJsonArray::fromStringList(uris));
            all.insert(u"require_pkce"_s, m_pkce->isChecked());
        }
        return all;
    }
    QJsonObject changed;
    if (name != m_original->name)
        changed.insert(u"name"_s, name);
    if (description != m_original->description)
        changed.insert(u"description"_s, description);
    if (group != m_original->permissionGroupId)
        changed.insert(u"permission_group_id"_s, group);
    if (code && uris != m_original->redirectUris)
        changed.insert(u"redirect_uris"_s, QJsonArray::fromStringList(uris));
    if (code && m_pkce->isChecked() != m_original->requirePkce)
        changed.insert(u"require_pkce"_s, m_pkce->isChecked());
    return changed;
}

void ConsumerEditDialog::setInputsEnabled(bool enabled)
{
    for (QWidget *input : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_description),
                           static_cast<QWidget *>(m_group), static_cast<QWidget *>(m_redirectUris)})
        input->setEnabled(enabled);
    m_grant->setEnabled(enabled && !m_original);
    m_clientType->setEnabled(enabled && !m_original);
    m_pkce->setEnabled(enabled && clientType() != ClientType::Public);
}

} // namespace Latchkey::Ui
