#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes the committed seed corpora under tests/fuzz/corpus/<target>/ (run it again after a protocol change).

Seeds are small, valid or nearly valid inputs that put each fuzzer near the interesting branches at once:
every segment classification, every JSON message type, the HTTP requests the server answers.
"""
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
MAGIC = 0x494E4D4F
ABI = 1


def write(target, name, data):
    d = os.path.join(HERE, "corpus", target)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, name), "wb") as f:
        f.write(data.encode() if isinstance(data, str) else data)


def segment(magic=MAGIC, abi=ABI, header_size=64, payload_size=60, seq=42, state=None, size=128):
    header = struct.pack("<IIIIiIQQQQQ", magic, abi, header_size, payload_size, 1234, 0, 1_700_000_000_000_000_000,
                         seq, 5_000_000_000, 0, 0)
    state = state or [0, 40, -40, 0, 0, 0, 1, 0, 0, 1, 0, 1, 1, 0, 0]
    body = header + struct.pack("<15i", *state) + b"\0" * 4
    return body[:size] if size <= len(body) else body + b"\0" * (size - len(body))


def segments():
    write("segment", "current_live", segment())
    write("segment", "current_mid_publish", segment(seq=43))
    write("segment", "current_initialising", segment(magic=0))
    write("segment", "current_never_published", segment(seq=0))
    write("segment", "abi_newer", segment(abi=2))
    write("segment", "abi_older", segment(abi=0))
    write("segment", "header_size_wrong", segment(header_size=72))
    write("segment", "payload_size_wrong", segment(payload_size=56))
    write("segment", "truncated_to_payload_end", segment(size=124))
    write("segment", "truncated_in_payload", segment(size=100))
    write("segment", "truncated_to_header", segment(size=64))
    write("segment", "truncated_in_header", segment(size=40))
    write("segment", "bigger_than_needed", segment(size=4096))
    write("segment", "legacy_56", struct.pack("<14i", 7, 0, 30, -30, 0, 0, 0, 1, 0, 0, 1, 1, 0, 0))
    write("segment", "legacy_size_with_magic", segment(size=56))
    write("segment", "legacy_64", struct.pack("<16i", 9, 0, 30, -30, 0, 0, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1))
    write("segment", "garbage", bytes(((i * 131) ^ 0x5A) & 0xFF for i in range(4096)))
    write("segment", "one_byte", b"\x4f")
    write("segment", "empty", b"")


STATE = ('{"type":"state","schema":1,"seq":2,"direction":0,"motor_power":[9,-9,0],"bot_mode":0,"obstacle":0,'
         '"obstacle_mode":1,"go_left":0,"go_right":0,"sensor_mode":2,"sensors":[0,0,1,0,0],"labels":{"direction":'
         '"forward","bot_mode":"line following","obstacle":"none","obstacle_mode":"obstacle avoidance","sensor_mode":'
         '"2 sensor simple","action":"driving forward"},"t_publish_ms":1795673704798.129,"age_ms":0,"rate_hz":50.0,'
         '"writer_pid":14952,"link":"live","reason":null,"detail":"","layout":"omni-v1","source":"shm:omnigod"}')
LEGACY_STATE = ('{"type":"state","schema":1,"seq":7,"direction":3,"motor_power":[100,100,100],"bot_mode":2,'
                '"obstacle":1,"obstacle_mode":null,"go_left":1,"go_right":0,"sensor_mode":0,"sensors":[1,0,0,1],'
                '"t_publish_ms":0,"age_ms":-1,"rate_hz":0,"writer_pid":0,"link":"stale","reason":null,'
                '"detail":"no new state","layout":"legacy-56","source":"shm:omnigod"}')
LINK = ('{"type":"link","link":"incompatible","reason":"abi_newer","detail":"segment ABI 2, this build reads ABI 1",'
        '"layout":"none","source":"shm:omnigod"}')
HELLO = '{"type":"hello","server":"omniscient 0.1.0","schema":1,"sound":true}'
SOUND = '{"type":"sound","enabled":false}'


def messages(target):
    write(target, "state", STATE)
    write(target, "state_legacy", LEGACY_STATE)
    write(target, "state_huge_numbers", STATE.replace('"seq":2', '"seq":1e300').replace('"age_ms":0', '"age_ms":-1e30')
          .replace('"t_publish_ms":1795673704798.129', '"t_publish_ms":9.9e307'))
    write(target, "link", LINK)
    write(target, "hello", HELLO)
    write(target, "hello_other_schema", HELLO.replace('"schema":1', '"schema":2'))
    write(target, "sound", SOUND)
    write(target, "not_an_object", "[1,2,3]")
    write(target, "truncated", STATE[:100])
    write(target, "unknown_type", '{"type":"cluck","volume":11}')
    write(target, "nested", "[" * 64 + "]" * 64)


def http():
    write("httprequest", "get_root", "GET / HTTP/1.1\r\nHost: pi:3001\r\n\r\n")
    write("httprequest", "get_api_state_token", "GET /api/state?token=s%20cret&x=1 HTTP/1.1\r\nHost: pi\r\n"
          "Authorization: Bearer abc\r\nIf-None-Match: W/\"1\", \"2\"\r\n\r\n")
    write("httprequest", "ws_upgrade", "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:3001\r\nUpgrade: websocket\r\n"
          "Connection: keep-alive, Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
          "Sec-WebSocket-Version: 13\r\nOrigin: http://127.0.0.1:3001\r\n\r\n")
    write("httprequest", "post_sound", "POST /api/sound HTTP/1.1\r\nHost: pi\r\nContent-Length: 17\r\n"
          "Content-Type: application/json\r\n\r\n{\"enabled\":false}")
    write("httprequest", "http10_no_host", "HEAD /index.html HTTP/1.0\r\n\r\n")
    write("httprequest", "traversal_encoded", "GET /%2e%2e/%2E%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n")
    write("httprequest", "traversal_plain", "GET /icons/../../secret HTTP/1.1\r\nHost: x\r\n\r\n")
    write("httprequest", "backslash", "GET /..\\..\\x HTTP/1.1\r\nHost: x\r\n\r\n")
    write("httprequest", "bare_lf", "GET / HTTP/1.1\nHost: x\n\n")
    write("httprequest", "folded_header", "GET / HTTP/1.1\r\nHost: x\r\n  folded\r\n\r\n")
    write("httprequest", "transfer_encoding", "POST /api/sound HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n")
    write("httprequest", "http2", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n")
    write("httprequest", "incomplete", "GET /api/st")
    write("httprequest", "tls_hello", b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03")


def frame(opcode, payload, fin=True, masked=True, length=None):
    """A WebSocket frame as a client sends it (masked with key 0 unless masked=False)."""
    n = len(payload) if length is None else length
    head = bytes([(0x80 if fin else 0) | opcode])
    m = 0x80 if masked else 0
    if n < 126:
        head += bytes([m | n])
    elif n <= 0xFFFF:
        head += bytes([m | 126]) + n.to_bytes(2, "big")
    else:
        head += bytes([m | 127]) + n.to_bytes(8, "big")
    return head + (b"\0\0\0\0" if masked else b"") + payload


def server_ws():
    # First byte even: the rest is one text message. Odd: raw bytes after the handshake.
    for name, text in [("cmd_sound_off", SOUND), ("cmd_sound_on", SOUND.replace("false", "true")),
                       ("cmd_state", STATE), ("cmd_hello", HELLO), ("cmd_not_json", "cluck"), ("cmd_empty", "")]:
        write("server_ws", name, b"\0" + text.encode())
    raw = {
        "raw_text_sound": frame(1, SOUND.encode()),
        "raw_binary": frame(2, b"\x00\x01\x02"),
        "raw_ping": frame(9, b"hi"),
        "raw_pong": frame(10, b""),
        "raw_close_1000": frame(8, b"\x03\xe8bye"),
        "raw_close_bad_code": frame(8, b"\x00\x05"),
        "raw_fragmented_text": frame(1, b'{"type":"so', fin=False) + frame(0, b'und","enabled":true}'),
        "raw_continuation_first": frame(0, b"x"),
        "raw_unmasked": frame(1, b"{}", masked=False),
        "raw_reserved_opcode": frame(3, b"x"),
        "raw_rsv_bits": bytes([0xF1]) + frame(1, b"x")[1:],
        "raw_bad_utf8": frame(1, b"\xc3\x28\xff"),
        "raw_length_lies": frame(1, b"abc", length=1 << 40),
        "raw_16bit_length": frame(1, b"a" * 300),
        "raw_big_ping": frame(9, b"p" * 200),
        "raw_two_messages": frame(1, SOUND.encode()) + frame(1, b"[]"),
    }
    for name, data in raw.items():
        write("server_ws", name, b"\x01" + data)


def remote_stream():
    # Messages separated by 0x1E; one starting with 0x02 goes as binary. The harness sent a valid hello first.
    rs = "\x1e"
    write("remote_stream", "state", STATE)
    write("remote_stream", "link_then_state", LINK + rs + STATE)
    write("remote_stream", "legacy_state", LEGACY_STATE)
    write("remote_stream", "sound", SOUND)
    write("remote_stream", "hello_other_schema", HELLO.replace('"schema":1', '"schema":2') + rs + STATE)
    write("remote_stream", "hello_again", HELLO + rs + STATE)
    write("remote_stream", "binary", "\x02" + STATE)
    write("remote_stream", "garbage", "\x00\xff{[" + rs + "null" + rs + "1e999")
    write("remote_stream", "huge_numbers", STATE.replace('"seq":2', '"seq":1e300'))
    write("remote_stream", "old_publish_time", STATE.replace("1795673704798.129", "1.5"))
    write("remote_stream", "far_future_age", STATE.replace('"age_ms":0', '"age_ms":3999999999999')
          .replace("1795673704798.129", "3999999999999"))


def foxglove():
    """Foxglove client messages; 0xFF separates the messages of one connection, a leading NUL marks a binary frame."""
    sep = b"\xff"
    sub = '{"op":"subscribe","subscriptions":[{"id":1,"channelId":1},{"id":2,"channelId":3}]}'
    write("foxglove", "subscribe", sub)
    write("foxglove", "subscribe_then_unsubscribe",
          sub.encode() + sep + b'{"op":"unsubscribe","subscriptionIds":[1,2,7]}')
    write("foxglove", "subscribe_unknown_channel", '{"op":"subscribe","subscriptions":[{"id":5,"channelId":99}]}')
    write("foxglove", "subscribe_duplicate_id",
          '{"op":"subscribe","subscriptions":[{"id":1,"channelId":1},{"id":1,"channelId":2}]}')
    write("foxglove", "subscribe_too_many", '{"op":"subscribe","subscriptions":[' +
          ",".join('{"id":%d,"channelId":%d}' % (i, 1 + i % 3) for i in range(12)) + "]}")
    write("foxglove", "subscribe_negative_id", '{"op":"subscribe","subscriptions":[{"id":-1,"channelId":4294967297}]}')
    write("foxglove", "get_parameters_all", '{"op":"getParameters","parameterNames":[],"id":"r1"}')
    write("foxglove", "get_parameters_named",
          '{"op":"getParameters","parameterNames":["omniscient.version","nope"],"id":"r2"}')
    write("foxglove", "set_sound", '{"op":"setParameters","parameters":[{"name":"omniscient.sound.enabled",'
          '"value":true}],"id":"w1"}')
    write("foxglove", "set_read_only", '{"op":"setParameters","parameters":[{"name":"omniscient.version",'
          '"value":"9"},{"name":"omniscient.sound.enabled","value":"yes"}]}')
    write("foxglove", "watch_parameters",
          b'{"op":"subscribeParameterUpdates","parameterNames":["omniscient.sound.enabled","x"]}' + sep +
          b'{"op":"unsubscribeParameterUpdates","parameterNames":["omniscient.sound.enabled"]}')
    write("foxglove", "unsupported_ops", b'{"op":"advertise","channels":[]}' + sep + b'{"op":"callService"}' + sep +
          b'{"op":"fetchAsset","uri":"package://x","requestId":1}')
    write("foxglove", "not_json", b"{op:subscribe" + sep + b"[1,2]" + sep + b'{"op":7}' + sep + b"{}")
    write("foxglove", "binary_publish", b"\x00\x01\x00\x00\x00\x00\x00\x00\x00{}")


def fleet():
    """MQTT messages to the fleet: topic NUL payload NUL ...; a payload starting with 0x01 is repeated past 256 KiB."""
    def msgs(*pairs):
        return b"".join(t.encode() + b"\x00" + (p if isinstance(p, bytes) else p.encode()) + b"\x00"
                        for t, p in pairs)
    root = "omniscient/v1/"
    meta = ('{"name":"bot1","version":"1.4.0","layout":"omni-v1","dashboard":"http://127.0.0.1:8080/",'
            '"max_rate_hz":10,"schema":{}}')
    event = '{"type":"event","kind":"wheel_saturated","t_ms":1,"mono_ms":1,"seq":1,"wheel":3,"power":100,' \
            '"duration_ms":1000}'
    write("fleet", "online_meta_state", msgs((root + "bot1/status", "online"), (root + "bot1/meta", meta),
                                             (root + "bot1/state", STATE), (root + "bot1/state", STATE)))
    write("fleet", "event_and_link", msgs((root + "bot2/status", "online"), (root + "bot2/events", event),
                                          (root + "bot2/state", LINK)))
    write("fleet", "offline_then_cleared", msgs((root + "bot1/status", "offline"), (root + "bot1/status", ""),
                                                (root + "ghost/status", "")))
    write("fleet", "sound", msgs((root + "bot1/sound", "ON"), (root + "bot1/sound/set", "OFF")))
    write("fleet", "odd_topics", msgs(("omniscient/v1/", "online"), ("omniscient/v1//status", "online"),
                                      ("omniscient/v1/a/b/status", "online"), ("omniscient/v1/+/status", "online"),
                                      ("omniscient/v1/#", "x"), ("omniscient/v2/bot/status", "online"),
                                      (root + "bot\x7f/status", "online"), (root + "x" * 65 + "/status", "online")))
    write("fleet", "malformed", msgs((root + "bot1/status", "ONLINE"), (root + "bot1/state", "{\"type\":\"state\""),
                                     (root + "bot1/meta", "[]"), (root + "bot1/events", STATE),
                                     (root + "bot1/state", STATE.replace('"seq":2', '"seq":1e300'))))
    write("fleet", "huge_state", msgs((root + "bot1/state", b"\x01[")))
    write("fleet", "huge_meta", msgs((root + "bot1/meta", b"\x01{\"a\":")))


if __name__ == "__main__":
    segments()
    messages("statejson")
    http()
    server_ws()
    remote_stream()
    foxglove()
    fleet()
