#include "applicationidentity.h"

#include "common/buildinfo.h"

#include <QCoreApplication>

namespace ApplicationIdentity {

void apply(QCoreApplication& application)
{
    application.setApplicationName(QString::fromLatin1(BuildInfo::applicationName));
    application.setApplicationVersion(QString::fromLatin1(BuildInfo::version));
    application.setOrganizationName(QString::fromLatin1(BuildInfo::organizationName));
    application.setOrganizationDomain(QString::fromLatin1(BuildInfo::organizationDomain));
}

} // namespace ApplicationIdentity
