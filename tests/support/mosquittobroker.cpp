// SPDX-License-Identifier: MIT
#include "mosquittobroker.h"

#include "testutil.h"

#include <QFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>

#include <csignal>
#include <pwd.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace omni::test {

namespace {

bool run(const QString &program, const QStringList &args, QString *error)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(30000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = program + QLatin1Char(' ') + args.join(QLatin1Char(' ')) + QStringLiteral(" failed: ") +
                 QString::fromLocal8Bit(p.readAllStandardError());
        return false;
    }
    return true;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(content) == content.size();
}

} // namespace

quint16 freeLoopbackPort()
{
    QTcpServer s;
    if (!s.listen(QHostAddress::LocalHost, 0)) {
        return 0;
    }
    return s.serverPort();
}

MosquittoBroker::MosquittoBroker() = default;

MosquittoBroker::~MosquittoBroker()
{
    stop();
}

QString MosquittoBroker::program()
{
    QString p = QStandardPaths::findExecutable(QStringLiteral("mosquitto"));
    if (p.isEmpty()) {
        p = QStandardPaths::findExecutable(QStringLiteral("mosquitto"), {QStringLiteral("/usr/sbin")});
    }
    return p;
}

QString MosquittoBroker::path(const QString &name) const
{
    return m_dir.filePath(name);
}

QString MosquittoBroker::caFile() const
{
    return path(QStringLiteral("ca.crt"));
}

bool MosquittoBroker::makeCertificates(QString *error)
{
    if (QFile::exists(path(QStringLiteral("server.crt")))) {
        return true;
    }
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    const QStringList ec = {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                            QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
    return writeFile(path(QStringLiteral("san.ext")), "subjectAltName=DNS:localhost,IP:127.0.0.1\n") &&
           run(openssl,
               QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ec +
                   QStringList{QStringLiteral("-keyout"), path(QStringLiteral("ca.key")), QStringLiteral("-out"),
                               caFile(), QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"),
                               QStringLiteral("/CN=omniscient test CA")},
               error) &&
           run(openssl,
               QStringList{QStringLiteral("req")} + ec +
                   QStringList{QStringLiteral("-keyout"), path(QStringLiteral("server.key")), QStringLiteral("-out"),
                               path(QStringLiteral("server.csr")), QStringLiteral("-subj"),
                               QStringLiteral("/CN=localhost")},
               error) &&
           run(openssl,
               {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                path(QStringLiteral("server.csr")), QStringLiteral("-CA"), caFile(), QStringLiteral("-CAkey"),
                path(QStringLiteral("ca.key")), QStringLiteral("-CAcreateserial"), QStringLiteral("-out"),
                path(QStringLiteral("server.crt")), QStringLiteral("-days"), QStringLiteral("1"),
                QStringLiteral("-extfile"), path(QStringLiteral("san.ext"))},
               error);
}

bool MosquittoBroker::start(const Options &options, QString *error)
{
    m_options = options;
    if (m_options.port == 0) {
        m_options.port = freeLoopbackPort();
    }
    QByteArray conf = "listener " + QByteArray::number(m_options.port) + " 127.0.0.1\n";
    conf += "persistence false\nlog_dest stderr\nlog_type error\nlog_type warning\nlog_type notice\n";
    if (const passwd *pw = ::getpwuid(::getuid()); pw != nullptr) {
        conf += QByteArray("user ") + pw->pw_name + '\n'; // as root, mosquitto would switch to "mosquitto"
    }
    if (m_options.tls) {
        if (!makeCertificates(error)) {
            return false;
        }
        conf += "cafile " + caFile().toLocal8Bit() + "\ncertfile " + path(QStringLiteral("server.crt")).toLocal8Bit() +
                "\nkeyfile " + path(QStringLiteral("server.key")).toLocal8Bit() + '\n';
    }
    if (!m_options.user.isEmpty()) {
        const QString pwFile = path(QStringLiteral("passwords"));
        if (!run(QStandardPaths::findExecutable(QStringLiteral("mosquitto_passwd")),
                 {QStringLiteral("-b"), QStringLiteral("-c"), pwFile, m_options.user, m_options.password}, error)) {
            return false;
        }
        conf += "allow_anonymous false\npassword_file " + pwFile.toLocal8Bit() + '\n';
    } else {
        conf += "allow_anonymous true\n";
    }
    const QString confPath = path(QStringLiteral("mosquitto.conf"));
    if (!writeFile(confPath, conf)) {
        *error = QStringLiteral("cannot write ") + confPath;
        return false;
    }
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    // A test that crashes (or a sanitizer that halts it) must not leave its broker behind.
    m_process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_process->start(program(), {QStringLiteral("-c"), confPath});
    if (!m_process->waitForStarted()) {
        *error = QStringLiteral("cannot start mosquitto: ") + m_process->errorString();
        return false;
    }
    const bool up = waitUntil(
        [this] {
            if (m_process->state() != QProcess::Running) {
                return true;
            }
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, m_options.port);
            return s.waitForConnected(200);
        },
        std::chrono::seconds(10));
    if (!up || m_process->state() != QProcess::Running) {
        *error = QStringLiteral("mosquitto did not start: ") + QString::fromLocal8Bit(log());
        return false;
    }
    return true;
}

void MosquittoBroker::stop()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    if (m_process) {
        m_log += m_process->readAll();
    }
    m_process.reset();
}

QByteArray MosquittoBroker::log()
{
    if (m_process) {
        m_log += m_process->readAll();
    }
    return m_log;
}

} // namespace omni::test
