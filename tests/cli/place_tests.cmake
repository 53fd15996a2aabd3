# trygg place on hand-made fixtures in EPSG:3006 (x, y below are offsets from 500000, 6600000).
#
# Classic mode: tests/data/place_demand.geojson holds five demand points with weights: a1 (0,0) 3,
# a2 (10,0) 2, b (100,0) 4, c1 (200,0) 1, c2 (205,0) 1 (total 11). place_candidates.geojson:
# near_a (5,0) covers a1 and a2 (5); near_b (100,5) covers b (4); near_c (202,0) covers c1 and c2
# (2); empty (50,0) covers nothing (all with --radius 10). Costs 5, 1, 1, 1.
set(pl_classic place --demand place_demand.geojson --candidates place_candidates.geojson --radius 10)

# Two sites: near_a (5), then near_b (4): 9 of 11.
trygg_cli_test(place.classic_two EXIT 0 STDERR_EMPTY
  STDOUT_CONTAINS "\"covered_demand\": 9.0,\n  \"total_demand\": 11.0"
  CLEAN ${TRYGG_CLI_TMP}/place_classic_two.gpkg
  ARGS ${pl_classic} --count 2 -o ${TRYGG_CLI_TMP}/place_classic_two.gpkg --json --quiet)
trygg_cli_test(place.classic_second_site EXIT 0
  STDOUT_CONTAINS "\"rank\": 2,\n      \"id\": \"near_b\",\n      \"x\": 500100.0,\n      \"y\": 6600005.0,\n      \"gain\": 4.0,\n      \"cumulative\": 9.0"
  CLEAN ${TRYGG_CLI_TMP}/place_classic_second.gpkg
  ARGS ${pl_classic} --count 2 -o ${TRYGG_CLI_TMP}/place_classic_second.gpkg --json --quiet)
trygg_cli_test(place.classic_first_site EXIT 0
  STDOUT_CONTAINS "\"rank\": 1,\n      \"id\": \"near_a\",\n      \"x\": 500005.0,\n      \"y\": 6600000.0,\n      \"gain\": 5.0"
  CLEAN ${TRYGG_CLI_TMP}/place_classic_first.gpkg
  ARGS ${pl_classic} --count 2 -o ${TRYGG_CLI_TMP}/place_classic_first.gpkg --json --quiet)
# Asking for four: the empty candidate adds nothing and is not taken; three sites cover all 11.
trygg_cli_test(place.classic_stops_when_nothing_left EXIT 0
  STDERR_CONTAINS "3 sites of 4 candidates cover 11 of 11 demand (100%)"
  CLEAN ${TRYGG_CLI_TMP}/place_classic_four.gpkg
  ARGS ${pl_classic} --count 4 -o ${TRYGG_CLI_TMP}/place_classic_four.gpkg)
# Budget 2 with costs: near_a (cost 5) does not fit; near_b and near_c (cost 1 each) cover 6.
trygg_cli_test(place.classic_budget EXIT 0
  STDOUT_CONTAINS "\"covered_demand\": 6.0,\n  \"total_demand\": 11.0,\n  \"covered_share\": 0.5455,\n  \"candidates\": 4,\n  \"total_cost\": 2.0"
  CLEAN ${TRYGG_CLI_TMP}/place_classic_budget.gpkg
  ARGS ${pl_classic} --cost-field cost --budget 2 -o ${TRYGG_CLI_TMP}/place_classic_budget.gpkg --json --quiet)
# GeoJSON output: one layer, the sites.
trygg_cli_test(place.classic_geojson EXIT 0 STDERR_CONTAINS "wrote ${TRYGG_CLI_TMP}/place_classic.geojson\n"
  CLEAN ${TRYGG_CLI_TMP}/place_classic.geojson
  ARGS ${pl_classic} --count 1 -o ${TRYGG_CLI_TMP}/place_classic.geojson)

# Default mode: place_walkways.geojson is one straight 200 m walkway w1 along x from (0,0).
# place_lights.geojson: a working light at (50,0) lights [30, 70] with the default 20 m radius; a
# broken one at (150,0) lights nothing. Dark: [0, 30] and [70, 200], 160 m, cut into 5 m pieces
# (midpoints 2.5..27.5 and 72.5..197.5), each weighing 5 without reports. Candidates every 25 m:
# 8 sites at offsets 12.5, 37.5, ..., 187.5; a new light covers pieces whose midpoint is within
# 20 m. Greedy: 112.5 covers midpoints 92.5..132.5 (9 pieces, 45; 137.5 and 162.5 tie, the lower
# index wins), then 162.5 (142.5..182.5, 45), then 12.5 (2.5..27.5, 30): 120 of 160, which is the
# optimum for three (each site covers at most 9 pieces; 24 of the 32 is the most three can).
set(pl_default place --walkways place_walkways.geojson --lights place_lights.geojson)
trygg_cli_test(place.default_three EXIT 0 STDERR_EMPTY
  STDOUT_CONTAINS "\"covered_demand\": 120.0,\n  \"total_demand\": 160.0"
  CLEAN ${TRYGG_CLI_TMP}/place_default_three.gpkg
  ARGS ${pl_default} --count 3 -o ${TRYGG_CLI_TMP}/place_default_three.gpkg --json --quiet)
trygg_cli_test(place.default_order EXIT 0
  STDOUT_CONTAINS "\"id\": \"w1@112.5\",\n      \"x\": 500112.5,\n      \"y\": 6600000.0,\n      \"gain\": 45.0,\n      \"cumulative\": 45.0,\n      \"cost\": 1.0\n    },\n    {\n      \"rank\": 2,\n      \"id\": \"w1@162.5\""
  CLEAN ${TRYGG_CLI_TMP}/place_default_order.gpkg
  ARGS ${pl_default} --count 3 -o ${TRYGG_CLI_TMP}/place_default_order.gpkg --json --quiet)
