#include <cache/cachedatabase.h>
#include <profiles/profilestore.h>
#include <secrets/secretstore.h>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::StringLiterals;
using Latchkey::Problem;
using Latchkey::Core::CacheDatabase;
using Latchkey::Core::Environment;
using Latchkey::Core::Error;
using Latchkey::Core::Nothing;
using Latchkey::Core::Profile;
using Latchkey::Core::ProfileInput;
using Latchkey::Core::ProfileStore;
using Latchkey::Core::Result;
using Latchkey::Core::SecretStore;
using Latchkey::Core::SignInMethod;
namespace SecretKind = Latchkey::Core::SecretKind;

namespace {

// Why a Result failed, for a failing check's message; empty when it did not.
template<typename T>
QString describe(const Result<T> &result)
{
    if (result.ok())
        return QString();
    return u"kind %1: %2"_s.arg(int(result.error().kind)).arg(result.error().toText());
}

// Evaluates expression once.
#define VERIFY_OK(expression)                                                                      \
    do {                                                                                           \
        const auto verifiedResult = (expression);                                                  \
        QVERIFY2(verifiedResult.ok(), qPrintable(describe(verifiedResult)));                       \
    } while (false)

ProfileInput input(const QString &name, const QString &url = u"https://accounts.example.com"_s)
{
    ProfileInput input;
    input.name = name;
    input.serverUrl = url;
    return input;
}

} // namespace

// Profiles over the cache: what is accepted, what is refused and why, and the current one.
class TestProfileStore final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void addStoresAValidatedProfile();
    void addRejectsBadInput_data();
    void addRejectsBadInput();
    void severalProblemsAreReportedTogether();
    void updateKeepsIdentityAndRevalidates();
    void unknownProfilesAreNotFound();
    void findsAProfileByNameWithoutCase();
    void currentProfileIsRememberedAcrossRestarts();
    void removingTheCurrentProfileClearsIt();
    void secretKeysFollowTheKeychainScheme();

private:
    void reopen()
    {
        m_profiles.reset();
        m_cache.reset();
        Result<std::unique_ptr<CacheDatabase>> opened =
            CacheDatabase::open(m_dir->filePath(u"cache.sqlite"_s));
        QVERIFY2(opened.ok(), qPrintable(describe(opened)));
        m_cache = std::move(opened).value();
        m_profiles = std::make_unique<ProfileStore>(*m_cache);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CacheDatabase> m_cache;
    std::unique_ptr<ProfileStore> m_profiles;
};

void TestProfileStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    reopen();
}

void TestProfileStore::cleanup()
{
    m_profiles.reset();
    m_cache.reset();
    m_dir.reset();
}

void TestProfileStore::addStoresAValidatedProfile()
{
    QSignalSpy added(m_profiles.get(), &ProfileStore::profileAdded);
    ProfileInput work = input(u"  Work  "_s, u" HTTPS://Accounts.Example.com/base/./v1 "_s);
    work.environment = u"Staging"_s;
    work.signInMethod = u"automation"_s;
    work.clientId = u" client_automation "_s;
    const QDateTime before = QDateTime::currentDateTimeUtc();
    Result<Profile> created = m_profiles->add(work);
    VERIFY_OK(created);

    const Profile &profile = created.value();
    QVERIFY(profile.id.startsWith(u"profile_"));
    QCOMPARE(profile.name, u"Work"_s);
    QCOMPARE(profile.serverUrl, QUrl(u"https://accounts.example.com/base/v1"_s));
    QCOMPARE(profile.environment, Environment::Staging);
    QCOMPARE(profile.signInMethod, SignInMethod::Automation);
    QCOMPARE(profile.clientId, u"client_automation"_s);
    QVERIFY(profile.createdAt >= before.addMSecs(-1));
    QCOMPARE(profile.updatedAt, profile.createdAt);

    QCOMPARE(m_profiles->profile(profile.id).value(), profile);
    QCOMPARE(m_profiles->profiles().value(), QList<Profile>{profile});
    QCOMPARE(added.count(), 1);
    QCOMPARE(added.at(0).at(0).value<Profile>(), profile);

    // Defaults: production, system browser.
    Result<Profile> plain = m_profiles->add(input(u"Plain"_s, u"http://127.0.0.1:8080"_s));
    VERIFY_OK(plain);
    QCOMPARE(plain.value().environment, Environment::Production);
    QCOMPARE(plain.value().signInMethod, SignInMethod::SystemBrowser);
    QVERIFY(plain.value().id != profile.id);
}

