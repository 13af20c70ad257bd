// SPDX-License-Identifier: MIT
#include <omni/statejson.h>

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>

#include <random>

using namespace omni;

namespace {

RobotState sample()
{
    RobotState s;
    s.seq = 99;
    s.direction = 0;
    s.motorPower = {55, -55, 0};
    s.botMode = 0;
    s.obstacle = 0;
    s.obstacleMode = 1;
    s.goLeft = 1;
    s.sensorMode = 1;
    s.sensors = {0, 1, 1, 0, 0};
    s.publishUnixNs = 1'700'000'000'123'000'000;
    s.writerPid = 1234;
    s.layout = Layout::Current;
    return s;
}

LinkInfo live()
{
    LinkInfo l;
    l.status = LinkStatus::Live;
    l.layout = Layout::Current;
    l.source = QStringLiteral("shm:omnigod");
    return l;
}

QJsonObject object(const QByteArray &bytes)
{
    QJsonParseError e{};
    const auto doc = QJsonDocument::fromJson(bytes, &e);
    EXPECT_EQ(e.error, QJsonParseError::NoError) << bytes.toStdString();
    return doc.object();
}

} // namespace

TEST(StateJson, StateMessageCarriesRawFieldsUnderTheirCNamesAndLabels)
{
    const auto o = object(json::stateMessage(sample(), live(), {50.0, 3}));
    EXPECT_EQ(o[QLatin1String("type")].toString(), QStringLiteral("state"));
    EXPECT_EQ(o[QLatin1String("seq")].toInteger(), 99);
    EXPECT_EQ(o[QLatin1String("direction")].toInt(), 0);
    EXPECT_EQ(o[QLatin1String("motor_power")].toArray(), (QJsonArray{55, -55, 0}));
    EXPECT_EQ(o[QLatin1String("obstacle_mode")].toInt(), 1);
    EXPECT_EQ(o[QLatin1String("go_left")].toInt(), 1);
    EXPECT_EQ(o[QLatin1String("sensors")].toArray(), (QJsonArray{0, 1, 1, 0, 0}));
    const auto labels = o[QLatin1String("labels")].toObject();
    EXPECT_EQ(labels[QLatin1String("direction")].toString(), QStringLiteral("forward"));
    EXPECT_EQ(labels[QLatin1String("bot_mode")].toString(), QStringLiteral("line following"));
    EXPECT_EQ(labels[QLatin1String("obstacle_mode")].toString(), QStringLiteral("obstacle avoidance"));
    EXPECT_EQ(labels[QLatin1String("sensor_mode")].toString(), QStringLiteral("5 sensor weighted"));
    EXPECT_EQ(labels[QLatin1String("action")].toString(), QStringLiteral("steering left"));
    EXPECT_EQ(o[QLatin1String("link")].toString(), QStringLiteral("live"));
    EXPECT_EQ(o[QLatin1String("layout")].toString(), QStringLiteral("omni-v1"));
    EXPECT_DOUBLE_EQ(o[QLatin1String("t_publish_ms")].toDouble(), 1'700'000'000'123.0);
    EXPECT_DOUBLE_EQ(o[QLatin1String("rate_hz")].toDouble(), 50.0);
}

TEST(StateJson, UnknownCodesReadUnknownWithTheNumber)
{
    auto s = sample();
    s.botMode = 9;
    s.sensorMode = -3;
    s.obstacleMode = 4;
    s.direction = 17;
    const auto labels = object(json::stateMessage(s, live()))[QLatin1String("labels")].toObject();
    EXPECT_EQ(labels[QLatin1String("bot_mode")].toString(), QStringLiteral("unknown (9)"));
    EXPECT_EQ(labels[QLatin1String("sensor_mode")].toString(), QStringLiteral("unknown (-3)"));
    EXPECT_EQ(labels[QLatin1String("obstacle_mode")].toString(), QStringLiteral("unknown (4)"));
    EXPECT_EQ(labels[QLatin1String("direction")].toString(), QStringLiteral("stopped"));
}

TEST(StateJson, LegacyStateHasNullObstacleModeAndFourSensors)
{
    auto s = sample();
    s.obstacleMode.reset();
    s.sensorCount = 4;
    s.layout = Layout::Legacy56;
    const auto o = object(json::stateMessage(s, live()));
    EXPECT_TRUE(o[QLatin1String("obstacle_mode")].isNull());
    EXPECT_TRUE(o[QLatin1String("labels")].toObject()[QLatin1String("obstacle_mode")].isNull());
    EXPECT_EQ(o[QLatin1String("sensors")].toArray().size(), 4);
}

