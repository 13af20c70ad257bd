// SPDX-License-Identifier: MIT
// omni-screenshots' picture of the black box: the window replaying a recording of the simulated robot, paused
// on an obstacle, with the timeline (its events marked) under the dashboard: replay-timeline-1280x800.png.
#include "mainwindow.h"
#include "runtime.h"
#include "settings.h"
#include "timeline.h"

#include <omni/hub.h>
#include <omni/mcapwriter.h>
#include <omni/recordingformat.h>
#include <omni/replaysource.h>
#include <omni/statejson.h>

#include <omni_sim_model.h>

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <optional>

namespace omni::gui {

/// screenshots_main.cpp's state of the simulated robot.
RobotState toState(const omni_state &o, quint64 seq, std::optional<qint64> agoNs);

namespace {

constexpr qint64 kT0 = 1'767'225'600'000'000'000; // 2026-01-01, a recording's first state
constexpr int kRateHz = 50;

/// Two minutes of the simulated robot at 50 Hz, with its obstacle and mode events, as --record writes them.
bool writeRecording(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return false;
    }
    McapWriter w(&file);
    const auto channels = beginRecording(w);
    if (!channels) {
        return false;
    }
    LinkInfo link;
    link.status = LinkStatus::Live;
    link.layout = Layout::Current;
    link.source = QStringLiteral("shm:omnigod");
    omni_sim sim;
    omni_sim_init(&sim, 7);
    qint32 obstacle = 0;
    for (int i = 0; i < kRateHz * 120; ++i) {
        omni_state o{};
        omni_sim_step(&sim, 1.0 / kRateHz, &o);
        RobotState s = toState(o, static_cast<quint64>(i) + 1, std::nullopt);
        s.publishUnixNs = kT0 + qint64{i} * (1'000'000'000 / kRateHz);
        const auto t = static_cast<quint64>(s.publishUnixNs);
        (void)w.write(channels->state, t, t, json::stateMessage(s, link, {double(kRateHz), 0}),
                      static_cast<quint32>(s.seq));
        if ((o.obstacle != 0) != (obstacle != 0)) {
            Event e;
            e.kind = o.obstacle != 0 ? EventKind::ObstacleDetected : EventKind::ObstacleCleared;
            e.wallNs = s.publishUnixNs;
            e.seq = s.seq;
            e.to = o.obstacle;
            (void)w.write(channels->events, t, t, json::eventMessage(e));
        }
        obstacle = o.obstacle;
    }
    return static_cast<bool>(w.close());
}

} // namespace

/// Writes replay-timeline-1280x800.png into `dir`; false (with a message on stderr) when it cannot.
bool shootReplay(const QString &dir)
{
    QTemporaryDir tmp;
    const QString recording = tmp.filePath(QStringLiteral("robot-2026-01-01.mcap"));
    if (!writeRecording(recording)) {
        std::fprintf(stderr, "omni-screenshots: cannot write the recording\n");
        return false;
    }
    app::Options o;
    o.noServer = true;
    o.noSound = true;
    o.replayPath = recording;
    app::Runtime runtime(o);
    QString error;
    if (!runtime.start(&error)) {
        std::fprintf(stderr, "omni-screenshots: %s\n", qPrintable(error));
        return false;
    }
    Settings settings(tmp.filePath(QStringLiteral("settings.ini")));
    MainWindow window(runtime, settings, {false, false});
    window.setThemeChoice(ThemeChoice::Light);
    window.resize(1280, 800);
    window.show();
    ReplaySource *replay = runtime.replay();
    for (const char *command :
         {R"({"action":"pause"})", R"({"action":"seek","position_s":0})", R"({"action":"next_event"})",
          R"({"action":"next_event"})", R"({"action":"next_event"})", R"({"action":"step","count":25})"}) {
        (void)replay->command(command);
    }
    for (int i = 0; i < 5; ++i) {
        QApplication::processEvents();
    }
    const QString path = QDir(dir).filePath(QStringLiteral("replay-timeline-1280x800.png"));
    if (!window.grab().save(path)) {
        std::fprintf(stderr, "omni-screenshots: cannot write %s\n", qPrintable(path));
        return false;
    }
    std::printf("%s\n", qPrintable(path));
    return true;
}

} // namespace omni::gui
