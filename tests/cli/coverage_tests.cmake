# trygg coverage on tests/data/coverage_*.geojson (EPSG:3006, offsets from (570000, 6600000)):
#   walkway 1 (0,0)-(100,0)-(200,0), walkway 2 (200,0)-(300,0), walkway 3 (0,100)-(100,100).
#   light 1 at (50,12): 20 m disc cuts walkway 1 in a chord 2*sqrt(400-144) = 32 m, [34, 66];
#   light 2 at (150,0): [130, 170] on walkway 1; light 3 at (250,0) is broken (counted, dark);
#   light 4 at (50,100): [30, 70] on walkway 3.
#   => length 400 m, lit 32 + 40 + 40 = 112 m (0.28). Unlit: w1 [0,34] [66,130] [170,200],
#   w2 [0,100] (joined with w1's [170,200] at the degree-2 node (200,0): one 130 m gap),
#   w3 [0,30] [70,100]: 5 gaps >= 25 m, 34 + 64 + 130 + 30 + 30 = 288 m.
#   Reports: (100,10) is 10 m from the [66,130] gap, (250,20) 20 m from the 130 m gap,
#   (250,30) 30 m away (> 25, not counted): ranks 130 m (score 1, longer), 64 m (1), 34, 30, 30.
#   Area "West" x in [0,100]: w1 [0,100] (lit 32) + w3 (lit 40): 200 m, lit share 0.36.
set(cov_base coverage --walkways coverage_walkways.geojson --lights coverage_lights.geojson)

trygg_cli_test(coverage.json EXIT 0 GOLDEN coverage_fixture.json STDERR_EMPTY
  CLEAN ${TRYGG_CLI_TMP}/coverage_fixture.gpkg
  ARGS ${cov_base} --reports coverage_reports.geojson --areas coverage_areas.geojson
       -o ${TRYGG_CLI_TMP}/coverage_fixture.gpkg --json --quiet)
# Radius from height 2.5: light 1 (8 m) 20 m, light 2 (6 m) 15 m -> [135, 165], light 4 has no
# height and keeps 20 m (counted): lit 32 + 30 + 40 = 102 m.
trygg_cli_test(coverage.radius_from_height EXIT 0 STDOUT_CONTAINS "\"lit_length_m\": 102.0"
  CLEAN ${TRYGG_CLI_TMP}/coverage_rfh.gpkg
  ARGS ${cov_base} --radius-from-height 2.5 -o ${TRYGG_CLI_TMP}/coverage_rfh.gpkg --json --quiet)
trygg_cli_test(coverage.summary_line EXIT 0
  STDERR_CONTAINS "3 of 4 lights light (1 broken/out by status); walkways 0.4 km, lit 28%; 5 dark gaps"
  CLEAN ${TRYGG_CLI_TMP}/coverage_summary.gpkg
  ARGS ${cov_base} -o ${TRYGG_CLI_TMP}/coverage_summary.gpkg)
# --min-gap 60 keeps the 130 m and 64 m gaps.
trygg_cli_test(coverage.min_gap EXIT 0 STDOUT_CONTAINS "\"gaps\": 2,"
  CLEAN ${TRYGG_CLI_TMP}/coverage_min_gap.gpkg
  ARGS ${cov_base} --min-gap 60 -o ${TRYGG_CLI_TMP}/coverage_min_gap.gpkg --json --quiet)
# GeoJSON output: walkway_pieces in the file, the other layers beside it.
trygg_cli_test(coverage.geojson_siblings EXIT 0 STDERR_EMPTY
  CLEAN ${TRYGG_CLI_TMP}/coverage_gj.geojson
  ARGS ${cov_base} -o ${TRYGG_CLI_TMP}/coverage_gj.geojson --quiet --overwrite)
# Usage errors: nothing is written.
trygg_cli_test(coverage.class_needs_lux EXIT 2 STDERR_CONTAINS "--class and --min-lux need --model lux"
  NO_FILE ${TRYGG_CLI_TMP}/coverage_bad1.gpkg
  ARGS ${cov_base} --class P4 -o ${TRYGG_CLI_TMP}/coverage_bad1.gpkg)
trygg_cli_test(coverage.bad_class EXIT 2 STDERR_CONTAINS "--class must be one of P1, P2, P3, P4, P5, P6"
  NO_FILE ${TRYGG_CLI_TMP}/coverage_bad2.gpkg
  ARGS ${cov_base} --model lux --class P9 -o ${TRYGG_CLI_TMP}/coverage_bad2.gpkg)
trygg_cli_test(coverage.bad_radius EXIT 2 STDERR_CONTAINS "--light-radius must be a number > 0 (metres)"
  NO_FILE ${TRYGG_CLI_TMP}/coverage_bad3.gpkg
  ARGS ${cov_base} --light-radius 0 -o ${TRYGG_CLI_TMP}/coverage_bad3.gpkg)
trygg_cli_test(coverage.missing_lights EXIT 2 STDERR_CONTAINS "--lights is required"
  ARGS coverage --walkways coverage_walkways.geojson -o ${TRYGG_CLI_TMP}/coverage_bad4.gpkg)
trygg_cli_test(coverage.missing_file EXIT 1 STDERR_CONTAINS "nothing.geojson"
  NO_FILE ${TRYGG_CLI_TMP}/coverage_bad5.gpkg
  ARGS coverage --walkways nothing.geojson --lights coverage_lights.geojson -o ${TRYGG_CLI_TMP}/coverage_bad5.gpkg)
# The inputs are read at the same time; with two missing the error is the first one's, as when
# read in turn.
trygg_cli_test(coverage.first_missing_file EXIT 1 STDERR_CONTAINS "nothing.geojson: no such file"
  NO_FILE ${TRYGG_CLI_TMP}/coverage_bad6.gpkg
  ARGS coverage --walkways nothing.geojson --lights nothing_either.geojson -o ${TRYGG_CLI_TMP}/coverage_bad6.gpkg)
# A camera without heading at (250,0), range 30: a full circle that sees walkway 2 from 20 to
# 80 m: 60 of 400 m = 15 %, and the missing heading is reported.
trygg_cli_test(coverage.camera EXIT 0
  STDERR_CONTAINS "1 camera (1 without heading: taken as 360 degrees); walkways 0.4 km, lit 28%, seen 15%"
  CLEAN ${TRYGG_CLI_TMP}/coverage_camera.gpkg
  ARGS ${cov_base} --cameras coverage_cameras.geojson -o ${TRYGG_CLI_TMP}/coverage_camera.gpkg)
