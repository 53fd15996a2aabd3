#!/usr/bin/env bash
# Installs the Debian 12 packages trygg needs to build, test and run its demo. Idempotent: when
# everything is there it checks and exits quietly in well under a second.
set -euo pipefail

packages=(
  # build
  build-essential cmake ninja-build pkg-config
  # libraries (find_package in CMakeLists.txt)
  libgdal-dev gdal-bin libgeos-dev libproj-dev proj-bin libboost-dev
  libcli11-dev nlohmann-json3-dev libhowardhinnant-date-dev libsqlite3-dev
  # tests
  libgtest-dev libgmock-dev
  # Python module and its tests (always /usr/bin/python3)
  pybind11-dev python3-dev python3-numpy python3-pytest
  # offline install of the Python package (pip + setuptools driving CMake; a venv for its test)
  # and the optional pandas / geopandas conversions
  python3-pip python3-setuptools python3-wheel python3-venv python3-pandas python3-geopandas
  # peers the tests compare against, and a PostGIS server for the PG: source test
  python3-sklearn postgresql-15-postgis-3
  # pgRouting: trygg nearby is compared with pgr_withPointsDD (tests/peer, bench/)
  postgresql-15-pgrouting
  # maps (trygg map): Cairo renders PNG/SVG/PDF, Leaflet is inlined into HTML, chromium tests it
  libcairo2-dev libjs-leaflet fonts-dejavu-core chromium chromium-driver
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${missing[*]}" >&2
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
