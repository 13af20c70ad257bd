// SPDX-License-Identifier: MIT
// json::parse over arbitrary bytes (what remote mode receives from the network), and the round trip of
// whatever it accepts: a message we accept must serialise to JSON that we accept again, with the same
// fields. Values out of range must be refused or clamped, never undefined behaviour. Also the helpers around
// it: parseSoundCommand() (the one client command), quoted() (every string we write) and withAge().
#include "fuzzcheck.h"

#include "omni/statejson.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstring>

using namespace omni;

namespace {

constexpr double kExactDouble = 9007199254740992.0; // 2^53: integers up to here survive a trip through double

/// `s` with every lone surrogate replaced by U+FFFD, as the serialiser writes it (valid UTF-8 only).
QString normalised(const QString &s)
{
    QString r = s;
    for (qsizetype i = 0; i < r.size(); ++i) {
        if (r[i].isHighSurrogate() && i + 1 < r.size() && r[i + 1].isLowSurrogate()) {
            ++i;
        } else if (r[i].isSurrogate()) {
            r[i] = QChar(QChar::ReplacementCharacter);
        }
    }
    return r;
}

/// Whether `back`, read by Qt's parser from what we wrote for `original`, is the same text. Qt 6.4's JSON parser
/// drops a U+FEFF that opens a string holding no escape sequence (a quirk of its fast path): allowed for.
bool sameText(const QString &original, const QString &back)
{
    const QString n = normalised(original);
    return back == n || (n.startsWith(QChar(0xFEFF)) && back == QStringView(n).sliced(1));
}

bool sameLink(const LinkInfo &a, const LinkInfo &b)
{
    return a.status == b.status && a.reason == b.reason && a.layout == b.layout && sameText(a.detail, b.detail) &&
           sameText(a.source, b.source);
}

void checkSerialisedIsJson(const QByteArray &out)
{
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson(out, &pe);
    FUZZ_CHECK(pe.error == QJsonParseError::NoError);
    FUZZ_CHECK(doc.isObject());
}

void checkStateRoundTrip(const json::Message &m)
{
    const QByteArray out = json::stateMessage(m.state, m.link, m.extras);
    checkSerialisedIsJson(out);
    const auto again = json::parse(out);
    if (!again) {
        std::fprintf(stderr, "re-parse failed: %s\n%s\n", qPrintable(again.errorString()), out.constData());
    }
    FUZZ_CHECK(again.has_value());
    FUZZ_CHECK(again->type == json::Message::Type::State);
    const RobotState &a = m.state;
    const RobotState &b = again->state;
    FUZZ_CHECK(a.direction == b.direction);
    FUZZ_CHECK(a.motorPower == b.motorPower);
    FUZZ_CHECK(a.botMode == b.botMode);
    FUZZ_CHECK(a.obstacle == b.obstacle);
    FUZZ_CHECK(a.obstacleMode == b.obstacleMode);
    FUZZ_CHECK(a.goLeft == b.goLeft);
    FUZZ_CHECK(a.goRight == b.goRight);
    FUZZ_CHECK(a.sensorMode == b.sensorMode);
    FUZZ_CHECK(a.sensorCount == b.sensorCount);
    for (int i = 0; i < a.sensorCount; ++i) {
        FUZZ_CHECK(a.sensors[static_cast<std::size_t>(i)] == b.sensors[static_cast<std::size_t>(i)]);
    }
    FUZZ_CHECK(a.writerPid == b.writerPid);
    if (static_cast<double>(a.seq) < kExactDouble) {
        FUZZ_CHECK(a.seq == b.seq);
    }
    if (m.extras.ageMs > -kExactDouble && static_cast<double>(m.extras.ageMs) < kExactDouble) {
        FUZZ_CHECK(m.extras.ageMs == again->extras.ageMs);
    }
    FUZZ_CHECK(sameLink(m.link, again->link));

    // withAge() rewrites only the age (what /api/state does to a cached message); the rest parses the same.
    for (const qint64 age : {qint64{-1}, qint64{0}, qint64{987654}, qint64{3999999999999}}) {
        const auto aged = json::parse(json::withAge(out, age));
        FUZZ_CHECK(aged.has_value());
        FUZZ_CHECK(aged->extras.ageMs == age);
        FUZZ_CHECK(aged->state.motorPower == b.motorPower && aged->state.sensors == b.sensors);
        FUZZ_CHECK(sameLink(m.link, aged->link));
    }
}

/// quoted(): always one valid JSON string, valid UTF-8, that decodes to the text (lone surrogates as U+FFFD).
void checkQuoted(const QString &text)
{
    const QByteArray q = json::quoted(text);
    FUZZ_CHECK(QString::fromUtf8(q).toUtf8() == q);
    QJsonParseError pe{};
    const QJsonDocument doc = QJsonDocument::fromJson("[" + q + "]", &pe);
    FUZZ_CHECK(pe.error == QJsonParseError::NoError && doc.isArray() && doc.array().size() == 1);
    FUZZ_CHECK(sameText(text, doc.array().at(0).toString()));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));

    // The helpers on the same bytes: the one client command, and the string quoting every message uses (with the
    // bytes read as UTF-8, as Latin-1 (every control byte), and as raw UTF-16 code units (lone surrogates)).
    if (const auto command = json::parseSoundCommand(bytes); !command) {
        FUZZ_CHECK(!command.errorString().isEmpty());
    }
    QString utf16(static_cast<qsizetype>(size / 2), Qt::Uninitialized);
    std::memcpy(utf16.data(), data, size / 2 * 2);
    for (const QString &text : {QString::fromUtf8(bytes), QString::fromLatin1(bytes), utf16}) {
        checkQuoted(text);
    }

    const auto m = json::parse(bytes);
    if (!m) {
        FUZZ_CHECK(!m.errorString().isEmpty()); // a refusal always says why
        return 0;
    }
    switch (m->type) {
    case json::Message::Type::State:
        FUZZ_CHECK(m->state.sensorCount >= 0 && m->state.sensorCount <= 5);
        FUZZ_CHECK(m->state.layout == Layout::Remote);
        checkStateRoundTrip(*m);
        break;
    case json::Message::Type::Link: {
        const QByteArray out = json::linkMessage(m->link);
        checkSerialisedIsJson(out);
        const auto again = json::parse(out);
        FUZZ_CHECK(again && again->type == json::Message::Type::Link);
        FUZZ_CHECK(sameLink(m->link, again->link));
        if (!m->link.detail.startsWith(QChar(0xFEFF)) && !m->link.source.startsWith(QChar(0xFEFF))) {
            FUZZ_CHECK(json::linkMessage(again->link) == out); // serialising is a fixed point after one trip
        }
        break;
    }
    case json::Message::Type::Hello: {
        const QByteArray out = json::helloMessage(m->serverVersion, m->soundEnabled, m->soundOutput);
        checkSerialisedIsJson(out);
        const auto again = json::parse(out);
        FUZZ_CHECK(again && again->type == json::Message::Type::Hello);
        FUZZ_CHECK(sameText(m->serverVersion, again->serverVersion));
        FUZZ_CHECK(sameText(m->soundOutput, again->soundOutput));
        FUZZ_CHECK(again->soundEnabled == m->soundEnabled);
        break;
    }
    case json::Message::Type::Sound: {
        const QByteArray out = json::soundMessage(m->soundEnabled, m->soundOutput);
        checkSerialisedIsJson(out);
        const auto again = json::parse(out);
        FUZZ_CHECK(again && again->type == json::Message::Type::Sound && again->soundEnabled == m->soundEnabled);
        FUZZ_CHECK(sameText(m->soundOutput, again->soundOutput));
        break;
    }
    case json::Message::Type::Cue: {
        const QByteArray out = json::cueMessage(m->cue, m->sample);
        checkSerialisedIsJson(out);
        const auto again = json::parse(out);
        FUZZ_CHECK(again && again->type == json::Message::Type::Cue);
        FUZZ_CHECK(sameText(m->cue, again->cue) && sameText(m->sample, again->sample));
        break;
    }
    case json::Message::Type::Event: {
        const QByteArray out = json::eventMessage(m->event);
        checkSerialisedIsJson(out);
        const auto again = json::parse(out);
        FUZZ_CHECK(again && again->type == json::Message::Type::Event && again->event.kind == m->event.kind);
        FUZZ_CHECK(again->event.seq == m->event.seq && again->event.from == m->event.from &&
                   again->event.to == m->event.to && again->event.previous == m->event.previous);
        break;
    }
    }
    return 0;
}
