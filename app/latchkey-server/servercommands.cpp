#include "servercommands.h"

#include "account/accountsetup.h"
#include "accountserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslKey>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace Latchkey::Server::Commands {

namespace {

constexpr int exitOk = 0;
constexpr int exitFailure = 1;
constexpr int exitUsage = 2;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

const char topHelp[] = R"(Usage: latchkey-server COMMAND [OPTIONS]

The Latchkey account server: admin API, Hawk, OAuth 2.0 authorization server.

Commands:
  serve       Serve the account over HTTP
  bootstrap   Create a tenant, its super admin and an automation consumer
  user add    Add a user to a tenant
  migrate     Apply pending database migrations and exit

Run "latchkey-server COMMAND --help" for a command's options.
Example:
  latchkey-server bootstrap --data-dir /var/lib/latchkey --tenant "ACME"
  latchkey-server serve --data-dir /var/lib/latchkey --listen 127.0.0.1:8765
)";

QCommandLineOption dataDirOption()
{
    return {u"data-dir"_s, u"Directory of the master key and the SQLite database."_s, u"DIR"_s};
}

QCommandLineOption databaseOption()
{
    return {u"database"_s, u"sqlite (default) or a postgres://user:pass@host:port/db URL."_s,
            u"URL"_s};
}

// Parses `arguments` (the command's own, its name first: "latchkey-server serve"); on --help or a
// usage error prints and returns the exit code to leave with.
std::optional<int> parse(QCommandLineParser &parser, const QStringList &arguments,
                         const QString &example)
{
    parser.addHelpOption();
    if (!parser.parse(arguments)) {
        err() << parser.errorText() << u"\nRun with --help for usage.\n"_s;
        return exitUsage;
    }
    if (parser.isSet(u"help"_s)) {
        // QCommandLineParser's usage line names the executable only; name the command as well.
        QString help = parser.helpText();
        const QString generic = u"Usage: "_s + QCoreApplication::arguments().constFirst();
        if (help.startsWith(generic))
            help.replace(0, generic.size(), u"Usage: "_s + arguments.first());
        out() << help << u"\nExample:\n  "_s << example << u'\n';
        return exitOk;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err() << u"Unexpected argument: "_s << parser.positionalArguments().first()
              << u"\nRun with --help for usage.\n"_s;
        return exitUsage;
    }
    return std::nullopt;
}

std::optional<int> requireDataDir(const QCommandLineParser &parser)
{
    if (parser.value(u"data-dir"_s).isEmpty()) {
        err() << u"--data-dir is required.\nRun with --help for usage.\n"_s;
        return exitUsage;
    }
    return std::nullopt;
}

ServerOptions optionsFrom(const QCommandLineParser &parser)
{
    ServerOptions options;
    options.dataDir = parser.value(u"data-dir"_s);
    options.database = parser.value(u"database"_s);
    return options;
}

// Self-pipe: the signal handler only writes a byte; the event loop quits cleanly.
int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