TEST(StateJson, StateRoundTripsThroughParse)
{
    const auto bytes = json::stateMessage(sample(), live(), {49.5, 12});
    const auto m = json::parse(bytes);
    ASSERT_TRUE(m.has_value()) << m.errorString().toStdString();
    EXPECT_EQ(m->type, json::Message::Type::State);
    EXPECT_TRUE(m->state.samePayload(sample()));
    EXPECT_EQ(m->state.seq, 99u);
    EXPECT_EQ(m->state.layout, Layout::Remote);
    EXPECT_EQ(m->link.status, LinkStatus::Live);
    EXPECT_EQ(m->extras.ageMs, 12);
    EXPECT_NEAR(m->extras.rateHz, 49.5, 0.05);
}

TEST(StateJson, LinkMessageNamesTheReason)
{
    LinkInfo l;
    l.status = LinkStatus::Incompatible;
    l.reason = Incompatibility::AbiNewer;
    l.detail = QStringLiteral("segment ABI 2, this build reads ABI 1");
    const auto o = object(json::linkMessage(l));
    EXPECT_EQ(o[QLatin1String("type")].toString(), QStringLiteral("link"));
    EXPECT_EQ(o[QLatin1String("link")].toString(), QStringLiteral("incompatible"));
    EXPECT_EQ(o[QLatin1String("reason")].toString(), QStringLiteral("abi_newer"));
    EXPECT_EQ(o[QLatin1String("detail")].toString(), l.detail);
    const auto parsed = json::parse(json::linkMessage(l));
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->link, l);
}

TEST(StateJson, LinkCarriesTheAbiVersionsAsNumbers)
{
    LinkInfo l;
    l.status = LinkStatus::Incompatible;
    l.reason = Incompatibility::AbiOlder;
    l.detail = QStringLiteral("prose that says nothing parseable");
    l.segmentAbi = 3;
    l.readerAbi = 4;
    const auto o = object(json::linkMessage(l));
    EXPECT_EQ(o[QLatin1String("segment_abi")].toInteger(), 3);
    EXPECT_EQ(o[QLatin1String("reader_abi")].toInteger(), 4);
    const auto parsed = json::parse(json::linkMessage(l));
    ASSERT_TRUE(parsed);
    EXPECT_EQ(parsed->link, l);
    const auto state = json::parse(json::stateMessage(sample(), l));
    ASSERT_TRUE(state);
    EXPECT_EQ(state->link, l) << "a state carries the link's numbers too";

    const auto old = json::parse(R"({"type":"link","link":"incompatible","reason":"abi_newer"})");
    ASSERT_TRUE(old) << "an older server sends no numbers";
    EXPECT_EQ(old->link.segmentAbi, 0u);
    EXPECT_EQ(old->link.readerAbi, 0u);
    const auto largest = json::parse(R"({"type":"link","link":"incompatible","segment_abi":4294967295})");
    ASSERT_TRUE(largest);
    EXPECT_EQ(largest->link.segmentAbi, 4294967295u);
    for (const char *bad : {R"({"type":"link","link":"waiting","segment_abi":"2"})",
                            R"({"type":"link","link":"waiting","segment_abi":-1})",
                            R"({"type":"link","link":"waiting","reader_abi":1.5})",
                            R"({"type":"link","link":"waiting","reader_abi":4294967296})"}) {
        const auto refused = json::parse(bad);
        ASSERT_FALSE(refused) << bad;
        EXPECT_EQ(refused.error(), json::ProtocolError::BadField) << bad;
        EXPECT_TRUE(refused.errorString().contains(QLatin1String("_abi"))) << refused.errorString().toStdString();
    }
}

TEST(StateJson, ParseTakesMessagesUpToTheExportedLimit)
{
    QByteArray fits = json::soundMessage(true);
    fits.append(QByteArray(json::kMaxMessageBytes - fits.size(), ' '));
    ASSERT_EQ(fits.size(), json::kMaxMessageBytes);
    EXPECT_TRUE(json::parse(fits));
    const auto tooLarge = json::parse(fits + ' ');
    ASSERT_FALSE(tooLarge) << "one byte more";
    EXPECT_EQ(tooLarge.error(), json::ProtocolError::TooLarge);
    EXPECT_TRUE(tooLarge.errorString().contains(QStringLiteral("larger"))) << tooLarge.errorString().toStdString();
}

