#pragma once

#include <QString>

class QWebEngineView;

namespace Latchkey::Test {

// Runs JavaScript in the view's page and returns its result as a string ("<no answer>" after
// 10 s): how a test reads and fills the provider's real pages, as a user would.
QString runJavaScript(QWebEngineView *view, const QString &script);
// Waits until the page has an element matching the CSS selector.
bool waitForElement(QWebEngineView *view, const QString &selector, int timeoutMs = 20000);
// Types into the inputs named like `fields` (name, value, name, value...) of the page's first
// form and submits it.
void submitForm(QWebEngineView *view, const QStringList &fields);

} // namespace Latchkey::Test
