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

# --for cameras on the same walkway. place_cameras.geojson: one camera at (50,20) looking south
# (heading 180), fov 90, range 40: the straight edges of its sector cross the walkway at
# 50 -/+ 20, so it sees [30, 70] exactly (no arc there: (70,0) is 28.3 m away, inside the range).
# Unseen: [0, 30] and [70, 200], the same 160 m of 5 m pieces as the dark length above. New
# cameras are 360 degree domes; with --camera-range 22 a dome covers the midpoints within 20 m
# (the next ones are 22.5 m away; the chords of the circle stray at most 0.05 m inside it), the
# same sets as the 20 m lights: 112.5, 162.5, 12.5, 120 of 160.
set(pl_cameras place --for cameras --walkways place_walkways.geojson --cameras place_cameras.geojson --camera-range 22)
trygg_cli_test(place.cameras_three EXIT 0 STDERR_EMPTY
  STDOUT_CONTAINS "\"covered_demand\": 120.0,\n  \"total_demand\": 160.0"
  CLEAN ${TRYGG_CLI_TMP}/place_cameras_three.gpkg
  ARGS ${pl_cameras} --count 3 -o ${TRYGG_CLI_TMP}/place_cameras_three.gpkg --json --quiet)
trygg_cli_test(place.cameras_lengths EXIT 0
  STDOUT_CONTAINS "\"mode\": \"cameras\""
  CLEAN ${TRYGG_CLI_TMP}/place_cameras_lengths.gpkg
  ARGS ${pl_cameras} --count 3 -o ${TRYGG_CLI_TMP}/place_cameras_lengths.gpkg --json --quiet)
trygg_cli_test(place.cameras_seen EXIT 0
  STDOUT_CONTAINS "\"walkway_length_m\": 200.0,\n  \"seen_length_m\": 40.0,\n  \"newly_seen_m\": 120.0,\n  \"camera_range_m\": 22.0"
  CLEAN ${TRYGG_CLI_TMP}/place_cameras_seen.gpkg
  ARGS ${pl_cameras} --count 3 -o ${TRYGG_CLI_TMP}/place_cameras_seen.gpkg --json --quiet)
# A building (place_buildings.geojson) straddles the walkway at x 118..120. Seen from 112.5 the
# midpoints 122.5..132.5 are behind it: that site keeps 92.5..117.5 (6 pieces, 30); 137.5 loses
# 117.5 (8 pieces, 40); 162.5 keeps 142.5..182.5 (9, 45); 87.5 covers 72.5..107.5 (8, 40);
# 12.5 covers 2.5..27.5 (6, 30). Greedy: 162.5 (45), then 87.5 (40), then 12.5 (30): 115, the
# optimum for three (23 of the 32 pieces is the most three sites can cover now).
trygg_cli_test(place.cameras_buildings EXIT 0 STDERR_EMPTY
  STDOUT_CONTAINS "\"rank\": 2,\n      \"id\": \"w1@87.5\""
  CLEAN ${TRYGG_CLI_TMP}/place_cameras_buildings.gpkg
  ARGS ${pl_cameras} --buildings place_buildings.geojson --count 3 -o ${TRYGG_CLI_TMP}/place_cameras_buildings.gpkg
       --json --quiet)
trygg_cli_test(place.cameras_buildings_covered EXIT 0
  STDOUT_CONTAINS "\"covered_demand\": 115.0,\n  \"total_demand\": 160.0"
  CLEAN ${TRYGG_CLI_TMP}/place_cameras_buildings2.gpkg
  ARGS ${pl_cameras} --buildings place_buildings.geojson --count 3 -o ${TRYGG_CLI_TMP}/place_cameras_buildings2.gpkg
       --json --quiet)
trygg_cli_test(place.cameras_no_lights EXIT 2 STDERR_CONTAINS "--lights is for --for lights, not with --for cameras"
  NO_FILE ${TRYGG_CLI_TMP}/place_none.gpkg
  ARGS ${pl_cameras} --lights place_lights.geojson --count 1 -o ${TRYGG_CLI_TMP}/place_none.gpkg)
