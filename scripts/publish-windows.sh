#!/usr/bin/env bash
# Publishes the Windows tray app (TrayPop.exe) as a self-contained win-x64 folder.
#   scripts/publish-windows.sh [OUTPUT_DIR]     default: artifacts/publish/win-x64
# Self-contained and ReadyToRun (PublishReadyToRun in the project: TrayPop's own code is precompiled,
# as the framework's is), no single-file, no trimming: configuration binding is reflection-based,
# which trimming would have to be taught about.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-$root/artifacts/publish/win-x64}"
dotnet publish "$root/src/TrayPop.Windows/TrayPop.Windows.csproj" \
  -r win-x64 --self-contained -c Release -o "$out" -nologo -v quiet
echo "$out/TrayPop.exe"
