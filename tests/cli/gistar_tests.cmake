# trygg gistar: z-scores checked against numbers known independently of the library (esda's
# published G_Local values; a dense reference computation for the grid and area fixtures, whose
# counts are placed by hand), JSON summaries, FDR bins, and exit codes.
find_program(TRYGG_OGR2OGR ogr2ogr)

# Runs ogr2ogr on a gistar output (made by the test that sets up `fixture`) and compares the
# rows the SQL selects with a golden CSV.
function(gistar_export name fixture file sql golden)
  if(NOT TRYGG_OGR2OGR)
    return()
  endif()
  string(REPLACE ";" "|" args "-f;CSV;/vsistdout/;${file};-dialect;SQLite;-lco;STRING_QUOTING=IF_NEEDED;-sql;${sql}")
  add_test(NAME cli.${name}
    COMMAND ${CMAKE_COMMAND} -DTRYGG=${TRYGG_OGR2OGR} "-DARGS=${args}" -DWORKDIR=${TRYGG_CLI_DATA} -DEXPECT_EXIT=0
            -DGOLDEN=${TRYGG_CLI_GOLDEN}/${golden} -P ${CMAKE_CURRENT_SOURCE_DIR}/run_cli_test.cmake)
  set_tests_properties(cli.${name} PROPERTIES FIXTURES_REQUIRED ${fixture})
endfunction()

# Points with a value: esda's six-point example (coordinates shifted into Sweden; Gi* is
# translation-invariant), distance band 15, plus one row whose value is not a number.
trygg_cli_test(gistar.esda EXIT 0 GOLDEN gistar_esda.json
  STDERR_CONTAINS "left out 1 features whose 'value' is not a number"
  ARGS gistar gistar_esda.csv --src-crs EPSG:3006 --value-field value --distance 15 --weights binary
       -o ${TRYGG_CLI_TMP}/gistar_esda.gpkg --overwrite --json)
set_tests_properties(cli.gistar.esda PROPERTIES FIXTURES_SETUP gistar_esda)
gistar_export(gistar.esda_values gistar_esda ${TRYGG_CLI_TMP}/gistar_esda.gpkg
  "SELECT id, printf('%.7f', gi_z) AS gi_z, printf('%.4f', gi_p) AS gi_p, gi_bin, neighbours FROM gistar ORDER BY id"
  gistar_esda_values.csv)
# Row-standardised Gi (no self weight): esda's lg.Zs for transform='R', star=False.
trygg_cli_test(gistar.esda_row_gi EXIT 0 STDOUT_CONTAINS "Gi on 6 points (distance 15 m, row weights)"
  ARGS gistar gistar_esda.csv --src-crs EPSG:3006 --value-field value --distance 15 --weights row --no-star
       -o ${TRYGG_CLI_TMP}/gistar_esda_row_gi.gpkg --overwrite --quiet)
set_tests_properties(cli.gistar.esda_row_gi PROPERTIES FIXTURES_SETUP gistar_esda_row_gi)
gistar_export(gistar.esda_row_gi_values gistar_esda_row_gi ${TRYGG_CLI_TMP}/gistar_esda_row_gi.gpkg
  "SELECT id, printf('%.7f', gi_z) AS gi_z, neighbours FROM gistar ORDER BY id" gistar_esda_row_gi_values.csv)
# FDR: the smallest p (0.043) is above every BH critical value for m = 6, so nothing is left.
trygg_cli_test(gistar.esda_fdr EXIT 0 GOLDEN gistar_esda_fdr.json
  ARGS gistar gistar_esda.csv --src-crs EPSG:3006 --value-field value --distance 15 --fdr
       -o ${TRYGG_CLI_TMP}/gistar_esda_fdr.gpkg --overwrite --json --quiet)

# Grid: 18 reports placed by hand in a 4 x 3 grid of 100 m cells (corner reports fix the extent);
# default neighbourhood 1.5 x cell = the 8 surrounding cells.
trygg_cli_test(gistar.grid EXIT 0 GOLDEN gistar_grid.json STDERR_EMPTY
  ARGS gistar gistar_grid.csv --src-crs EPSG:3006 --cell 100 -o ${TRYGG_CLI_TMP}/gistar_grid.gpkg --overwrite --json)
