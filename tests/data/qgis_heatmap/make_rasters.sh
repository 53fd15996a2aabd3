#!/bin/sh
# Regenerates the QGIS reference rasters from points.geojson (needs QGIS: apt-get install qgis).
set -eu
cd "$(dirname "$0")"
export QT_QPA_PLATFORM=offscreen
run() {
  out=$1; shift
  rm -f "$out"
  qgis_process.bin run qgis:heatmapkerneldensityestimation -- INPUT=points.geojson \
    PIXEL_SIZE=25 WEIGHT_FIELD=w OUTPUT_VALUE=0 "$@" OUTPUT="$PWD/$out" > /dev/null
  rm -f "$out.aux.xml"
}
run quartic.tif            RADIUS=300 KERNEL=0
run triangular_decay05.tif RADIUS=300 KERNEL=1 DECAY=0.5
run uniform.tif            RADIUS=300 KERNEL=2
run triweight.tif          RADIUS=300 KERNEL=3
run epanechnikov.tif       RADIUS=300 KERNEL=4
run quartic_radius_field.tif RADIUS=300 RADIUS_FIELD=r KERNEL=0
