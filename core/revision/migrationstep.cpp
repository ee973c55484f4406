#include "revision/migrationstep.h"

namespace Stratum {

QString MigrationStep::shortLog() const
{
    return fromRevisions.join(QLatin1String(", ")) + QLatin1String(" -> ")
           + toRevisions.join(QLatin1String(", "));
}

} // namespace Stratum
