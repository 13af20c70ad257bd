// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QByteArrayView>

/// Reads the frame headers of a client's WebSocket byte stream before QWebSocket does, so that the server
/// sees what Qt 6.4 hides: pings (answered inside Qt, no signal), unsolicited pongs, unmasked frames (obeyed
/// by Qt) and the raw bytes. Pure: no sockets, no clock.
namespace omni {

/// What one feed() found.
struct FrameScan {
    qint64 bytes = 0;      ///< bytes fed
    int frames = 0;        ///< frame headers completed
    int controlFrames = 0; ///< of which ping and pong frames (close frames end the connection anyway)
    bool unmasked = false; ///< a frame without the mask bit: RFC 6455 5.1 says the server must close
};

/// An incremental scanner of client-to-server frame headers; the payloads are skipped, never stored.
class FrameScanner
{
public:
    /// Scans the next bytes of the stream (any split). After an unmasked frame it reads no further.
    FrameScan feed(QByteArrayView bytes);

private:
    QByteArray m_header;       ///< the header read so far (at most 14 bytes)
    quint64 m_payloadLeft = 0; ///< payload bytes of the current frame still to skip
    bool m_stopped = false;    ///< an unmasked frame was seen
};

} // namespace omni
