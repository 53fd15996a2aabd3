# trygg heatmap: hand-computable densities, QGIS's rasters reproduced cell by cell, error codes.
#
# heatmap_two_points.geojson: A (500010, 6500010) klotter severity 1 r 15, B (500020, 6500010)
# belysning severity 3 r NULL. Grid --extent 500000 6500000 500040 6500020 with 10 m cells is
# 4 x 2 cells with centres x = ..05, ..15, ..25, ..35 and y = ..15, ..05. With radius 15 A
# reaches columns 0 and 1 (distance 7.07; column 2 is 15.8 away), B columns 1 and 2, so the
# uniform raw counts are 1 2 1 0 in both rows: max 2, total 8, 6 non-zero cells; the top 50 %
# is the two cells of column 1 (mass 4, share 0.5, 200 m2).
set(hm_two heatmap_two_points.geojson)
set(hm_grid --radius 15 --cell 10 --extent 500000 6500000 500040 6500020)
trygg_cli_test(heatmap.two_points_json EXIT 0 GOLDEN heatmap_two_points.json STDERR_EMPTY
  CLEAN ${TRYGG_CLI_TMP}/heatmap_two.tif
  ARGS heatmap ${hm_two} -o ${TRYGG_CLI_TMP}/heatmap_two.tif ${hm_grid} --kernel uniform --contour 50
       --overwrite --quiet --json)
set_tests_properties(cli.heatmap.two_points_json PROPERTIES FIXTURES_SETUP heatmap_two)
# The contour layer is readable by OGR: one polygon area.
trygg_cli_test(heatmap.contour_readable EXIT 0 STDOUT_CONTAINS "\"accepted\": 1"
  ARGS info ${TRYGG_CLI_TMP}/heatmap_two_areas.gpkg --kind areas --json)
set_tests_properties(cli.heatmap.contour_readable PROPERTIES FIXTURES_REQUIRED heatmap_two)
# The GeoTIFF holds the counts: compared with a raster we expect, written by hand as ASCII grid.
add_test(NAME cli.heatmap.two_points_raster
  COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/compare_rasters.py ${TRYGG_CLI_TMP}/heatmap_two.tif
          ${TRYGG_CLI_DATA}/heatmap_two_points_uniform.asc --rel 0 --abs 0 --min-nonzero 6)
set_tests_properties(cli.heatmap.two_points_raster PROPERTIES FIXTURES_REQUIRED heatmap_two)

# --weighted uses severity (1 and 3): 1 4 3 0 per row.
trygg_cli_test(heatmap.weighted EXIT 0 STDOUT_CONTAINS "\"total_mass\": 16"
  ARGS heatmap ${hm_two} -o ${TRYGG_CLI_TMP}/heatmap_weighted.tif ${hm_grid} --kernel uniform --weighted
       --overwrite --quiet --json)
# --value density: a uniform kernel is 1 / (pi r^2) per m2, so two points on a cell give
# 2e6 / (pi 225) = 2829.42121 per km2.
trygg_cli_test(heatmap.density EXIT 0 STDOUT_CONTAINS "\"max_value\": 2829.421"
  ARGS heatmap ${hm_two} -o ${TRYGG_CLI_TMP}/heatmap_density.tif ${hm_grid} --kernel uniform --value density
       --overwrite --quiet --json)
# Filters are counted on stderr.
trygg_cli_test(heatmap.category EXIT 0 STDERR_CONTAINS "kept 1 of 2 reports (left out: category 1)"
  ARGS heatmap ${hm_two} -o ${TRYGG_CLI_TMP}/heatmap_category.tif ${hm_grid} --category graffiti --overwrite)
trygg_cli_test(heatmap.time_window EXIT 0 STDERR_CONTAINS "kept 1 of 2 reports (left out: after 1)"
  ARGS heatmap ${hm_two} -o ${TRYGG_CLI_TMP}/heatmap_time.tif ${hm_grid} --from 2025-01-01 --to 2025-02-01 --overwrite)
# --radius-field without --radius: B has no radius and is left out, counted.
trygg_cli_test(heatmap.radius_field EXIT 0 STDERR_CONTAINS "left out: no_radius 1"
  ARGS heatmap ${hm_two} -o ${TRYGG_CLI_TMP}/heatmap_rfield.tif --cell 10 --radius-field r --overwrite)

# QGIS 3.22's rasters (tests/data/qgis_heatmap/README.md) reproduced cell by cell with
# --qgis-compatible on their grid (--like); and the default (exact) surface differs from them.
function(heatmap_qgis_case name)
  set(out ${TRYGG_CLI_TMP}/heatmap_qgis_${name}.tif)
  trygg_cli_test(heatmap.qgis_${name} EXIT 0 CLEAN ${out}
    ARGS heatmap qgis_heatmap/points.geojson -o ${out} --like qgis_heatmap/${name}.tif --weight-field w
         --qgis-compatible --quiet ${ARGN})
  set_tests_properties(cli.heatmap.qgis_${name} PROPERTIES FIXTURES_SETUP heatmap_qgis_${name})
  add_test(NAME cli.heatmap.qgis_${name}_equal
    COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/compare_rasters.py ${out}
            ${TRYGG_CLI_DATA}/qgis_heatmap/${name}.tif --min-nonzero 1000)
  set_tests_properties(cli.heatmap.qgis_${name}_equal PROPERTIES FIXTURES_REQUIRED heatmap_qgis_${name})
