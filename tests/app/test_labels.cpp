// SPDX-License-Identifier: MIT
// One wording for every value, wherever a person reads it. The reference is core's English labels
// (omni::labels and omni::names: the JSON "labels" and "link" of docs/protocol.md, which machines read and
// which cannot change without a schema change). Checked against it, value by value, for every enum value
// and code, including the unknown ones:
//   - the desktop: StatusText in English (Qt Linguist's source language; no translator is installed here);
//   - the web page: resources/web/lang/en.js, read from the binary as the server serves it;
//   - docs/protocol.md, which must name the same words.
// Why three copies and a test, not one table in code that all read: the desktop's words must be tr()
// literals so lupdate can find them, core speaks no tr(), and the page is JavaScript. The table below is the
// one place that says which words belong together; a wording changed in one place and not the others fails here.
#include "statustext.h"

#include <gtest/gtest.h>

#include <omni/robotstate.h>

#include <QFile>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <vector>

using namespace omni;
using namespace omni::gui;

namespace {

/// One value as each place says it.
struct Label {
    QString field;     ///< the JSON field (docs/protocol.md's row), e.g. "sensor_mode"
    QString what;      ///< the value, for failure messages, e.g. "0", "other 7", "null", "steer_left"
    QString json;      ///< core's label, the reference; empty where the protocol has none
    QString desktop;   ///< StatusText, English
    QString webKey;    ///< the key in lang/en.js
    QString webN = {}; ///< what the page puts for "{n}" in that text
};

/// Every value the dashboard, the page and the JSON put into words.
std::vector<Label> everyLabel()
{
    std::vector<Label> out;
    // Codes 0 … known-1 are in the tables (the page: "field.N"). Any other code reads `otherKey` on the page
    // ("direction.other": "stopped"), or "unknown (N)" where the field has no such word.
    const auto coded = [&out](const QString &field, qint32 known, const QString &otherKey, auto json, auto desktop) {
        for (qint32 c = 0; c < known; ++c) {
            const QString n = QString::number(c);
            out.push_back({field, n, json(c), desktop(c), field + QLatin1Char('.') + n});
        }
        for (qint32 c : {-3, -1, known, 7, 1000}) {
            const bool unknown = otherKey.isEmpty();
            out.push_back({field, QStringLiteral("other %1").arg(c), json(c), desktop(c),
                           unknown ? QStringLiteral("code.unknown") : otherKey,
                           unknown ? QString::number(c) : QString()});
        }
    };
    coded(QStringLiteral("direction"), 4, QStringLiteral("direction.other"), &labels::direction,
          &StatusText::direction);
    coded(QStringLiteral("bot_mode"), 3, {}, &labels::botMode, &StatusText::botMode);
    coded(QStringLiteral("obstacle"), 1, QStringLiteral("obstacle.other"), &labels::obstacle, &StatusText::obstacle);
    coded(QStringLiteral("obstacle_mode"), 2, {}, &labels::obstacleMode,
          [](qint32 c) { return StatusText::obstacleMode(c); });
    coded(QStringLiteral("sensor_mode"), 3, {}, &labels::sensorMode, &StatusText::sensorMode);
    // The original 56-byte layout has no obstacle_mode: JSON says null, people read a sentence.
    out.push_back({QStringLiteral("obstacle_mode"),
                   QStringLiteral("null"),
                   {},
                   StatusText::obstacleMode(std::nullopt),
                   QStringLiteral("obstacle_mode.null")});

    const std::pair<Action, const char *> actions[] = {
        {Action::Stopped, "stopped"},        {Action::Forward, "forward"},          {Action::Backward, "backward"},
        {Action::RotateLeft, "rotate_left"}, {Action::RotateRight, "rotate_right"}, {Action::SteerLeft, "steer_left"},
        {Action::SteerRight, "steer_right"}, {Action::AvoidObstacle, "avoid"},
    };
    for (const auto &[a, key] : actions) {
        out.push_back({QStringLiteral("action"), QString::fromLatin1(key), labels::action(a), StatusText::action(a),
                       QStringLiteral("action.") + QLatin1String(key)});
    }

    for (LinkStatus s : {LinkStatus::Waiting, LinkStatus::Live, LinkStatus::Stale, LinkStatus::Incompatible}) {
        out.push_back({QStringLiteral("link"), names::linkStatus(s), names::linkStatus(s), StatusText::linkStatus(s),
                       QStringLiteral("link.") + names::linkStatus(s)});
    }

    // Not in the JSON: the page and the desktop still say the same.
    const char *const wheels[] = {"left", "right", "bottom"};
    for (int i = 0; i < 3; ++i) {
        out.push_back({QStringLiteral("wheel"),
                       QString::fromLatin1(wheels[i]),
                       {},
                       StatusText::wheel(i),
                       QStringLiteral("wheel.") + QLatin1String(wheels[i])});
    }
    out.push_back({QStringLiteral("network"),
                   QStringLiteral("connecting"),
                   {},
                   StatusText::networkStatus(NetworkStatus::Connecting),
                   QStringLiteral("link.connecting")});
    return out;
}

/// The page's English strings: `'key': 'text',` lines of lang/en.js.
QHash<QString, QString> webStrings()
{
    QFile f(QStringLiteral(":/web/lang/en.js"));
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << "the page's English strings are not embedded";
    static const QRegularExpression entry(QStringLiteral(R"(^\s*'([^']+)'\s*:\s*'([^']*)',?\s*$)"));
    QHash<QString, QString> out;
    for (const QString &line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'))) {
        if (const auto m = entry.match(line); m.hasMatch()) {
            out.insert(m.captured(1), m.captured(2));
        }
    }
    return out;
}

/// docs/protocol.md's table rows, by field: "| `sensor_mode` | int32 | 0 "4 sensor mapped", … |".
QHash<QString, QString> protocolRows()
{
    QFile f(QStringLiteral(OMNI_SOURCE_DIR "/docs/protocol.md"));
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << f.fileName().toStdString();
    static const QRegularExpression row(QStringLiteral(R"(^\|\s*`([a-z_]+)`\s*\|)"));
    QHash<QString, QString> out;
    for (const QString &line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'))) {
        if (const auto m = row.match(line); m.hasMatch()) {
            out.insert(m.captured(1), line);
        }
    }
    return out;
}

} // namespace

