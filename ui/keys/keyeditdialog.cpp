#include "keyeditdialog.h"

#include "common/fieldform.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPlainTextEdit>

using namespace Qt::StringLiterals;

namespace Latchkey::Ui {

KeyEditDialog::KeyEditDialog(const QList<PermissionGroup> &groups, std::optional<ApiKey> key,
                             QWidget *parent)
    : EntityEditDialog(key ? tr("&Save") : tr("&Create key"), parent)
    , m_original(std::move(key))
    , m_name(new QLineEdit(this))
    , m_description(new QPlainTextEdit(this))
    , m_group(new QComboBox(this))
    , m_expires(new QCheckBox(tr("Expires on"), this))
    , m_expiresAt(new QDateTimeEdit(this))
{
    setObjectName(u"keyEditDialog"_s);
    setWindowTitle(m_original ? tr("Edit API key %1").arg(m_original->name) : tr("New API key"));
    setMinimumWidth(480);

    m_name->setObjectName(u"nameField"_s);
    m_name->setPlaceholderText(tr("e.g. ERP Sync"));
    m_description->setObjectName(u"descriptionField"_s);
    m_description->setPlaceholderText(tr("What uses this key (optional)"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().height() * 4);
    m_group->setObjectName(u"groupField"_s);
    m_group->addItem(tr("Choose a permission group…"), QString());
    for (const PermissionGroup &group : groups)
        m_group->addItem(group.name, group.id);
    m_expiresAt->setObjectName(u"expiresField"_s);
    m_expiresAt->setCalendarPopup(true);
    m_expiresAt->setDateTime(QDateTime::currentDateTime().addDays(365));
    m_expiresAt->setEnabled(false);
    m_expires->setObjectName(u"expiresCheck"_s);
    connect(m_expires, &QCheckBox::toggled, m_expiresAt, &QWidget::setEnabled);

    if (m_original) {
        m_name->setText(m_original->name);
        m_description->setPlainText(m_original->description);
        m_group->setCurrentIndex(qMax(0, m_group->findData(m_original->permissionGroupId)));
        if (m_original->expiresAt.isValid()) {
            m_expires->setChecked(true);
            m_expiresAt->setDateTime(m_original->expiresAt.toLocalTime());
        }
    }

    auto *expiry = new QHBoxLayout;
    expiry->addWidget(m_expires);
    expiry->addWidget(m_expiresAt, 1);
    auto *expiryWidget = new QWidget(this);
    expiryWidget->setLayout(expiry);
    expiry->setContentsMargins(0, 0, 0, 0);

    errors()->addRow(form(), tr("&Name"), m_name, u"name"_s);
    errors()->addRow(form(), tr("&Description"), m_description, u"description"_s);
    errors()->addRow(form(), tr("Permission &group"), m_group, u"permission_group_id"_s);
    errors()->addRow(form(), tr("Expiry"), expiryWidget, u"expires_at"_s);

    connect(m_name, &QLineEdit::textChanged, this, &KeyEditDialog::validate);
    connect(m_description, &QPlainTextEdit::textChanged, this, &KeyEditDialog::validate);
    connect(m_group, &QComboBox::currentIndexChanged, this, &KeyEditDialog::validate);
    connect(m_expires, &QCheckBox::toggled, this, &KeyEditDialog::validate);
    connect(m_expiresAt, &QDateTimeEdit::dateTimeChanged, this, &KeyEditDialog::validate);
    validate();
}

KeyEditDialog::~KeyEditDialog() = default;

void KeyEditDialog::validate()
{
    checkNameAndDescription(m_name->text().trimmed(), m_description->toPlainText());
    errors()->set(u"permission_group_id"_s, m_group->currentData().toString().isEmpty()
                                                ? tr("Choose the permission group the key acts "
                                                     "with.")
                                                : QString());
    const bool expiryChanged =
        !m_original || m_expires->isChecked() != m_original->expiresAt.isValid() ||
        (m_expires->isChecked() && m_expiresAt->dateTime().toUTC() != m_original->expiresAt);
    errors()->set(u"expires_at"_s, m_expires->isChecked() && expiryChanged &&
                                           m_expiresAt->dateTime() <= QDateTime::currentDateTime()
                                       ? tr("The expiry must be in the future.")
                                       : QString());
    updateOk();
}

QJsonObject KeyEditDialog::fields() const
{
    QJsonObject all{{u"name"_s, m_name->text().trimmed()},
                    {u"description"_s, m_description->toPlainText().trimmed()},
                    {u"permission_group_id"_s, m_group->currentData().toString()}};
    const QJsonValue expiry = m_expires->isChecked()
                                  ? QJsonValue(toRfc3339(m_expiresAt->dateTime().toUTC()))
                                  : QJsonValue(QJsonValue::Null);
    if (!m_original) {
        if (m_expires->isChecked())
            all.insert(u"expires_at"_s, expiry);
        return all;
    }
    QJsonObject changed;
    if (all.value(u"name"_s).toString() != m_original->name)
        changed.insert(u"name"_s, all.value(u"name"_s));
    if (all.value(u"description"_s).toString() != m_original->description)
        changed.insert(u"description"_s, all.value(u"description"_s));
    if (all.value(u"permission_group_id"_s).toString() != m_original->permissionGroupId)
        changed.insert(u"permission_group_id"_s, all.value(u"permission_group_id"_s));
    if (m_expires->isChecked() != m_original->expiresAt.isValid() ||
        (m_expires->isChecked() && m_expiresAt->dateTime().toUTC().toSecsSinceEpoch() !=
                                       m_original->expiresAt.toSecsSinceEpoch()))
        changed.insert(u"expires_at"_s, expiry);
    return changed;
}

void KeyEditDialog::setInputsEnabled(bool enabled)
{
    for (QWidget *input : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_description),
                           static_cast<QWidget *>(m_group), static_cast<QWidget *>(m_expires)})
        input->setEnabled(enabled);
    m_expiresAt->setEnabled(enabled && m_expires->isChecked());
}

} // namespace Latchkey::Ui
