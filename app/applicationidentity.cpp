#include "applicationidentity.h"

#include "common/buildinfo.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace ApplicationIdentity {

void apply(QCoreApplication& application)
{
    application.setApplicationName(QString::fromLatin1(BuildInfo::applicationName));
    application.setApplicationVersion(QString::fromLatin1(BuildInfo::version));
    application.setOrganizationName(QString::fromLatin1(BuildInfo::organizationName));
    application.setOrganizationDomain(QString::fromLatin1(BuildInfo::organizationDomain));
}

void installTranslations(QCoreApplication& application, const QString& language)
{
    if (language != u"system"_s)
        QLocale::setDefault(QLocale(language));
    // Qt's own: the dialogs' buttons, and QCommandLineParser's "Usage:", "Options:", --help.
    auto* qtTranslator = new QTranslator(&application);
    if (qtTranslator->load(QLocale(), u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    auto* ownTranslator = new QTranslator(&application);
    if (ownTranslator->load(QLocale(), u"automagik-workbench"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(ownTranslator);
}

} // namespace ApplicationIdentity
