// SPDX-License-Identifier: MIT
#include "language.h"

#include "settings.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

#include <cstdio>

namespace omni::gui {

namespace {
QPointer<QTranslator> g_app;
QPointer<QTranslator> g_qt;
QString g_current = QStringLiteral("en");
} // namespace

QStringList shippedLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("es"), QStringLiteral("fr")};
}

QString languageName(const QString &code)
{
    const QString c = normaliseLanguage(code);
    if (c == QLatin1String("de")) {
        return QStringLiteral("Deutsch");
    }
    if (c == QLatin1String("es")) {
        return QStringLiteral("Español");
    }
    if (c == QLatin1String("fr")) {
        return QStringLiteral("Français");
    }
    return QStringLiteral("English");
}

QString normaliseLanguage(const QString &code)
{
    return code.trimmed().left(2).toLower();
}

QString chooseLanguage(const QString &cli, const QString &saved, const QStringList &uiLanguages)
{
    const QStringList shipped = shippedLanguages();
    for (const QString &candidate : {cli, saved}) {
        QString c = normaliseLanguage(candidate);
        if (shipped.contains(c)) {
            return c;
        }
    }
    for (const QString &ui : uiLanguages) {
        QString c = normaliseLanguage(ui);
        if (shipped.contains(c)) {
            return c;
        }
    }
    return QStringLiteral("en");
}

QString translationFile(const QString &code)
{
    return QStringLiteral(":/i18n/omniscient_%1.qm").arg(normaliseLanguage(code));
}

bool installLanguage(const QString &code)
{
    const QString c = normaliseLanguage(code);
    auto *app = QCoreApplication::instance();
    for (QPointer<QTranslator> *t : {&g_app, &g_qt}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete t->data();
        }
    }
    QLocale::setDefault(QLocale(c));
    g_current = c.isEmpty() ? QStringLiteral("en") : c;
    if (g_current == QLatin1String("en")) {
        // English is the source language, but its .qm carries the plural forms ("1 robot", "2 robots").
        auto *own = new QTranslator(app);
        if (own->load(translationFile(g_current))) {
            QCoreApplication::installTranslator(own);
            g_app = own;
        } else {
            delete own;
        }
        return true;
    }
    auto *qt = new QTranslator(app);
    if (qt->load(QStringLiteral("qtbase_") + c, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        g_qt = qt;
    } else {
        delete qt;
    }
    auto *own = new QTranslator(app);
    if (!own->load(translationFile(c))) {
        delete own;
        return false;
    }
    QCoreApplication::installTranslator(own);
    g_app = own;
    return true;
}

QString currentLanguage()
{
    return g_current;
}

QString setupLanguage(const QString &cli)
{
    Settings settings;
    QString lang = chooseLanguage(cli, settings.language(), QLocale::system().uiLanguages());
    installLanguage(lang);
    if (!cli.isEmpty() && normaliseLanguage(cli) != lang) {
        std::fprintf(stderr, "omniscient: %s\n",
                     qPrintable(QCoreApplication::translate("omni::gui", "--lang %1 is not available (en, de, es, "
                                                                         "fr); using %2")
                                    .arg(cli, lang)));
    }
    return lang;
}

} // namespace omni::gui
