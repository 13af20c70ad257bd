// SPDX-License-Identifier: MIT
// Translations: every shipped language loads from the binary, known strings come out translated, the
// .ts sources are finished (lrelease drops unfinished strings) and keep every placeholder (in each plural form
// too), and the interface switches language while running.
#include "infopanel.h"
#include "language.h"
#include "statustext.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QRegularExpression>
#include <QXmlStreamReader>

using namespace omni;
using namespace omni::gui;

namespace {

struct Message {
    QString context;
    QString source;
    QString translation;
    QString type;
    QStringList numerusForms; ///< a plural message (tr() with %n) has one translation per form instead
};

std::vector<Message> readTs(const QString &path)
{
    std::vector<Message> out;
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << path.toStdString();
    QXmlStreamReader xml(&f);
    QString context;
    Message m;
    bool plural = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (xml.name() == QLatin1String("message")) {
                m = Message{context, {}, {}, {}, {}};
                plural = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (xml.name() == QLatin1String("source")) {
                m.source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                m.type = xml.attributes().value(QLatin1String("type")).toString();
                if (!plural) {
                    m.translation = xml.readElementText();
                }
                while (plural && xml.readNextStartElement()) { // <numerusform> children until </translation>
                    m.numerusForms.append(xml.readElementText());
                }
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            out.push_back(m);
        }
    }
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    return out;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%\\d"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        found.append(it.next().captured());
    }
    found.sort();
    found.removeDuplicates();
    return found;
}

class Translations : public ::testing::TestWithParam<QString>
{
protected:
    void TearDown() override { installLanguage(QStringLiteral("en")); }
};

} // namespace

TEST_P(Translations, SourceFileIsFinishedAndKeepsPlaceholders)
{
    const auto messages = readTs(QStringLiteral(OMNI_TRANSLATIONS_DIR "/omniscient_%1.ts").arg(GetParam()));
    ASSERT_GT(messages.size(), 100u);
    for (const Message &m : messages) {
        SCOPED_TRACE((m.context + QStringLiteral(": ") + m.source).toStdString());
        EXPECT_TRUE(m.type.isEmpty()) << "type=\"" << m.type.toStdString() << "\"";
        if (m.numerusForms.isEmpty()) {
            EXPECT_FALSE(m.translation.trimmed().isEmpty());
            EXPECT_EQ(placeholders(m.translation), placeholders(m.source));
        }
        for (const QString &form : m.numerusForms) {
            EXPECT_FALSE(form.trimmed().isEmpty());
            EXPECT_EQ(placeholders(form), placeholders(m.source)) << form.toStdString();
            EXPECT_TRUE(form.contains(QLatin1String("%n"))) << form.toStdString();
        }
    }
}

TEST_P(Translations, LoadsFromTheBinaryAndTranslatesKnownStrings)
{
    const QString lang = GetParam();
    ASSERT_TRUE(installLanguage(lang));
    EXPECT_EQ(currentLanguage(), lang);
    const QMap<QString, QStringList> expected{
        // omni chicken info, line following, unknown (7), stale
        {QStringLiteral("de"),
         {QStringLiteral("Omni-Huhn-Info"), QStringLiteral("Linienverfolgung"), QStringLiteral("unbekannt (7)"),
          QStringLiteral("veraltet")}},
        {QStringLiteral("es"),
         {QStringLiteral("info del pollo omni"), QStringLiteral("seguimiento de línea"),
          QStringLiteral("desconocido (7)"), QStringLiteral("sin datos nuevos")}},
        {QStringLiteral("fr"),
         {QStringLiteral("infos du poulet omni"), QStringLiteral("suivi de ligne"), QStringLiteral("inconnu (7)"),
          QStringLiteral("figé")}},
    };
    if (lang == QLatin1String("en")) {
        EXPECT_EQ(QCoreApplication::translate("omni::gui::InfoPanel", "omni chicken info"),
                  QStringLiteral("omni chicken info"));
        EXPECT_EQ(StatusText::botMode(0), QStringLiteral("line following"));
        return;
    }
    const QStringList want = expected.value(lang);
    EXPECT_EQ(QCoreApplication::translate("omni::gui::InfoPanel", "omni chicken info"), want.at(0));
    EXPECT_EQ(StatusText::botMode(0), want.at(1));
    EXPECT_EQ(StatusText::botMode(7), want.at(2));
    EXPECT_EQ(StatusText::linkStatus(LinkStatus::Stale), want.at(3));
    EXPECT_NE(QCoreApplication::translate("omni::app", "Show this help and exit."),
              QStringLiteral("Show this help and exit."))
        << "the command line's texts too";
    EXPECT_NE(StatusText::noAudioDevice(), QStringLiteral("No audio output found: the chicken stays silent until "
                                                          "speakers or headphones are connected."));
}

