// SPDX-License-Identifier: MIT
#include "server/framescanner.h"

#include <QtEndian>

#include <algorithm>

namespace omni {

namespace {

/// The full header length once its first two bytes are known: 2, plus 2 or 8 length bytes, plus the mask.
qsizetype headerLength(unsigned char second)
{
    const unsigned len7 = second & 0x7fU;
    const qsizetype extended = len7 == 126 ? 2 : (len7 == 127 ? 8 : 0);
    const qsizetype mask = (second & 0x80U) != 0 ? 4 : 0;
    return 2 + extended + mask;
}

} // namespace

FrameScan FrameScanner::feed(QByteArrayView bytes)
{
    FrameScan scan;
    scan.bytes = bytes.size();
    qsizetype pos = 0;
    while (pos < bytes.size() && !m_stopped) {
        if (m_payloadLeft > 0) {
            const auto skip =
                static_cast<qsizetype>(std::min<quint64>(m_payloadLeft, static_cast<quint64>(bytes.size() - pos)));
            pos += skip;
            m_payloadLeft -= static_cast<quint64>(skip);
            continue;
        }
        m_header.append(bytes[pos++]);
        if (m_header.size() < 2) {
            continue;
        }
        const auto second = static_cast<unsigned char>(m_header[1]);
        if (m_header.size() < headerLength(second)) {
            continue;
        }
        ++scan.frames;
        const unsigned opcode = static_cast<unsigned char>(m_header[0]) & 0x0fU;
        if (opcode == 0x9 || opcode == 0xA) {
            ++scan.controlFrames;
        }
        if ((second & 0x80U) == 0) {
            scan.unmasked = true;
            m_stopped = true;
            break;
        }
        const unsigned len7 = second & 0x7fU;
        if (len7 == 126) {
            m_payloadLeft = qFromBigEndian<quint16>(m_header.constData() + 2);
        } else if (len7 == 127) {
            m_payloadLeft = qFromBigEndian<quint64>(m_header.constData() + 2);
        } else {
            m_payloadLeft = len7;
        }
        m_header.clear();
    }
    return scan;
}

} // namespace omni
