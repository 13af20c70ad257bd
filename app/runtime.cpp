// SPDX-License-Identifier: MIT
#include "runtime.h"

#include "jsonprinter.h"

#include <omni/hub.h>
#include <omni/shmsource.h>
#include <omni/simulatedrobot.h>

#include <QCoreApplication>

namespace omni::app {

Runtime::Runtime(Options options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_hub(new Hub(this))
{
}

Runtime::~Runtime()
{
    // The source stops before the simulated robot unlinks its segment.
    delete m_source;
    m_source = nullptr;
    m_sim.reset();
}

QString Runtime::segmentName() const
{
    if (m_options.simulate) {
        // Never publish simulated states into a real robot's segment.
        return QStringLiteral("%1-sim-%2").arg(m_options.shmName).arg(QCoreApplication::applicationPid());
    }
    return m_options.shmName;
}

bool Runtime::start(QString *error)
{
    if (m_options.simulate) {
        m_sim = std::make_unique<SimulatedRobot>(segmentName(), m_options.simRate);
        QString why;
        if (!m_sim->start(&why)) {
            *error = QCoreApplication::translate("omni::app::Runtime",
                                                 "cannot create the simulated robot's shared memory %1: %2")
                         .arg(segmentName(), why);
            return false;
        }
    }
    ShmSourceOptions so;
    so.name = segmentName();
    so.staleAfter = std::chrono::milliseconds(m_options.staleMs);
    auto *source = new ShmSource(so, this);
    m_source = source;
    m_hub->setSource(source);
    if (m_options.printJson) {
        new JsonPrinter(m_hub, stdout, this);
    }
    source->start();
    return true;
}

} // namespace omni::app