set_tests_properties(cli.gistar.grid PROPERTIES FIXTURES_SETUP gistar_grid)
gistar_export(gistar.grid_values gistar_grid ${TRYGG_CLI_TMP}/gistar_grid.gpkg
  "SELECT cell_id, count, printf('%.6f', gi_z) AS gi_z, gi_bin, neighbours FROM gistar ORDER BY cell_id"
  gistar_grid_values.csv)
trygg_cli_test(gistar.grid_text EXIT 0 STDOUT_CONTAINS "  hot spots   99% 1, 95% 2, 90% 0\n  cold spots  99% 0, 95% 2, 90% 1" STDERR_EMPTY
  ARGS gistar gistar_grid.csv --src-crs EPSG:3006 --cell 100 -o ${TRYGG_CLI_TMP}/gistar_grid_text.gpkg --overwrite)
# ArcGIS FDR rule: BH at 0.10 keeps the 5 smallest p (<= 0.0363), nothing survives 0.05.
trygg_cli_test(gistar.grid_fdr EXIT 0 GOLDEN gistar_grid_fdr.json STDERR_EMPTY
  ARGS gistar gistar_grid.csv --src-crs EPSG:3006 --cell 100 --fdr -o ${TRYGG_CLI_TMP}/gistar_grid_fdr.gpkg
       --overwrite --json)
# One FDR level: the same 5 features keep their uncorrected bins (99/95 %), cell 1 (p 0.073) drops.
trygg_cli_test(gistar.grid_fdr_alpha EXIT 0 GOLDEN gistar_grid_fdr_alpha.json STDERR_EMPTY
  ARGS gistar gistar_grid.csv --src-crs EPSG:3006 --cell 100 --fdr --alpha 0.10
       -o ${TRYGG_CLI_TMP}/gistar_grid_fdr_alpha.gpkg --overwrite --json)
# Weighted: the severities sum to 36.
trygg_cli_test(gistar.grid_weighted EXIT 0 STDERR_EMPTY
  ARGS gistar gistar_grid.csv --src-crs EPSG:3006 --cell 100 --weighted -o ${TRYGG_CLI_TMP}/gistar_grid_weighted.gpkg
       --overwrite --quiet)
set_tests_properties(cli.gistar.grid_weighted PROPERTIES FIXTURES_SETUP gistar_grid_weighted)
gistar_export(gistar.grid_weighted_sum gistar_grid_weighted ${TRYGG_CLI_TMP}/gistar_grid_weighted.gpkg
  "SELECT sum(count) AS total, max(count) AS most FROM gistar" gistar_grid_weighted_sum.csv)
# Filters: 12 of the 18 reports are dated before 2025-05-01 (months cycle Feb, Mar, Apr, May, Jun, Jan).
trygg_cli_test(gistar.grid_to EXIT 0 STDERR_CONTAINS "kept 12 of 18 reports (left out: after 6)"
  ARGS gistar gistar_grid.csv --src-crs EPSG:3006 --cell 100 --to 2025-05-01
       -o ${TRYGG_CLI_TMP}/gistar_grid_to.gpkg --overwrite)
# The 6 later reports make a grid of equal counts: no variance, a data error (exit 1).
trygg_cli_test(gistar.grid_from_all_equal EXIT 1 STDERR_CONTAINS "all values are equal"
  ARGS gistar gistar_grid.csv --src-crs EPSG:3006 --cell 100 --from 2025-05-01
       -o ${TRYGG_CLI_TMP}/gistar_grid_from.gpkg --overwrite --quiet)
trygg_cli_test(gistar.grid_extent EXIT 0 STDERR_CONTAINS "11 reports outside --extent not counted"
  ARGS gistar gistar_grid.csv --src-crs EPSG:3006 --cell 100 --extent 500000,6600000,500300,6600300
       -o ${TRYGG_CLI_TMP}/gistar_grid_extent.gpkg --overwrite)

