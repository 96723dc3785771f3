#include "signinpages.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace Latchkey::Server::SignInPages {

namespace {

struct Translation
{
    const char *en;
    const char *pt;
    const char *es;
};

// Terms follow Fracttal's own pt_BR wording ("Autorização do aplicativo", "Consumidores OAuth").
const QHash<QByteArray, Translation> &translations()
{
    static const QHash<QByteArray, Translation> table = {
        {"lang", {"en", "pt-BR", "es"}},
        {"signin.title", {"Sign in", "Entrar", "Iniciar sesión"}},
        {"signin.lead",
         {"%1 wants to access your account at %2.", "%1 quer acessar sua conta em %2.",
          "%1 quiere acceder a su cuenta en %2."}},
        {"signin.email", {"Email", "E-mail", "Correo electrónico"}},
        {"signin.password", {"Password", "Senha", "Contraseña"}},
        {"signin.submit", {"Sign in", "Entrar", "Iniciar sesión"}},
        {"signin.failed",
         {"The email or password is not right. Try again.",
          "O e-mail ou a senha não estão corretos. Tente novamente.",
          "El correo o la contraseña no son correctos. Inténtelo de nuevo."}},
        {"signin.limited",
         {"Too many failed attempts. Wait %1 seconds and try again.",
          "Muitas tentativas sem sucesso. Aguarde %1 segundos e tente novamente.",
          "Demasiados intentos fallidos. Espere %1 segundos e inténtelo de nuevo."}},
        {"consent.title",
         {"Authorize application", "Autorização do aplicativo", "Autorizar aplicación"}},
        {"consent.lead",
         {"%1 asks for permission to:", "%1 pede permissão para:", "%1 solicita permiso para:"}},
        {"consent.signedin",
         {"Signed in as %1 on %2.", "Conectado como %1 em %2.", "Sesión iniciada como %1 en %2."}},
        {"consent.revocable",
         {"You can revoke this authorization at any time.",
          "Você pode revogar esta autorização a qualquer momento.",
          "Puede revocar esta autorización en cualquier momento."}},
        {"consent.approve", {"Allow", "Permitir", "Permitir"}},
        {"consent.deny", {"Deny", "Negar", "Denegar"}},
        {"error.title", {"Something went wrong", "Algo deu errado", "Algo salió mal"}},
        {"error.client",
         {"Unknown application", "Aplicativo desconhecido", "Aplicación desconocida"}},
        {"error.client.detail",
         {"This application is not registered, or is disabled. Tell its developer.",
          "Este aplicativo não está registrado ou está desativado. Avise o desenvolvedor.",
          "Esta aplicación no está registrada o está desactivada. Avise a su desarrollador."}},
        {"error.redirect",
         {"Invalid redirect", "Redirecionamento inválido", "Redirección no válida"}},
        {"error.redirect.detail",
         {"The redirect_uri does not match a registered URI of this application, so you are not "
          "sent back to it.",
          "O redirect_uri não corresponde a um URI registrado deste aplicativo; por isso você não "
          "é enviado de volta a ele.",
          "El redirect_uri no coincide con un URI registrado de esta aplicación; por eso no se le "
          "devuelve a ella."}},
        {"error.expired", {"Request expired", "Solicitação expirada", "Solicitud caducada"}},
        {"error.expired.detail",
         {"This sign-in request expired or was already used. Start again from the application.",
          "Esta solicitação de login expirou ou já foi usada. Comece de novo pelo aplicativo.",
          "Esta solicitud de inicio de sesión caducó o ya se usó. Empiece de nuevo desde la "
          "aplicación."}},
        {"error.csrf", {"Form expired", "Formulário expirado", "Formulario caducado"}},
        {"error.csrf.detail",
         {"The form was not sent from this page, or is too old. Start again from the "
          "application.",
          "O formulário não foi enviado desta página ou é antigo demais. Comece de novo pelo "
          "aplicativo.",
          "El formulario no se envió desde esta página o es demasiado antiguo. Empiece de nuevo "
          "desde la aplicación."}},
        {"error.request", {"Invalid request", "Solicitação inválida", "Solicitud no válida"}},
        {"scope.assets:read", {"Read assets", "Ler ativos", "Leer activos"}},
        {"scope.assets:write",
         {"Create and change assets", "Criar e alterar ativos", "Crear y modificar activos"}},
        {"scope.work_orders:read",
         {"Read work orders", "Ler ordens de trabalho", "Leer órdenes de trabajo"}},
        {"scope.work_orders:write",
         {"Create and change work orders", "Criar e alterar ordens de trabalho",
          "Crear y modificar órdenes de trabajo"}},
        {"scope.admin",
         {"Administer the account: API keys, OAuth consumers and authorizations",
          "Administrar a conta: chaves de API, consumidores OAuth e autorizações",
          "Administrar la cuenta: claves de API, consumidores OAuth y autorizaciones"}},
    };
    return table;
}

QString escape(const QString &text)
{
    return text.toHtmlEscaped();
}

QByteArray page(Language language, const QString &title, const QString &body)
{
    return (u"<!DOCTYPE html>\n<html lang=\""_s + text(language, "lang") +
            u"\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            "<title>"_s +
            escape(title) +
            u" · Latchkey</title><link rel=\"stylesheet\" href=\"/oauth/assets/style.css\">"
            "</head><body><main class=\"card\"><div class=\"brand\">Latchkey</div>"_s +
            body + u"</main></body></html>\n"_s)
        .toUtf8();
}

QString hiddenFields(const QString &requestId, const QString &csrf)
{
    return u"<input type=\"hidden\" name=\"request\" value=\""_s + escape(requestId) +
           u"\"><input type=\"hidden\" name=\"csrf\" value=\""_s + escape(csrf) + u"\">"_s;
}

} // namespace

