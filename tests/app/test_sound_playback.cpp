// SPDX-License-Identifier: MIT
// Real playback, not QSoundEffect's "playing" flag (which stays true without any device): a private
// PulseAudio with a null sink, the app's SoundPlayer playing an embedded sample, parec recording the sink's
// monitor and sox measuring that what was recorded is not silence (and that nothing playing is).
#include "samplelibrary.h"
#include "soundplayer.h"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSoundEffect>
#include <QStandardPaths>
#include <QTest>

#include <csignal>
#include <cstdlib>
#include <memory>
#include <string>
#include <unistd.h>

using namespace omni;
using namespace omni::audio;

namespace {

/// The private PulseAudio of this test binary: its runtime directory, pid and why it may be missing.
struct Pulse {
    std::string dir;
    pid_t pid = 0;
    std::string problem;
};
Pulse g_pulse;

bool haveTool(const char *name)
{
    const std::string cmd = std::string("command -v ") + name + " >/dev/null 2>&1";
    return std::system(cmd.c_str()) == 0;
}

void stopPulse()
{
    if (g_pulse.pid > 0) {
        ::kill(g_pulse.pid, SIGTERM); // only the daemon this binary started, by its id
        for (int i = 0; i < 100 && ::kill(g_pulse.pid, 0) == 0; ++i) {
            ::usleep(20'000); // let it finish with its runtime directory before that goes
        }
        g_pulse.pid = 0;
    }
    if (!g_pulse.dir.empty()) {
        QDir(QString::fromStdString(g_pulse.dir)).removeRecursively();
    }
}

/// Starts PulseAudio before anything in Qt Multimedia can connect to another one.
void startPulse()
{
    for (const char *tool : {"pulseaudio", "parec", "sox"}) {
        if (!haveTool(tool)) {
            g_pulse.problem = std::string(tool) + " is not installed (scripts/install-deps.sh --test)";
            return;
        }
    }
    char tmpl[] = "/tmp/omni-pulse-XXXXXX";
    if (::mkdtemp(tmpl) == nullptr) {
        g_pulse.problem = "cannot make a runtime directory";
        return;
    }
    g_pulse.dir = tmpl;
    const std::string socket = g_pulse.dir + "/pulse/native";
    ::setenv("XDG_RUNTIME_DIR", g_pulse.dir.c_str(), 1);
    ::setenv("HOME", g_pulse.dir.c_str(), 1); // its cookie and config stay in the private directory
    ::setenv("PULSE_SERVER", ("unix:" + socket).c_str(), 1);
    ::unsetenv("DISPLAY");
    // -n: no default script; root is fine without --system here. Daemonised, it writes its pid file.
    const std::string cmd = "pulseaudio -n --daemonize=yes --use-pid-file=yes --exit-idle-time=-1 "
                            "--disallow-exit=yes --disable-shm=yes --log-target=file:" +
                            g_pulse.dir +
                            "/pulse.log --load='module-null-sink sink_name=omni_null' "
                            "--load='module-native-protocol-unix' >/dev/null 2>&1";
    if (std::system(cmd.c_str()) != 0) {
        g_pulse.problem = "pulseaudio did not start; see " + g_pulse.dir + "/pulse.log";
        return;
    }
    QFile pidFile(QString::fromStdString(g_pulse.dir + "/pulse/pid"));
    for (int i = 0; i < 100 && !pidFile.exists(); ++i) {
        ::usleep(50'000);
    }
    if (pidFile.open(QIODevice::ReadOnly)) {
        g_pulse.pid = static_cast<pid_t>(pidFile.readAll().trimmed().toInt());
    }
    std::atexit(stopPulse);
    if (g_pulse.pid <= 0 || !QFile::exists(QString::fromStdString(socket))) {
        g_pulse.problem = "pulseaudio started without its socket";
    }
}

/// Records the null sink's monitor as raw 16-bit mono 22050 Hz, for as long as the object lives.
class Recorder
{
public:
    explicit Recorder(const QString &path) : m_path(path)
    {
        m_p.setStandardOutputFile(path);
        m_p.start(QStringLiteral("parec"), {QStringLiteral("-d"), QStringLiteral("omni_null.monitor"),
                                            QStringLiteral("--format=s16le"), QStringLiteral("--rate=22050"),
                                            QStringLiteral("--channels=1"), QStringLiteral("--latency-msec=20")});
        EXPECT_TRUE(m_p.waitForStarted(3000));
    }
    void stop()
    {
        m_p.terminate();
        m_p.waitForFinished(3000);
    }

private:
    QString m_path;
    QProcess m_p;
};

/// sox's "RMS amplitude" of a raw recording, or -1.
double soxRms(const QString &raw)
{
    QProcess sox;
    sox.start(QStringLiteral("sox"),
              {QStringLiteral("-t"), QStringLiteral("raw"), QStringLiteral("-r"), QStringLiteral("22050"),
               QStringLiteral("-e"), QStringLiteral("signed"), QStringLiteral("-b"), QStringLiteral("16"),
               QStringLiteral("-c"), QStringLiteral("1"), raw, QStringLiteral("-n"), QStringLiteral("stat")});
    if (!sox.waitForFinished(10000)) {
        return -1;
    }
    const QString out = QString::fromLocal8Bit(sox.readAllStandardError());
    const auto m = QRegularExpression(QStringLiteral("RMS\\s+amplitude:\\s+([0-9.eE+-]+)")).match(out);
    return m.hasMatch() ? m.captured(1).toDouble() : -1;
}

} // namespace

std::unique_ptr<QCoreApplication> omniMakeTestApplication(int &argc, char **argv)
{
    bool listing = false; // gtest_discover_tests only lists the tests at build time: no daemon for that
    for (int i = 1; i < argc; ++i) {
        listing = listing || std::string(argv[i]) == "--gtest_list_tests";
    }
    if (listing) {
        g_pulse.problem = "listing tests only";
    } else {
        startPulse();
    }
    omni::audio::chooseBackend();
    return std::make_unique<QCoreApplication>(argc, argv); // as `omniscient --headless`: no GUI needed to play
}

class Playback : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (!g_pulse.problem.empty()) {
            GTEST_SKIP() << g_pulse.problem;
        }
    }
    QString file(const char *name) const
    {
        return QString::fromStdString(g_pulse.dir) + QLatin1Char('/') + QLatin1String(name);
    }
};

