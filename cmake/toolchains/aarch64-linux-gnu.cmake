# SPDX-License-Identifier: MIT
# Cross-compiling omniscient for the Raspberry Pi (64-bit Raspberry Pi OS / Debian 12 arm64) on a Debian 12
# x86_64 host: crossbuild-essential-arm64 plus the :arm64 Qt dev packages from multiarch; moc/rcc/uic and the
# Linguist tools are the host's (QT_HOST_PATH). Test binaries run under qemu-aarch64-static, without -L
# (with -L the loader and libc come from different packages and the first thread spins forever).
# Used by packaging/cross/build-aarch64.sh, or: cmake -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/aarch64-linux-gnu.cmake
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR aarch64)
set(OMNI_TARGET_TRIPLET aarch64-linux-gnu)

set(CMAKE_C_COMPILER ${OMNI_TARGET_TRIPLET}-gcc)
set(CMAKE_CXX_COMPILER ${OMNI_TARGET_TRIPLET}-g++)
set(CMAKE_LIBRARY_ARCHITECTURE ${OMNI_TARGET_TRIPLET})

# Headers and libraries only from the target (multiarch dirs under /usr and the cross libc), programs only
# from the host.
set(CMAKE_FIND_ROOT_PATH /usr/${OMNI_TARGET_TRIPLET} /)
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Qt's host tools (moc, rcc, uic, lupdate, lrelease) are the build machine's own.
set(OMNI_HOST_TRIPLET ${CMAKE_HOST_SYSTEM_PROCESSOR}-linux-gnu)
set(QT_HOST_PATH /usr)
set(QT_HOST_PATH_CMAKE_DIR /usr/lib/${OMNI_HOST_TRIPLET}/cmake)
set(Qt6LinguistTools_DIR /usr/lib/${OMNI_HOST_TRIPLET}/cmake/Qt6LinguistTools)
set(Qt6HostInfo_DIR /usr/lib/${OMNI_HOST_TRIPLET}/cmake/Qt6HostInfo)

# pkg-config must describe the target's libraries.
set(ENV{PKG_CONFIG_LIBDIR} /usr/lib/${OMNI_TARGET_TRIPLET}/pkgconfig:/usr/share/pkgconfig)

# try_run, gtest_discover_tests and ctest run target binaries through qemu (no binfmt_misc needed).
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-aarch64-static)
