# trygg nearby on tests/data/network_*.geojson: a hand-made network in EPSG:3006 (offsets from
# 568000, 6609000 below), where every distance can be worked out by hand.
#   walkways: 1 Storgatan (0,0)-(100,0)-(400,0); 2 Parkstigen (400,0)-(400,400);
#             3 Genvägen (200,-100)-(200,100), crossing Storgatan without a shared vertex;
#             4 E18 motorway (left out); 5 Skogsstigen (1000,1000)-(1100,1000), 100 m, cut off.
#   stops:    1 Torget (100,10): 10 m from Storgatan at 100 m along it;
#             2 Skogen (1050,1010): on Skogsstigen (a tiny component); 3 Ödemark (2000,2000):
#             farther than 100 m from any walkway.
#   activities (walking distance from Torget = 10 + along the network + leg):
#             A2 Kaféet (50,-20) cafe: 10 + 50 + 20 = 80 m (1.03 min at 1.3 m/s);
#             A1 Biblioteket (405,150) library: 10 + 300 + 150 + 5 = 465 m (5.96 min);
#             A3 Parken, polygon x 380..420, y 300..340, crossed by Parkstigen at (400,300):
#                10 + 300 + 300 = 610 m (7.82 min);
#             A4 Fotbollsplanen (205,90) sports, 5 m from Genvägen: reachable only with
#                --node-intersections: 10 + 100 + 90 + 5 = 205 m (2.63 min);
#             A5 Filialen (400,600) library: 200 m from the nearest walkway, never reached.
set(nb_inputs --walkways network_walkways.geojson --stops network_stops.geojson
  --activities network_activities.geojson)

find_program(TRYGG_OGR2OGR ogr2ogr)
# nearby_layer_test(name "extra;args" "layer@fields@golden|...") runs trygg nearby into
# out/nearby_<name>.gpkg and compares the listed layers' fields with the golden CSV files.
function(nearby_layer_test name extra checks)
  set(out ${TRYGG_CLI_TMP}/nearby_${name}.gpkg)
  string(REPLACE ";" "|" args "nearby;${nb_inputs};-o;${out};${extra};--quiet")
  string(REPLACE "|" "|${out}@" checks "${out}@${checks}")
  add_test(NAME cli.nearby.${name}
    COMMAND ${CMAKE_COMMAND} -DTRYGG=$<TARGET_FILE:trygg> -DOGR2OGR=${TRYGG_OGR2OGR} "-DARGS=${args}"
      -DWORKDIR=${TRYGG_CLI_DATA} -DGOLDEN_DIR=${TRYGG_CLI_GOLDEN} "-DCLEAN=${out}" "-DCHECKS=${checks}"
      -P ${CMAKE_CURRENT_SOURCE_DIR}/hotspots_output_check.cmake)
endfunction()
if(TRYGG_OGR2OGR)
  # Default limit (10 min = 780 m): Torget reaches A2, A1, A3.
  nearby_layer_test(layers "--max-walk;10"
    "links@stop_id,activity_id,category,distance_m,network_m,minutes@nearby_links.csv|stops@stop_id,snapped,snap_m,component,tiny_component,activities,n_library,nearest_library_m,n_park@nearby_stops.csv")
  # Crossings noded: Genvägen joins Storgatan, so Fotbollsplanen is 205 m away.
  nearby_layer_test(node_intersections "--node-intersections"
    "links@stop_id,activity_id,distance_m,minutes@nearby_links_noded.csv")
  # 7 minutes = 546 m: Parken (610 m) drops out.
  nearby_layer_test(max_walk "--max-walk;7" "links@stop_id,activity_id,distance_m@nearby_links_7min.csv")
endif()

# The printable lists (compared with hand-written expectations by check_nearby_list.cmake).
trygg_cli_test(nearby.summary EXIT 0
  STDERR_CONTAINS "1 of 3 stops are farther than 100 m from a walkway and reach nothing: 3"
  CLEAN ${TRYGG_CLI_TMP}/nearby_summary.gpkg
  ARGS nearby ${nb_inputs} -o ${TRYGG_CLI_TMP}/nearby_summary.gpkg)
trygg_cli_test(nearby.tiny_component EXIT 0
  STDERR_CONTAINS "1 stops lie on a network piece shorter than 500 m"
  CLEAN ${TRYGG_CLI_TMP}/nearby_tiny.gpkg
  ARGS nearby ${nb_inputs} -o ${TRYGG_CLI_TMP}/nearby_tiny.gpkg)
trygg_cli_test(nearby.unreached_activity EXIT 0
  STDERR_CONTAINS "1 of 5 activities are farther than 100 m from a walkway"
  CLEAN ${TRYGG_CLI_TMP}/nearby_unreached.gpkg
  ARGS nearby ${nb_inputs} -o ${TRYGG_CLI_TMP}/nearby_unreached.gpkg)
trygg_cli_test(nearby.motorway_left_out EXIT 0 STDERR_CONTAINS "left out not_walkable 1"
  CLEAN ${TRYGG_CLI_TMP}/nearby_motorway.gpkg
  ARGS nearby ${nb_inputs} -o ${TRYGG_CLI_TMP}/nearby_motorway.gpkg)
trygg_cli_test(nearby.json EXIT 0 STDOUT_CONTAINS "\"library\": {\n          \"count\": 1,\n          \"nearest\": \"A1\",\n          \"nearest_name\": \"Biblioteket\",\n          \"distance_m\": 465.0"
  CLEAN ${TRYGG_CLI_TMP}/nearby_json.gpkg
  ARGS nearby ${nb_inputs} -o ${TRYGG_CLI_TMP}/nearby_json.gpkg --json --quiet)
