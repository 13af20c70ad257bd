// SPDX-License-Identifier: MIT
#include "legacypoller.h"

#include <omniscient/omni_shm.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

namespace omni::baseline {

namespace {

/// The original's "open_shared_mem": open the segment by name with the struct's size and map it.
const omni_legacy_shared *openSharedMem(const QByteArray &path)
{
    const int fd = shm_open(path.constData(), O_RDONLY, 0);
    if (fd < 0) {
        return nullptr;
    }
    void *p = mmap(nullptr, sizeof(omni_legacy_shared), PROT_READ, MAP_SHARED, fd, 0);
    close(fd);
    return p == MAP_FAILED ? nullptr : static_cast<const omni_legacy_shared *>(p);
}

/// The original's SocketMsg, serialised like serde_json::to_string would: one compact object.
QString toJson(const QByteArray &path, const omni_legacy_shared &s)
{
    QJsonObject o;
    o.insert(QStringLiteral("shared_mem"), QString::fromLatin1(path));
    o.insert(QStringLiteral("ver"), s.ver);
    o.insert(QStringLiteral("direction"), s.direction);
    o.insert(QStringLiteral("motor_power"), QJsonArray{s.motor_power[0], s.motor_power[1], s.motor_power[2]});
    o.insert(QStringLiteral("bot_mode"), s.bot_mode);
    o.insert(QStringLiteral("obstacle"), s.obstacle);
    o.insert(QStringLiteral("go_left"), s.go_left);
    o.insert(QStringLiteral("go_right"), s.go_right);
    o.insert(QStringLiteral("sensor_mode"), s.sensor_mode);
    o.insert(QStringLiteral("sensors"), QJsonArray{s.sensors[0], s.sensors[1], s.sensors[2], s.sensors[3]});
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

LegacyPoller::LegacyPoller(QByteArray name, int pollMs, int retryMs, QObject *parent)
    : QThread(parent), m_path(name.startsWith('/') ? name : '/' + name), m_pollMs(pollMs), m_retryMs(retryMs)
{
}

LegacyPoller::~LegacyPoller()
{
    stop();
    wait();
}

void LegacyPoller::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_cv.notify_all();
}

bool LegacyPoller::sleepMs(int ms)
{
    std::unique_lock lock(m_mutex);
    return !m_cv.wait_for(lock, std::chrono::milliseconds(ms), [this] { return m_stop; });
}

void LegacyPoller::run()
{
    const omni_legacy_shared *mem = nullptr;
    int lastVer = -1;
    for (;;) {
        if (mem == nullptr) {
            mem = openSharedMem(m_path);
            if (mem == nullptr) {
                std::fprintf(stderr, "waiting for shared memory: %s\n", m_path.constData());
                if (!sleepMs(m_retryMs)) {
                    break;
                }
                continue;
            }
        }
        // ptr.read(): one plain copy of the whole struct, no consistency check (as the original).
        omni_legacy_shared shared;
        std::memcpy(&shared, mem, sizeof shared);
        if (shared.ver != lastVer) {
            lastVer = shared.ver;
            Q_EMIT message(toJson(m_path.mid(1), shared));
        }
        if (!sleepMs(m_pollMs)) {
            break;
        }
    }
    if (mem != nullptr) {
        munmap(const_cast<omni_legacy_shared *>(mem), sizeof(omni_legacy_shared));
    }
}

} // namespace omni::baseline
