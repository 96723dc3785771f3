#include "profilestore.h"

#include <cache/cachedatabase.h>
#include <protocol/random.h>
#include <secrets/secretstore.h>

using namespace Qt::StringLiterals;

namespace Latchkey::Core {

namespace {

constexpr qsizetype maxNameLength = 100;

Error notFound(const QString &message)
{
    Error error;
    error.kind = Error::Kind::NotFound;
    error.message = message;
    return error;
}

} // namespace

ProfileStore::ProfileStore(CacheDatabase &cache, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
{
}

Result<QList<Profile>> ProfileStore::profiles() const
{
    return m_cache.profiles();
}

Result<Profile> ProfileStore::profile(const QString &id) const
{
    Result<std::optional<Profile>> found = m_cache.profile(id);
    if (!found)
        return found.error();
    if (!found.value())
        return notFound(u"There is no profile with id %1."_s.arg(id));
    return *found.value();
}

Result<Profile> ProfileStore::profileNamed(const QString &name) const
{
    Result<QList<Profile>> all = m_cache.profiles();
    if (!all)
        return all.error();
    const QString wanted = name.trimmed();
    for (const Profile &profile : all.value()) {
        if (profile.name.compare(wanted, Qt::CaseInsensitive) == 0)
            return profile;
    }
    return notFound(u"There is no profile named \"%1\"."_s.arg(wanted));
}

Result<Profile> ProfileStore::validate(const ProfileInput &input, const QString &excludeId) const
{
    Profile profile;
    QList<Problem::FieldError> errors;

    profile.name = input.name.trimmed();
    if (profile.name.isEmpty()) {
        errors.append({u"name"_s, u"A profile needs a name."_s});
    } else if (profile.name.size() > maxNameLength) {
        errors.append(
            {u"name"_s, u"A profile's name is at most %1 characters."_s.arg(maxNameLength)});
    } else {
        Result<QList<Profile>> all = m_cache.profiles();
        if (!all)
            return all.error();
        for (const Profile &other : all.value()) {
            if (other.id != excludeId &&
                other.name.compare(profile.name, Qt::CaseInsensitive) == 0) {
                errors.append(
                    {u"name"_s, u"A profile named \"%1\" already exists."_s.arg(other.name)});
                break;
            }
        }
    }

    const QString urlText = input.serverUrl.trimmed();
    const QUrl url(urlText, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (urlText.isEmpty()) {
        errors.append({u"server_url"_s, u"The server URL is required."_s});
    } else if (!url.isValid() || url.isRelative() || (scheme != u"http" && scheme != u"https") ||
               url.host().isEmpty()) {
        errors.append({u"server_url"_s, u"The server URL must be an absolute http:// or "
                                        "https:// URL, such as https://latchkey.example.com."_s});
    } else if (!url.userInfo().isEmpty()) {
        // It would end up in the cache and in logs: credentials go in the keychain.
        errors.append(
            {u"server_url"_s, u"The server URL must not contain a user name or password."_s});
    } else if (url.hasFragment()) {
        errors.append({u"server_url"_s, u"The server URL must not have a #fragment."_s});
    } else {
        profile.serverUrl = url.adjusted(QUrl::NormalizePathSegments);
    }

    if (const auto environment = environmentFromName(input.environment.trimmed().toLower()))
        profile.environment = *environment;
    else
        errors.append(
            {u"environment"_s, u"The environment must be production, staging or sandbox."_s});

    if (const auto method = signInMethodFromName(input.signInMethod.trimmed().toLower()))
        profile.signInMethod = *method;
    else
        errors.append({u"sign_in_method"_s, u"The sign-in method must be system-browser, "
                                            "built-in-browser or automation."_s});

    profile.clientId = input.clientId.trimmed();

    if (!errors.isEmpty()) {
        Error error;
        error.kind = Error::Kind::Validation;
        error.message = u"The profile was not saved."_s;
        error.problem.status = 422;
        error.problem.title = error.message;
        error.problem.errors = errors;
        return error;
    }
    return profile;
}

Result<Profile> ProfileStore::add(const ProfileInput &input)
{
    Result<Profile> validated = validate(input);
    if (!validated)
        return validated;
    Profile profile = validated.value();
    profile.id = Random::id(u"profile_");
    profile.createdAt = QDateTime::currentDateTimeUtc();
    profile.updatedAt = profile.createdAt;
    if (Result<Nothing> inserted = m_cache.insertProfile(profile); !inserted)
        return inserted.error();
    emit profileAdded(profile);
    return profile;
}

Result<Profile> ProfileStore::update(const QString &id, const ProfileInput &input)
{
    Result<Profile> existing = profile(id);
    if (!existing)
        return existing;
    Result<Profile> validated = validate(input, id);
    if (!validated)
        return validated;
    Profile profile = validated.value();
    profile.id = id;
    profile.createdAt = existing.value().createdAt;
    profile.updatedAt = QDateTime::currentDateTimeUtc();
    if (Result<Nothing> updated = m_cache.updateProfile(profile); !updated)
        return updated.error();
    emit profileChanged(profile);
    return profile;
}

Result<Nothing> ProfileStore::remove(const QString &id)
{
    Result<std::optional<Profile>> before = current();
    if (!before)
        return before.error();
    if (Result<Nothing> removed = m_cache.removeProfile(id); !removed)
        return removed;
    emit profileRemoved(id);
    if (before.value() && before.value()->id == id)
        emit currentChanged(QString());
    return Nothing{};
}

Result<std::optional<Profile>> ProfileStore::current() const
{
    Result<std::optional<QString>> id =
        m_cache.setting(CacheDatabase::currentProfileSetting.toString());
    if (!id)
        return id.error();
    if (!id.value())
        return std::optional<Profile>();
    return m_cache.profile(*id.value());
}

Result<Nothing> ProfileStore::setCurrent(const QString &id)
{
    Result<Profile> chosen = profile(id);
    if (!chosen)
        return chosen.error();
    if (Result<Nothing> stored =
            m_cache.setSetting(CacheDatabase::currentProfileSetting.toString(), id);
        !stored)
        return stored;
    emit currentChanged(id);
    return Nothing{};
}

QString profileSecretKey(const QString &profileId, QStringView kind, const QString &itemId)
{
    return SecretStore::key(profileId, kind, itemId);
}

} // namespace Latchkey::Core
