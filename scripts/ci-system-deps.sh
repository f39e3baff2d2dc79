#!/usr/bin/env bash
# Installs the outside programs the tier-2 system tests use (called by .ci/run before them).
# Each system-test area adds its packages here.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Windows tray under Wine: wine wine64 xvfb xdotool imagemagick.
"$root/scripts/wine-setup.sh" --install-only

# MSI built with wixl and inspected with msiinfo/msibuild (installer/build.sh, tests/…/Installer).
msi_packages=(wixl msitools)
msi_missing=()
for p in "${msi_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || msi_missing+=("$p")
done
if [[ ${#msi_missing[@]} -gt 0 ]]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${msi_missing[@]}"
fi

# A real softphone (tests/…/Softphones): Twinkle's console build, SIPp to place calls, curl for the sample
# script, script(1) for the pty, logger for its refusals.
phone_packages=(twinkle-console sip-tester curl util-linux bsdutils)
phone_missing=()
for p in "${phone_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || phone_missing+=("$p")
done
if [[ ${#phone_missing[@]} -gt 0 ]]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${phone_missing[@]}"
fi
