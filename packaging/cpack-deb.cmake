# SPDX-License-Identifier: MIT
# CPack DEB settings for the omniscient package (built by packaging/build-deb.sh, or `cpack -G DEB` in any
# build tree: the package always installs under /usr).

set(OMNI_DEB_MAINTAINER "omniscient developers <omniscient@localhost>"
    CACHE STRING "Maintainer field of the .deb")

# The target architecture, also when cross-compiling (dpkg --print-architecture would say the build host's).
if(CMAKE_SYSTEM_PROCESSOR MATCHES "^(aarch64|arm64|ARM64)$")
    set(OMNI_DEB_ARCH arm64)
elseif(CMAKE_SYSTEM_PROCESSOR MATCHES "^(x86_64|AMD64|amd64)$")
    set(OMNI_DEB_ARCH amd64)
else()
    set(OMNI_DEB_ARCH ${CMAKE_SYSTEM_PROCESSOR})
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME omniscient)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR omniscient)
set(CPACK_PACKAGE_CONTACT ${OMNI_DEB_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Live monitor for small robots (omni-wheel chicken robot)")
set(CPACK_PACKAGE_DESCRIPTION
    "omniscient watches a robot's state in POSIX shared memory and shows it on a touchscreen kiosk, in the \
desktop app, and in any browser on the network (embedded web page fed over WebSocket). Includes omni-sim \
(a simulated robot), the C header and pkg-config file for robot programs, and systemd units for a headless \
server and a Raspberry Pi kiosk.")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${OMNI_DEB_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${OMNI_DEB_ARCH})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # omniscient_<version>_<arch>.deb
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr) # whatever the build tree's CMAKE_INSTALL_PREFIX

# Depends: the Qt libraries omniscient links, and what it loads at run time that no linker sees:
# qt6-qpa-plugins (xcb, eglfs, linuxfb, offscreen platform plugins: nothing shows without one) and
# libqt6multimedia6, which in Debian 12 also ships the multimedia backends (gstreamer, ffmpeg plugins).
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libqt6core6 (>= 6.4), libqt6gui6 (>= 6.4), libqt6widgets6 (>= 6.4), libqt6network6 (>= 6.4), \
libqt6websockets6 (>= 6.4), libqt6multimedia6 (>= 6.4), qt6-qpa-plugins (>= 6.4), libzstd1, liblz4-1, libmosquitto1")
# dpkg-shlibdeps adds the exact library dependencies (libc6, libstdc++6, libsystemd0, versions) for native builds;
# a cross build has no arm64 dpkg-shlibdeps setup, so it states the toolchain libraries itself, and libsystemd0
# (sd_notify: the units' readiness and watchdog) when the build links it (OMNI_SYSTEMD, app/CMakeLists.txt).
if(CMAKE_CROSSCOMPILING)
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS OFF)
    string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS ", libc6 (>= 2.34), libstdc++6 (>= 12), libgcc-s1")
    if(OMNI_HAVE_SYSTEMD)
        string(APPEND CPACK_DEBIAN_PACKAGE_DEPENDS ", libsystemd0")
    endif()
else()
    set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
endif()
# qt6-wayland: the kiosk under cage and Wayland desktops; a sound server for the clucks.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland, pipewire-pulse | pulseaudio")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "cage")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${CMAKE_CURRENT_LIST_DIR}/deb/postinst ${CMAKE_CURRENT_LIST_DIR}/deb/prerm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