TEST(Labels, TheDesktopSaysWhatTheJsonSays)
{
    for (const Label &l : everyLabel()) {
        if (!l.json.isEmpty()) {
            EXPECT_EQ(l.desktop.toStdString(), l.json.toStdString())
                << (l.field + QLatin1Char(' ') + l.what).toStdString();
        }
    }
}

TEST(Labels, TheWebPageSaysWhatTheDesktopAndTheJsonSay)
{
    const QHash<QString, QString> web = webStrings();
    ASSERT_GT(web.size(), 100) << "lang/en.js was not read";
    for (const Label &l : everyLabel()) {
        SCOPED_TRACE(
            (l.field + QLatin1Char(' ') + l.what + QStringLiteral(" (") + l.webKey + QLatin1Char(')')).toStdString());
        ASSERT_TRUE(web.contains(l.webKey));
        QString text = web.value(l.webKey);
        text.replace(QStringLiteral("{n}"), l.webN);
        EXPECT_EQ(text.toStdString(), l.desktop.toStdString());
        if (!l.json.isEmpty()) {
            EXPECT_EQ(text.toStdString(), l.json.toStdString());
        }
    }
}

TEST(Labels, TheProtocolDocumentNamesTheSameWords)
{
    const QHash<QString, QString> rows = protocolRows();
    static const QRegularExpression knownCode(QStringLiteral(R"(^\d+$)"));
    int checked = 0;
    for (const Label &l : everyLabel()) {
        if (l.json.isEmpty()) {
            continue;
        }
        // Codes are listed as `0 forward` or `0 "4 sensor mapped"`; actions in the labels row, link
        // statuses in the link table, both as `code`.
        QStringList mentions;
        QString field = l.field;
        if (l.field == QLatin1String("action") || l.field == QLatin1String("link")) {
            field = l.field == QLatin1String("action") ? QStringLiteral("labels") : l.field;
            mentions << QLatin1Char('`') + l.json + QLatin1Char('`');
        } else if (knownCode.match(l.what).hasMatch()) {
            mentions << l.what + QLatin1Char(' ') + l.json
                     << l.what + QStringLiteral(" \"") + l.json + QLatin1Char('"');
        } else {
            continue; // "anything else stopped", "otherwise detected", "unknown (N)": prose, not a table
        }
        const QString row = rows.value(field);
        ASSERT_FALSE(row.isEmpty()) << "no row for `" << field.toStdString() << "` in docs/protocol.md";
        EXPECT_TRUE(
            std::any_of(mentions.cbegin(), mentions.cend(), [&row](const QString &m) { return row.contains(m); }))
            << "docs/protocol.md's `" << field.toStdString() << "` row does not say " << mentions.first().toStdString();
        ++checked;
    }
    EXPECT_GT(checked, 20);
}
