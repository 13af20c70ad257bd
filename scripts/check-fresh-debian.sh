#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The README's promise, checked: on a freshly installed minimal Debian 12 (bookworm), with nothing but git and the
# CA certificates added, the two Quick start commands work exactly as written.
#
#   1. makes a minimal Debian 12 root with mmdebstrap from the Debian archive this machine's apt already uses;
#   2. makes its / a mount point and mounts /proc, /sys, /dev and a fresh /dev/shm in it;
#   3. copies in this machine's locally added CA certificates (so a proxy with its own CA keeps working);
#   4. clones this repository (its HEAD) into it;
#   5. runs `scripts/test.sh` there: it must pass;
#   6. runs `scripts/run.sh` there (in a private network namespace, so its port 3001 cannot collide with anything
#      on this machine): `/api/state` must answer with the simulated robot's state.
# Its mounts and processes are cleaned up whatever happens; each step's time is printed at the end.
# Needs root (mounts, chroot) and mmdebstrap. Slow (a full build and test run): run it by hand before resolving an
# install issue and whenever the install steps change, and record the result in docs/CONTRIBUTING.md.
#
# Usage: scripts/check-fresh-debian.sh [--keep] [--root DIR] [--skip-tests]
#   --keep        leave the root in place afterwards (it is printed); by default it is removed
#   --root DIR    where to build the root (default: a new folder under /var/tmp)
#   --skip-tests  only the run command (a quick look at the install path of scripts/run.sh; not a pass)
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
keep=0
root=""
skip_tests=0
while [[ $# -gt 0 ]]; do
    case "$1" in
    --keep) keep=1; shift ;;
    --root) root="${2:?--root needs a folder}"; shift 2 ;;
    --skip-tests) skip_tests=1; shift ;;
    -h | --help) sed -n '3,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "check-fresh-debian: unknown argument '$1' (see --help)" >&2; exit 2 ;;
    esac
done

if [[ $(id -u) -ne 0 ]]; then
    echo "check-fresh-debian: needs root (it mounts and chroots): sudo $0" >&2
    exit 2
fi
if ! command -v mmdebstrap >/dev/null 2>&1; then
    echo "check-fresh-debian: mmdebstrap is missing: apt-get install mmdebstrap" >&2
    exit 2
fi
if [[ -z "$root" ]]; then
    root="$(mktemp -d /var/tmp/omniscient-fresh-debian.XXXXXX)"
else
    mkdir -p "$root"
    if [[ -n "$(ls -A "$root")" ]]; then
        echo "check-fresh-debian: $root is not empty; give a new or empty folder" >&2
        exit 2
    fi
fi
log="$root.log"
commit=""
: >"$log"

declare -a step_names=() step_secs=() step_results=()
now() { date +%s; }
record() { step_names+=("$1"); step_secs+=("$2"); step_results+=("$3"); }

run_step() { # NAME COMMAND...: runs it, records its time and result, output to the log and the terminal
    local name="$1" start rc=0
    shift
    echo "=== $name"
    start=$(now)
    "$@" 2>&1 | tee -a "$log" || rc=${PIPESTATUS[0]}
    record "$name" $(($(now) - start)) "$([[ $rc == 0 ]] && echo ok || echo "FAILED (exit $rc)")"
    return "$rc"
}