TEST_F(Playback, EveryEmbeddedSampleLoads)
{
    const SampleLibrary library;
    SoundPlayer player(&library);
    ASSERT_TRUE(player.audioAvailable()) << "the null sink is an audio output";
    EXPECT_NE(player.outputName(), QStringLiteral("none"));
    const QList<Sample> all = library.all();
    for (qsizetype n = 0; n < all.size(); ++n) {
        const QUrl url = all.at(n).playable;
        const int clucks = SampleLibrary::kBuiltInClucks;
        const SoundCue cue = n < clucks ? SoundCue::Cluck : n == clucks ? SoundCue::Obstacle : SoundCue::LinkLost;
        QSoundEffect *e = player.effect({cue, n < clucks ? static_cast<int>(n) : 0, false});
        ASSERT_NE(e, nullptr);
        EXPECT_EQ(e->source(), url);
        EXPECT_TRUE(QTest::qWaitFor([e] { return e->status() == QSoundEffect::Ready; }, 5000))
            << url.toString().toStdString() << " status " << static_cast<int>(e->status());
    }
}

TEST_F(Playback, ACluckReachesTheSpeakers)
{
    const SampleLibrary library;
    SoundPlayer player(&library);
    ASSERT_TRUE(player.audioAvailable());
    QSoundEffect *e = player.effect({SoundCue::Cluck, 1, false});
    ASSERT_TRUE(QTest::qWaitFor([e] { return e->status() == QSoundEffect::Ready; }, 5000));

    // Silence first: the monitor is quiet while nothing plays, so a loud recording below means our sound.
    {
        Recorder quiet(file("quiet.raw"));
        QTest::qWait(600);
        quiet.stop();
    }
    const double quietRms = soxRms(file("quiet.raw"));
    ASSERT_GE(quietRms, 0.0) << "sox could not read the recording";
    EXPECT_LT(quietRms, 0.001);

    Recorder rec(file("cluck.raw"));
    QTest::qWait(300);
    QSignalSpy finished(&player, &SoundPlayer::finished);
    player.play({SoundCue::Cluck, 1, false});
    EXPECT_TRUE(finished.wait(5000)) << "the player reports the end of the sound";
    QTest::qWait(300);
    rec.stop();
    const double rms = soxRms(file("cluck.raw"));
    EXPECT_GT(rms, 0.01) << "recorded RMS " << rms << ": the cluck was heard";
    EXPECT_GT(QFileInfo(file("cluck.raw")).size(), 22050) << "about a second was recorded";
}

TEST_F(Playback, OnlyOneSoundAtATime)
{
    const SampleLibrary library;
    SoundPlayer player(&library);
    QSoundEffect *cluck = player.effect({SoundCue::Cluck, 2, false});
    QSoundEffect *alarm = player.effect({SoundCue::Obstacle, 0, false});
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return cluck->status() == QSoundEffect::Ready && alarm->status() == QSoundEffect::Ready; }, 5000));
    player.play({SoundCue::Cluck, 2, false});
    ASSERT_TRUE(QTest::qWaitFor([cluck] { return cluck->isPlaying(); }, 2000));
    player.play({SoundCue::Obstacle, 0, true});
    EXPECT_FALSE(cluck->isPlaying()) << "the cluck was cut short for the event";
    EXPECT_TRUE(QTest::qWaitFor([alarm] { return alarm->isPlaying(); }, 2000));
}