void TestProfileStore::addRejectsBadInput_data()
{
    QTest::addColumn<ProfileInput>("given");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    const QString badUrl = u"The server URL must be an absolute http:// or https:// URL, such as "
                           "https://latchkey.example.com."_s;
    QTest::newRow("no name") << input(QString()) << u"name"_s << u"A profile needs a name."_s;
    QTest::newRow("blank name") << input(u" \t "_s) << u"name"_s << u"A profile needs a name."_s;
    QTest::newRow("long name") << input(QString(101, u'x')) << u"name"_s
                               << u"A profile's name is at most 100 characters."_s;
    QTest::newRow("taken name") << input(u"Existing"_s) << u"name"_s
                                << u"A profile named \"Existing\" already exists."_s;
    QTest::newRow("taken name, other case")
        << input(u" EXISTING "_s) << u"name"_s << u"A profile named \"Existing\" already exists."_s;
    QTest::newRow("no url") << input(u"New"_s, QString()) << u"server_url"_s
                            << u"The server URL is required."_s;
    QTest::newRow("relative url") << input(u"New"_s, u"accounts.example.com"_s) << u"server_url"_s
                                  << badUrl;
    QTest::newRow("ftp url") << input(u"New"_s, u"ftp://accounts.example.com"_s) << u"server_url"_s
                             << badUrl;
    QTest::newRow("no host") << input(u"New"_s, u"https://"_s) << u"server_url"_s << badUrl;
    QTest::newRow("garbage") << input(u"New"_s, u"http://exa mple.com"_s) << u"server_url"_s
                             << badUrl;
    QTest::newRow("credentials in url")
        << input(u"New"_s, u"https://admin:hunter2@accounts.example.com"_s) << u"server_url"_s
        << u"The server URL must not contain a user name or password."_s;
    QTest::newRow("fragment") << input(u"New"_s, u"https://accounts.example.com/#x"_s)
                              << u"server_url"_s << u"The server URL must not have a #fragment."_s;
    ProfileInput environment = input(u"New"_s);
    environment.environment = u"prod"_s;
    QTest::newRow("environment") << environment << u"environment"_s
                                 << u"The environment must be production, staging or sandbox."_s;
    ProfileInput noEnvironment = input(u"New"_s);
    noEnvironment.environment = QString();
    QTest::newRow("no environment") << noEnvironment << u"environment"_s
                                    << u"The environment must be production, staging or sandbox."_s;
    ProfileInput method = input(u"New"_s);
    method.signInMethod = u"password"_s;
    QTest::newRow("sign-in method")
        << method << u"sign_in_method"_s
        << u"The sign-in method must be system-browser, built-in-browser or automation."_s;
}

void TestProfileStore::addRejectsBadInput()
{
    QFETCH(ProfileInput, given);
    QFETCH(QString, field);
    QFETCH(QString, message);

    VERIFY_OK(m_profiles->add(input(u"Existing"_s)));
    const QList<Profile> before = m_profiles->profiles().value();
    QSignalSpy added(m_profiles.get(), &ProfileStore::profileAdded);

    Result<Profile> created = m_profiles->add(given);
    QVERIFY(!created.ok());
    const Error &error = created.error();
    QCOMPARE(error.kind, Error::Kind::Validation);
    QCOMPARE(error.message, u"The profile was not saved."_s);
    QCOMPARE(error.problem.errors, (QList<Problem::FieldError>{{field, message}}));
    QCOMPARE(error.toText(), u"The profile was not saved.\n  "_s + field + u": "_s + message);
    // The credentials of a rejected URL are not repeated back.
    QVERIFY(!error.toText().contains(u"hunter2"));

    QCOMPARE(m_profiles->profiles().value(), before);
    QCOMPARE(added.count(), 0);
}

