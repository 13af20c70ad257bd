// SPDX-License-Identifier: MIT
// The mirror server's handling of what a WebSocket client sends, through real sockets: each input is sent
// on a fresh upgraded connection to an in-process MirrorServer, then the connection is dropped.
//   first byte even: the rest is one text message (the server parses it as a client command, e.g. a sound
//                    switch), framed and masked correctly by the harness;
//   first byte odd:  the rest is raw bytes after the handshake: frames of any opcode, length, fragmentation,
//                    masking, UTF-8 validity, oversized or truncated.
// After each input: the server answers a ping (when the bytes were whole frames) or closes the client, and
// once our end is gone it holds no client and no unfinished connection.
#include "fuzzcheck.h"
#include "fuzzqt.h"

#include "omni/hub.h"
#include "omni/mirrorserver.h"

#include <QHostAddress>
#include <QTcpSocket>
#include <QtEndian>

#include <memory>
#include <optional>

using namespace omni;
using namespace std::chrono_literals;

namespace {

struct Server {
    Hub hub;
    std::unique_ptr<MirrorServer> server;
};
Server *g_server = nullptr;

QByteArray maskedFrame(quint8 opcode, QByteArrayView payload)
{
    QByteArray f;
    f.append(static_cast<char>(0x80 | opcode)); // FIN
    if (payload.size() < 126) {
        f.append(static_cast<char>(0x80 | payload.size()));
    } else if (payload.size() <= 0xFFFF) {
        f.append(static_cast<char>(0x80 | 126));
        quint16 n = qToBigEndian(static_cast<quint16>(payload.size()));
        f.append(reinterpret_cast<const char *>(&n), sizeof n);
    } else {
        f.append(static_cast<char>(0x80 | 127));
        quint64 n = qToBigEndian(static_cast<quint64>(payload.size()));
        f.append(reinterpret_cast<const char *>(&n), sizeof n);
    }
    f.append(4, '\0'); // masking key 0: the payload goes as it is, which keeps the corpus readable
    f.append(payload.data(), payload.size());
    return f;
}

/// Whether `bytes` are a sequence of complete client frames (so a ping after them is read as a ping).
bool wholeFrames(QByteArrayView bytes)
{
    qsizetype pos = 0;
    while (pos < bytes.size()) {
        if (bytes.size() - pos < 2) {
            return false;
        }
        const auto b1 = static_cast<quint8>(bytes[pos + 1]);
        quint64 len = b1 & 0x7F;
        qsizetype header = 2;
        if (len == 126) {
            if (bytes.size() - pos < 4) {
                return false;
            }
            len = qFromBigEndian<quint16>(bytes.data() + pos + 2);
            header = 4;
        } else if (len == 127) {
            if (bytes.size() - pos < 10) {
                return false;
            }
            len = qFromBigEndian<quint64>(bytes.data() + pos + 2);
            header = 10;
        }
        if ((b1 & 0x80) != 0) {
            header += 4;
        }
        if (bytes.size() - pos < header || len > static_cast<quint64>(bytes.size() - pos - header)) {
            return false;
        }
        pos += header + static_cast<qsizetype>(len);
    }
    return true;
}

/// Reads the server's frames (unmasked) and notes a pong or a close.
struct FrameReader {
    QByteArray buffer;
    bool pong = false;
    bool close = false;

    void feed(const QByteArray &bytes)
    {
        buffer.append(bytes);
        for (;;) {
            if (buffer.size() < 2) {
                return;
            }
            const auto b0 = static_cast<quint8>(buffer[0]);
            const auto b1 = static_cast<quint8>(buffer[1]);
            FUZZ_CHECK((b1 & 0x80) == 0); // a server never masks
            quint64 len = b1 & 0x7F;
            qsizetype header = 2;
            if (len == 126) {
                if (buffer.size() < 4) {
                    return;
                }
                len = qFromBigEndian<quint16>(buffer.constData() + 2);
                header = 4;
            } else if (len == 127) {
                if (buffer.size() < 10) {
                    return;
                }
                len = qFromBigEndian<quint64>(buffer.constData() + 2);
                header = 10;
            }
            FUZZ_CHECK(len <= 1024 * 1024); // the server's own frames are small
            if (static_cast<quint64>(buffer.size() - header) < len) {
                return;
            }
            const quint8 opcode = b0 & 0x0F;
            pong = pong || opcode == 0xA;
            close = close || opcode == 0x8;
            buffer.remove(0, header + static_cast<qsizetype>(len));
        }
    }
};

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    fuzz::ensureApplication();
    qputenv("QT_LOGGING_RULES", "*.debug=false;omni.*=false;qt.*=false");
    g_server = new Server;
    MirrorServerOptions options;
    options.address = QHostAddress(QHostAddress::LocalHost);
    options.port = 0;
    options.requestTimeout = 2s;
    options.pingInterval = 60s;
    g_server->server = std::make_unique<MirrorServer>(&g_server->hub, options);
    FUZZ_CHECK(g_server->server->listen());
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size == 0) {
        return 0;
    }
    MirrorServer &server = *g_server->server;
    const QByteArrayView rest(reinterpret_cast<const char *>(data) + 1, static_cast<qsizetype>(size - 1));
    const bool raw = (data[0] & 1U) != 0;

    QTcpSocket socket;
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), server.port());
    FUZZ_CHECK(socket.waitForConnected(5000));
    socket.write("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QByteArray head;
    FrameReader frames;
    bool upgraded = false;
    QObject::connect(&socket, &QTcpSocket::readyRead, [&] {
        if (!upgraded) {
            head.append(socket.readAll());
            const qsizetype end = head.indexOf("\r\n\r\n");
            if (end < 0) {
                return;
            }
            FUZZ_CHECK(head.startsWith("HTTP/1.1 101"));
            upgraded = true;
            frames.feed(head.mid(end + 4));
            return;
        }
        frames.feed(socket.readAll());
    });
    FUZZ_CHECK(fuzz::spinUntil([&] { return upgraded; }, 5s));

    const QByteArray bytes = raw ? rest.toByteArray() : maskedFrame(0x1, rest);
    socket.write(bytes);
    if (wholeFrames(bytes)) {
        // The server reads frames in order: its pong comes after it has handled everything before the ping.
        socket.write(maskedFrame(0x9, "sync"));
        const bool answered = fuzz::spinUntil(
            [&] { return frames.pong || frames.close || socket.state() != QAbstractSocket::ConnectedState; }, 5s);
        FUZZ_CHECK(answered);
    } else {
        // A frame is unfinished: the server waits for the rest. Let it read what there is.
        fuzz::spinUntil([] { return false; }, 2ms);
    }
    socket.abort();
    // Our end is gone: the server must let go of the client and the connection, whatever came before.
    const bool released =
        fuzz::spinUntil([&] { return server.clientCount() == 0 && server.unfinishedConnections() == 0; }, 5s);
    FUZZ_CHECK(released);
    FUZZ_CHECK(server.isListening());
    fuzz::flushDeferredDeletes();
    return 0;
}
