// SPDX-License-Identifier: MIT
// A real Mosquitto broker for a test: on a free loopback port, with a generated config, stopped by the test.
#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace omni::test {

/// One mosquitto process with its own config and files in a temporary folder.
class MosquittoBroker
{
public:
    /// What the broker requires.
    struct Options {
        quint16 port = 0; ///< 0: a free loopback port (a restart passes the old one)
        bool tls = false; ///< serve TLS with a CA and server certificate made by openssl here (caFile())
        QString user;     ///< with a password: a mosquitto password file, anonymous clients refused
        QString password; ///< the user's password
    };

    MosquittoBroker();
    ~MosquittoBroker();

    /// The mosquitto program, or empty when the package is not installed (the test then skips).
    static QString program();
    /// Starts the broker and waits until it accepts connections; false with `error` set.
    bool start(const Options &options, QString *error);
    /// Stops it (SIGTERM) and waits; the folder (certificates) stays for a restart.
    void stop();
    /// The port it listens on.
    [[nodiscard]] quint16 port() const { return m_options.port; }
    /// The CA certificate (PEM) that signed the broker's, with Options::tls.
    [[nodiscard]] QString caFile() const;
    /// A path in its folder.
    [[nodiscard]] QString path(const QString &name) const;
    /// What the broker logged so far.
    [[nodiscard]] QByteArray log();

private:
    bool makeCertificates(QString *error);
    QTemporaryDir m_dir;
    Options m_options;
    std::unique_ptr<QProcess> m_process;
    QByteArray m_log;
};

/// A free TCP port on 127.0.0.1 (bound and released; a test starting its server right after gets it).
quint16 freeLoopbackPort();

} // namespace omni::test
