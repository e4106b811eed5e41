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
    const QString origin = endpoint.origin.isEmpty()
        ? QString()
        : tr("The address came from %1.").arg(endpoint.origin);
    switch (error.code) {
    case EngineError::Code::InvalidAddress:
        return tr("Use unix:///path/to/docker.sock or tcp://host:port with --host or "
                  "DOCKER_HOST.");
    case EngineError::Code::Unreachable:
        return origin + QLatin1Char(' ')
            + tr("Is Docker running? Start it with “sudo systemctl start docker”, or point "
                 "Strata at another engine with --host or DOCKER_HOST, then press Retry.");
    case EngineError::Code::PermissionDenied:
        return tr("Add yourself to the docker group (“sudo usermod -aG docker $USER”), log in "
                  "again, then press Retry.");
    case EngineError::Code::Timeout:
        return tr("The engine may be busy or stopping. Press Retry in a moment.");
    case EngineError::Code::ApiVersion:
    case EngineError::Code::ProtocolError:
    case EngineError::Code::HttpError:
        return tr("Check that the address points at a Docker or Podman engine.");
    case EngineError::Code::Cancelled:
    case EngineError::Code::None:
        break;
    }
    return {};
}

} // namespace Strata