TEST(StateJson, HelloAndSoundRoundTrip)
{
    const auto hello = json::parse(json::helloMessage(QStringLiteral("omniscient 1.2.3"), false));
    ASSERT_TRUE(hello);
    EXPECT_EQ(hello->type, json::Message::Type::Hello);
    EXPECT_EQ(hello->serverVersion, QStringLiteral("omniscient 1.2.3"));
    EXPECT_EQ(hello->schema, json::kSchemaVersion);
    EXPECT_FALSE(hello->soundEnabled);
    const auto sound = json::parse(json::soundMessage(true));
    ASSERT_TRUE(sound);
    EXPECT_TRUE(sound->soundEnabled);
    EXPECT_TRUE(sound->soundOutput.isEmpty());
}

TEST(StateJson, WhereTheRobotClucksAndWhatItPlaysRoundTrip)
{
    EXPECT_EQ(json::soundMessage(false, QStringLiteral("none")), R"({"type":"sound","enabled":false,"output":"none"})");
    EXPECT_EQ(json::soundState(true, QStringLiteral("Speaker \"A\"")), R"({"enabled":true,"output":"Speaker \"A\""})");
    const auto sound = json::parse(json::soundMessage(true, QStringLiteral("Built-in Audio")));
    ASSERT_TRUE(sound);
    EXPECT_EQ(sound->soundOutput, QStringLiteral("Built-in Audio"));
    const auto hello = json::parse(json::helloMessage(QStringLiteral("omniscient 1"), true, QStringLiteral("off")));
    ASSERT_TRUE(hello);
    EXPECT_EQ(hello->soundOutput, QStringLiteral("off"));
    EXPECT_FALSE(json::helloMessage(QStringLiteral("omniscient 1"), true).contains("sound_output"));

    EXPECT_EQ(json::cueMessage(QStringLiteral("cluck"), QStringLiteral("sounds/cluck-2.ogg")),
              R"({"type":"cue","cue":"cluck","sample":"sounds/cluck-2.ogg"})");
    const auto cue = json::parse(json::cueMessage(QStringLiteral("link_lost"), QStringLiteral("sounds/linklost.wav")));
    ASSERT_TRUE(cue);
    EXPECT_EQ(cue->type, json::Message::Type::Cue);
    EXPECT_EQ(cue->cue, QStringLiteral("link_lost"));
    EXPECT_EQ(cue->sample, QStringLiteral("sounds/linklost.wav"));
    EXPECT_FALSE(json::parseSoundCommand(json::cueMessage(QStringLiteral("cluck"), QStringLiteral("x"))))
        << "a cue is not a command";
}

TEST(StateJson, ParseRejectsMalformedInputWithAReason)
{
    const QByteArray bad[] = {
        "",
        "not json",
        "[1,2]",
        "{\"type\":\"nope\"}",
        "{\"type\":\"sound\",\"enabled\":\"yes\"}",
        R"({"type":"state","seq":1,"direction":"x","motor_power":[1,2,3],"bot_mode":0,"obstacle":0,"go_left":0,"go_right":0,"sensor_mode":0,"sensors":[],"link":"live"})",
        R"({"type":"state","seq":1,"direction":0,"motor_power":[1,2],"bot_mode":0,"obstacle":0,"go_left":0,"go_right":0,"sensor_mode":0,"sensors":[],"link":"live"})",
        R"({"type":"state","seq":1,"direction":1e20,"motor_power":[1,2,3],"bot_mode":0,"obstacle":0,"go_left":0,"go_right":0,"sensor_mode":0,"sensors":[],"link":"live"})",
        R"({"type":"state","seq":1,"direction":0,"motor_power":[1,2,3],"bot_mode":0,"obstacle":0,"go_left":0,"go_right":0,"sensor_mode":0,"sensors":[1,1,1,1,1,1],"link":"live"})",
        R"({"type":"state","seq":1,"direction":0,"motor_power":[1,2,3],"bot_mode":0,"obstacle":0,"go_left":0,"go_right":0,"sensor_mode":0,"sensors":[],"link":"dead"})",
    };
    for (const auto &b : bad) {
        const auto refused = json::parse(b);
        EXPECT_FALSE(refused.has_value()) << b.toStdString();
        EXPECT_FALSE(refused.errorString().isEmpty()) << b.toStdString();
    }
    const auto huge = json::parse(QByteArray(1 << 20, ' '));
    ASSERT_FALSE(huge);
    EXPECT_EQ(huge.error(), json::ProtocolError::TooLarge);
    EXPECT_TRUE(huge.errorString().contains(QStringLiteral("larger"))) << huge.errorString().toStdString();
}

