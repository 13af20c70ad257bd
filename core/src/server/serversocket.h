// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QTcpSocket>

namespace omni {

/// A server-side TCP socket that can add header lines to the next response head written to it. QWebSocketServer
/// writes its `101 Switching Protocols` itself and offers no way to add headers; this is how that answer gets the
/// security headers every other response has.
class ServerSocket : public QTcpSocket
{
    Q_OBJECT
public:
    using QTcpSocket::QTcpSocket;

    /// The next response head written (up to its empty line) gets `lines` ("Name: value\r\n" each) before that
    /// empty line. Bytes are held until the head is complete, at most 16 KiB.
    void addHeadersToNextResponse(const QByteArray &lines);

protected:
    qint64 writeData(const char *data, qint64 len) override;

private:
    QByteArray m_lines; ///< to insert; empty when nothing is pending
    QByteArray m_head;  ///< the response head written so far while m_lines is pending
};

} // namespace omni