trygg_cli_test(place.default_lengths EXIT 0
  STDOUT_CONTAINS "\"walkway_length_m\": 200.0,\n  \"lit_length_m\": 40.0,\n  \"newly_lit_m\": 120.0"
  CLEAN ${TRYGG_CLI_TMP}/place_default_lengths.gpkg
  ARGS ${pl_default} --count 3 -o ${TRYGG_CLI_TMP}/place_default_lengths.gpkg --json --quiet)
# A report at (10,5) lies within 25 m of all six midpoints of [0, 30]: they weigh 5 x (1 + 1)
# = 10 each, so the site at 12.5 (60) comes first; demand is 160 + 30 = 190.
trygg_cli_test(place.default_reports EXIT 0
  STDOUT_CONTAINS "\"id\": \"w1@12.5\",\n      \"x\": 500012.5,\n      \"y\": 6600000.0,\n      \"gain\": 60.0"
  CLEAN ${TRYGG_CLI_TMP}/place_default_reports.gpkg
  ARGS ${pl_default} --reports place_reports.geojson --count 3 -o ${TRYGG_CLI_TMP}/place_default_reports.gpkg --json --quiet)
# GeoJSON: the sites in the file, the newly lit pieces in <stem>_covered.geojson.
trygg_cli_test(place.default_geojson_sibling EXIT 0
  STDERR_CONTAINS "wrote ${TRYGG_CLI_TMP}/place_default.geojson and ${TRYGG_CLI_TMP}/place_default_covered.geojson"
  CLEAN "${TRYGG_CLI_TMP}/place_default.geojson"
  ARGS ${pl_default} --count 2 -o ${TRYGG_CLI_TMP}/place_default.geojson --overwrite)

# Usage errors: exit 2, nothing written.
trygg_cli_test(place.no_mode EXIT 2 STDERR_CONTAINS "give --walkways and --lights (default mode), or --demand"
  NO_FILE ${TRYGG_CLI_TMP}/place_none.gpkg ARGS place --count 3 -o ${TRYGG_CLI_TMP}/place_none.gpkg)
trygg_cli_test(place.no_count EXIT 2 STDERR_CONTAINS "give --count, --budget or both"
  NO_FILE ${TRYGG_CLI_TMP}/place_none.gpkg ARGS ${pl_default} -o ${TRYGG_CLI_TMP}/place_none.gpkg)
trygg_cli_test(place.classic_needs_radius EXIT 2 STDERR_CONTAINS "--demand needs --radius"
  NO_FILE ${TRYGG_CLI_TMP}/place_none.gpkg
  ARGS place --demand place_demand.geojson --candidates place_candidates.geojson --count 1 -o ${TRYGG_CLI_TMP}/place_none.gpkg)
trygg_cli_test(place.budget_needs_costs EXIT 2 STDERR_CONTAINS "--budget needs --cost-field"
  NO_FILE ${TRYGG_CLI_TMP}/place_none.gpkg ARGS ${pl_classic} --budget 3 -o ${TRYGG_CLI_TMP}/place_none.gpkg)
trygg_cli_test(place.bad_spacing EXIT 2 STDERR_CONTAINS "--spacing must be a number > 0"
  NO_FILE ${TRYGG_CLI_TMP}/place_none.gpkg ARGS ${pl_default} --count 1 --spacing 0 -o ${TRYGG_CLI_TMP}/place_none.gpkg)
trygg_cli_test(place.missing_cost_field EXIT 2 STDERR_CONTAINS "--cost-field: no field 'price'"
  NO_FILE ${TRYGG_CLI_TMP}/place_none.gpkg
  ARGS ${pl_classic} --count 1 --cost-field price -o ${TRYGG_CLI_TMP}/place_none.gpkg)
trygg_cli_test(place.mixed_modes EXIT 2 STDERR_CONTAINS "--lights is for the default mode, not with --demand"
  ARGS ${pl_classic} --lights place_lights.geojson --count 1 -o ${TRYGG_CLI_TMP}/place_none.gpkg)

# The layers written, read back with ogr2ogr. Sites: shares 45/160, 90/160, 120/160. Covered:
# the pieces each site newly lights, joined: site 3 [0, 30], site 1 [90, 135] (midpoints 92.5 to
# 132.5), site 2 [140, 185] (142.5 to 182.5).
find_program(TRYGG_OGR2OGR ogr2ogr)
if(TRYGG_OGR2OGR)
  set(out ${TRYGG_CLI_TMP}/place_layers.gpkg)
  string(REPLACE ";" "|" pl_args "${pl_default};--count;3;-o;${out};--quiet")
  add_test(NAME cli.place.layers
    COMMAND ${CMAKE_COMMAND} -DTRYGG=$<TARGET_FILE:trygg> -DOGR2OGR=${TRYGG_OGR2OGR} "-DARGS=${pl_args}"
      -DWORKDIR=${TRYGG_CLI_DATA} -DGOLDEN_DIR=${TRYGG_CLI_GOLDEN} "-DCLEAN=${out}"
      "-DCHECKS=${out}@sites@rank,id,gain,cumulative,cumulative_share,new_lit_m,walkway,offset_m@place_sites.csv|${out}@covered@site_rank,walkway,from_m,to_m,length_m,reports,weight@place_covered.csv"
      -P ${CMAKE_CURRENT_SOURCE_DIR}/hotspots_output_check.cmake)
endif()
