// SPDX-License-Identifier: MIT
// Colours have one home: app/gui/theme.cpp. Every other file of app/gui asks Theme (or legend::, hint::)
// and writes no colour of its own: no "#FFE082" in a style sheet, no QColor(0x3E, 0x22, 0x00), no Qt::white.
// The sources are read from OMNI_GUI_SOURCE_DIR (set by tests/app/CMakeLists.txt).
#include <gtest/gtest.h>

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>

#include <vector>

namespace {

/// The file allowed to spell colours out.
constexpr auto kThemeFile = "theme.cpp";

/// What a colour written in place looks like. Not one: Qt::transparent (it clears a pixmap before painting,
/// it is no design colour), a character reference such as "&#9679;", and colours made from others
/// (QColor(c.red(), …), qRgba(g, g, g, a)).
const std::vector<QRegularExpression> &patterns()
{
    static const std::vector<QRegularExpression> all = [] {
        const char *const sources[] = {
            // "#FFE082", "#fff", "#80FFE082" (style sheets, HTML, QColor("…"))
            R"((?<![&\w])#(?:[0-9A-Fa-f]{12}|[0-9A-Fa-f]{9}|[0-9A-Fa-f]{8}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})\b)",
            // QColor(0x3E, 0x22, 0x00), QColor ink{255, 0, 0}, QColor("red"), QColor(QStringLiteral("red"))
            R"(\bQColor(?:\s+\w+)?\s*[({]\s*(?:(?:QStringLiteral|QLatin1String|QString)\s*\(\s*)?(?:0[xX][0-9A-Fa-f]|\d|u?"))",
            // QColor::fromRgb(200, …), QColor::fromString("…")
            R"(\bQColor::from\w*\s*\(\s*(?:0[xX][0-9A-Fa-f]|\d|u?"))",
            // qRgb(255, 0, 0), qRgba(0, 0, 0, 200)
            R"(\bqRgba?\s*\(\s*(?:0[xX][0-9A-Fa-f]|\d))",
            // Qt's named colours
            R"(\bQt::(?:white|black|red|darkRed|green|darkGreen|blue|darkBlue|cyan|darkCyan|magenta|darkMagenta|)"
            R"(yellow|darkYellow|gray|darkGray|lightGray|color0|color1)\b)",
            // style sheets: rgba(0,0,0,200), hsl(…)
            R"(\b(?:rgba?|hsla?|hsva?)\s*\(\s*\d)",
            // style sheets: a named colour after a colour property ("color: white", "border: 1px solid red")
            R"(\b(?:color|background|background-color|border|border-[a-z-]+|outline|gridline-color|)"
            R"(selection-color|selection-background-color|alternate-background-color)\s*:[^;"{}]*)"
            R"(\b(?:white|black|red|green|blue|gray|grey|yellow|orange|purple|cyan|magenta|pink|brown|navy|teal|)"
            R"(silver|maroon|olive|lime|aqua|fuchsia)\b)",
        };
        std::vector<QRegularExpression> out;
        for (const char *s : sources) {
            out.emplace_back(QString::fromLatin1(s));
        }
        return out;
    }();
    return all;
}

/// The lines of `text` (1-based numbers) that hold a colour literal.
std::vector<std::pair<int, QString>> colourLiterals(const QString &text)
{
    std::vector<std::pair<int, QString>> hits;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        for (const QRegularExpression &re : patterns()) {
            if (re.match(lines.at(i)).hasMatch()) {
                hits.emplace_back(i + 1, lines.at(i).trimmed());
                break;
            }
        }
    }
    return hits;
}

QString readFile(const QString &path)
{
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << path.toStdString();
    return QString::fromUtf8(f.readAll());
}

/// Every C++ file of app/gui, by path.
QStringList guiSources()
{
    QStringList files;
    QDirIterator it(QStringLiteral(OMNI_GUI_SOURCE_DIR), {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        files.append(it.next());
    }
    files.sort();
    return files;
}

} // namespace

TEST(ColourLiterals, TheScanFindsEveryKindOfColourLiteral)
{
    const char *const literals[] = {
        R"(QStringLiteral("QPushButton:checked { background: #FFE082; border-color: #E65100; }"))",
        R"(label->setStyleSheet("color: #fff"))",
        R"(QStringLiteral("background: #80FFE082"))",
        "const QColor iconColor = on ? QColor(0x3E, 0x22, 0x00) : text;",
        "QColor ink{255, 255, 255};",
        "p.setPen(QColor(0, 0, 0, 200));",
        R"(QColor(QStringLiteral("red")))",
        R"(QColor("#3E2200"))",
        "QColor::fromRgb(200, 10, 10)",
        "const QRgb px = qRgba(0, 0, 0, 200);",
        "p.setPen(Qt::white);",
        "p.setBrush(Qt::darkGray);",
        R"(QStringLiteral("background: rgba(0,0,0,200); font-size: 20px;"))",
        R"(QStringLiteral("color: white; border-radius: 12px;"))",
        R"(QStringLiteral("border: 1px solid red;"))",
    };
    for (const char *line : literals) {
        EXPECT_EQ(colourLiterals(QString::fromLatin1(line)).size(), 1u) << line;
    }
}

TEST(ColourLiterals, TheScanPassesWhatIsNoColourLiteral)
{
    const char *const fine[] = {
        "#include \"theme.h\"",
        "#define OMNI_SOMETHING 1",
        "#ifdef Q_OS_LINUX",
        R"(QStringLiteral("<span style=\"color:%1\">&#9679;</span>&nbsp;%2 "))",
        "pm.fill(Qt::transparent);",
        "p.setPen(QPen(legend::wheelBorder, 2, Qt::SolidLine));",
        "pen.setColor(QColor(border.red(), border.green(), border.blue(), alpha));",
        "line[x] = qRgba(g, g, g, a);",
        R"(QStringLiteral("color: %1; background: %2; border: 1px solid %1;"))",
        R"(QStringLiteral("background: rgba(%1,%2,%3,%4); color: %5;"))",
        "const QColor c = QColor();",
        "// The text is dark where it sits on the bar and the theme's colour elsewhere.",
    };
    for (const char *line : fine) {
        EXPECT_TRUE(colourLiterals(QString::fromLatin1(line)).empty()) << line;
    }
}

TEST(ColourLiterals, NoneInAppGuiOutsideTheTheme)
{
    const QStringList files = guiSources();
    ASSERT_GT(files.size(), 20) << "app/gui not found at " OMNI_GUI_SOURCE_DIR;
    bool themeSeen = false;
    for (const QString &path : files) {
        const auto hits = colourLiterals(readFile(path));
        if (path.endsWith(QLatin1Char('/') + QLatin1String(kThemeFile))) {
            themeSeen = true;
            EXPECT_FALSE(hits.empty()) << "theme.cpp holds the colours: the scan should see them there";
            continue;
        }
        for (const auto &[line, text] : hits) {
            ADD_FAILURE() << path.toStdString() << ":" << line << ": a colour literal; name it in theme.cpp (Theme, "
                          << "legend:: or hint::) and use the name: " << text.toStdString();
        }
    }
    EXPECT_TRUE(themeSeen);
}
