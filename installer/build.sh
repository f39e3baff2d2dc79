#!/usr/bin/env bash
# Builds the per-machine MSI: publishes the win-x64 app, harvests it, runs wixl, then patches what
# wixl cannot express (see the comment at the top of TrayPop.wxs).
#
#   installer/build.sh [--output DIR] [--publish-dir DIR] [--version X.Y.Z]
#
#   --output DIR        where TrayPop-<version>-x64.msi goes (default: artifacts/installer)
#   --publish-dir DIR   use this already published win-x64 folder instead of publishing
#   --version X.Y.Z     product version (default: <Version> in Directory.Build.props, the one source
#                       of truth; the option exists so tests can build a "newer" MSI from one publish)
#
# Needs: dotnet (unless --publish-dir), wixl, wixl-heat and msibuild (apt-get install wixl msitools).
# Prints the path of the MSI on the last line.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"

out="$root/artifacts/installer"
publish=""
version=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --output) out="$2"; shift 2 ;;
    --publish-dir) publish="$2"; shift 2 ;;
    --version) version="$2"; shift 2 ;;
    *) echo "usage: $0 [--output DIR] [--publish-dir DIR] [--version X.Y.Z]" >&2; exit 2 ;;
  esac
done

for tool in wixl wixl-heat msibuild; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install -y wixl msitools" >&2; exit 1; }
done

if [[ -z "$version" ]]; then
  version="$(dotnet msbuild "$root/src/TrayPop.Windows/TrayPop.Windows.csproj" -getProperty:Version -nologo | tr -d '[:space:]')"
fi
# MSI versions are numeric major.minor.build: drop a prerelease or build-metadata suffix.
product_version="${version%%[-+]*}"
[[ "$product_version" =~ ^[0-9]+\.[0-9]+(\.[0-9]+)?$ ]] || { echo "not an MSI version: $version" >&2; exit 1; }

mkdir -p "$out"
out="$(cd "$out" && pwd)"
if [[ -z "$publish" ]]; then
  publish="$out/publish-win-x64"
  rm -rf "$publish"
  "$root/scripts/publish-windows.sh" "$publish" >/dev/null
fi
publish="$(cd "$publish" && pwd)"
[[ -f "$publish/TrayPop.exe" ]] || { echo "no TrayPop.exe in $publish" >&2; exit 1; }

# wixl resolves sources relative to the working directory and refuses absolute paths, so it runs in a
# staging folder where "app" is the publish folder.
stage="$(mktemp -d "$out/.stage.XXXXXX")"
trap 'rm -rf "$stage"' EXIT
ln -s "$publish" "$stage/app"
cp "$here/TrayPop.ico" "$stage/TrayPop.ico"
cd "$stage"
(cd app && find . -type f -printf '%P\n' | LC_ALL=C sort) \
  | wixl-heat --prefix '' --directory-ref INSTALLDIR --component-group AppFiles --var var.SourceDir --win64 > AppFiles.wxs

msi="$out/TrayPop-$product_version-x64.msi"
rm -f "$msi"
wixl -a x64 -D Version="$product_version" -D SourceDir=app -D InstallerDir=. -D Win64=yes \
  -o "$msi" "$here/TrayPop.wxs" AppFiles.wxs

# Every public property is secure, so its value reaches the server side of a managed or elevated install.
public="$(grep -o '<Property Id="[A-Z_]*"' "$here/TrayPop.wxs" | sed 's/.*Id="\([A-Z_]*\)"/\1/' | grep -v '^ARP' | paste -sd';')"
existing="$(msiinfo export "$msi" Property | awk -F'\t' '$1 == "SecureCustomProperties" { print $2 }' | tr -d '\r')"
secure="${existing:+$existing;}$public"
if [[ -n "$existing" ]]; then
  msibuild "$msi" -q "UPDATE \`Property\` SET \`Value\` = '$secure' WHERE \`Property\` = 'SecureCustomProperties'"
else
  msibuild "$msi" -q "INSERT INTO \`Property\` (\`Property\`, \`Value\`) VALUES ('SecureCustomProperties', '$secure')"
fi
msibuild "$msi" -q "UPDATE \`Component\` SET \`Condition\` = 'AUTOSTART<>\"0\"' WHERE \`Component\` = 'AutoStart'"
# The upgrade row again with Attributes 1 (migrate feature states) + 0x200 (include the maximum): a rebuilt
# MSI of the same version upgrades in place instead of adding a second entry to Apps. Attributes is part
# of the Upgrade table's key, so the row is replaced rather than updated.
upgrade_code="$(msiinfo export "$msi" Property | awk -F'\t' '$1 == "UpgradeCode" { print $2 }' | tr -d '\r')"
msibuild "$msi" -q "DELETE FROM \`Upgrade\` WHERE \`ActionProperty\` = 'WIX_UPGRADE_DETECTED'"
msibuild "$msi" -q "INSERT INTO \`Upgrade\` (\`UpgradeCode\`, \`VersionMax\`, \`Attributes\`, \`ActionProperty\`) VALUES ('$upgrade_code', '$product_version', 513, 'WIX_UPGRADE_DETECTED')"

echo "$msi"
