#include "languagemanager.h"

#include "applogging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace Strata {

namespace {

const QString EnglishCode = QStringLiteral("en");
const QString SettingsKey = QStringLiteral("interface/language");

// Named explicitly rather than from the application's names, so that the file is the same
// for the program and its tests: $XDG_CONFIG_HOME/strata/strata.conf.
QSettings settings()
{
    return QSettings(QStringLiteral("strata"), QStringLiteral("strata"));
}

bool isAvailable(const QString &code)
{
    const QList<LanguageManager::Language> languages = LanguageManager::availableLanguages();
    return std::any_of(languages.cbegin(), languages.cend(),
                       [&code](const LanguageManager::Language &l) { return l.code == code; });
}

} // namespace

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent)
{
}

LanguageManager::~LanguageManager()
{
    removeTranslators();
}

QList<LanguageManager::Language> LanguageManager::availableLanguages()
{
    // Never translated: a person who cannot read the current language must find their own.
    return {{EnglishCode, QStringLiteral("English")},
            {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

QString LanguageManager::languageFor(const QLocale &locale)
{
    // Simplified Chinese for mainland China and Singapore; Traditional Chinese readers get
    // English rather than a script they may not read.
    if (locale.language() == QLocale::Chinese && locale.script() != QLocale::TraditionalHanScript
        && locale.territory() != QLocale::Taiwan && locale.territory() != QLocale::HongKong
        && locale.territory() != QLocale::Macao)
        return QStringLiteral("zh_CN");
    return EnglishCode;
}

QString LanguageManager::startupLanguage()
{
    const QString saved = settings().value(SettingsKey).toString();
    if (isAvailable(saved))
        return saved;
    return languageFor(QLocale::system());
}

bool LanguageManager::setLanguage(const QString &code)
{
    if (!isAvailable(code))
        return false;
    if (code == m_current)
        return true;

    auto strata = std::make_unique<QTranslator>();
    // English is loaded too: it carries the plural forms of the English text.
    if (!strata->load(QStringLiteral("strata_") + code, QStringLiteral(":/i18n"))) {
        qCWarning(lcApp) << "no embedded translation for" << code;
        return false;
    }
    std::unique_ptr<QTranslator> qt;
    if (code != EnglishCode) {
        qt = std::make_unique<QTranslator>();
        const QString directory = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
        if (!qt->load(QStringLiteral("qtbase_") + code, directory)) {
            // Strata's own words still switch; Qt's buttons stay English.
            qCWarning(lcApp) << "no Qt translation qtbase_" << code << "in" << directory;
            qt.reset();
        }
    }

    // The locale first: installing a translator retranslates at once, and ages ask it.
    const QLocale system = QLocale::system();
    QLocale::setDefault(languageFor(system) == code ? system : QLocale(code));
    removeTranslators();
    m_strataTranslator = std::move(strata);
    m_qtTranslator = std::move(qt);
    if (m_qtTranslator)
        QCoreApplication::installTranslator(m_qtTranslator.get());
    QCoreApplication::installTranslator(m_strataTranslator.get());
    m_current = code;
    qCInfo(lcApp) << "interface language" << code;
    Q_EMIT languageChanged(code);
    return true;
}

bool LanguageManager::chooseLanguage(const QString &code)
{
    if (!setLanguage(code))
        return false;
    QSettings store = settings();
    store.setValue(SettingsKey, code);
    store.sync();
    return store.status() == QSettings::NoError;
}

void LanguageManager::removeTranslators()
{
    if (m_strataTranslator)
        QCoreApplication::removeTranslator(m_strataTranslator.get());
    if (m_qtTranslator)
        QCoreApplication::removeTranslator(m_qtTranslator.get());
    m_strataTranslator.reset();
    m_qtTranslator.reset();
}

} // namespace Strata