void quitOnTerminationSignals()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier =
        new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, QCoreApplication::instance());
    QObject::connect(notifier, &QSocketNotifier::activated, QCoreApplication::instance(), [] {
        char byte = 0;
        [[maybe_unused]] const auto read = ::read(signalPipe[0], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}

int serve(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Serve the account over HTTP."_s);
    parser.addOptions(
        {dataDirOption(),
         databaseOption(),
         {u"listen"_s, u"Address and port; port 0 picks a free one."_s, u"HOST:PORT"_s,
          u"127.0.0.1:8765"_s},
         {u"public-url"_s,
          u"The URL clients use (behind a proxy); Hawk MACs and the issuer use it."_s, u"URL"_s},
         {u"trusted-proxy"_s,
          u"Address or subnet of a reverse proxy whose X-Forwarded-For names the client "
          "(rate limits and the audit log use it); repeatable."_s,
          u"ADDRESS[/BITS]"_s},
         {u"tls-cert"_s, u"PEM certificate, to serve HTTPS."_s, u"FILE"_s},
         {u"tls-key"_s, u"PEM private key of --tls-cert."_s, u"FILE"_s},
         {u"ready-json"_s, u"Print {\"url\", \"pid\"} as one JSON line once "
                           "listening."_s},
         {u"sandbox"_s, u"Local sandbox: loopback only; on an empty database, "
                        "bootstrap a demo account and print it once as JSON."_s}});
    if (auto code = parse(parser, arguments,
                          u"latchkey-server serve --data-dir ./data --listen 127.0.0.1:0 "
                          "--ready-json"_s))
        return *code;
    if (auto code = requireDataDir(parser))
        return *code;

    const QString listen = parser.value(u"listen"_s);
    const qsizetype colon = listen.lastIndexOf(u':');
    bool portOk = false;
    const uint port = colon > 0 ? listen.mid(colon + 1).toUInt(&portOk) : 0;
    QString host = colon > 0 ? listen.left(colon) : QString();
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    const QHostAddress address(host == u"localhost" ? u"127.0.0.1"_s : host);
    if (!portOk || port > 65535 || address.isNull()) {
        err() << u"--listen must be HOST:PORT with an IP address, e.g. 127.0.0.1:8765 or "
                 "[::1]:0; got %1.\n"_s.arg(listen);
        return exitUsage;
    }
    const bool sandbox = parser.isSet(u"sandbox"_s);
    if (sandbox && !address.isLoopback()) {
        err() << u"The sandbox serves on a loopback address only (127.0.0.1 or ::1).\n"_s;
        return exitUsage;
    }
    ServerOptions options = optionsFrom(parser);
    if (parser.isSet(u"public-url"_s)) {
        options.publicUrl = QUrl(parser.value(u"public-url"_s), QUrl::StrictMode);
        if (!options.publicUrl.isValid() || options.publicUrl.host().isEmpty() ||
            (options.publicUrl.scheme() != u"http" && options.publicUrl.scheme() != u"https")) {
            err() << u"--public-url must be an http or https URL such as "
                     "https://keys.example.com.\n"_s;
            return exitUsage;
        }
    }
    for (const QString &proxy : parser.values(u"trusted-proxy"_s)) {
        const QString subnet =
            proxy.contains(u'/') ? proxy : proxy + (proxy.contains(u':') ? u"/128"_s : u"/32"_s);
        const auto parsed = QHostAddress::parseSubnet(subnet);
        if (parsed.first.isNull()) {
            err() << u"--trusted-proxy must be an IP address or subnet such as 127.0.0.1 or "
                     "10.0.0.0/8; got %1.\n"_s.arg(proxy);
            return exitUsage;
        }
        options.trustedProxies.append(parsed);
    }
    if (parser.isSet(u"tls-cert"_s) != parser.isSet(u"tls-key"_s)) {
        err() << u"Give --tls-cert and --tls-key together.\n"_s;
        return exitUsage;
    }

    QString error;
    auto server = AccountServer::open(options, &error);
    if (!server) {
        err() << error << u'\n';
        return exitFailure;
    }
    if (sandbox && server->context().accounts.tenants().isEmpty()) {
        AccountSetup::BootstrapOptions bootstrap;
        bootstrap.tenantName = u"Sandbox"_s;
        bootstrap.sandbox = true;
        const QJsonObject created = AccountSetup::bootstrap(server->context(), bootstrap);
        // One JSON line for programs (--ready-json); indented, with a heading, for a person.
        if (parser.isSet(u"ready-json"_s))
            out() << QJsonDocument(QJsonObject{{u"bootstrap"_s, created}})
                         .toJson(QJsonDocument::Compact)
                  << Qt::endl;
        else
            out() << u"New sandbox account. These credentials are shown once, here only:\n"_s
                  << QString::fromUtf8(QJsonDocument(created).toJson(QJsonDocument::Indented))
                  << Qt::endl;
    }
    if (parser.isSet(u"tls-cert"_s)) {
        QFile certFile(parser.value(u"tls-cert"_s));
        QFile keyFile(parser.value(u"tls-key"_s));
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
            err() << u"Cannot read the TLS certificate or key.\n"_s;
            return exitFailure;
        }
        const QSslCertificate certificate(&certFile, QSsl::Pem);
        const QByteArray keyPem = keyFile.readAll();
        QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
        if (certificate.isNull() || key.isNull()) {
            err() << u"The TLS certificate or key is not valid PEM.\n"_s;
            return exitFailure;
        }
        server->setTls(certificate, key);
    }
    if (!server->listen(address, quint16(port), &error)) {
        err() << error << u'\n';
        return exitFailure;
    }
    quitOnTerminationSignals();
    const QString url = server->context().publicUrl().isEmpty() ? server->url().toString()
                                                                : server->context().issuer();
    if (parser.isSet(u"ready-json"_s)) {
        out() << QJsonDocument(QJsonObject{{u"url"_s, server->url().toString()},
                                           {u"public_url"_s, url},
                                           {u"pid"_s, QCoreApplication::applicationPid()}})
                     .toJson(QJsonDocument::Compact)
              << Qt::endl;
    } else {
        err() << u"latchkey-server listening on "_s << server->url().toString()
              << u" (public URL "_s << url << u")\n"_s;
        err().flush();
    }
    const int code = QCoreApplication::exec();
    server.reset();
    return code;
}

int bootstrap(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Create a tenant, its super admin (with a generated password) and an automation "
        "consumer in Administration. Prints them once as JSON: keep the output safe, the secrets "
        "are not stored in clear."_s);
    parser.addOptions(
        {dataDirOption(),
         databaseOption(),
         {u"tenant"_s, u"The tenant's name."_s, u"NAME"_s, u"My account"_s},
         {u"admin-email"_s, u"The super admin's email."_s, u"EMAIL"_s, u"admin@example.com"_s},
         {u"sandbox"_s, u"Also seed demo users, keys, consumers and "
                        "authorizations."_s}});
    if (auto code = parse(parser, arguments,
                          u"latchkey-server bootstrap --data-dir ./data --tenant ACME "
                          "--admin-email ops@acme.example"_s))
        return *code;
    if (auto code = requireDataDir(parser))
        return *code;
    if (auto problem = AccountSetup::emailProblem(parser.value(u"admin-email"_s))) {
        err() << *problem << u'\n';
        return exitUsage;
    }
    if (parser.value(u"tenant"_s).trimmed().isEmpty()) {
        err() << u"--tenant must not be empty.\n"_s;
        return exitUsage;
    }
    QString error;
    auto context = openContext(optionsFrom(parser), &error);
    if (!context) {
        err() << error << u'\n';
        return exitFailure;
    }
    AccountSetup::BootstrapOptions options;
    options.tenantName = parser.value(u"tenant"_s).trimmed();
    options.adminEmail = parser.value(u"admin-email"_s);
    options.sandbox = parser.isSet(u"sandbox"_s);
    const QJsonObject result = AccountSetup::bootstrap(*context, options);
    out() << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
    return exitOk;
}

