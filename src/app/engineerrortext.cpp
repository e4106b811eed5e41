#include "engineerrortext.h"

namespace Strata {

QString EngineErrorText::headline(const EngineError &error)
{
    switch (error.code) {
    case EngineError::Code::InvalidAddress:
        return tr("The engine address %1 is not valid.").arg(error.address);
    case EngineError::Code::Unreachable:
        return tr("No Docker engine answers at %1.").arg(error.address);
    case EngineError::Code::PermissionDenied:
        return tr("Permission denied when connecting to %1.").arg(error.address);
    case EngineError::Code::Timeout:
        return tr("The Docker engine at %1 did not answer in time.").arg(error.address);
    case EngineError::Code::ProtocolError:
        return tr("%1 answered, but not like a Docker engine.").arg(error.address);
    case EngineError::Code::ApiVersion:
        return tr("Strata and the engine at %1 share no API version.").arg(error.address);
    case EngineError::Code::HttpError:
        return tr("The engine at %1 refused the request.").arg(error.address);
    case EngineError::Code::Cancelled:
        return tr("Cancelled.");
    case EngineError::Code::None:
        break;
    }
    return {};
}

QString EngineErrorText::advice(const EngineError &error, const Endpoint &endpoint)
{
    switch (error.code) {
    case EngineError::Code::InvalidAddress:
        return tr("Use unix:///path/to/docker.sock or tcp://host:port, then start Strata again "
                  "with --host ADDRESS or with DOCKER_HOST set.");
    case EngineError::Code::Unreachable:
        return joinSentences(
            originText(endpoint),
            tr("Is Docker running? Start it (for example “sudo systemctl start docker”) and "
               "press Retry, or start Strata again with --host ADDRESS for another engine."));
    case EngineError::Code::PermissionDenied:
        return tr("Add yourself to the docker group (“sudo usermod -aG docker $USER”), log in "
                  "again, then start Strata again.");
    case EngineError::Code::Timeout:
        return tr("The engine may be busy or stopping. Press Retry in a moment.");
    case EngineError::Code::ApiVersion:
    case EngineError::Code::ProtocolError:
    case EngineError::Code::HttpError:
        return joinSentences(originText(endpoint),
                             tr("Check that the address points at a Docker or Podman engine."));
    case EngineError::Code::Cancelled:
    case EngineError::Code::None:
        break;
    }
    return {};
}

QString EngineErrorText::joinSentences(const QString &first, const QString &second)
{
    if (first.isEmpty())
        return second;
    //: Two sentences in a row. Chinese sentences end in 。 and take no space between them.
    return tr("%1 %2").arg(first, second);
}

QString EngineErrorText::originText(const Endpoint &endpoint)
{
    if (endpoint.origin == QLatin1String("--host"))
        return tr("The address was given with --host.");
    if (endpoint.origin == QLatin1String("DOCKER_HOST"))
        return tr("The address comes from the DOCKER_HOST environment variable.");
    if (endpoint.origin == QLatin1String("default"))
        return tr("This is the default address: neither --host nor DOCKER_HOST is set.");
    return {};
}

} // namespace Strata