endfunction()
heatmap_qgis_case(quartic --radius 300 --kernel quartic)
heatmap_qgis_case(triangular_decay05 --radius 300 --kernel triangular --decay 0.5)
heatmap_qgis_case(uniform --radius 300 --kernel uniform)
heatmap_qgis_case(triweight --radius 300 --kernel triweight)
heatmap_qgis_case(epanechnikov --radius 300 --kernel epanechnikov)
heatmap_qgis_case(quartic_radius_field --radius-field r)
trygg_cli_test(heatmap.exact_quartic EXIT 0 CLEAN ${TRYGG_CLI_TMP}/heatmap_exact_quartic.tif
  ARGS heatmap qgis_heatmap/points.geojson -o ${TRYGG_CLI_TMP}/heatmap_exact_quartic.tif
       --like qgis_heatmap/quartic.tif --weight-field w --radius 300 --quiet)
set_tests_properties(cli.heatmap.exact_quartic PROPERTIES FIXTURES_SETUP heatmap_exact)
add_test(NAME cli.heatmap.exact_differs_from_qgis
  COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/compare_rasters.py ${TRYGG_CLI_TMP}/heatmap_exact_quartic.tif
          ${TRYGG_CLI_DATA}/qgis_heatmap/quartic.tif --expect-differ 0.01)
set_tests_properties(cli.heatmap.exact_differs_from_qgis PROPERTIES FIXTURES_REQUIRED heatmap_exact)
# Without --like, --qgis-compatible makes QGIS's default grid itself.
trygg_cli_test(heatmap.qgis_default_grid EXIT 0 CLEAN ${TRYGG_CLI_TMP}/heatmap_qgis_grid.tif
  ARGS heatmap qgis_heatmap/points.geojson -o ${TRYGG_CLI_TMP}/heatmap_qgis_grid.tif --cell 25 --radius 300
       --weight-field w --qgis-compatible --quiet)
set_tests_properties(cli.heatmap.qgis_default_grid PROPERTIES FIXTURES_SETUP heatmap_qgis_grid)
add_test(NAME cli.heatmap.qgis_default_grid_equal
  COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/compare_rasters.py ${TRYGG_CLI_TMP}/heatmap_qgis_grid.tif
          ${TRYGG_CLI_DATA}/qgis_heatmap/quartic.tif --min-nonzero 1000)
set_tests_properties(cli.heatmap.qgis_default_grid_equal PROPERTIES FIXTURES_REQUIRED heatmap_qgis_grid)

# Usage errors: exit 2, and no output left behind.
trygg_cli_test(heatmap.no_radius EXIT 2 STDERR_CONTAINS "--radius is required"
  NO_FILE ${TRYGG_CLI_TMP}/heatmap_err.tif ARGS heatmap ${hm_two} -o ${TRYGG_CLI_TMP}/heatmap_err.tif --cell 10)
trygg_cli_test(heatmap.no_cell EXIT 2 STDERR_CONTAINS "--cell is required"
  NO_FILE ${TRYGG_CLI_TMP}/heatmap_err.tif ARGS heatmap ${hm_two} -o ${TRYGG_CLI_TMP}/heatmap_err.tif --radius 10)
trygg_cli_test(heatmap.zero_cell EXIT 2 STDERR_CONTAINS "--cell must be a positive"
  NO_FILE ${TRYGG_CLI_TMP}/heatmap_err.tif ARGS heatmap ${hm_two} -o ${TRYGG_CLI_TMP}/heatmap_err.tif --radius 10 --cell 0)
trygg_cli_test(heatmap.negative_radius EXIT 2 STDERR_CONTAINS "--radius must be a positive"
  ARGS heatmap ${hm_two} -o ${TRYGG_CLI_TMP}/heatmap_err.tif --radius -5 --cell 10)
trygg_cli_test(heatmap.unknown_kernel EXIT 2 STDERR_CONTAINS "--kernel 'cosine': unknown"
  ARGS heatmap ${hm_two} -o ${TRYGG_CLI_TMP}/heatmap_err.tif --radius 10 --cell 10 --kernel cosine)
trygg_cli_test(heatmap.huge_grid EXIT 2 STDERR_CONTAINS "use a larger --cell"
  NO_FILE ${TRYGG_CLI_TMP}/heatmap_err.tif ARGS heatmap ${hm_two} -o ${TRYGG_CLI_TMP}/heatmap_err.tif --radius 1000 --cell 0.01)
trygg_cli_test(heatmap.out_crs EXIT 2 STDERR_CONTAINS "--out-crs is not supported for rasters"
  ARGS heatmap ${hm_two} -o ${TRYGG_CLI_TMP}/heatmap_err.tif --radius 10 --cell 10 --out-crs EPSG:4326)
