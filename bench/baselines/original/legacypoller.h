// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QThread>

#include <condition_variable>
#include <mutex>

namespace omni::baseline {

/// The original observer's read task, one per WebSocket client: open the 56-byte `Shared` segment (retry
/// every 5 s while it is missing), then every 100 ms copy the whole struct and, when `ver` differs from the
/// last one seen, turn it into JSON and hand it to the client's socket. Written from the blog post's
/// description (spawn_blocking loop, ShmemConf::open, ptr.read(), serde_json::to_string, sleep 100 ms).
class LegacyPoller : public QThread
{
    Q_OBJECT
public:
    /// Polls segment `name` every `pollMs`, retrying a missing segment every `retryMs`.
    LegacyPoller(QByteArray name, int pollMs, int retryMs, QObject *parent = nullptr);
    /// Stops and joins the thread.
    ~LegacyPoller() override;
    /// Asks run() to return and wakes it from its sleep.
    void stop();

Q_SIGNALS:
    /// A new `ver` was seen: the JSON text for the client (the original's channel to the socket task).
    void message(const QString &json);

protected:
    void run() override;

private:
    bool sleepMs(int ms);

    QByteArray m_path;
    int m_pollMs;
    int m_retryMs;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stop = false;
};

} // namespace omni::baseline
