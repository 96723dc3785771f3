#include "confirm.h"

#include <QMessageBox>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace Latchkey::Ui {

void confirmDestructive(QWidget *parent, const QString &question, const QString &consequence,
                        const QString &acceptText, std::function<void()> accepted)
{
    auto *box =
        new QMessageBox(QMessageBox::Warning, acceptText, question, QMessageBox::NoButton, parent);
    box->setObjectName(u"confirmBox"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(consequence);
    QPushButton *yes = box->addButton(acceptText, QMessageBox::DestructiveRole);
    yes->setObjectName(u"confirmButton"_s);
    QPushButton *no = box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(no);
    QObject::connect(box, &QMessageBox::buttonClicked, box,
                     [yes, accepted = std::move(accepted)](QAbstractButton *clicked) {
                         if (clicked == yes)
                             accepted();
                     });
    box->open();
}

} // namespace Latchkey::Ui