Language negotiate(QByteArrayView acceptLanguage)
{
    // Highest q wins; ties go to the first listed.
    Language best = Language::English;
    double bestQ = -1;
    for (const QByteArray &part : acceptLanguage.toByteArray().split(',')) {
        const QList<QByteArray> pieces = part.trimmed().split(';');
        const QByteArray tag = pieces.first().trimmed().toLower();
        double q = 1;
        for (qsizetype i = 1; i < pieces.size(); ++i) {
            const QByteArray parameter = pieces.at(i).trimmed();
            if (parameter.startsWith("q="))
                q = parameter.mid(2).toDouble();
        }
        std::optional<Language> language;
        if (tag.startsWith("pt"))
            language = Language::BrazilianPortuguese;
        else if (tag.startsWith("es"))
            language = Language::Spanish;
        else if (tag.startsWith("en"))
            language = Language::English;
        if (language && q > bestQ) {
            best = *language;
            bestQ = q;
        }
    }
    return best;
}

QString text(Language language, const char *key)
{
    const auto it = translations().constFind(QByteArray(key));
    if (it == translations().constEnd())
        return QString::fromLatin1(key);
    switch (language) {
    case Language::BrazilianPortuguese:
        return QString::fromUtf8(it->pt);
    case Language::Spanish:
        return QString::fromUtf8(it->es);
    case Language::English:
        break;
    }
    return QString::fromUtf8(it->en);
}

QString scopeDescription(Language language, const QString &scope)
{
    const QByteArray key = "scope." + scope.toUtf8();
    return translations().contains(key) ? text(language, key.constData()) : scope;
}

QByteArray renderSignIn(Language language, const SignIn &p)
{
    QString body =
        u"<h1>"_s + text(language, "signin.title") + u"</h1><p class=\"lead\">"_s +
        text(language, "signin.lead")
            .arg(u"<strong>"_s + escape(p.consumerName) + u"</strong>"_s, escape(p.tenantName)) +
        u"</p>"_s;
    if (!p.error.isEmpty())
        body += u"<p class=\"error\" role=\"alert\">"_s + escape(p.error) + u"</p>"_s;
    body += u"<form method=\"post\" action=\"/oauth/authorize\">"_s +
            hiddenFields(p.requestId, p.csrfToken) + u"<label for=\"username\">"_s +
            text(language, "signin.email") +
            u"</label><input id=\"username\" name=\"username\" type=\"email\" "
            "autocomplete=\"username\" required autofocus value=\""_s +
            escape(p.email) + u"\"><label for=\"password\">"_s + text(language, "signin.password") +
            u"</label><input id=\"password\" name=\"password\" type=\"password\" "
            "autocomplete=\"current-password\" required>"
            "<button type=\"submit\" class=\"primary\">"_s +
            text(language, "signin.submit") + u"</button></form>"_s;
    return page(language, text(language, "signin.title"), body);
}