// Found by tests/fuzz (fuzz_statejson): "seq":1e300 was converted to quint64, undefined behaviour.
TEST(StateJson, ParseRefusesNumbersOutsideTheIntegerRangesInsteadOfConvertingThem)
{
    const QByteArray state = R"({"type":"state","seq":SEQ,"direction":0,"motor_power":[1,2,3],"bot_mode":0,)"
                             R"("obstacle":0,"go_left":0,"go_right":0,"sensor_mode":0,"sensors":[],"link":"live",)"
                             R"("t_publish_ms":PUB,"age_ms":AGE})";
    auto with = [&](const char *seq, const char *pub, const char *age) {
        return QByteArray(state).replace("SEQ", seq).replace("PUB", pub).replace("AGE", age);
    };
    const QByteArray bad[] = {
        with("1e300", "0", "0"),   with("18446744073709551616", "0", "0"),
        with("1", "9.9e307", "0"), with("1", "-1e300", "0"),
        with("1", "0", "-1e30"),   with("1", "0", "1e19"),
    };
    for (const auto &b : bad) {
        const auto refused = json::parse(b);
        EXPECT_FALSE(refused.has_value()) << b.toStdString();
        EXPECT_FALSE(refused.errorString().isEmpty()) << b.toStdString();
    }
    const auto largest = json::parse(with("18446744073709549568", "1795673704798.129", "3999999999999"));
    ASSERT_TRUE(largest.has_value());
    EXPECT_EQ(largest->state.seq, 18446744073709549568ULL);
    EXPECT_EQ(largest->extras.ageMs, 3999999999999);
    EXPECT_EQ(largest->state.publishUnixNs / 1000000, 1795673704798);
}

