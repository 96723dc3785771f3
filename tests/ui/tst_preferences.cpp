#include <appfixture.h>

#include <app/preferences.h>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace Latchkey;
using Latchkey::Test::AppFixture;

// Preferences: the language the window speaks and its colors, kept in the settings file.
class tst_Preferences : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void languagesTranslateTheWindow_data();
    void languagesTranslateTheWindow();
    void dialogSavesTheChoiceAndAppliesColors();
};

void tst_Preferences::languagesTranslateTheWindow_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("sections");
    QTest::addColumn<QString>("cancel"); // Qt's own strings follow too
    QTest::newRow("en") << u"en"_s
                        << QStringList{u"API Keys"_s, u"OAuth Consumers"_s, u"Authorizations"_s,
                                       u"Flow Tester"_s, u"Audit Log"_s}
                        << u"Cancel"_s;
    QTest::newRow("pt_BR") << u"pt_BR"_s
                           << QStringList{u"Chaves de API"_s, u"Consumidores OAuth"_s,
                                          u"Autorizações"_s, u"Testador de fluxo"_s,
                                          u"Log de auditoria"_s}
                           << u"Cancelar"_s;
    QTest::newRow("es") << u"es"_s
                        << QStringList{u"Claves de API"_s, u"Consumidores OAuth"_s,
                                       u"Autorizaciones"_s, u"Probador de flujos"_s,
                                       u"Registro de auditoría"_s}
                        << u"Cancelar"_s;
}

void tst_Preferences::languagesTranslateTheWindow()
{
    QFETCH(QString, language);
    QFETCH(QStringList, sections);
    QFETCH(QString, cancel);
    auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
    for (QTranslator *translator : app->findChildren<QTranslator *>()) {
        QApplication::removeTranslator(translator);
        delete translator;
    }
    Ui::installTranslations(*app, language);
    AppFixture fixture;
    QVERIFY2(fixture.start(), qPrintable(fixture.error()));
    auto *sidebar = fixture.window().findChild<QListWidget *>(u"sidebar"_s);
    QStringList shown;
    for (int row = 0; row < sidebar->count(); ++row)
        shown.append(sidebar->item(row)->text());
    QCOMPARE(shown, sections);
    QDialogButtonBox box(QDialogButtonBox::Cancel);
    QCOMPARE(box.button(QDialogButtonBox::Cancel)->text().remove(u'&'), cancel);
}

void tst_Preferences::dialogSavesTheChoiceAndAppliesColors()
{
    Ui::PreferencesDialog dialog;
    auto *language = dialog.findChild<QComboBox *>(u"languageField"_s);
    auto *theme = dialog.findChild<QComboBox *>(u"themeField"_s);
    language->setCurrentIndex(language->findData(u"es"_s));
    theme->setCurrentIndex(theme->findData(u"dark"_s));
    const Ui::Preferences chosen = dialog.preferences();
    QCOMPARE(chosen.language, u"es"_s);
    QCOMPARE(chosen.theme, u"dark"_s);
    chosen.save();
    const Ui::Preferences loaded = Ui::Preferences::load();
    QCOMPARE(loaded.language, u"es"_s);
    QCOMPARE(loaded.theme, u"dark"_s);

    auto *app = qobject_cast<QApplication *>(QCoreApplication::instance());
    Ui::applyTheme(*app, u"dark"_s);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
    QVERIFY(QApplication::palette().color(QPalette::WindowText).lightness() > 180);
    Ui::applyTheme(*app, u"light"_s);
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 180);
}

QTEST_MAIN(tst_Preferences)
#include "tst_preferences.moc"
