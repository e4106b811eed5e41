#pragma once

#include <QStringList>

class QTextStream;

namespace Strata {

// `strata-cli plan [--host H] [-f] [--no-prune] [--json] REF…`: prints what `docker image rm`
// would print for those arguments on that engine, records and errors alike, and changes
// nothing. Output follows the Docker CLI from version 23 on: records on stdout as they come,
// every error at the end on stderr as "Error response from daemon: …".
class PlanCommand final
{
public:
    // arguments excludes the program name and the word "plan". Returns the exit status the
    // Docker CLI would return: 1 on any error, except 0 when forced and every error is a 404.
    static int run(const QStringList &arguments, QTextStream &out, QTextStream &err);
};

} // namespace Strata
