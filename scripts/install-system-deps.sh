#!/usr/bin/env bash
# Debian packages the tests use for real: Chromium (the map in a browser), GDAL
# (ogrinfo on the GeoPackage), QGIS (the styled project rendered) and npm (the map's
# front-end files served locally). Installs only what is missing.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v ogrinfo >/dev/null 2>&1 || need+=(gdal-bin)
/usr/bin/python3 -c "import qgis.core" >/dev/null 2>&1 || need+=(python3-qgis qgis-providers)
command -v npm >/dev/null 2>&1 || need+=(npm)
command -v xvfb-run >/dev/null 2>&1 || need+=(xvfb)
fc-list 2>/dev/null | grep -qi dejavu || need+=(fonts-dejavu-core)

if [ ${#need[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "system packages: installing ${need[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