void TestProfileStore::severalProblemsAreReportedTogether()
{
    ProfileInput bad = input(QString(), u"mailto:someone@example.com"_s);
    bad.environment = u"qa"_s;
    Result<Profile> created = m_profiles->add(bad);
    QVERIFY(!created.ok());
    QStringList fields;
    for (const Problem::FieldError &error : created.error().problem.errors)
        fields.append(error.field);
    QCOMPARE(fields, (QStringList{u"name"_s, u"server_url"_s, u"environment"_s}));
    QCOMPARE(m_profiles->profiles().value().size(), 0);
}

void TestProfileStore::updateKeepsIdentityAndRevalidates()
{
    const Profile work = m_profiles->add(input(u"Work"_s)).value();
    const Profile home = m_profiles->add(input(u"Home"_s)).value();
    QSignalSpy changed(m_profiles.get(), &ProfileStore::profileChanged);
    QTest::qWait(5); // so updated_at moves

    // Its own name, in another case, is not a clash.
    ProfileInput renamed = input(u"WORK"_s, u"https://eu.example.com"_s);
    renamed.environment = u"sandbox"_s;
    Result<Profile> updated = m_profiles->update(work.id, renamed);
    VERIFY_OK(updated);
    QCOMPARE(updated.value().id, work.id);
    QCOMPARE(updated.value().name, u"WORK"_s);
    QCOMPARE(updated.value().serverUrl, QUrl(u"https://eu.example.com"_s));
    QCOMPARE(updated.value().environment, Environment::Sandbox);
    QCOMPARE(updated.value().createdAt, work.createdAt);
    QVERIFY(updated.value().updatedAt > work.updatedAt);
    QCOMPARE(m_profiles->profile(work.id).value(), updated.value());
    QCOMPARE(changed.count(), 1);

    // Another's is.
    Result<Profile> clash = m_profiles->update(work.id, input(u"home"_s));
    QVERIFY(!clash.ok());
    QCOMPARE(clash.error().kind, Error::Kind::Validation);
    QCOMPARE(
        clash.error().problem.errors,
        (QList<Problem::FieldError>{{u"name"_s, u"A profile named \"Home\" already exists."_s}}));
    QCOMPARE(m_profiles->profile(work.id).value(), updated.value());
    QCOMPARE(m_profiles->profile(home.id).value(), home);
    QCOMPARE(changed.count(), 1);
}

void TestProfileStore::unknownProfilesAreNotFound()
{
    const QString id = u"profile_nobody"_s;
    const QString message = u"There is no profile with id profile_nobody."_s;
    Result<Profile> found = m_profiles->profile(id);
    QVERIFY(!found.ok());
    QCOMPARE(found.error().kind, Error::Kind::NotFound);
    QCOMPARE(found.error().message, message);

    Result<Profile> updated = m_profiles->update(id, input(u"X"_s));
    QVERIFY(!updated.ok());
    QCOMPARE(updated.error().kind, Error::Kind::NotFound);
    QCOMPARE(updated.error().message, message);
    QCOMPARE(m_profiles->profiles().value().size(), 0);

    Result<Nothing> removed = m_profiles->remove(id);
    QVERIFY(!removed.ok());
    QCOMPARE(removed.error().kind, Error::Kind::NotFound);
    QCOMPARE(removed.error().message, message);

    Result<Nothing> chosen = m_profiles->setCurrent(id);
    QVERIFY(!chosen.ok());
    QCOMPARE(chosen.error().message, message);
    QCOMPARE(m_profiles->current().value(), std::nullopt);
}

