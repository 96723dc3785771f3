#include "ctlpassphrase.h"

#include <QCoreApplication>

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <optional>

using namespace Qt::StringLiterals;

namespace Latchkey::Ctl {

namespace {

using Core::Error;

QString tr(const char *text)
{
    return QCoreApplication::translate("latchkeyctl", text);
}

Error usage(const QString &message, const QString &hint = {})
{
    return Error{Error::Kind::Usage, 0, message, hint, {}, {}};
}

// The controlling terminal, opened for the prompt and closed with this object.
class Terminal final
{
    Q_DISABLE_COPY_MOVE(Terminal)

public:
    Terminal()
        : m_fd(::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC))
    {
    }
    ~Terminal()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    bool isOpen() const { return m_fd >= 0 && ::isatty(m_fd); }

    // One line typed without echo; nullopt on end of input or a read error.
    std::optional<QByteArray> ask(const QByteArray &prompt)
    {
        // Echo goes off before the prompt shows: whatever is typed after the prompt must reach
        // the read below, not be flushed by a late tcsetattr (type-ahead from before the prompt
        // is discarded, as getpass does).
        termios saved{};
        const bool canHide = ::tcgetattr(m_fd, &saved) == 0;
        if (canHide) {
            termios hidden = saved;
            hidden.c_lflag &= ~tcflag_t(ECHO);
            hidden.c_lflag |= ECHONL;
            ::tcsetattr(m_fd, TCSAFLUSH, &hidden);
        }
        write(prompt);
        QByteArray line;
        bool ended = false;
        for (;;) {
            char c = 0;
            const ssize_t n = ::read(m_fd, &c, 1);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                ended = line.isEmpty();
                break;
            }
            if (c == '\n' || c == '\r')
                break;
            line.append(c);
        }
        if (canHide)
            ::tcsetattr(m_fd, TCSADRAIN, &saved);
        else
            write("\n");
        if (ended)
            return std::nullopt;
        return line;
    }

private:
    void write(const QByteArray &text)
    {
        qsizetype done = 0;
        while (done < text.size()) {
            const ssize_t n = ::write(m_fd, text.constData() + done, size_t(text.size() - done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return;
            done += n;
        }
    }

    int m_fd = -1;
};

} // namespace

Core::Result<QByteArray> readPassphrase(const QProcessEnvironment &environment, bool confirm)
{
    if (environment.contains(u"LATCHKEY_PASSPHRASE"_s)) {
        const QByteArray passphrase = environment.value(u"LATCHKEY_PASSPHRASE"_s).toUtf8();
        if (passphrase.isEmpty())
            return usage(tr("LATCHKEY_PASSPHRASE is empty."),
                         tr("Set it to the passphrase, or unset it to be asked on the terminal."));
        return passphrase;
    }
    Terminal terminal;
    if (!terminal.isOpen())
        return usage(tr("No passphrase: LATCHKEY_PASSPHRASE is not set and there is no terminal "
                        "to ask on."),
                     tr("Set LATCHKEY_PASSPHRASE, or run the command on a terminal."));
    const auto first = terminal.ask("Passphrase: ");
    if (!first || first->isEmpty())
        return usage(tr("No passphrase given."));
    if (confirm) {
        const auto second = terminal.ask("Passphrase again: ");
        if (!second || *second != *first)
            return usage(tr("The passphrases do not match."), tr("Run the command again."));
    }
    return *first;
}

} // namespace Latchkey::Ctl