# Processes whose root is inside ours (a PulseAudio daemon, a stray server) would keep the mounts busy.
kill_inside() {
    local pid link
    for pid in /proc/[0-9]*; do
        link="$(readlink "$pid/root" 2>/dev/null || true)"
        if [[ "$link" == "$root" || "$link" == "$root"/* ]]; then
            kill -KILL "${pid#/proc/}" 2>/dev/null || true
        fi
    done
}

cleanup() {
    local rc=$?
    set +e
    kill_inside
    sleep 0.5
    if mountpoint -q "$root"; then
        umount -R "$root" 2>/dev/null || umount -R -l "$root"
    fi
    if [[ $keep == 1 ]]; then
        echo "check-fresh-debian: the root is kept at $root"
    else
        rm -rf --one-file-system "$root"
    fi
    echo
    echo "=== check-fresh-debian summary ($(date -u '+%Y-%m-%d %H:%M UTC'), commit ${commit:-not cloned})"
    local i
    for i in "${!step_names[@]}"; do
        printf '%-44s %6d s  %s\n' "${step_names[$i]}" "${step_secs[$i]}" "${step_results[$i]}"
    done
    echo "log: $log"
    if [[ $rc == 0 ]]; then
        echo "check-fresh-debian: PASSED"
    else
        echo "check-fresh-debian: FAILED"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# 1. The root. The archive is the one this machine's apt uses (its sources file), so nothing is named here.
sources=()
for f in /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list; do
    if [[ -s "$f" ]] && grep -qE '^[^#]*(deb|URIs:)' "$f"; then
        sources+=("$f")
        break
    fi
done
run_step "make a minimal Debian 12 root (mmdebstrap)" \
    mmdebstrap --variant=minbase --include=git,ca-certificates bookworm "$root" "${sources[@]}"

# 2. Mounts: / a mount point (apt, unshare and findmnt behave as on a real machine), the kernel's file systems,
#    the host's devices and a fresh /dev/shm of the root's own.
mount_all() {
    mount --bind "$root" "$root"
    mount -t proc proc "$root/proc"
    mount -t sysfs sysfs "$root/sys"
    mount --rbind /dev "$root/dev"
    mount --make-rslave "$root/dev"
    mount -t tmpfs -o mode=1777,nosuid,nodev shm "$root/dev/shm"
    cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
    # An installed Debian has /etc/hosts (the installer writes it, with localhost); a minbase root has none, and
    # without it "localhost" does not resolve there (the MQTT TLS test connects to its broker by that name).
    if [[ ! -e "$root/etc/hosts" ]]; then
        printf '127.0.0.1\tlocalhost\n::1\t\tlocalhost ip6-localhost ip6-loopback\n' >"$root/etc/hosts"
    fi
}
run_step "mount /, /proc, /sys, /dev, a fresh /dev/shm" mount_all

# 3. Locally added CA certificates, as a fresh machine behind the same proxy would have them.
add_certs() {
    if compgen -G "/usr/local/share/ca-certificates/*" >/dev/null; then
        cp -r /usr/local/share/ca-certificates/. "$root/usr/local/share/ca-certificates/"
        chroot "$root" update-ca-certificates
    else
        echo "no locally added CA certificates"
    fi
}
run_step "copy in the local CA certificates" add_certs

# 4. The repository, as a user would clone it.
run_step "clone the repository (HEAD)" git clone --quiet --no-local "$repo" "$root/root/omniscient"
commit="$(git -C "$root/root/omniscient" rev-parse --short HEAD)"

# Inside: a login-like environment, nothing inherited from this session but the terminal type.
inside() {
    chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" \
        PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        /bin/bash -c "cd /root/omniscient && $1"
}

# 5. The README's test command, exactly as written.
if [[ $skip_tests == 0 ]]; then
    run_step "Quick start: scripts/test.sh" inside "scripts/test.sh"
fi

# 6. The README's run command, exactly as written, in a network namespace of its own (its own loopback).
run_and_probe() {
    unshare --net /bin/bash -c '
        set -u
        ip link set lo up 2>/dev/null || true
        root="$1"
        chroot "$root" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
            PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
            /bin/bash -c "cd /root/omniscient && exec scripts/run.sh" >"$root/root/run.log" 2>&1 &
        pid=$!
        for _ in $(seq 1200); do # up to 10 minutes: the release build comes first
            if body="$(curl -fsS --max-time 2 http://127.0.0.1:3001/api/state 2>/dev/null)" \
                && [[ "$body" == *"\"direction\""* && "$body" == *"\"motor_power\""* ]]; then
                echo "GET /api/state answered: ${body:0:300}"
                kill -TERM "$pid" 2>/dev/null
                wait "$pid" 2>/dev/null
                exit 0
            fi
            if ! kill -0 "$pid" 2>/dev/null; then
                echo "scripts/run.sh exited before serving; its output:"
                cat "$root/root/run.log"
                exit 1
            fi
            sleep 0.5
        done
        echo "no robot state on http://127.0.0.1:3001/api/state after 10 minutes; the output of scripts/run.sh:"
        cat "$root/root/run.log"
        kill -KILL "$pid" 2>/dev/null
        exit 1
    ' check-run "$root"
}
run_step "Quick start: scripts/run.sh serves /api/state" run_and_probe
if [[ $skip_tests == 1 ]]; then
    echo "check-fresh-debian: the test command was skipped (--skip-tests): this is not a pass" >&2
    exit 3
fi
