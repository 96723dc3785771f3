#include "rotatedialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Latchkey::Ui {

RotateDialog::RotateDialog(const QString &itemName, const QString &secretLabel, QWidget *parent)
    : QDialog(parent)
    , m_grace(new QComboBox(this))
{
    setObjectName(u"rotateDialog"_s);
    setWindowTitle(tr("Rotate the %1 of %2").arg(secretLabel, itemName));
    auto *text = new QLabel(tr("A new %1 is made and shown once. The old one stops working at "
                               "once, or after a grace period while integrations switch.")
                                .arg(secretLabel),
                            this);
    text->setWordWrap(true);
    m_grace->setObjectName(u"graceField"_s);
    m_grace->addItem(tr("Stops at once"), 0);
    m_grace->addItem(tr("Works 1 more hour"), 3600);
    m_grace->addItem(tr("Works 24 more hours"), 86400);
    m_grace->addItem(tr("Works 7 more days"), 7 * 86400);
    auto *form = new QFormLayout;
    form->addRow(tr("The old %1").arg(secretLabel), m_grace);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Rotate"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

RotateDialog::~RotateDialog() = default;

int RotateDialog::graceSeconds() const
{
    return m_grace->currentData().toInt();
}

} // namespace Latchkey::Ui