int userAdd(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Add a user to a tenant. The password is read from "
                                     "standard input (one line)."_s);
    parser.addOptions({dataDirOption(),
                       databaseOption(),
                       {u"tenant"_s, u"The tenant's id."_s, u"ID"_s},
                       {u"email"_s, u"The user's email."_s, u"EMAIL"_s},
                       {u"name"_s, u"Display name."_s, u"NAME"_s},
                       {u"role"_s, u"member or super_admin."_s, u"ROLE"_s, u"member"_s},
                       {u"password-stdin"_s, u"Read the password from standard input."_s}});
    if (auto code = parse(parser, arguments,
                          u"echo 'a long passphrase' | latchkey-server user add --data-dir ./data "
                          "--tenant ten_… --email ana@acme.example --password-stdin"_s))
        return *code;
    if (auto code = requireDataDir(parser))
        return *code;
    for (const QString &required : {u"tenant"_s, u"email"_s}) {
        if (parser.value(required).isEmpty()) {
            err() << u"--%1 is required.\n"_s.arg(required);
            return exitUsage;
        }
    }
    if (!parser.isSet(u"password-stdin"_s)) {
        err() << u"Give --password-stdin and the password on standard input (never on the "
                 "command line, where other users can see it).\n"_s;
        return exitUsage;
    }
    QTextStream in(stdin);
    const QString password = in.readLine();
    QString error;
    auto context = openContext(optionsFrom(parser), &error);
    if (!context) {
        err() << error << u'\n';
        return exitFailure;
    }
    QString id;
    if (auto problem =
            AccountSetup::addUser(*context,
                                  {parser.value(u"tenant"_s), parser.value(u"email"_s),
                                   parser.value(u"name"_s), parser.value(u"role"_s), password},
                                  &id)) {
        err() << *problem << u'\n';
        return exitFailure;
    }
    out() << QJsonDocument(QJsonObject{{u"id"_s, id}, {u"email"_s, parser.value(u"email"_s)}})
                 .toJson(QJsonDocument::Compact)
          << Qt::endl;
    return exitOk;
}

int migrate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Apply pending database migrations and exit."_s);
    parser.addOptions({dataDirOption(), databaseOption()});
    if (auto code = parse(parser, arguments, u"latchkey-server migrate --data-dir ./data"_s))
        return *code;
    if (auto code = requireDataDir(parser))
        return *code;
    QString error;
    auto context = openContext(optionsFrom(parser), &error);
    if (!context) {
        err() << error << u'\n';
        return exitFailure;
    }
    out() << QJsonDocument(QJsonObject{{u"schema_version"_s, context->database().schemaVersion()}})
                 .toJson(QJsonDocument::Compact)
          << Qt::endl;
    return exitOk;
}

} // namespace

int run(const QStringList &arguments)
{
    const QString command = arguments.value(1);
    if (command == u"--version" || command == u"-v") {
        out() << u"latchkey-server "_s << QCoreApplication::applicationVersion() << u'\n';
        return exitOk;
    }
    if (command.isEmpty() || command == u"--help" || command == u"-h" || command == u"help") {
        (command.isEmpty() ? err() : out()) << QString::fromUtf8(topHelp);
        return command.isEmpty() ? exitUsage : exitOk;
    }
    QStringList rest = arguments.mid(2);
    const QString program = u"latchkey-server"_s;
    if (command == u"serve")
        return serve(QStringList{program + u" serve"_s} + rest);
    if (command == u"bootstrap")
        return bootstrap(QStringList{program + u" bootstrap"_s} + rest);
    if (command == u"migrate")
        return migrate(QStringList{program + u" migrate"_s} + rest);
    if (command == u"user" && arguments.value(2) == u"add")
        return userAdd(QStringList{program + u" user add"_s} + arguments.mid(3));
    err() << u"Unknown command: %1\n\n"_s.arg(QStringList(arguments.mid(1)).join(u' '))
          << QString::fromUtf8(topHelp);
    return exitUsage;
}

} // namespace Latchkey::Server::Commands
