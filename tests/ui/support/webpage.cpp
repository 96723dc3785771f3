#include "webpage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>
#include <QWebEnginePage>
#include <QWebEngineView>
#include <QtTest>

using namespace Qt::StringLiterals;

namespace Latchkey::Test {

QString runJavaScript(QWebEngineView *view, const QString &script)
{
    if (!view)
        return u"<no view>"_s;
    QString result;
    bool done = false;
    view->page()->runJavaScript(script, [&](const QVariant &value) {
        result = value.toString();
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        return u"<no answer>"_s;
    return result;
}

bool waitForElement(QWebEngineView *view, const QString &selector, int timeoutMs)
{
    const QString script = u"document.querySelector(%1) ? 'yes' : 'no'"_s.arg(
        QString::fromUtf8(QJsonDocument(QJsonArray{selector}).toJson(QJsonDocument::Compact))
            .mid(1)
            .chopped(1));
    return QTest::qWaitFor([&] { return runJavaScript(view, script) == u"yes"_s; }, timeoutMs);
}

void submitForm(QWebEngineView *view, const QStringList &fields)
{
    const QString values =
        QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(fields)).toJson());
    runJavaScript(view, u"(function(v){var f=document.forms[0];"
                        "for(var i=0;i<v.length;i+=2)f.elements[v[i]].value=v[i+1];"
                        "f.submit();return 'ok';})(%1)"_s.arg(values));
}

} // namespace Latchkey::Test
