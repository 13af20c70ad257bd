# SPDX-License-Identifier: MIT
# shellcheck shell=bash
# Shared helpers for the packaging scripts (sourced, not run).

omni_log() { printf '[%s] %s\n' "${0##*/}" "$*" >&2; }
omni_die() { printf '[%s] error: %s\n' "${0##*/}" "$*" >&2; exit 1; }

# Installs the Debian packages given (name or name:arch) that are not installed yet; does nothing (and needs
# no network) when all are present. Adds the foreign architecture of any name:arch first.
omni_apt_ensure() {
    # One apt/dpkg user at a time among our scripts (tests run in parallel): a check made while another
    # script's dpkg run is half-way could see a package as missing and then fail on the dpkg lock.
    local lockfd
    exec {lockfd}>/tmp/omni-apt.lock
    flock "$lockfd"
    _omni_apt_ensure_locked "$@"
    local rc=$?
    exec {lockfd}>&-
    return $rc
}
_omni_apt_ensure_locked() {
    local missing=() p arch
    for p in "$@"; do
        if [[ $p == *:* ]]; then
            arch=${p##*:}
            if [[ $arch != "$(dpkg --print-architecture)" ]] && ! dpkg --print-foreign-architectures | grep -qx "$arch"; then
                omni_log "adding dpkg architecture $arch"
                ${OMNI_SUDO:-} dpkg --add-architecture "$arch"
                OMNI_APT_UPDATED=
            fi
        fi
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    ((${#missing[@]} == 0)) && return 0
    omni_log "installing Debian packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    if [[ -z ${OMNI_APT_UPDATED:-} ]]; then
        ${OMNI_SUDO:-} apt-get update -qq
        OMNI_APT_UPDATED=1
    fi
    ${OMNI_SUDO:-} apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

if [[ $(id -u) -ne 0 ]]; then
    OMNI_SUDO=sudo
fi

# Debian architecture name and GNU triplet for an AppImage architecture name (x86_64, aarch64).
omni_debarch() {
    case "$1" in
    x86_64) echo amd64 ;;
    aarch64) echo arm64 ;;
    *) omni_die "unsupported architecture: $1" ;;
    esac
}
omni_triplet() { echo "$1-linux-gnu"; }

# Fixed timestamp for reproducible outputs: SOURCE_DATE_EPOCH if set, else the last commit's date.
omni_source_date_epoch() {
    if [[ -n ${SOURCE_DATE_EPOCH:-} ]]; then
        echo "$SOURCE_DATE_EPOCH"
    else
        git -C "${OMNI_SOURCE_DIR:-.}" log -1 --format=%ct 2>/dev/null || echo 1700000000
    fi
}
