#include "enginesession.h"
#include "endpoint.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QPixmap>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

namespace {

// Loads the embedded translation for the system language, or English (which carries the
// plural forms of the English text) when Strata has none for that language.
void installTranslator(QApplication &app)
{
    auto *translator = new QTranslator(&app);
    const QString directory = QStringLiteral(":/i18n");
    if (translator->load(QLocale(), QStringLiteral("strata"), QStringLiteral("_"), directory)
        || translator->load(QStringLiteral("strata_en"), directory))
        QApplication::installTranslator(translator);
}

// For people without a display and for documentation: grabs the window after the first load.
void saveScreenshotWhenLoaded(Strata::EngineSession *session, QWidget *window,
                              const QString &path)
{
    const auto save = [window, path] {
        QTimer::singleShot(500, window, [window, path] {
            const bool saved = window->grab().save(path);
            std::fprintf(stderr, "strata: %s %s\n", saved ? "saved" : "could not save",
                         qUtf8Printable(path));
            QApplication::exit(saved ? 0 : 1);
        });
    };
    QObject::connect(session, &Strata::EngineSession::snapshotLoaded, window, save);
    QObject::connect(session, &Strata::EngineSession::loadFailed, window, save);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("strata"));
    QApplication::setApplicationDisplayName(QStringLiteral("Strata"));
    QApplication::setOrganizationName(QStringLiteral("strata"));
    QApplication::setApplicationVersion(QStringLiteral(STRATA_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.strata.Strata"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/strata.svg")));
    installTranslator(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Browse and remove the images of a Docker engine."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption hostOption(
        {QStringLiteral("H"), QStringLiteral("host")},
        QApplication::translate("main", "Engine address (overrides DOCKER_HOST)."),
        QStringLiteral("address"));
    const QCommandLineOption sandboxOption(
        QStringLiteral("sandbox"),
        QApplication::translate("main", "Say in the window that the engine is the sandbox."));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("main",
                                "Save the window as a PNG once the images are shown, then quit."),
        QStringLiteral("file"));
    parser.addOptions({hostOption, sandboxOption, screenshotOption});
    parser.process(app);

    Strata::Endpoint endpoint;
    Strata::EngineError error;
    if (!Strata::Endpoint::fromEnvironment(parser.value(hostOption), &endpoint, &error)) {
        std::fprintf(stderr, "strata: %s\n", qUtf8Printable(error.detail));
        return 2;
    }
    auto *session = new Strata::EngineSession(endpoint);
    session->setSandbox(parser.isSet(sandboxOption));
    Strata::MainWindow window(session);
    window.show();
    if (parser.isSet(screenshotOption))
        saveScreenshotWhenLoaded(session, &window, parser.value(screenshotOption));
    QTimer::singleShot(0, session, &Strata::EngineSession::reload);
    return QApplication::exec();
}
