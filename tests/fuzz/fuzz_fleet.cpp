// SPDX-License-Identifier: MIT
// What an MQTT broker (or anyone who may publish on it) hands the fleet view: the input is split at NUL bytes
// into topic, payload, topic, payload, ... (up to 64 messages), fed in order to two FleetModels on a manual clock,
// one with the default limits and one that refuses payloads over 512 bytes and robots beyond 3 (so both limits
// are reached by small inputs). A message whose payload starts with 0x01 has it repeated up to 300 KiB (past the
// default limit). Properties besides "no crash, no UB, no leak, no hang": every message is counted once (used or
// ignored, by reason); only robot names checkRobotName() accepts appear, at most one per message; presence and rate are
// sane; toJson() is always one valid JSON object listing exactly the robots.
#include "fuzzcheck.h"

#include "omni/clock.h"
#include "omni/fleetmodel.h"
#include "omni/mqtttopics.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace omni;
using namespace omni::mqtt;

namespace {

constexpr int kMaxMessages = 64;

class ManualClock final : public Clock
{
public:
    [[nodiscard]] qint64 monotonicNs() const override { return mono; }
    [[nodiscard]] qint64 wallNs() const override { return 1'700'000'000'000'000'000 + mono; }
    qint64 mono = 1'000'000'000;
};

quint64 counted(const FleetStats &s)
{
    return s.accepted + s.malformed + s.tooLarge + s.unknownTopic + s.tooManyRobots;
}

void checkModel(const FleetModel &model, qsizetype fed)
{
    const QList<FleetRobot> robots = model.robots();
    FUZZ_CHECK(robots.size() <= fed);
    FUZZ_CHECK(counted(model.stats()) <= static_cast<quint64>(fed));
    for (const FleetRobot &r : robots) {
        FUZZ_CHECK(checkRobotName(r.name).has_value());
        FUZZ_CHECK(model.robot(r.name) != nullptr);
        FUZZ_CHECK(std::isfinite(r.rateHz) && r.rateHz >= 0.0);
        FUZZ_CHECK(r.stateJson.isEmpty() == !r.state.has_value());
        const Presence p = model.presence(r);
        FUZZ_CHECK(r.online || p == Presence::Offline);
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(model.toJson(QStringLiteral("connected")), &error);
    FUZZ_CHECK(error.error == QJsonParseError::NoError && doc.isObject());
    const QJsonArray listed = doc.object().value("robots").toArray();
    FUZZ_CHECK(listed.size() == robots.size());
    for (qsizetype i = 0; i < listed.size(); ++i) {
        FUZZ_CHECK(listed[i].toObject().value("name").toString() == robots[i].name);
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QList<QByteArray> parts = bytes.split('\0');
    ManualClock clock;
    FleetModel wide(FleetModelOptions{}, clock);
    FleetModelOptions tight;
    tight.maxMessageBytes = 512;
    tight.staleAfter = std::chrono::milliseconds(100);
    tight.maxRobots = 3;
    FleetModel narrow(tight, clock);
    qsizetype fed = 0;
    for (qsizetype i = 0; i + 1 < parts.size() && fed < kMaxMessages; i += 2) {
        const QByteArray &topic = parts[i];
        QByteArray payload = parts[i + 1];
        if (payload.startsWith('\x01')) {
            const QByteArray unit = payload.mid(1).isEmpty() ? QByteArray("[") : payload.mid(1);
            payload = unit.repeated(300 * 1024 / unit.size() + 1);
        }
        // Time moves by the topic's length in tens of milliseconds: rates, windows and staleness all get exercised.
        clock.mono += qint64(topic.size()) * 10'000'000;
        const quint64 before = counted(wide.stats());
        const qsizetype robotsBefore = wide.robots().size();
        wide.acceptMessage(topic, payload);
        narrow.acceptMessage(topic, payload);
        ++fed;
        const quint64 after = counted(wide.stats());
        // Counted once, except a cleared status of a robot never seen (nothing to do, nothing to count).
        FUZZ_CHECK(after == before + 1 || (after == before && payload.isEmpty()));
        FUZZ_CHECK(wide.robots().size() <= robotsBefore + 1);
        if (const auto t = parseTopic(topic);
            payload.size() > tight.maxMessageBytes && t && t->which != Topic::SoundSet) {
            FUZZ_CHECK(narrow.stats().tooLarge > 0);
        }
        if (const auto parsed = parseTopic(topic)) {
            FUZZ_CHECK(checkRobotName(parsed->robot).has_value());
            FUZZ_CHECK(topic == mqtt::topic(parsed->robot, parsed->which));
        }
    }
    checkModel(wide, fed);
    checkModel(narrow, fed);
    FUZZ_CHECK(narrow.robots().size() <= tight.maxRobots);
    return 0;
}
