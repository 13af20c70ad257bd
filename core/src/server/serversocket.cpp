// SPDX-License-Identifier: MIT
#include "server/serversocket.h"

namespace omni {

void ServerSocket::addHeadersToNextResponse(const QByteArray &lines)
{
    m_lines = lines;
    m_head.clear();
}

qint64 ServerSocket::writeData(const char *data, qint64 len)
{
    if (m_lines.isEmpty()) {
        return QTcpSocket::writeData(data, len);
    }
    constexpr qsizetype kMaxHead = qsizetype{16} * 1024;
    m_head.append(data, len);
    const qsizetype end = m_head.indexOf("\r\n\r\n");
    if (end < 0 && m_head.size() < kMaxHead) {
        return len; // held until the head is complete
    }
    if (end >= 0) {
        m_head.insert(end + 2, m_lines);
    }
    m_lines.clear();
    const QByteArray out = std::exchange(m_head, {});
    return QTcpSocket::writeData(out.constData(), out.size()) < 0 ? -1 : len;
}

} // namespace omni