# Areas: five 100 m squares in a row with 0, 1, 2, 8, 9 reports (and one report outside all).
trygg_cli_test(gistar.areas EXIT 0 STDERR_CONTAINS "1 reports outside every area not counted"
  ARGS gistar gistar_areas_reports.csv --src-crs EPSG:3006 --areas gistar_areas.geojson --distance 100
       -o ${TRYGG_CLI_TMP}/gistar_areas.gpkg --overwrite)
set_tests_properties(cli.gistar.areas PROPERTIES FIXTURES_SETUP gistar_areas)
gistar_export(gistar.areas_values gistar_areas ${TRYGG_CLI_TMP}/gistar_areas.gpkg
  "SELECT area_id, name, count, printf('%.6f', gi_z) AS gi_z, gi_bin, neighbours FROM gistar ORDER BY area_id"
  gistar_areas_values.csv)

# Usage errors: exit 2.
trygg_cli_test(gistar.no_mode EXIT 2 STDERR_CONTAINS "choose a mode"
  ARGS gistar gistar_grid.csv --src-crs EPSG:3006 -o ${TRYGG_CLI_TMP}/gistar_x.gpkg)
trygg_cli_test(gistar.two_modes EXIT 2 STDERR_CONTAINS "choose one mode"
  ARGS gistar gistar_grid.csv --src-crs EPSG:3006 --cell 100 --areas gistar_areas.geojson -o ${TRYGG_CLI_TMP}/gistar_x.gpkg)
trygg_cli_test(gistar.missing_value_field EXIT 2 STDERR_CONTAINS "--value-field 'nope': no such field"
  ARGS gistar gistar_esda.csv --src-crs EPSG:3006 --value-field nope --distance 15 -o ${TRYGG_CLI_TMP}/gistar_x.gpkg)
trygg_cli_test(gistar.no_neighbourhood EXIT 2 STDERR_CONTAINS "--distance METRES or --k N"
  ARGS gistar gistar_esda.csv --src-crs EPSG:3006 --value-field value -o ${TRYGG_CLI_TMP}/gistar_x.gpkg)
trygg_cli_test(gistar.k_too_large EXIT 2 STDERR_CONTAINS "k must be between 1 and the number of features - 1 (5), got 6"
  ARGS gistar gistar_esda.csv --src-crs EPSG:3006 --value-field value --k 6 -o ${TRYGG_CLI_TMP}/gistar_x.gpkg --quiet)
trygg_cli_test(gistar.alpha_without_fdr EXIT 2 STDERR_CONTAINS "--alpha goes with --fdr"
  ARGS gistar gistar_grid.csv --src-crs EPSG:3006 --cell 100 --alpha 0.05 -o ${TRYGG_CLI_TMP}/gistar_x.gpkg)
trygg_cli_test(gistar.output_exists EXIT 2 STDERR_CONTAINS "exists"
  ARGS gistar gistar_esda.csv --src-crs EPSG:3006 --value-field value --distance 15 -o ${TRYGG_CLI_TMP}/gistar_esda.gpkg --quiet)
set_tests_properties(cli.gistar.output_exists PROPERTIES FIXTURES_REQUIRED gistar_esda)
trygg_cli_test(gistar.output_is_input EXIT 2 STDERR_CONTAINS "gistar_areas.geojson" NO_FILE ${TRYGG_CLI_TMP}/none
  ARGS gistar gistar_areas_reports.csv --src-crs EPSG:3006 --areas gistar_areas.geojson --distance 100
       -o gistar_areas.geojson --overwrite --quiet)
# Data errors: exit 1.
trygg_cli_test(gistar.missing_input EXIT 1 STDERR_CONTAINS "nothing_here.csv"
  ARGS gistar nothing_here.csv --cell 100 -o ${TRYGG_CLI_TMP}/gistar_x.gpkg)

# An output clash is found before reading: exit 2 and no --rejects file left behind.
trygg_cli_test(gistar.clash_leaves_no_rejects EXIT 2 STDERR_CONTAINS "exists"
  CLEAN ${TRYGG_CLI_TMP}/early_rejects_gi.gpkg NO_FILE ${TRYGG_CLI_TMP}/early_rejects_gi.gpkg
  ARGS gistar reports_bad.geojson -o districts.geojson --cell 10 --rejects ${TRYGG_CLI_TMP}/early_rejects_gi.gpkg)
