#pragma once

#include <QList>
#include <QString>

namespace Strata {

// One line of the engine's answer to DELETE /images/{name}: "Untagged: …" or "Deleted: …".
struct RemovalRecord
{
    enum class Kind { Untagged, Deleted };

    Kind kind = Kind::Untagged;
    QString value;

    // The record exactly as the Docker CLI prints it.
    QString text() const
    {
        return (kind == Kind::Untagged ? QStringLiteral("Untagged: ")
                                       : QStringLiteral("Deleted: "))
            + value;
    }
    friend bool operator==(const RemovalRecord &, const RemovalRecord &) = default;
};

// One image removal as the user asked for it: one DELETE request to the engine.
struct RemovalRequest
{
    QString reference; // what is sent: "repo:tag" for tagged rows, the image ID otherwise
    bool force = false;
    bool noPrune = false;
    friend bool operator==(const RemovalRequest &, const RemovalRequest &) = default;
};

// What the engine answered to one RemovalRequest.
struct RemovalOutcome
{
    RemovalRequest request;
    int httpStatus = 0;            // 0 when the request never reached the engine
    QList<RemovalRecord> records;  // empty on error
    QString errorMessage;          // the engine's message verbatim, or a transport error

    bool succeeded() const { return httpStatus == 200; }
};

} // namespace Strata
