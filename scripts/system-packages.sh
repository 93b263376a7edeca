#!/usr/bin/env bash
# Installs the Debian packages the portal needs when they are missing: WeasyPrint's libraries and a
# Times-compatible serif font with Cyrillic (always), Chromium for the browser tests and LibreOffice Writer for
# the test that opens every document's DOCX as LibreOffice does (with "test"), wrk for the load benchmark (with
# "bench").
# As root it runs apt-get; otherwise it prints the exact command and fails.
set -euo pipefail

packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-liberation2)
if [ "${1:-}" = "test" ]; then
  packages+=(chromium libreoffice-writer-nogui)
fi
if [ "${1:-}" = "bench" ]; then
  packages+=(wrk)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

command="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" = "0" ]; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  echo "Installing system packages with sudo: ${missing[*]}"
  sudo sh -c "DEBIAN_FRONTEND=noninteractive $command"
else
  echo "Missing system packages: ${missing[*]}. Install them as root:" >&2
  echo "  sudo sh -c '$command'" >&2
  exit 1
fi
