// SPDX-License-Identifier: MIT
// The application of the audio tests: a QCoreApplication, as in `omniscient --headless` (no GUI is needed
// to decode or play), with the multimedia backend the executable chooses.
#include "samplelibrary.h"

#include <QCoreApplication>

#include <memory>

std::unique_ptr<QCoreApplication> omniMakeTestApplication(int &argc, char **argv)
{
    omni::audio::chooseBackend();
    return std::make_unique<QCoreApplication>(argc, argv);
}
