#pragma once

class QCoreApplication;
class QString;

/// Names, version and organisation for QSettings, QStandardPaths and --version, and the language
/// the user reads; the same for the window and every subcommand.
namespace ApplicationIdentity {
void apply(QCoreApplication& application);
/// Installs Qt's translations and the workbench's own (embedded under :/i18n) for `language`:
/// "system" follows the locale (LANG, LC_ALL, LANGUAGE), else a locale name (en, pt_BR). Before
/// any text is made: a command line parser's help is built from the texts given to it. Under the
/// C locale (LANGUAGE then not looked at), or one with no translation, the English plural forms
/// are installed (automagik-workbench_en.ts) and the sources' English shows.
void installTranslations(QCoreApplication& application, const QString& language);
} // namespace ApplicationIdentity
