# trygg route on tests/data/route_walkways.geojson (EPSG:3006), figures worked out by hand:
#   walkway 1 "Mörka stigen": (500000,6600000) -> (500200,6600000), 200 m, lit=no
#   walkway 2 "Ljusa gatan":  the same two ends by a 50 m + 200 m + 50 m detour to the north, lit=yes
#   walkway 3 "Ön":           100 m far to the east, not connected to the others
# From (500020,6599995) to (500180,6599995): both snap 5 m north onto walkway 1, at 20 and 180 m.
#   shortest: 160 m along walkway 1, all dark.
#   safe (w_dark 2, no cameras so w_unseen unused): direct 160 * 3 = 480 > 20*3 + 300 + 20*3 = 420,
#   so back 20 m, round the lit 300 m, 20 m on: 340 m, detour 340/160 - 1 = 112.5 %,
#   lit 300/340 = 0.8824, dark stretches 0-20 and 320-340.
set(route_base route --walkways route_walkways.geojson --point-crs EPSG:3006)
set(route_ab --from 500020,6599995 --to 500180,6599995)

trygg_cli_test(route.attribute_lighting EXIT 0 GOLDEN route_attribute.json STDERR_EMPTY
  CLEAN ${TRYGG_CLI_TMP}/route_attr.gpkg
  ARGS ${route_base} ${route_ab} -o ${TRYGG_CLI_TMP}/route_attr.gpkg --json --quiet)
# --w-dark 1: direct 160 * 2 = 320 < 40 * 2 + 300 = 380: the safe route is the shortest.
trygg_cli_test(route.low_dark_weight EXIT 0
  STDOUT_CONTAINS "\"safe\": {\n    \"length_m\": 160.0,\n    \"detour_pct\": 0.0"
  CLEAN ${TRYGG_CLI_TMP}/route_low.gpkg
  ARGS ${route_base} ${route_ab} --w-dark 1 -o ${TRYGG_CLI_TMP}/route_low.gpkg --json --quiet)
# With the one light 5 m north of walkway 1's middle (20 m disc): it lights 2*sqrt(20^2 - 5^2)
# = 38.73 m of walkway 1 and nothing of walkway 2 (now dark too), so the safe route is the
# shortest: lit 38.73 / 160 = 0.2421, dark 121.27 m in two stretches.
trygg_cli_test(route.lights EXIT 0
  STDOUT_CONTAINS "\"lit_share\": 0.2421,\n    \"seen_share\": 0.0,\n    \"exposure\": 0.0,\n    \"dark_m\": 121.27"
  CLEAN ${TRYGG_CLI_TMP}/route_lights.gpkg
  ARGS ${route_base} ${route_ab} --lights route_lights.geojson -o ${TRYGG_CLI_TMP}/route_lights.gpkg --json --quiet)
# One report 10 m south of walkway 1's middle: walkway 1 has exposure 1 (the largest); walkway 2
# is at least 60 m from it, beyond the 50 m kernel and the 5 m cells next to it: 0. Without darkness (--w-dark 0):
#   --w-hot 1: direct 160 * 2 = 320 < 40 * 2 + 300 = 380 -> the shortest, exposure 1.
#   --w-hot 2: direct 160 * 3 = 480 > 40 * 3 + 300 = 420 -> round, exposure 40/340 = 0.1176.
trygg_cli_test(route.exposure_kept EXIT 0
  STDOUT_CONTAINS "\"safe\": {\n    \"length_m\": 160.0,\n    \"detour_pct\": 0.0,\n    \"lit_share\": 0.0,\n    \"seen_share\": 0.0,\n    \"exposure\": 1.0,"
  CLEAN ${TRYGG_CLI_TMP}/route_hot1.gpkg
  ARGS ${route_base} ${route_ab} --reports route_reports.geojson --w-dark 0 -o ${TRYGG_CLI_TMP}/route_hot1.gpkg --json --quiet)
trygg_cli_test(route.exposure_avoided EXIT 0
  STDOUT_CONTAINS "\"length_m\": 340.0,\n    \"detour_pct\": 112.5,\n    \"lit_share\": 0.8824,\n    \"seen_share\": 0.0,\n    \"exposure\": 0.1176,"
  CLEAN ${TRYGG_CLI_TMP}/route_hot2.gpkg
  ARGS ${route_base} ${route_ab} --reports route_reports.geojson --w-dark 0 --w-hot 2 -o ${TRYGG_CLI_TMP}/route_hot2.gpkg --json --quiet)
