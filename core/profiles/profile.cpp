#include "profile.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Core {

QString environmentName(Environment environment)
{
    switch (environment) {
    case Environment::Production:
        return u"production"_s;
    case Environment::Staging:
        return u"staging"_s;
    case Environment::Sandbox:
        return u"sandbox"_s;
    }
    return {};
}

std::optional<Environment> environmentFromName(QStringView name)
{
    for (Environment environment :
         {Environment::Production, Environment::Staging, Environment::Sandbox}) {
        if (name == environmentName(environment))
            return environment;
    }
    return std::nullopt;
}

QString signInMethodName(SignInMethod method)
{
    switch (method) {
    case SignInMethod::SystemBrowser:
        return u"system-browser"_s;
    case SignInMethod::BuiltInBrowser:
        return u"built-in-browser"_s;
    case SignInMethod::Automation:
        return u"automation"_s;
    }
    return {};
}

std::optional<SignInMethod> signInMethodFromName(QStringView name)
{
    for (SignInMethod method :
         {SignInMethod::SystemBrowser, SignInMethod::BuiltInBrowser, SignInMethod::Automation}) {
        if (name == signInMethodName(method))
            return method;
    }
    return std::nullopt;
}

} // namespace Latchkey::Core
