#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Re-renders packaging/linux/omniscient.png (256x256) from omniscient.svg after the SVG changed.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/../lib/common.sh"
omni_apt_ensure librsvg2-bin
rsvg-convert -w 256 -h 256 "$here/omniscient.svg" -o "$here/omniscient.png"
omni_log "wrote $here/omniscient.png"
