#include "profiledialog.h"

#include "common/fieldform.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Latchkey::Ui {

ProfileDialog::ProfileDialog(Core::ProfileStore &profiles, std::optional<Core::Profile> profile,
                             QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_original(std::move(profile))
    , m_errors(new FieldErrors(this))
    , m_problem(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_environment(new QComboBox(this))
    , m_method(new QComboBox(this))
    , m_clientId(new QLineEdit(this))
    , m_secret(new QLineEdit(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"profileDialog"_s);
    setWindowTitle(m_original ? tr("Edit account %1").arg(m_original->name) : tr("Add account"));
    setMinimumWidth(500);

    m_problem->setStyleSheet(u"color: #c62828"_s);
    m_problem->setWordWrap(true);
    m_problem->hide();
    m_name->setObjectName(u"nameField"_s);
    m_name->setPlaceholderText(tr("e.g. Acme production"));
    m_url->setObjectName(u"urlField"_s);
    m_url->setPlaceholderText(u"https://keys.example.com"_s);
    m_environment->setObjectName(u"environmentField"_s);
    m_environment->addItem(tr("Production"), u"production"_s);
    m_environment->addItem(tr("Staging"), u"staging"_s);
    m_environment->addItem(tr("Sandbox"), u"sandbox"_s);
    m_method->setObjectName(u"methodField"_s);
    m_method->addItem(tr("Sign in with the system browser"), u"system-browser"_s);
    m_method->addItem(tr("Sign in with the built-in browser"), u"built-in-browser"_s);
    m_method->addItem(tr("Automation consumer (client credentials)"), u"automation"_s);
    m_clientId->setObjectName(u"clientIdField"_s);
    m_secret->setObjectName(u"clientSecretField"_s);
    m_secret->setEchoMode(QLineEdit::Password);

    if (m_original) {
        m_name->setText(m_original->name);
        m_url->setText(m_original->serverUrl.toString());
        m_environment->setCurrentIndex(
            m_environment->findData(Core::environmentName(m_original->environment)));
        m_method->setCurrentIndex(
            m_method->findData(Core::signInMethodName(m_original->signInMethod)));
        m_clientId->setText(m_original->clientId);
        m_secret->setPlaceholderText(tr("Unchanged"));
    }

    auto *form = new QFormLayout;
    m_errors->addRow(form, tr("&Name"), m_name, u"name"_s);
    m_errors->addRow(form, tr("Server &URL"), m_url, u"server_url"_s);
    m_errors->addRow(form, tr("&Environment"), m_environment, u"environment"_s);
    m_errors->addRow(form, tr("&Sign-in"), m_method, u"sign_in_method"_s);
    m_errors->addRow(form, tr("&Client ID"), m_clientId, u"client_id"_s);
    m_errors->addRow(form, tr("Client s&ecret"), m_secret, u"client_secret"_s);

    m_buttons->button(QDialogButtonBox::Ok)->setText(m_original ? tr("&Save") : tr("&Add"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_problem);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    for (QLineEdit *field : {m_name, m_url, m_clientId, m_secret})
        connect(field, &QLineEdit::textChanged, this, &ProfileDialog::validate);
    connect(m_environment, &QComboBox::currentIndexChanged, this, &ProfileDialog::validate);
    connect(m_method, &QComboBox::currentIndexChanged, this, &ProfileDialog::methodChanged);
    methodChanged();
}

ProfileDialog::~ProfileDialog() = default;

void ProfileDialog::methodChanged()
{
    const bool automation = m_method->currentData().toString() == u"automation";
    for (QWidget *field : {static_cast<QWidget *>(m_clientId), static_cast<QWidget *>(m_secret)}) {
        field->setVisible(automation);
        if (auto *form = qobject_cast<QFormLayout *>(layout()->itemAt(1)->layout()))
            if (QWidget *label = form->labelForField(field))
                label->setVisible(automation);
    }
    validate();
}

Core::ProfileInput ProfileDialog::input() const
{
    Core::ProfileInput input;
    input.name = m_name->text().trimmed();
    input.serverUrl = m_url->text().trimmed();
    input.environment = m_environment->currentData().toString();
    input.signInMethod = m_method->currentData().toString();
    if (input.signInMethod == u"automation")
        input.clientId = m_clientId->text().trimmed();
    else if (m_original && m_original->signInMethod != Core::SignInMethod::Automation)
        input.clientId = m_original->clientId;
    return input;
}

QString ProfileDialog::clientSecret() const
{
    return m_method->currentData().toString() == u"automation" ? m_secret->text() : QString();
}

void ProfileDialog::validate()
{
    m_errors->clear();
    auto checked = m_profiles.validate(input(), m_original ? m_original->id : QString());
    if (!checked)
        m_errors->applyServerErrors(checked.error());
    if (m_method->currentData().toString() == u"automation") {
        if (m_clientId->text().trimmed().isEmpty())
            m_errors->set(u"client_id"_s, tr("The automation consumer's client ID is required."));
        const bool sameClient = m_original && m_original->clientId == m_clientId->text().trimmed();
        if (m_secret->text().isEmpty() && !sameClient)
            m_errors->set(u"client_secret"_s,
                          tr("The client secret is required; it is kept in the keychain."));
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_errors->isValid());
}

void ProfileDialog::showError(const Core::Error &error)
{
    const QString rest = m_errors->applyServerErrors(error);
    m_problem->setText(rest);
    m_problem->setVisible(!rest.isEmpty());
}

} // namespace Latchkey::Ui