trygg_cli_test(nearby.max_distance EXIT 0 STDOUT_CONTAINS "\"links\": 1,"
  CLEAN ${TRYGG_CLI_TMP}/nearby_100m.gpkg
  ARGS nearby ${nb_inputs} -o ${TRYGG_CLI_TMP}/nearby_100m.gpkg --max-distance 100 --json --quiet)
# An OSM extract (hand-made tests/data/nearby_osm.osm): the highway ways the walkway selection
# leaves out (a foot=no tertiary road, a motorway, a road under construction) are counted per
# reason on stderr and in --json; the footway and the residential street make the network.
trygg_cli_test(nearby.osm_left_out EXIT 0
  STDERR_CONTAINS "from 2 lines; left out foot_no 1; left out highway_not_walkable 1; left out motorway_trunk 1"
  CLEAN ${TRYGG_CLI_TMP}/nearby_osm.gpkg
  ARGS nearby --walkways nearby_osm.osm --stops nearby_osm.osm --activities nearby_osm.osm
  -o ${TRYGG_CLI_TMP}/nearby_osm.gpkg)
trygg_cli_test(nearby.osm_left_out_json EXIT 0
  STDOUT_CONTAINS "\"left_out\": {\n      \"foot_no\": 1,\n      \"highway_not_walkable\": 1,\n      \"motorway_trunk\": 1\n    }"
  CLEAN ${TRYGG_CLI_TMP}/nearby_osm_json.gpkg
  ARGS nearby --walkways nearby_osm.osm --stops nearby_osm.osm --activities nearby_osm.osm
  -o ${TRYGG_CLI_TMP}/nearby_osm_json.gpkg --json --quiet)
add_test(NAME cli.nearby.lists
  COMMAND ${CMAKE_COMMAND} -DTRYGG=$<TARGET_FILE:trygg> -DWORKDIR=${TRYGG_CLI_DATA} -DOUT=${TRYGG_CLI_TMP}
    -DGOLDEN_DIR=${TRYGG_CLI_GOLDEN} -P ${CMAKE_CURRENT_SOURCE_DIR}/nearby_list_check.cmake)

# Byte-identical output whatever the thread count.
add_test(NAME cli.nearby.deterministic
  COMMAND ${CMAKE_COMMAND} -DTRYGG=$<TARGET_FILE:trygg> -DWORKDIR=${TRYGG_CLI_DATA} -DOUT=${TRYGG_CLI_TMP}
    -DGOLDEN_DIR=${TRYGG_CLI_GOLDEN} -DMODE=deterministic -P ${CMAKE_CURRENT_SOURCE_DIR}/nearby_list_check.cmake)

# Usage and data errors: exit code, and nothing written.
trygg_cli_test(nearby.both_limits EXIT 2 STDERR_CONTAINS "excludes"
  NO_FILE ${TRYGG_CLI_TMP}/nearby_none.gpkg
  ARGS nearby ${nb_inputs} -o ${TRYGG_CLI_TMP}/nearby_none.gpkg --max-walk 5 --max-distance 300)
trygg_cli_test(nearby.bad_speed EXIT 2 STDERR_CONTAINS "--speed must be a walking speed"
  NO_FILE ${TRYGG_CLI_TMP}/nearby_none.gpkg
  ARGS nearby ${nb_inputs} -o ${TRYGG_CLI_TMP}/nearby_none.gpkg --speed 0)
trygg_cli_test(nearby.bad_walk EXIT 2 STDERR_CONTAINS "--max-walk must be a number of minutes > 0"
  NO_FILE ${TRYGG_CLI_TMP}/nearby_none.gpkg
  ARGS nearby ${nb_inputs} -o ${TRYGG_CLI_TMP}/nearby_none.gpkg --max-walk=-1)
trygg_cli_test(nearby.list_not_md EXIT 2 STDERR_CONTAINS "name it *.md"
  NO_FILE ${TRYGG_CLI_TMP}/nearby_none.gpkg
  ARGS nearby ${nb_inputs} -o ${TRYGG_CLI_TMP}/nearby_none.gpkg --list ${TRYGG_CLI_TMP}/nearby.txt)
trygg_cli_test(nearby.missing_stops EXIT 2 STDERR_CONTAINS "--stops is required"
  ARGS nearby --walkways network_walkways.geojson --activities network_activities.geojson
  -o ${TRYGG_CLI_TMP}/nearby_none.gpkg)
trygg_cli_test(nearby.output_is_input EXIT 2 STDERR_CONTAINS "is also an input"
  ARGS nearby ${nb_inputs} -o network_stops.geojson --overwrite)
trygg_cli_test(nearby.no_walkways EXIT 1 STDERR_CONTAINS "no walkable lines"
  NO_FILE ${TRYGG_CLI_TMP}/nearby_none.gpkg
  ARGS nearby --walkways network_stops.geojson --stops network_stops.geojson
  --activities network_activities.geojson -o ${TRYGG_CLI_TMP}/nearby_none.gpkg --quiet)
trygg_cli_test(nearby.missing_file EXIT 1 STDERR_CONTAINS "nothing.geojson"
  NO_FILE ${TRYGG_CLI_TMP}/nearby_none.gpkg
  ARGS nearby --walkways nothing.geojson --stops network_stops.geojson
  --activities network_activities.geojson -o ${TRYGG_CLI_TMP}/nearby_none.gpkg)
