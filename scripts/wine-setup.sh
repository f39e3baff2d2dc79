#!/usr/bin/env bash
# Installs what the Windows system tests need (Wine, Xvfb, xdotool, ImageMagick) and prepares a
# Wine prefix for them. Idempotent: installed packages and an existing prefix are left alone.
#
#   scripts/wine-setup.sh                      install packages (root only) and prepare $WINEPREFIX
#   scripts/wine-setup.sh --no-install         only prepare the prefix
#   scripts/wine-setup.sh --install-only       only install the packages (CI; the tests make their own prefix)
#   scripts/wine-setup.sh --browser CMD        make Wine's ShellExecute of http(s) URLs run CMD URL
#
# WINEPREFIX defaults to ~/.wine-traypop. The prefix is created without Wine Mono and Gecko (their
# installers would prompt); TrayPop is a self-contained .NET app and needs neither.
set -euo pipefail

install=1
prefix=1
browser=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-install) install=0; shift ;;
    --install-only) prefix=0; shift ;;
    --browser) browser="$2"; shift 2 ;;
    *) echo "usage: $0 [--no-install | --install-only] [--browser COMMAND]" >&2; exit 2 ;;
  esac
done

packages=(wine wine64 xvfb xdotool imagemagick)
if [[ $install -eq 1 ]]; then
  missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [[ ${#missing[@]} -gt 0 ]]; then
    if [[ $(id -u) -ne 0 ]]; then
      echo "missing packages: ${missing[*]} (run as root to install them)" >&2
      exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}"
  fi
fi

command -v wine >/dev/null || { echo "wine is not on PATH" >&2; exit 1; }
[[ $prefix -eq 1 ]] || exit 0

export WINEPREFIX="${WINEPREFIX:-$HOME/.wine-traypop}"
export WINEDEBUG="${WINEDEBUG:--all}"
if [[ ! -f "$WINEPREFIX/system.reg" ]]; then
  mkdir -p "$WINEPREFIX"
  # Only for creating the prefix: a disabled mscoree/mshtml skips the Mono/Gecko prompts.
  # Never set this when running TrayPop itself (the .NET app then fails to load).
  WINEDLLOVERRIDES="mscoree,mshtml=" wine wineboot -i
  wineserver -w
fi

if [[ -n "$browser" ]]; then
  wine reg add 'HKCU\Software\Wine\WineBrowser' /v Browsers /t REG_SZ /d "$browser" /f >/dev/null
  wineserver -w
fi

echo "WINEPREFIX=$WINEPREFIX ready"
