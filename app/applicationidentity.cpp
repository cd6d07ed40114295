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
    // As gettext does: under the C locale (LANG=C, or none set) LANGUAGE is not looked at, so
    // scripts that set LANG=C read English whatever LANGUAGE says.
    const QLocale locale = QLocale().language() == QLocale::C ? QLocale::c() : QLocale();
    // Qt's own: the dialogs' buttons, and QCommandLineParser's "Usage:", "Options:", --help.
    auto* qtTranslator = new QTranslator(&application);
    if (qtTranslator->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    // The workbench's own. A locale without one (the C locale, or a language it has no translation
    // for) gets the English one, which holds only the plural forms: "%Ln span(s)" reads "1 span".
    auto* ownTranslator = new QTranslator(&application);
    if (ownTranslator->load(locale, u"automagik-workbench"_s, u"_"_s, u":/i18n"_s)
        || ownTranslator->load(u"automagik-workbench_en"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(ownTranslator);
}

} // namespace ApplicationIdentity
