#pragma once

#include <QList>
#include <QLocale>
#include <QObject>
#include <QString>

#include <memory>

class QTranslator;

namespace Strata {

// The interface language: which ones Strata speaks, which one is in use, and switching at run
// time. Switching replaces Strata's translator and Qt's own (so that standard buttons such as
// "Cancel" follow), sets QLocale's default to match, and remembers the choice in
// ~/.config/strata/strata.conf. Installing a translator makes Qt send LanguageChange to every
// window, which is what retranslates them.
class LanguageManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LanguageManager)

public:
    struct Language
    {
        QString code;       // "en", "zh_CN": the suffix of strata_<code>.qm
        QString nativeName; // the language named in itself: "English", "简体中文"
    };

    explicit LanguageManager(QObject *parent = nullptr);
    ~LanguageManager() override;

    static QList<Language> availableLanguages();
    // The language Strata has for a system locale, else English.
    static QString languageFor(const QLocale &locale);
    // The saved choice when there is one Strata still has, else languageFor(system locale).
    static QString startupLanguage();

    QString currentLanguage() const { return m_current; }
    // Installs the translators of `code`; false (and no change) for a language Strata lacks.
    bool setLanguage(const QString &code);
    // setLanguage(), then remembers the choice for the next start.
    bool chooseLanguage(const QString &code);

Q_SIGNALS:
    void languageChanged(const QString &code);

private:
    void removeTranslators();

    std::unique_ptr<QTranslator> m_strataTranslator;
    std::unique_ptr<QTranslator> m_qtTranslator;
    QString m_current;
};

} // namespace Strata
