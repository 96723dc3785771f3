#include "entityeditdialog.h"

#include "fieldform.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Latchkey::Ui {

namespace {
// The admin API's limits.
constexpr int maxNameLength = 200;
constexpr int maxDescriptionLength = 2000;
} // namespace

EntityEditDialog::EntityEditDialog(const QString &okText, QWidget *parent)
    : QDialog(parent)
    , m_errors(new FieldErrors(this))
    , m_form(new QFormLayout)
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    m_problem->setObjectName(u"problemLabel"_s);
    m_problem->setStyleSheet(u"color: #c62828"_s);
    m_problem->setWordWrap(true);
    m_problem->hide();

    m_buttons->button(QDialogButtonBox::Ok)->setText(okText);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] { Q_EMIT submitted(fields()); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_problem);
    layout->addLayout(m_form);
    layout->addStretch();
    layout->addWidget(m_buttons);
}

EntityEditDialog::~EntityEditDialog() = default;

void EntityEditDialog::checkNameAndDescription(const QString &name, const QString &description)
{
    m_errors->set(u"name"_s, name.isEmpty() ? tr("A name is required.")
                             : name.size() > maxNameLength
                                 ? tr("At most %1 characters.").arg(maxNameLength)
                                 : QString());
    m_errors->set(u"description"_s, description.size() > maxDescriptionLength
                                        ? tr("At most %1 characters.").arg(maxDescriptionLength)
                                        : QString());
}

void EntityEditDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_errors->isValid());
}

void EntityEditDialog::setBusy(bool busy)
{
    m_busy = busy;
    setInputsEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy && m_errors->isValid());
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(!busy);
    setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor);
}

void EntityEditDialog::reject()
{
    if (!m_busy)
        QDialog::reject();
}

void EntityEditDialog::showError(const Core::Error &error)
{
    setBusy(false);
    const QString rest = m_errors->applyServerErrors(error);
    m_problem->setText(rest);
    m_problem->setVisible(!rest.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
}

} // namespace Latchkey::Ui
