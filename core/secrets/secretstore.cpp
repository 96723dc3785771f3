#include "secretstore.h"

#include <QLoggingCategory>
#include <QPromise>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSecrets, "latchkey.core.secrets", QtInfoMsg)

namespace Latchkey::Core {

namespace {

template<typename T>
Task<T> startTask(std::shared_ptr<QPromise<Result<T>>> &promise)
{
    promise = std::make_shared<QPromise<Result<T>>>();
    promise->start();
    return promise->future();
}

template<typename T>
void finish(QPromise<Result<T>> &promise, Result<T> result)
{
    promise.addResult(std::move(result));
    promise.finish();
}

Error usageError(const QString &message)
{
    Error error;
    error.kind = Error::Kind::Usage;
    error.message = message;
    return error;
}

Error invalidKeyError()
{
    return usageError(u"A keychain key is \"<profile id>/<kind>/<item id>\"."_s);
}

bool isKindText(QStringView kind)
{
    if (kind.isEmpty())
        return false;
    for (QChar c : kind) {
        if (!((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-'))
            return false;
    }
    return true;
}

} // namespace

SecretStore::SecretStore(QObject *parent)
    : QObject(parent)
{
}

SecretStore::~SecretStore() = default;

QString SecretStore::key(const QString &profileId, QStringView kind, const QString &itemId)
{
    return profileId + u'/' + kind + u'/' + itemId;
}

bool SecretStore::isValidKey(const QString &key)
{
    const qsizetype first = key.indexOf(u'/');
    if (first <= 0)
        return false;
    const qsizetype second = key.indexOf(u'/', first + 1);
    if (second < 0 || second == key.size() - 1)
        return false;
    return isKindText(QStringView(key).sliced(first + 1, second - first - 1));
}

Task<Nothing> SecretStore::write(const QString &key, const Secret &secret)
{
    return write(key, secret.reveal());
}

Task<Nothing> SecretStore::write(const QString &key, const QString &secret)
{
    if (!isValidKey(key))
        return readyTask<Nothing>(invalidKeyError());
    std::shared_ptr<QPromise<Result<Nothing>>> promise;
    Task<Nothing> task = startTask(promise);
    run(Operation::Write, key, secret, [promise](const Outcome &outcome) {
        if (outcome.error == QKeychain::NoError)
            finish<Nothing>(*promise, Nothing{});
        else
            finish<Nothing>(*promise, errorFor(outcome.error, outcome.detail, u"save"));
    });
    return task;
}

Task<std::optional<QString>> SecretStore::read(const QString &key)
{
    if (!isValidKey(key))
        return readyTask<std::optional<QString>>(invalidKeyError());
    std::shared_ptr<QPromise<Result<std::optional<QString>>>> promise;
    Task<std::optional<QString>> task = startTask(promise);
    run(Operation::Read, key, {}, [promise](const Outcome &outcome) {
        using Value = std::optional<QString>;
        if (outcome.error != QKeychain::NoError && outcome.error != QKeychain::EntryNotFound) {
            finish<Value>(*promise, errorFor(outcome.error, outcome.detail, u"read"));
            return;
        }
        // Missing is a value: std::nullopt.
        Value value;
        if (outcome.error == QKeychain::NoError)
            value = outcome.text;
        finish<Value>(*promise, std::move(value));
    });
    return task;
}

Task<Nothing> SecretStore::remove(const QString &key)
{
    if (!isValidKey(key))
        return readyTask<Nothing>(invalidKeyError());
    std::shared_ptr<QPromise<Result<Nothing>>> promise;
    Task<Nothing> task = startTask(promise);
    run(Operation::Remove, key, {}, [promise](const Outcome &outcome) {
        if (outcome.error == QKeychain::NoError || outcome.error == QKeychain::EntryNotFound)
            finish<Nothing>(*promise, Nothing{});
        else
            finish<Nothing>(*promise, errorFor(outcome.error, outcome.detail, u"remove"));
    });
    return task;
}

Task<Nothing> SecretStore::removeProfile(const QString &profileId, const QStringList &knownKeys)
{
    const QString prefix = profileId + u'/';
    if (profileId.isEmpty() || profileId.contains(u'/'))
        return readyTask<Nothing>(usageError(u"A profile id is required."_s));
    for (const QString &key : knownKeys) {
        if (!isValidKey(key))
            return readyTask<Nothing>(invalidKeyError());
        // Refuse up front rather than remove another profile's secrets half-way through.
        if (!key.startsWith(prefix))
            return readyTask<Nothing>(
                usageError(u"The key \"%1\" is not one of profile %2's."_s.arg(key, profileId)));
    }
    std::shared_ptr<QPromise<Result<Nothing>>> promise;
    Task<Nothing> task = startTask(promise);
    removeNext(knownKeys, [promise](const Outcome &outcome) {
        if (outcome.error == QKeychain::NoError)
            finish<Nothing>(*promise, Nothing{});
        else
            finish<Nothing>(*promise, errorFor(outcome.error, outcome.detail, u"remove"));
    });
    return task;
}

void SecretStore::removeNext(QStringList keys, Completion done)
{
    if (keys.isEmpty()) {
        done(Outcome{});
        return;
    }
    const QString key = keys.takeFirst();
    run(Operation::Remove, key, {},
        [this, keys = std::move(keys), done = std::move(done)](const Outcome &outcome) {
            if (outcome.error != QKeychain::NoError && outcome.error != QKeychain::EntryNotFound)
                done(outcome);
            else
                removeNext(keys, done);
        });
}

void SecretStore::run(Operation operation, const QString &key, const QString &secret,
                      Completion done, bool isRetry)
{
    const QString service = serviceName.toString();
    // No parent: a job must outlive its store until its backend calls back (libsecret holds a
    // pointer to it), then it deletes itself.
    QKeychain::Job *job = nullptr;
    switch (operation) {
    case Operation::Write: {
        auto *writeJob = new QKeychain::WritePasswordJob(service);
        writeJob->setTextData(secret);
        job = writeJob;
        break;
    }
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(service);
        break;
    case Operation::Remove:
        job = new QKeychain::DeletePasswordJob(service);
        break;
    }
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(
        job, &QKeychain::Job::finished, this,
        [this, operation, key, secret, done = std::move(done), isRetry](QKeychain::Job *finished) {
            Outcome outcome;
            outcome.error = finished->error();
            outcome.detail = finished->errorString();
            if (!isRetry && meansNoKeychain(outcome.error, outcome.detail)) {
                // The Secret Service may still be starting with the session (Nextcloud
                // learned this): one more try, then the user is told.
                qCInfo(lcSecrets).noquote()
                    << u"No keychain yet (%1); trying once more in %2 ms"_s.arg(outcome.detail)
                           .arg(m_retryDelayMs);
                QTimer::singleShot(m_retryDelayMs, this,
                                   [=, this] { run(operation, key, secret, done, true); });
                return;
            }
            if (outcome.error == QKeychain::NoError && operation == Operation::Read)
                outcome.text = static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
            if (outcome.error != QKeychain::NoError && outcome.error != QKeychain::EntryNotFound)
                qCWarning(lcSecrets).noquote()
                    << u"Keychain operation on %1 failed: %2"_s.arg(key, outcome.detail);
            done(outcome);
        });
    job->start();
}

bool SecretStore::meansNoKeychain(int keychainError, const QString &detail)
{
    if (keychainError == QKeychain::NoBackendAvailable)
        return true;
    if (keychainError != QKeychain::OtherError)
        return false;
    // The libsecret backend reports a missing bus or Secret Service as OtherError with GLib's
    // D-Bus message, so that is the only way to tell.
    static const QStringView signs[] = {
        u"Could not connect",    u"autolaunch",  u"org.freedesktop.secrets",
        u"ServiceUnknown",       u"NoServer",    u"NameHasNoOwner",
        u"D-Bus is not running", u"message bus", u"No keychain service",
    };
    for (QStringView sign : signs) {
        if (detail.contains(sign, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

Error SecretStore::errorFor(int keychainError, const QString &detail, QStringView operation)
{
    Error error;
    error.kind = Error::Kind::Keychain;
    if (meansNoKeychain(keychainError, detail)) {
        error.message = u"No keychain is available: install and unlock gnome-keyring or KWallet, "
                        "or run with LATCHKEY_CLIENT_ID/SECRET for automation"_s;
        return error;
    }
    switch (keychainError) {
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        error.message =
            u"Latchkey could not %1 the secret: the keychain is locked or access was declined."_s
                .arg(operation);
        error.hint = u"Unlock the keychain and allow Latchkey when it asks, then try again."_s;
        break;
    default:
        error.message = u"Latchkey could not %1 the secret in the keychain: %2"_s.arg(
            operation, detail.isEmpty() ? u"unknown error"_s : detail);
        break;
    }
    return error;
}

Task<QHash<QString, std::optional<QString>>> SecretStore::readAll(const QStringList &keys)
{
    using Values = QHash<QString, std::optional<QString>>;
    auto promise = std::make_shared<QPromise<Result<Values>>>();
    promise->start();
    auto values = std::make_shared<Values>();
    auto next = std::make_shared<std::function<void(qsizetype)>>();
    *next = [this, keys, promise, values,
             weak = std::weak_ptr<std::function<void(qsizetype)>>(next)](qsizetype i) {
        if (i == keys.size()) {
            promise->addResult(*values);
            promise->finish();
            return;
        }
        read(keys.at(i))
            .then(QtFuture::Launch::Sync,
                  Core::guarded(this, [keys, promise, values, i,
                                       self = weak.lock()](Result<std::optional<QString>> value) {
                      if (!value) {
                          promise->addResult(value.error());
                          promise->finish();
                          return;
                      }
                      values->insert(keys.at(i), value.value());
                      (*self)(i + 1);
                  }));
    };
    (*next)(0);
    return promise->future();
}

Task<Nothing> SecretStore::writeAll(const QList<QPair<QString, QString>> &entries)
{
    auto promise = std::make_shared<QPromise<Result<Nothing>>>();
    promise->start();
    auto next = std::make_shared<std::function<void(qsizetype)>>();
    *next = [this, entries, promise,
             weak = std::weak_ptr<std::function<void(qsizetype)>>(next)](qsizetype i) {
        if (i == entries.size()) {
            promise->addResult(Nothing{});
            promise->finish();
            return;
        }
        write(entries.at(i).first, Secret(entries.at(i).second))
            .then(QtFuture::Launch::Sync,
                  Core::guarded(this, [promise, i, self = weak.lock()](Result<Nothing> written) {
                      if (!written) {
                          promise->addResult(written.error());
                          promise->finish();
                          return;
                      }
                      (*self)(i + 1);
                  }));
    };
    (*next)(0);
    return promise->future();
}

} // namespace Latchkey::Core
