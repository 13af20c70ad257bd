// SPDX-License-Identifier: MIT
// omni-screenshots OUTDIR [--lang CODE]: renders the dashboard offscreen for a known, simulated robot and
// writes dashboard-WxH-{live,stale}[-dark].png at 800×480 (the Pi's touchscreen) and 1920×1080, and the replay's
// timeline (screenshots_replay.cpp).
#include "dashboard.h"
#include "language.h"

#include <omni/hub.h>

#include <omni_sim_model.h>

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QStyleFactory>

#include <cstdio>
#include <optional>

using namespace omni;
using namespace omni::gui;

namespace omni::gui {
bool shootReplay(const QString &dir);

/// `o` as a state published `agoNs` before now (none: no publish time).
RobotState toState(const omni_state &o, quint64 seq, std::optional<qint64> agoNs)
{
    RobotState s;
    s.seq = seq;
    s.direction = o.direction;
    s.motorPower = {o.motor_power[0], o.motor_power[1], o.motor_power[2]};
    s.botMode = o.bot_mode;
    s.obstacle = o.obstacle;
    s.obstacleMode = o.obstacle_mode;
    s.goLeft = o.go_left;
    s.goRight = o.go_right;
    s.sensorMode = o.sensor_mode;
    for (int i = 0; i < 5; ++i) {
        s.sensors[static_cast<size_t>(i)] = o.sensors[i];
    }
    s.sensorCount = 5;
    if (agoNs) {
        s.publishUnixNs = QDateTime::currentMSecsSinceEpoch() * 1'000'000 - *agoNs;
        s.publishMonoNs = Clock::system().monotonicNs() - *agoNs;
    }
    s.writerPid = 4242;
    s.layout = Layout::Current;
    return s;
}
} // namespace omni::gui

namespace {

/// 30 s and more of a simulated run at 50 Hz, ending on a telling moment: driving, steering, a sensor lit.
std::vector<omni_state> simulatedRun()
{
    omni_sim sim;
    omni_sim_init(&sim, 7);
    std::vector<omni_state> run;
    for (int i = 0; i < 50 * 180; ++i) {
        omni_state o{};
        omni_sim_step(&sim, 0.02, &o);
        run.push_back(o);
        const int lit = o.sensors[0] + o.sensors[1] + o.sensors[2] + o.sensors[3] + o.sensors[4];
        if (i > 50 * 32 && o.direction == 0 && (o.go_left || o.go_right) && lit >= 2 && o.obstacle == 0 &&
            std::abs(o.motor_power[0]) > 30) {
            break;
        }
    }
    return run;
}

bool shoot(const QString &dir, QSize size, bool stale, bool dark)
{
    Hub hub;
    LinkInfo link;
    link.status = LinkStatus::Live;
    link.layout = Layout::Current;
    link.source = QStringLiteral("shm:omnigod");
    hub.acceptLink(link);
    Dashboard board(&hub);
    board.setSegmentName(QStringLiteral("omnigod"));
    board.setTheme(dark ? Theme::dark() : Theme::light());
    board.resize(size);

    const auto run = simulatedRun();
    const qint64 staleForMs = stale ? 4200 : 0;
    const qint64 nowMs = board.clockMs();
    const qint64 n = static_cast<qint64>(run.size());
    for (qint64 i = 0; i < n; ++i) {
        const qint64 backMs = (n - 1 - i) * 20 + staleForMs;
        hub.acceptState(toState(run[static_cast<size_t>(i)], static_cast<quint64>(i), backMs * 1'000'000));
    }
    board.history().clear();
    for (qint64 i = 0; i < n; ++i) {
        const qint64 backMs = (n - 1 - i) * 20 + staleForMs;
        board.history().add(toState(run[static_cast<size_t>(i)], static_cast<quint64>(i), std::nullopt),
                            nowMs - backMs);
    }
    if (stale) {
        link.status = LinkStatus::Stale;
        link.detail = QStringLiteral("no new state for 4200 ms");
        hub.acceptLink(link);
    }
    board.show();
    board.refreshNow();
    QApplication::processEvents();
    const QString name =
        QStringLiteral("dashboard-%1x%2-%3%4.png")
            .arg(size.width())
            .arg(size.height())
            .arg(stale ? QStringLiteral("stale") : QStringLiteral("live"), dark ? QStringLiteral("-dark") : QString());
    const QString path = QDir(dir).filePath(name);
    if (!board.grab().save(path)) {
        std::fprintf(stderr, "omni-screenshots: cannot write %s\n", qPrintable(path));
        return false;
    }
    std::printf("%s\n", qPrintable(path));
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    const QStringList args = QApplication::arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: omni-screenshots OUTDIR [--lang CODE]\n");
        return 2;
    }
    const int langAt = static_cast<int>(args.indexOf(QStringLiteral("--lang")));
    installLanguage(langAt > 0 && langAt + 1 < args.size() ? args.at(langAt + 1) : QStringLiteral("en"));
    QDir().mkpath(args.at(1));
    bool ok = true;
    for (QSize size : {QSize(800, 480), QSize(1920, 1080)}) {
        for (bool dark : {false, true}) {
            for (bool stale : {false, true}) {
                ok = shoot(args.at(1), size, stale, dark) && ok;
            }
        }
    }
    ok = shootReplay(args.at(1)) && ok;
    return ok ? 0 : 1;
}
