#include "clipboardguard.h"

#include <QApplication>
#include <QClipboard>
#include <QCryptographicHash>
#include <QMimeData>

using namespace Qt::StringLiterals;

namespace Latchkey::Ui {

namespace {

QByteArray digestOf(const QString &text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}

} // namespace

ClipboardGuard &ClipboardGuard::instance()
{
    static ClipboardGuard *guard = new ClipboardGuard(qApp);
    return *guard;
}

ClipboardGuard::ClipboardGuard(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ClipboardGuard::clearIfStillOurs);
}

void ClipboardGuard::copySecret(const QString &secret)
{
    auto *mime = new QMimeData;
    mime->setText(secret);
    mime->setData(u"x-kde-passwordManagerHint"_s, QByteArrayLiteral("secret"));
    QGuiApplication::clipboard()->setMimeData(mime);
    m_digest = digestOf(secret);
    m_timer.start(m_delayMs);
}

void ClipboardGuard::clearIfStillOurs()
{
    QClipboard *clipboard = QGuiApplication::clipboard();
    if (!m_digest.isEmpty() && digestOf(clipboard->text()) == m_digest)
        clipboard->clear();
    m_digest.clear();
    Q_EMIT cleared();
}

} // namespace Latchkey::Ui