trygg_cli_test(heatmap.not_tif EXIT 2 STDERR_CONTAINS "use a .tif name"
  ARGS heatmap ${hm_two} -o ${TRYGG_CLI_TMP}/heatmap_err.gpkg --radius 10 --cell 10)
trygg_cli_test(heatmap.decay_not_triangular EXIT 2 STDERR_CONTAINS "--decay applies to --kernel triangular only"
  ARGS heatmap ${hm_two} -o ${TRYGG_CLI_TMP}/heatmap_err.tif --radius 10 --cell 10 --decay 0.5)
trygg_cli_test(heatmap.qgis_gaussian EXIT 2 STDERR_CONTAINS "QGIS has no gaussian kernel"
  ARGS heatmap ${hm_two} -o ${TRYGG_CLI_TMP}/heatmap_err.tif --radius 10 --cell 10 --kernel gaussian --qgis-compatible)
trygg_cli_test(heatmap.like_crs_differs EXIT 2 STDERR_CONTAINS "differs from the CRS of --like"
  ARGS heatmap ${hm_two} -o ${TRYGG_CLI_TMP}/heatmap_err.tif --radius 10 --like qgis_heatmap/quartic.tif --crs EPSG:32633)
trygg_cli_test(heatmap.like_and_extent EXIT 2 STDERR_CONTAINS "--extent and --like"
  ARGS heatmap ${hm_two} -o ${TRYGG_CLI_TMP}/heatmap_err.tif --radius 10 --like qgis_heatmap/quartic.tif
       --extent 0 0 1 1)
trygg_cli_test(heatmap.weighted_no_field EXIT 2 STDERR_CONTAINS "has no weight field"
  ARGS heatmap qgis_heatmap/points.geojson -o ${TRYGG_CLI_TMP}/heatmap_err.tif --radius 10 --cell 10 --weighted)
trygg_cli_test(heatmap.bad_from EXIT 2 STDERR_CONTAINS "--from: 'yesterday'"
  ARGS heatmap ${hm_two} -o ${TRYGG_CLI_TMP}/heatmap_err.tif --radius 10 --cell 10 --from yesterday)
trygg_cli_test(heatmap.contour_range EXIT 2 STDERR_CONTAINS "--contour is a percentage"
  ARGS heatmap ${hm_two} -o ${TRYGG_CLI_TMP}/heatmap_err.tif --radius 10 --cell 10 --contour 0)
# An existing output is kept without --overwrite (the first run makes it).
trygg_cli_test(heatmap.make_existing EXIT 0 CLEAN ${TRYGG_CLI_TMP}/heatmap_exists.tif
  ARGS heatmap ${hm_two} -o ${TRYGG_CLI_TMP}/heatmap_exists.tif ${hm_grid} --quiet)
set_tests_properties(cli.heatmap.make_existing PROPERTIES FIXTURES_SETUP heatmap_exists)
trygg_cli_test(heatmap.output_exists EXIT 2 STDERR_CONTAINS "--overwrite"
  ARGS heatmap ${hm_two} -o ${TRYGG_CLI_TMP}/heatmap_exists.tif ${hm_grid})
set_tests_properties(cli.heatmap.output_exists PROPERTIES FIXTURES_REQUIRED heatmap_exists)

# Data errors: exit 1.
trygg_cli_test(heatmap.missing_input EXIT 1 STDERR_CONTAINS "nothing_here.geojson"
  ARGS heatmap nothing_here.geojson -o ${TRYGG_CLI_TMP}/heatmap_err.tif --radius 10 --cell 10)
trygg_cli_test(heatmap.nothing_left EXIT 1 STDERR_CONTAINS "no reports left to map after the filters"
  ARGS heatmap ${hm_two} -o ${TRYGG_CLI_TMP}/heatmap_err.tif --radius 10 --cell 10 --category vandalism --quiet)

# --compress: zstd holds the same hand-computed counts as the default; an unknown name is a usage error.
trygg_cli_test(heatmap.compress_zstd EXIT 0 STDERR_EMPTY CLEAN ${TRYGG_CLI_TMP}/heatmap_zstd.tif
  ARGS heatmap ${hm_two} -o ${TRYGG_CLI_TMP}/heatmap_zstd.tif ${hm_grid} --kernel uniform --compress zstd
       --overwrite --quiet)
set_tests_properties(cli.heatmap.compress_zstd PROPERTIES FIXTURES_SETUP heatmap_zstd)
add_test(NAME cli.heatmap.compress_zstd_raster
  COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/compare_rasters.py ${TRYGG_CLI_TMP}/heatmap_zstd.tif
          ${TRYGG_CLI_DATA}/heatmap_two_points_uniform.asc --rel 0 --abs 0 --min-nonzero 6)
set_tests_properties(cli.heatmap.compress_zstd_raster PROPERTIES FIXTURES_REQUIRED heatmap_zstd)
trygg_cli_test(heatmap.compress_unknown EXIT 2 STDERR_CONTAINS "--compress"
  NO_FILE ${TRYGG_CLI_TMP}/heatmap_jpeg.tif
  ARGS heatmap ${hm_two} -o ${TRYGG_CLI_TMP}/heatmap_jpeg.tif ${hm_grid} --compress jpeg)