QByteArray renderConsent(Language language, const Consent &p)
{
    QString scopes;
    for (const QString &scope : p.scopes) {
        scopes += u"<li><span>"_s + escape(scopeDescription(language, scope)) + u"</span><code>"_s +
                  escape(scope) + u"</code></li>"_s;
    }
    QString body = u"<h1>"_s + text(language, "consent.title") + u"</h1><p class=\"lead\">"_s +
                   text(language, "consent.lead")
                       .arg(u"<strong>"_s + escape(p.consumerName) + u"</strong>"_s) +
                   u"</p>"_s;
    if (!p.consumerDescription.isEmpty())
        body += u"<p class=\"muted\">"_s + escape(p.consumerDescription) + u"</p>"_s;
    body += u"<ul class=\"scopes\">"_s + scopes + u"</ul><p class=\"muted\">"_s +
            text(language, "consent.signedin").arg(escape(p.userEmail), escape(p.tenantName)) +
            u" "_s + text(language, "consent.revocable") +
            u"</p><form method=\"post\" action=\"/oauth/authorize\" class=\"actions\">"_s +
            hiddenFields(p.requestId, p.csrfToken) +
            u"<button type=\"submit\" name=\"decision\" value=\"deny\">"_s +
            text(language, "consent.deny") +
            u"</button><button type=\"submit\" name=\"decision\" value=\"approve\" "
            "class=\"primary\">"_s +
            text(language, "consent.approve") + u"</button></form>"_s;
    return page(language, text(language, "consent.title"), body);
}

QByteArray renderError(Language language, const QString &title, const QString &message)
{
    return page(language, title,
                u"<h1>"_s + escape(title) + u"</h1><p class=\"error\" role=\"alert\">"_s +
                    escape(message) + u"</p>"_s);
}

QByteArray stylesheet()
{
    return R"css(:root{color-scheme:light dark;--bg:#f4f5f7;--card:#fff;--fg:#1d2330;--muted:#5b6475;
--accent:#2456d3;--accent-fg:#fff;--border:#d5d9e0;--error:#b3261e}
@media (prefers-color-scheme:dark){:root{--bg:#14171c;--card:#1e232b;--fg:#e8ebf0;--muted:#9aa3b2;
--accent:#6c95ff;--accent-fg:#0b1020;--border:#343b47;--error:#ff8a80}}
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;
background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,
"DejaVu Sans",sans-serif;padding:16px}
.card{width:100%;max-width:420px;background:var(--card);border:1px solid var(--border);
border-radius:12px;padding:28px 28px 24px;box-shadow:0 8px 24px rgba(0,0,0,.08)}
.brand{font-weight:700;letter-spacing:.02em;color:var(--accent);margin-bottom:12px}
h1{font-size:1.4rem;margin:0 0 8px}
.lead{margin:0 0 16px}.muted{color:var(--muted);font-size:.92rem}
label{display:block;font-weight:600;margin:14px 0 6px}
input[type=email],input[type=password]{width:100%;padding:10px 12px;font-size:1rem;
border:1px solid var(--border);border-radius:8px;background:transparent;color:inherit}
input:focus,button:focus{outline:3px solid color-mix(in srgb,var(--accent) 40%,transparent);
outline-offset:1px}
button{margin-top:20px;padding:10px 18px;font-size:1rem;border-radius:8px;
border:1px solid var(--border);background:transparent;color:inherit;cursor:pointer}
button.primary{background:var(--accent);border-color:var(--accent);color:var(--accent-fg);
font-weight:600}
form>button.primary{width:100%}
.actions{display:flex;gap:12px;justify-content:flex-end}.actions button{flex:1}
.error{color:var(--error);font-weight:600}
.scopes{list-style:none;padding:0;margin:0 0 16px;border:1px solid var(--border);border-radius:8px}
.scopes li{display:flex;justify-content:space-between;gap:12px;padding:10px 12px;
border-top:1px solid var(--border)}.scopes li:first-child{border-top:0}
.scopes code{color:var(--muted);font-size:.85rem}
)css";
}

} // namespace Latchkey::Server::SignInPages
