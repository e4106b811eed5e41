#include "endpoint.h"
#include "enginesession.h"
#include "languagemanager.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QPixmap>
#include <QTimer>

#include <cstdio>

namespace {

struct Options
{
    QString host;
    QString screenshotPath;
};

// Parsed before QApplication exists, so that --help and --version work without a display.
// TODO: --help is therefore always English: no translator can be installed before the
// application object exists, and creating one needs a display.
Options parseCommandLine(int argc, char *argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Browse and remove the images of a Docker engine."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption hostOption(
        {QStringLiteral("H"), QStringLiteral("host")},
        QApplication::translate("main", "Engine address (overrides DOCKER_HOST)."),
        QStringLiteral("address"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("main",
                                "Save the window as a PNG once the images are shown, then quit."),
        QStringLiteral("file"));
    parser.addOptions({hostOption, screenshotOption});
    parser.process(arguments); // exits after --help, --version or an unknown option
    return {parser.value(hostOption), parser.value(screenshotOption)};
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
    QApplication::setApplicationName(QStringLiteral("strata"));
    QApplication::setApplicationDisplayName(QStringLiteral("Strata"));
    QApplication::setOrganizationName(QStringLiteral("strata"));
    QApplication::setApplicationVersion(QStringLiteral(STRATA_VERSION));
    const Options options = parseCommandLine(argc, argv);

    QApplication app(argc, argv);
    QApplication::setDesktopFileName(QStringLiteral("io.github.strata.Strata"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/strata.svg")));
    // The saved choice, else the system language when Strata has it, else English.
    Strata::LanguageManager languages;
    languages.setLanguage(Strata::LanguageManager::startupLanguage());

    // A bad address is said in the window, with what to do, rather than only on a terminal
    // that a desktop launcher never shows.
    Strata::Endpoint endpoint;
    Strata::EngineError error;
    const bool addressUsable = Strata::Endpoint::fromEnvironment(options.host, &endpoint, &error);
    if (!addressUsable) {
        std::fprintf(stderr, "strata: %s\n", qUtf8Printable(error.detail));
        endpoint.address = error.address;
    }
    auto *session = new Strata::EngineSession(endpoint);
    if (!addressUsable)
        session->setConfigurationError(error);
    Strata::MainWindow window(session, &languages);
    window.show();
    if (!options.screenshotPath.isEmpty())
        saveScreenshotWhenLoaded(session, &window, options.screenshotPath);
    QTimer::singleShot(0, session, &Strata::EngineSession::reload);
    return QApplication::exec();
}
