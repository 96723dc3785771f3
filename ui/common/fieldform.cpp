#include "fieldform.h"

#include <QFormLayout>
#include <QLabel>

using namespace Qt::StringLiterals;

namespace Latchkey::Ui {

FieldErrors::FieldErrors(QObject *parent)
    : QObject(parent)
{
}

void FieldErrors::addRow(QFormLayout *form, const QString &label, QWidget *field,
                         const QString &apiName)
{
    form->addRow(label, field);
    auto *error = new QLabel(field->parentWidget());
    error->setObjectName(apiName + u"Error"_s);
    error->setStyleSheet(u"color: #c62828"_s);
    error->setWordWrap(true);
    error->hide();
    form->addRow(QString(), error);
    m_labels.insert(apiName, error);
}

void FieldErrors::set(const QString &apiName, const QString &message)
{
    QLabel *label = m_labels.value(apiName);
    if (!label)
        return;
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

void FieldErrors::clear()
{
    for (QLabel *label : std::as_const(m_labels))
        label->hide(), label->clear();
}

bool FieldErrors::isValid() const
{
    for (const QLabel *label : m_labels) {
        if (!label->text().isEmpty())
            return false;
    }
    return true;
}

QString FieldErrors::message(const QString &apiName) const
{
    const QLabel *label = m_labels.value(apiName);
    return label ? label->text() : QString();
}

QString FieldErrors::applyServerErrors(const Core::Error &error)
{
    QStringList rest;
    QHash<QString, QStringList> messages;
    for (const auto &field : error.problem.errors) {
        // An item of a list field ("redirect_uris[2]") shows under the list's field.
        const QString name = field.field.section(u'[', 0, 0);
        if (m_labels.contains(name))
            messages[name].append(field.message);
        else
            rest.append(field.field + u": "_s + field.message);
    }
    for (auto it = messages.cbegin(); it != messages.cend(); ++it)
        set(it.key(), it.value().join(u'\n'));
    if (error.problem.errors.isEmpty())
        rest.append(error.toText());
    return rest.join(u'\n');
}

} // namespace Latchkey::Ui
