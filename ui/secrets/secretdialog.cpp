#include "secretdialog.h"

#include "app/workspace.h"
#include "clipboardguard.h"

#include <secrets/secret.h>

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Latchkey::Ui {

SecretDialog::SecretDialog(Workspace &workspace, NewSecret secret, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_secret(std::move(secret))
    , m_field(new QLineEdit(this))
    , m_keep(new QCheckBox(tr("Keep it in the keychain of this computer"), this))
    , m_copied(new QLabel(this))
    , m_reveal(new QPushButton(tr("&Show"), this))
{
    setObjectName(u"secretDialog"_s);
    setWindowTitle(tr("New secret of %1").arg(m_secret.itemName));
    setMinimumWidth(560);

    auto *warning = new QLabel(
        tr("<b>This is the only time the %1 is shown.</b> Copy it or export it now; the server "
           "keeps only what it needs to check it.")
            .arg(m_secret.secretLabel.toHtmlEscaped()),
        this);
    warning->setWordWrap(true);

    auto *id = new QLineEdit(m_secret.id, this);
    id->setReadOnly(true);
    id->setObjectName(u"idField"_s);

    m_field->setObjectName(u"secretField"_s);
    m_field->setText(m_secret.secret);
    m_field->setReadOnly(true);
    m_field->setEchoMode(QLineEdit::Password);
    m_field->setFont(QFont(u"monospace"_s));
    m_field->setAccessibleName(m_secret.secretLabel);

    m_reveal->setObjectName(u"revealButton"_s);
    m_reveal->setCheckable(true);
    connect(m_reveal, &QPushButton::toggled, this, [this](bool shown) {
        m_field->setEchoMode(shown ? QLineEdit::Normal : QLineEdit::Password);
        m_reveal->setText(shown ? tr("&Hide") : tr("&Show"));
    });
    auto *copy = new QPushButton(tr("&Copy"), this);
    copy->setObjectName(u"copyButton"_s);
    connect(copy, &QPushButton::clicked, this, [this] {
        ClipboardGuard::instance().copySecret(m_secret.secret);
        m_copied->setText(tr("Copied. The clipboard is cleared in %n second(s).", nullptr,
                             ClipboardGuard::instance().clearDelay() / 1000));
    });
    auto *secretRow = new QHBoxLayout;
    secretRow->addWidget(m_field, 1);
    secretRow->addWidget(m_reveal);
    secretRow->addWidget(copy);

    auto *form = new QFormLayout;
    form->addRow(m_secret.idLabel, id);
    form->addRow(m_secret.secretLabel, secretRow);

    m_keep->setObjectName(u"keepCheck"_s);
    m_keep->setChecked(!m_secret.keychainKey.isEmpty());
    m_keep->setEnabled(!m_secret.keychainKey.isEmpty());
    m_keep->setToolTip(tr("Latchkey can then export this secret later. It is stored in the "
                          "system keychain (service “Latchkey”), never in a file."));
    m_copied->setObjectName(u"copiedLabel"_s);
    m_copied->setStyleSheet(u"color: palette(mid)"_s);

    auto *buttons = new QDialogButtonBox(this);
    auto *exportButton = buttons->addButton(tr("&Export…"), QDialogButtonBox::ActionRole);
    exportButton->setObjectName(u"exportButton"_s);
    connect(exportButton, &QPushButton::clicked, this, &SecretDialog::exportRequested);
    auto *doneButton = buttons->addButton(tr("&Done"), QDialogButtonBox::AcceptRole);
    doneButton->setObjectName(u"doneButton"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(warning);
    layout->addLayout(form);
    layout->addWidget(m_keep);
    layout->addWidget(m_copied);
    layout->addWidget(buttons);
}

SecretDialog::~SecretDialog() = default;

bool SecretDialog::keepInKeychain() const
{
    return m_keep->isChecked();
}

void SecretDialog::done(int result)
{
    if (!m_stored) {
        m_stored = true;
        if (m_keep->isChecked() && !m_secret.keychainKey.isEmpty()) {
            QPointer<SecretDialog> self(this);
            Workspace *workspace = &m_workspace;
            const QString name = m_secret.itemName;
            m_workspace.secrets()
                .write(m_secret.keychainKey, Core::Secret(m_secret.secret))
                .then(QtFuture::Launch::Sync,
                      Core::guarded(
                          workspace, [self, workspace, name](Core::Result<Core::Nothing> kept) {
                              const QString message =
                                  kept ? tr("The secret of %1 is kept in the keychain.").arg(name)
                                       : kept.error().toText();
                              if (self)
                                  Q_EMIT self->keychainDone(kept.ok(), message);
                          }));
        } else {
            Q_EMIT keychainDone(true, tr("The secret of %1 was not kept.").arg(m_secret.itemName));
        }
    }
    m_secret.secret.clear();
    m_field->clear();
    QDialog::done(result);
}

} // namespace Latchkey::Ui