namespace {

/// How QJsonDocument quotes `s`: the reference the hand-written escaper must match byte for byte.
QByteArray qtQuoted(const QString &s)
{
    const QByteArray array = QJsonDocument(QJsonArray{s}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2);
}

bool isValidUtf8(const QByteArray &bytes)
{
    QStringDecoder strict(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    [[maybe_unused]] const QString text = strict.decode(bytes);
    return !strict.hasError();
}

} // namespace

TEST(StateJson, StringsAreEscapedByteForByteLikeQJsonDocument)
{
    const QString cases[] = {
        QString(),
        QStringLiteral("plain words"),
        QStringLiteral(R"(say "hi")"),
        QStringLiteral(R"(C:\robot\omni)"),
        QStringLiteral("two\nlines\r\n\ttabbed\b\f"),
        QString(QChar(0x00)) + QChar(0x01) + QChar(0x1f) + QChar(0x7f) + QChar(0x20),
        QStringLiteral("h\u00e9t\u00e9 \u00fc\u00df \u4e2d\u6587 \u2028\u2029 \uffff"),
        QStringLiteral("\U0001F414 chicken \U0001F423"),
        QStringLiteral("</script><!-- &amp; '"),
    };
    for (const QString &s : cases) {
        EXPECT_EQ(json::quoted(s), qtQuoted(s)) << s.toStdString();
    }
    // Random strings over the interesting code units: ASCII, controls, 2- and 3-byte UTF-8, valid pairs.
    std::mt19937 rng(20240607);
    const char16_t alphabet[] = {u'a', u'"', u'\\', u'/',  0x00,  0x09,   0x0a,   0x1b,  0x1f,
                                 0x7f, 0x80, 0xe9,  0x7ff, 0x800, 0xfeff, 0xfffd, 0xffff};
    for (int round = 0; round < 500; ++round) {
        QString s;
        const int length = static_cast<int>(rng() % 40);
        for (int i = 0; i < length; ++i) {
            if (rng() % 8 == 0) {
                s += QChar(char16_t(0xd800 + rng() % 0x400)); // a valid surrogate pair
                s += QChar(char16_t(0xdc00 + rng() % 0x400));
            } else {
                s += QChar(alphabet[rng() % std::size(alphabet)]);
            }
        }
        ASSERT_EQ(json::quoted(s), qtQuoted(s)) << "round " << round;
    }
}

TEST(StateJson, QuotesBackslashesAndControlCharactersAreEscapedAndTheRestIsUtf8)
{
    EXPECT_EQ(json::quoted(QStringLiteral(R"(a"b)")), R"("a\"b")");
    EXPECT_EQ(json::quoted(QStringLiteral(R"(a\b)")), R"("a\\b")");
    EXPECT_EQ(json::quoted(QStringLiteral("a\nb")), R"("a\nb")");
    EXPECT_EQ(json::quoted(QString(QChar(0x01)) + QChar(0x1f)), R"("\u0001\u001f")");
    EXPECT_EQ(json::quoted(QStringLiteral("\u00e9")), "\"\xc3\xa9\"");
    EXPECT_EQ(json::quoted(QStringLiteral("\u20ac")), "\"\xe2\x82\xac\"");
    EXPECT_EQ(json::quoted(QStringLiteral("\U0001F414")), "\"\xf0\x9f\x90\x94\"");
    // Longer than the escaper's chunk, all escapes: nothing lost at the chunk borders.
    const QString many = QString(300, QChar(0x02)) + QString(300, QLatin1Char('"'));
    const QByteArray quoted = json::quoted(many);
    EXPECT_EQ(quoted, qtQuoted(many));
    EXPECT_EQ(quoted.size(), 2 + 300 * 6 + 300 * 2);
}

TEST(StateJson, LoneSurrogatesBecomeReplacementCharactersSoTheOutputIsValidUtf8)
{
    const QChar high(char16_t(0xd83d));
    const QChar low(char16_t(0xdc14));
    const QString cases[] = {QString(high), QString(low), QStringLiteral("a") + high + QStringLiteral("b"),
                             QString(low) + high, QString(high) + high + low};
    const QString expected[] = {QStringLiteral("\ufffd"), QStringLiteral("\ufffd"), QStringLiteral("a\ufffdb"),
                                QStringLiteral("\ufffd\ufffd"), QStringLiteral("\ufffd\U0001F414")};
    for (std::size_t i = 0; i < std::size(cases); ++i) {
        LinkInfo l;
        l.detail = cases[i];
        const QByteArray bytes = json::linkMessage(l);
        EXPECT_TRUE(isValidUtf8(bytes)) << i;
        const auto parsed = json::parse(bytes);
        ASSERT_TRUE(parsed) << i;
        EXPECT_EQ(parsed->link.detail, expected[i]) << i;
    }
}

TEST(StateJson, EveryStringFieldRoundTripsThroughTheEscaper)
{
    LinkInfo l = live();
    l.detail = QStringLiteral("segment \"omni\\god\"\nis\t\u00e9\U0001F414") + QChar(0x07);
    l.source = QStringLiteral("ws://pi:3001/ws?x=\"1\"");
    const auto state = json::parse(json::stateMessage(sample(), l));
    ASSERT_TRUE(state);
    EXPECT_EQ(state->link, l);
    const auto hello = json::parse(json::helloMessage(QStringLiteral("omni \"quoted\"\\ \u00fc"), true));
    ASSERT_TRUE(hello);
    EXPECT_EQ(hello->serverVersion, QStringLiteral("omni \"quoted\"\\ \u00fc"));
}

TEST(StateJson, LabelsOfEveryCodeMatchTheLabelFunctions)
{
    for (qint32 code = -3; code <= 10; ++code) {
        RobotState s = sample();
        s.direction = code;
        s.botMode = code;
        s.obstacle = code;
        s.obstacleMode = code;
        s.sensorMode = code;
        s.goLeft = code & 1;
        s.goRight = code & 2;
        const auto labels = object(json::stateMessage(s, live()))[QLatin1String("labels")].toObject();
        EXPECT_EQ(labels[QLatin1String("direction")].toString(), labels::direction(code));
        EXPECT_EQ(labels[QLatin1String("bot_mode")].toString(), labels::botMode(code));
        EXPECT_EQ(labels[QLatin1String("obstacle")].toString(), labels::obstacle(code));
        EXPECT_EQ(labels[QLatin1String("obstacle_mode")].toString(), labels::obstacleMode(code));
        EXPECT_EQ(labels[QLatin1String("sensor_mode")].toString(), labels::sensorMode(code));
        EXPECT_EQ(labels[QLatin1String("action")].toString(), labels::action(s)) << code;
    }
    for (auto status : {LinkStatus::Waiting, LinkStatus::Live, LinkStatus::Stale, LinkStatus::Incompatible}) {
        for (auto layout : {Layout::None, Layout::Current, Layout::Legacy56, Layout::Legacy64, Layout::Remote}) {
            for (auto reason : {Incompatibility::None, Incompatibility::BadMagic, Incompatibility::TooSmall,
                                Incompatibility::Unreadable}) {
                LinkInfo l;
                l.status = status;
                l.layout = layout;
                l.reason = reason;
                const auto parsed = json::parse(json::linkMessage(l));
                ASSERT_TRUE(parsed);
                EXPECT_EQ(parsed->link, l);
            }
        }
    }
}

TEST(StateJson, WithAgeReplacesOnlyTheAgeField)
{
    LinkInfo l = live();
    l.detail = QStringLiteral(R"(a trap: ,"age_ms":77, inside a string)");
    const QByteArray message = json::stateMessage(sample(), l, {50.0, 3});
    for (const qint64 age : {qint64{0}, qint64{-1}, qint64{123456789}}) {
        const QByteArray aged = json::withAge(message, age);
        const auto o = object(aged);
        EXPECT_EQ(o[QLatin1String("age_ms")].toInteger(), age);
        EXPECT_EQ(o[QLatin1String("detail")].toString(), l.detail);
        EXPECT_EQ(json::withAge(aged, 3), message) << "everything else stays as it was";
    }
    EXPECT_EQ(json::withAge(json::soundMessage(true), 5), json::soundMessage(true));
}

TEST(StateJson, OneParserTakesTheSoundCommandOfBothTheWebSocketAndThePostBody)
{
    EXPECT_EQ(json::parseSoundCommand(json::soundState(false)).value(), false);
    EXPECT_EQ(json::parseSoundCommand(json::soundState(true)).value(), true);
    EXPECT_EQ(json::parseSoundCommand(json::soundMessage(false)).value(), false);
    EXPECT_EQ(json::parseSoundCommand(R"( {"enabled": true, "extra": 1} )").value(), true);
    EXPECT_EQ(json::soundState(false), R"({"enabled":false})");
    const QByteArray bad[] = {
        "",
        "enabled=false",
        "[]",
        "null",
        R"({"enabled":"no"})",
        R"({"enabled":0})",
        R"({})",
        R"({"type":"state","enabled":true})",
        R"({"type":1,"enabled":true})",
        QByteArray(R"({"enabled":true,"pad":")") + QByteArray(json::kMaxMessageBytes, 'x') + "\"}",
    };
    for (const QByteArray &b : bad) {
        const auto refused = json::parseSoundCommand(b);
        EXPECT_FALSE(refused.has_value()) << b.left(60).toStdString();
        EXPECT_FALSE(refused.errorString().isEmpty()) << b.left(60).toStdString();
    }
}

TEST(StateJson, StateMessageBytesAreExactlyThoseOfTheQJsonDocumentBasedWriter)
{
    // Made by the earlier writer (QJsonDocument per string, QByteArray::number per number), plus the ABI fields.
    LinkInfo l = live();
    l.detail = QStringLiteral("say \"hi\"\n\u00e9");
    const QByteArray expected =
        R"({"type":"state","schema":1,"seq":99,"direction":0,"motor_power":[55,-55,0],"bot_mode":0,"obstacle":0,)"
        R"("obstacle_mode":1,"go_left":1,"go_right":0,"sensor_mode":1,"sensors":[0,1,1,0,0],"labels":)"
        R"({"direction":"forward","bot_mode":"line following","obstacle":"none","obstacle_mode":"obstacle avoidance",)"
        R"("sensor_mode":"5 sensor weighted","action":"steering left"},"t_publish_ms":1700000000123.000,"age_ms":-1,)"
        R"("rate_hz":49.5,"writer_pid":1234,"link":"live","reason":null,"detail":"say \"hi\"\n)"
        "\xc3\xa9"
        R"(","layout":"omni-v1","source":"shm:omnigod","segment_abi":0,"reader_abi":0})";
    EXPECT_EQ(json::stateMessage(sample(), l, {49.5, -1}), expected);
}

TEST(StateJson, ARefusalNamesWhatIsWrongAsACodeAndInWords)
{
    struct Case {
        QByteArray bytes;
        json::ProtocolError code;
        const char *words;
    };
    const Case cases[] = {
        {"not json", json::ProtocolError::NotJson, "not JSON"},
        {"[1,2]", json::ProtocolError::NotAnObject, "not a JSON object"},
        {R"({"type":"nope"})", json::ProtocolError::UnknownType, "unknown message type \"nope\""},
        {R"({"type":"sound","enabled":"yes"})", json::ProtocolError::BadField, "\"enabled\" must be true or false"},
    };
    for (const Case &c : cases) {
        const auto refused = json::parse(c.bytes);
        ASSERT_FALSE(refused) << c.bytes.toStdString();
        EXPECT_EQ(refused.error(), c.code) << c.bytes.toStdString();
        EXPECT_TRUE(refused.errorString().contains(QLatin1String(c.words))) << refused.errorString().toStdString();
    }
    const auto notSound = json::parseSoundCommand(R"({"type":"state"})");
    ASSERT_FALSE(notSound);
    EXPECT_EQ(notSound.error(), json::ProtocolError::UnknownType);
}

TEST(EventJson, EveryKindRoundTripsWithTheFieldsOfItsKind)
{
    for (int k = 0; k <= static_cast<int>(EventKind::WheelSaturationEnded); ++k) {
        Event e;
        e.kind = static_cast<EventKind>(k);
        e.wallNs = 1'764'140'000'123'456'000;
        e.monotonicNs = 42'500'000;
        if (isLinkEvent(e.kind)) {
            e.link.status = LinkStatus::Stale;
            e.link.source = QStringLiteral("shm:omnigod");
            e.previous = LinkStatus::Live;
        } else if (e.kind != EventKind::SoundOn && e.kind != EventKind::SoundOff) {
            e.seq = 5123;
        }
        if (e.kind == EventKind::ObstacleDetected) {
            e.to = 1;
        } else if (isModeEvent(e.kind)) {
            e.from = 0;
            e.to = std::nullopt;
        } else if (isWheelEvent(e.kind)) {
            e.wheel = 2;
            e.power = -100;
            e.durationMs = 1250;
        }
        const QByteArray bytes = json::eventMessage(e);
        SCOPED_TRACE(bytes.toStdString());
        const QJsonObject o = QJsonDocument::fromJson(bytes).object();
        EXPECT_EQ(o.value(QLatin1String("type")).toString(), QStringLiteral("event"));
        EXPECT_EQ(o.value(QLatin1String("kind")).toString(), names::eventKind(e.kind));
        EXPECT_FALSE(names::eventKind(e.kind).isEmpty());
        EXPECT_EQ(o.contains(QLatin1String("link")), isLinkEvent(e.kind));
        EXPECT_EQ(o.contains(QLatin1String("wheel_name")), isWheelEvent(e.kind));
        const auto m = json::parse(bytes);
        ASSERT_TRUE(m) << m.errorString().toStdString();
        ASSERT_EQ(m->type, json::Message::Type::Event);
        EXPECT_EQ(m->event, e);
    }
}

TEST(EventJson, ParseRefusesUnknownKindsAndBadWheels)
{
    const auto unknown = json::parse(R"({"type":"event","kind":"exploded","t_ms":1,"mono_ms":1})");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error(), json::ProtocolError::BadField);
    const auto wheel = json::parse(
        R"({"type":"event","kind":"wheel_saturated","t_ms":1,"mono_ms":1,"seq":1,"wheel":3,"power":100,"duration_ms":1000})");
    ASSERT_FALSE(wheel);
    EXPECT_EQ(wheel.error(), json::ProtocolError::BadField);
    const auto time = json::parse(R"({"type":"event","kind":"sound_on","t_ms":"now","mono_ms":1})");
    ASSERT_FALSE(time);
    EXPECT_EQ(time.error(), json::ProtocolError::BadField);
}
