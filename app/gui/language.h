// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

namespace omni::gui {

/// The languages omniscient ships: "en" (the source), "de", "es", "fr".
QStringList shippedLanguages();
/// The language's own name, for a menu: "English", "Deutsch", "Español", "Français".
QString languageName(const QString &code);
/// Reduces "de_DE", "de-AT", "DE" to "de"; empty for empty.
QString normaliseLanguage(const QString &code);
/// The language to use: `cli` (--lang) when shipped, else `saved`, else the first shipped language of
/// `uiLanguages` (the system's, best first), else English.
QString chooseLanguage(const QString &cli, const QString &saved, const QStringList &uiLanguages);
/// The resource path of a language's compiled translation.
QString translationFile(const QString &code);
/// Installs `code`'s translators (omniscient's and, when present, Qt's own) in place of earlier ones and
/// sets the default locale for numbers. English needs none. False when omniscient's file is missing.
bool installLanguage(const QString &code);
/// The language installed last ("en" before any).
QString currentLanguage();
/// At start-up: chooses (--lang `cli`, the saved choice, the system's) and installs the language; warns on
/// stderr when `cli` names a language that is not shipped. Needs the application object. Returns the code.
QString setupLanguage(const QString &cli);

} // namespace omni::gui
