// Compiled into every test program (an INTERFACE source of workbench_testsupport): the tests read
// the texts as the app shows them without a translation of the locale's language, in English with
// its plural forms ("%Ln span(s)" reads "1 span", "2 spans"; ApplicationIdentity::installTranslations).

#include <QCoreApplication>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {

void installEnglishPlurals()
{
    auto* translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(u":/i18n/automagik-workbench_en.qm"_s))
        QCoreApplication::installTranslator(translator);
    else
        qFatal("the English plural forms (:/i18n/automagik-workbench_en.qm) are not in the test program");
}

} // namespace

Q_COREAPP_STARTUP_FUNCTION(installEnglishPlurals)
