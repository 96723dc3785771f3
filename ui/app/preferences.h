#pragma once

#include <QDialog>
#include <QString>

class QApplication;
class QComboBox;

namespace Latchkey::Ui {

// The user's choices that are not about an account: language and color scheme, in QSettings
// (never a secret there).
struct Preferences
{
    QString language; // empty: the system's; else "en", "pt_BR", "es"
    QString theme;    // "system", "light", "dark"

    static Preferences load();
    void save() const;
};

// Installs the translations of `language` (empty: the system locale) for Latchkey and Qt's own
// dialogs; returns the locale name used.
QString installTranslations(QApplication &app, const QString &language);
// The light or dark palette (Fusion), or the platform's for "system".
void applyTheme(QApplication &app, const QString &theme);

class PreferencesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)

public:
    explicit PreferencesDialog(QWidget *parent = nullptr);
    ~PreferencesDialog() override;

    Preferences preferences() const;

private:
    QComboBox *m_language;
    QComboBox *m_theme;
};

} // namespace Latchkey::Ui