trygg_cli_test(place.cameras_no_radius EXIT 2 STDERR_CONTAINS "--radius is for lights"
  NO_FILE ${TRYGG_CLI_TMP}/place_none.gpkg ARGS ${pl_cameras} --radius 10 --count 1 -o ${TRYGG_CLI_TMP}/place_none.gpkg)
trygg_cli_test(place.buildings_need_cameras_mode EXIT 2 STDERR_CONTAINS "--buildings is for --for cameras"
  NO_FILE ${TRYGG_CLI_TMP}/place_none.gpkg
  ARGS ${pl_default} --buildings place_buildings.geojson --count 1 -o ${TRYGG_CLI_TMP}/place_none.gpkg)

# --model lux (I = 1000 cd, h = 6 m, 1 lx): the working light lights |dx| <= d with
# (36 + d^2)^(3/2) = 6000, d = 17.152, so 34.30 m of the walkway is lit and 165.70 m is dark
# (the broken light lights nothing). What new lights cover under lux is checked by hand in
# tests/unit/coverage/placement_sites_test.cpp.
trygg_cli_test(place.lux_model EXIT 0 STDOUT_CONTAINS "\"model\": \"lux\",\n  \"min_lux\": 1.0"
  CLEAN ${TRYGG_CLI_TMP}/place_lux.gpkg
  ARGS ${pl_default} --model lux --count 3 -o ${TRYGG_CLI_TMP}/place_lux.gpkg --json --quiet)
add_test(NAME cli.place.lux_lengths
  COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/place_json_check.py ${TRYGG_CLI_DATA}
          walkway_length_m=200~0.001 lit_length_m=34.304~0.05 total_demand=165.696~0.05
          -- $<TARGET_FILE:trygg> ${pl_default} --model lux --count 3 -o ${TRYGG_CLI_TMP}/place_lux_lengths.gpkg
          --json --quiet --overwrite)
trygg_cli_test(place.lux_no_radius EXIT 2 STDERR_CONTAINS "--radius is for --model disc"
  NO_FILE ${TRYGG_CLI_TMP}/place_none.gpkg
  ARGS ${pl_default} --model lux --radius 10 --count 1 -o ${TRYGG_CLI_TMP}/place_none.gpkg)
trygg_cli_test(place.lux_class_needs_lux EXIT 2 STDERR_CONTAINS "--class and --min-lux need --model lux"
  NO_FILE ${TRYGG_CLI_TMP}/place_none.gpkg
  ARGS ${pl_default} --class P4 --count 1 -o ${TRYGG_CLI_TMP}/place_none.gpkg)

# Deterministic output: the same run twice (a second apart) gives byte-identical files, for
# place (sites and covered, GeoPackage) and coverage (all layers, GeoPackage).
add_test(NAME cli.place.byte_identical
  COMMAND ${CMAKE_COMMAND} -DTRYGG=$<TARGET_FILE:trygg> -DWORKDIR=${TRYGG_CLI_DATA} -DOUT=${TRYGG_CLI_TMP}/place_identical
          "-DARGS=place|--walkways|${PROJECT_SOURCE_DIR}/data/town/walkways.geojson|--lights|${PROJECT_SOURCE_DIR}/data/town/lights.geojson|--reports|${PROJECT_SOURCE_DIR}/data/town/reports.geojson|--count|10|-o|{OUT}.gpkg"
          "-DFILES={RUN}.gpkg"
          -P ${CMAKE_CURRENT_SOURCE_DIR}/place_identical_check.cmake)