TEST_P(Translations, NumbersFollowTheLanguage)
{
    installLanguage(GetParam());
    const QString age = StatusText::age(1500);
    EXPECT_TRUE(age.contains(GetParam() == QLatin1String("en") ? QLatin1String("1.5") : QLatin1String("1,5")))
        << age.toStdString();
}

INSTANTIATE_TEST_SUITE_P(Shipped, Translations,
                         ::testing::Values(QStringLiteral("en"), QStringLiteral("de"), QStringLiteral("es"),
                                           QStringLiteral("fr")),
                         [](const auto &p) { return p.param.toStdString(); });

TEST(Language, CommandLineBeatsSavedBeatsSystem)
{
    const QStringList system{QStringLiteral("fr-CA"), QStringLiteral("en-US")};
    EXPECT_EQ(chooseLanguage(QStringLiteral("de"), QStringLiteral("es"), system), QStringLiteral("de"));
    EXPECT_EQ(chooseLanguage(QString(), QStringLiteral("es"), system), QStringLiteral("es"));
    EXPECT_EQ(chooseLanguage(QString(), QString(), system), QStringLiteral("fr"));
    EXPECT_EQ(chooseLanguage(QStringLiteral("de_AT.UTF-8"), QString(), system), QStringLiteral("de"));
    EXPECT_EQ(chooseLanguage(QStringLiteral("tlh"), QString(), {QStringLiteral("ja")}), QStringLiteral("en"));
    EXPECT_EQ(shippedLanguages().size(), 4);
    EXPECT_EQ(languageName(QStringLiteral("es")), QStringLiteral("Español"));
}

TEST(Language, PluralsHaveTheirFormsInEveryLanguageEnglishToo)
{
    const auto robots = [](int n) {
        return QCoreApplication::translate("omni::gui::FleetWindow", "%n robot(s) on %1", nullptr, n)
            .arg(QStringLiteral("b"));
    };
    const QMap<QString, QStringList> expected{
        {QStringLiteral("en"), {QStringLiteral("1 robot on b"), QStringLiteral("3 robots on b")}},
        {QStringLiteral("de"), {QStringLiteral("1 Roboter auf b"), QStringLiteral("3 Roboter auf b")}},
        {QStringLiteral("es"), {QStringLiteral("1 robot en b"), QStringLiteral("3 robots en b")}},
        {QStringLiteral("fr"), {QStringLiteral("1 robot sur b"), QStringLiteral("3 robots sur b")}},
    };
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        SCOPED_TRACE(it.key().toStdString());
        ASSERT_TRUE(installLanguage(it.key()));
        EXPECT_EQ(robots(1).toStdString(), it.value().at(0).toStdString());
        EXPECT_EQ(robots(3).toStdString(), it.value().at(1).toStdString());
    }
    installLanguage(QStringLiteral("en"));
}

TEST(Language, TheInterfaceSwitchesWhileRunning)
{
    History history;
    InfoPanel panel(&history);
    EXPECT_EQ(panel.titleLabel()->text(), QStringLiteral("omni chicken info"));
    installLanguage(QStringLiteral("de"));
    QCoreApplication::processEvents();
    EXPECT_EQ(panel.titleLabel()->text(), QStringLiteral("Omni-Huhn-Info"));
    installLanguage(QStringLiteral("en"));
    QCoreApplication::processEvents();
    EXPECT_EQ(panel.titleLabel()->text(), QStringLiteral("omni chicken info"));
}