# LON,LAT by default: the same two points in WGS 84 (cs2cs EPSG:3006 -> EPSG:4326).
trygg_cli_test(route.lonlat EXIT 0 STDOUT_CONTAINS "\"detour_pct\": 112.5"
  CLEAN ${TRYGG_CLI_TMP}/route_lonlat.gpkg
  ARGS route --walkways route_walkways.geojson --from 15.000353650,59.538304230 --to 15.003182854,59.538304191
       -o ${TRYGG_CLI_TMP}/route_lonlat.gpkg --json --quiet)
# Many pairs: one row per pair in the JSON and two routes per pair in the file.
trygg_cli_test(route.pairs EXIT 0 STDOUT_CONTAINS "\"id\": \"b\",\n      \"shortest\": {\n        \"length_m\": 160.0"
  CLEAN ${TRYGG_CLI_TMP}/route_pairs.gpkg
  ARGS ${route_base} --pairs route_pairs.csv -o ${TRYGG_CLI_TMP}/route_pairs.gpkg --json --quiet)
trygg_cli_test(route.pairs_bad_row EXIT 1 STDERR_CONTAINS "route_pairs_bad.csv: feature 2: field 'from_y': 'north' is not a number"
  NO_FILE ${TRYGG_CLI_TMP}/route_pairs_bad.gpkg
  ARGS ${route_base} --pairs route_pairs_bad.csv -o ${TRYGG_CLI_TMP}/route_pairs_bad.gpkg --quiet)
# The summary line on stderr.
trygg_cli_test(route.summary_line EXIT 0
  STDERR_CONTAINS "trygg route: shortest 160 m, 0% lit; safe 340 m (+112.5%), 88.2% lit"
  CLEAN ${TRYGG_CLI_TMP}/route_summary.gpkg
  ARGS ${route_base} ${route_ab} -o ${TRYGG_CLI_TMP}/route_summary.gpkg)
# GeoJSON holds one layer: the dark stretches go to a sibling file.
trygg_cli_test(route.geojson_sibling EXIT 0 STDERR_EMPTY CLEAN ${TRYGG_CLI_TMP}/route_two.geojson
  ARGS ${route_base} ${route_ab} -o ${TRYGG_CLI_TMP}/route_two.geojson --overwrite --quiet)
# Errors: a point 200 m from every walkway; the two ends on unconnected walkways; bad options.
trygg_cli_test(route.unsnappable EXIT 1
  STDERR_CONTAINS "--from 500100,6599800: the nearest walkway is 200 m away, more than --max-snap 100 m"
  NO_FILE ${TRYGG_CLI_TMP}/route_far.gpkg
  ARGS ${route_base} --from 500100,6599800 --to 500180,6599995 -o ${TRYGG_CLI_TMP}/route_far.gpkg)
trygg_cli_test(route.not_connected EXIT 1 STDERR_CONTAINS "lie on different parts of the walking network"
  NO_FILE ${TRYGG_CLI_TMP}/route_island.gpkg
  ARGS ${route_base} --from 500020,6599995 --to 501050,6600000 -o ${TRYGG_CLI_TMP}/route_island.gpkg)
trygg_cli_test(route.needs_points EXIT 2 STDERR_CONTAINS "give --from and --to (or --pairs FILE.csv)"
  ARGS ${route_base} -o ${TRYGG_CLI_TMP}/route_none.gpkg)
trygg_cli_test(route.bad_point EXIT 2 STDERR_CONTAINS "--from: '500020' is not two numbers X,Y"
  ARGS ${route_base} --from 500020 --to 500180,6599995 -o ${TRYGG_CLI_TMP}/route_badpt.gpkg)
trygg_cli_test(route.bad_weight EXIT 2 STDERR_CONTAINS "--w-dark must be a number >= 0"
  ARGS ${route_base} ${route_ab} --w-dark -1 -o ${TRYGG_CLI_TMP}/route_badw.gpkg)
# A camera 20 m north of walkway 1's middle looking south (fov 90, range 30): it sees x = 80..120
# (the 45-degree rays meet the walkway 20 m either side; the range, 30 m, reaches 22.4 m), so
# 40 of the shortest route's 160 m: seen 0.25. Safe cost per metre on walkway 1 is
# 1 + 2 * 1 + 1 * (1 - 40/200) = 3.8: direct 160 * 3.8 = 608 < 40 * 3.8 + 300 * (1 + 1) = 752,
# so the safe route stays the shortest, and w_unseen now counts (1.0 in the JSON).
trygg_cli_test(route.cameras EXIT 0
  STDOUT_CONTAINS "\"safe\": {\n    \"length_m\": 160.0,\n    \"detour_pct\": 0.0,\n    \"lit_share\": 0.0,\n    \"seen_share\": 0.25,"
  CLEAN ${TRYGG_CLI_TMP}/route_cameras.gpkg
  ARGS ${route_base} ${route_ab} --cameras route_cameras.geojson -o ${TRYGG_CLI_TMP}/route_cameras.gpkg --json --quiet)