add_test(NAME cli.place.cameras_byte_identical
  COMMAND ${CMAKE_COMMAND} -DTRYGG=$<TARGET_FILE:trygg> -DWORKDIR=${TRYGG_CLI_DATA} -DOUT=${TRYGG_CLI_TMP}/place_cam_identical
          "-DARGS=place|--for|cameras|--walkways|place_walkways.geojson|--cameras|place_cameras.geojson|--buildings|place_buildings.geojson|--count|3|-o|{OUT}.geojson"
          "-DFILES={RUN}.geojson|{RUN}_covered.geojson"
          -P ${CMAKE_CURRENT_SOURCE_DIR}/place_identical_check.cmake)
add_test(NAME cli.coverage.byte_identical
  COMMAND ${CMAKE_COMMAND} -DTRYGG=$<TARGET_FILE:trygg> -DWORKDIR=${TRYGG_CLI_DATA} -DOUT=${TRYGG_CLI_TMP}/coverage_identical
          "-DARGS=coverage|--walkways|${PROJECT_SOURCE_DIR}/data/town/walkways.geojson|--lights|${PROJECT_SOURCE_DIR}/data/town/lights.geojson|--cameras|${PROJECT_SOURCE_DIR}/data/town/cameras.geojson|--buildings|${PROJECT_SOURCE_DIR}/data/town/buildings.geojson|--reports|${PROJECT_SOURCE_DIR}/data/town/reports.geojson|--areas|${PROJECT_SOURCE_DIR}/data/town/districts.geojson|-o|{OUT}.gpkg"
          "-DFILES={RUN}.gpkg"
          -P ${CMAKE_CURRENT_SOURCE_DIR}/place_identical_check.cmake)

# The same light options in coverage and route (tools/trygg/light_options.cpp). Coverage under
# --model lux on the same walkway: the lit length is 2 sqrt((I h / E)^(2/3) - h^2) for the class
# minimum E, so a stricter class lights less: P6 (0.4 lx) 47.84 m, P4 (1 lx) 34.30 m, P2 (2 lx)
# 26.23 m.
foreach(case "P6;47.842" "P4;34.304" "P2;26.230")
  list(GET case 0 cls)
  list(GET case 1 lit)
  add_test(NAME cli.coverage.lux_class_${cls}
    COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/place_json_check.py ${TRYGG_CLI_DATA}
            lit_length_m=${lit}~0.05 walkway_length_m=200~0.001 model=lux
            -- $<TARGET_FILE:trygg> coverage --walkways place_walkways.geojson --lights place_lights.geojson
            --model lux --class ${cls} -o ${TRYGG_CLI_TMP}/coverage_lux_${cls}.gpkg --json --quiet --overwrite)
endforeach()
# Route under --model lux: the light 5 m north of walkway 1's middle (no height: 6 m) reaches
# 1 lx out to 17.152 m horizontally, i.e. 2 sqrt(17.152^2 - 5^2) = 32.81 m of walkway 1: lit
# share 32.81 / 160 = 0.2051 of the shortest route, which is also the safe one (walkway 2 is
# 45 m or more away: 0.06 lx, dark).
add_test(NAME cli.route.lux_model
  COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/place_json_check.py ${TRYGG_CLI_DATA}
          shortest.lit_share=0.20509~0.0002 shortest.dark_m=127.186~0.03 safe.length_m=160~0.001
          -- $<TARGET_FILE:trygg> route --walkways route_walkways.geojson --point-crs EPSG:3006
          --from 500020,6599995 --to 500180,6599995 --lights route_lights.geojson --model lux
          -o ${TRYGG_CLI_TMP}/route_lux.gpkg --json --quiet --overwrite)
trygg_cli_test(route.lux_needs_lights EXIT 2 STDERR_CONTAINS "--model lux needs --lights"
  NO_FILE ${TRYGG_CLI_TMP}/route_none.gpkg
  ARGS route --walkways route_walkways.geojson --point-crs EPSG:3006 --from 500020,6599995 --to 500180,6599995
       --model lux -o ${TRYGG_CLI_TMP}/route_none.gpkg)