void TestProfileStore::findsAProfileByNameWithoutCase()
{
    const Profile work = m_profiles->add(input(u"ERP Sync"_s)).value();
    QCOMPARE(m_profiles->profileNamed(u"erp sync"_s).value(), work);
    QCOMPARE(m_profiles->profileNamed(u" ERP SYNC "_s).value(), work);
    Result<Profile> missing = m_profiles->profileNamed(u"ERP"_s);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().kind, Error::Kind::NotFound);
    QCOMPARE(missing.error().message, u"There is no profile named \"ERP\"."_s);
}

void TestProfileStore::currentProfileIsRememberedAcrossRestarts()
{
    QCOMPARE(m_profiles->current().value(), std::nullopt);
    const Profile work = m_profiles->add(input(u"Work"_s)).value();
    const Profile home = m_profiles->add(input(u"Home"_s)).value();
    QSignalSpy currentChanged(m_profiles.get(), &ProfileStore::currentChanged);

    VERIFY_OK(m_profiles->setCurrent(home.id));
    QCOMPARE(m_profiles->current().value(), std::optional<Profile>(home));
    VERIFY_OK(m_profiles->setCurrent(work.id));
    QCOMPARE(currentChanged.count(), 2);
    QCOMPARE(currentChanged.at(1).at(0).toString(), work.id);

    reopen();
    QCOMPARE(m_profiles->current().value(), std::optional<Profile>(work));
}

void TestProfileStore::removingTheCurrentProfileClearsIt()
{
    const Profile work = m_profiles->add(input(u"Work"_s)).value();
    const Profile home = m_profiles->add(input(u"Home"_s)).value();
    VERIFY_OK(m_profiles->setCurrent(work.id));
    QSignalSpy removed(m_profiles.get(), &ProfileStore::profileRemoved);
    QSignalSpy currentChanged(m_profiles.get(), &ProfileStore::currentChanged);

    // Another one: the current one stays.
    VERIFY_OK(m_profiles->remove(home.id));
    QCOMPARE(m_profiles->current().value(), std::optional<Profile>(work));
    QCOMPARE(currentChanged.count(), 0);

    VERIFY_OK(m_profiles->remove(work.id));
    QCOMPARE(m_profiles->current().value(), std::nullopt);
    QCOMPARE(m_profiles->profiles().value().size(), 0);
    QCOMPARE(removed.count(), 2);
    QCOMPARE(removed.at(1).at(0).toString(), work.id);
    QCOMPARE(currentChanged.count(), 1);
    QCOMPARE(currentChanged.at(0).at(0).toString(), QString());

    // Its name is free again.
    VERIFY_OK(m_profiles->add(input(u"work"_s)));
}

void TestProfileStore::secretKeysFollowTheKeychainScheme()
{
    const Profile work = m_profiles->add(input(u"Work"_s)).value();
    const QString key =
        Latchkey::Core::profileSecretKey(work.id, SecretKind::clientSecret, u"client_Xk3_-9"_s);
    QCOMPARE(key, work.id + u"/client-secret/client_Xk3_-9"_s);
    QVERIFY(SecretStore::isValidKey(key));
    for (QStringView kind :
         {SecretKind::refreshToken, SecretKind::apiSecret, SecretKind::automationSecret}) {
        const QString other = Latchkey::Core::profileSecretKey(work.id, kind, u"item"_s);
        QCOMPARE(other, work.id + u'/' + kind + u"/item"_s);
        QVERIFY(SecretStore::isValidKey(other));
    }
    QCOMPARE(SecretKind::refreshToken.toString(), u"refresh-token"_s);
    QCOMPARE(SecretKind::clientSecret.toString(), u"client-secret"_s);
    QCOMPARE(SecretKind::apiSecret.toString(), u"api-secret"_s);
    QCOMPARE(SecretKind::automationSecret.toString(), u"automation-secret"_s);
}

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
