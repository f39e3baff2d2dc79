#!/usr/bin/env bash
# Installs the outside programs the tier-2 system tests use (called by .ci/run before them).
# Each system-test area adds its packages here.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Windows tray under Wine: wine wine64 xvfb xdotool imagemagick.
"$root/scripts/wine-setup.sh" --install-only
