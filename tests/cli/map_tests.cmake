# trygg map: the four presets on small fixtures, --publish checked against the input reports,
# print outputs checked as pictures, and the HTML opened in headless Chromium.
#
# Fixtures (tests/data/map_*): map_reports.geojson holds 14 hand-placed reports with a free-text
# field `beskrivning`: a group of 6, a group of 4, a pair and 2 lone reports.
# map_hotspots.gpkg is `trygg hotspots map_reports.geojson --eps 30 --min-points 2 --margin 0`
# (3 clusters of 6, 4 and 2 reports; with --margin 0 the outlines pass through report
# positions, the hardest case for --publish), map_heat.tif is `trygg heatmap map_reports.geojson
# --radius 60 --cell 10`. map_walkways (5 lines) and map_buildings (6 blocks) are the town.
set(map_out ${TRYGG_CLI_TMP}/map)
file(MAKE_DIRECTORY ${map_out})
set(map_town --walkways map_walkways.geojson --buildings map_buildings.geojson --date 2026-01-15)
set(map_hot --clusters map_hotspots.gpkg --heatmap map_heat.tif ${map_town})
set(map_py /usr/bin/python3)
set(map_browser ${PROJECT_SOURCE_DIR}/tests/browser)

# Hotspots as HTML and PNG in one run; the counts come from the fixtures (3 clusters, 14
# reports, 5 walkways, 6 buildings).
trygg_cli_test(map.hotspots EXIT 0 STDOUT_CONTAINS "\"clusters\": 3"
  CLEAN ${map_out}/hotspots.html
  ARGS map hotspots ${map_hot} -o ${map_out}/hotspots.html -o ${map_out}/hotspots.png --size 800x600 --dpi 96
       --lang en --overwrite --quiet --json)
set_tests_properties(cli.map.hotspots PROPERTIES FIXTURES_SETUP map_hotspots)
add_test(NAME cli.map.hotspots_png
  COMMAND ${map_py} ${map_browser}/check_png.py ${map_out}/hotspots.png --size 800x600 --min-colours 8 --min-drawn 0.2)
set_tests_properties(cli.map.hotspots_png PROPERTIES FIXTURES_REQUIRED map_hotspots)
# In the browser: the map, the visible layers with all their features, the reports layer off.
add_test(NAME cli.map.hotspots_browser
  COMMAND ${map_py} ${map_browser}/check_map_in_browser.py ${map_out}/hotspots.html
          --expect "{\"clusters\": 3, \"walkways\": 5, \"buildings\": 6, \"reports\": 0}" --at-least "{\"density\": 10}"
          --screenshot ${map_out}/hotspots_screenshot.png)
set_tests_properties(cli.map.hotspots_browser PROPERTIES FIXTURES_REQUIRED map_hotspots SKIP_RETURN_CODE 77)
# Every run gives the same bytes.
trygg_cli_test(map.hotspots_again EXIT 0
  ARGS map hotspots ${map_hot} -o ${map_out}/hotspots_again.html -o ${map_out}/hotspots_again.svg --lang en --overwrite --quiet)
set_tests_properties(cli.map.hotspots_again PROPERTIES FIXTURES_SETUP map_again FIXTURES_REQUIRED map_hotspots)
add_test(NAME cli.map.deterministic
  COMMAND ${CMAKE_COMMAND} -E compare_files ${map_out}/hotspots.html ${map_out}/hotspots_again.html)
set_tests_properties(cli.map.deterministic PROPERTIES FIXTURES_REQUIRED "map_hotspots;map_again")

# --publish: the pair and the lone reports go, no report position or free text remains.
trygg_cli_test(map.publish EXIT 0 STDOUT_CONTAINS "\"clusters_left_out\": 1"
  ARGS map hotspots ${map_hot} --publish -o ${map_out}/publish.html -o ${map_out}/publish.svg
       -o ${map_out}/publish.pdf --overwrite --quiet --json)
set_tests_properties(cli.map.publish PROPERTIES FIXTURES_SETUP map_publish)
add_test(NAME cli.map.publish_gives_nothing_away
  COMMAND ${map_py} ${map_browser}/check_published.py ${PROJECT_SOURCE_DIR}/tests/data/map_reports.geojson
          ${map_out}/publish.html ${map_out}/publish.svg --free-text-field beskrivning)
set_tests_properties(cli.map.publish_gives_nothing_away PROPERTIES FIXTURES_REQUIRED map_publish)
add_test(NAME cli.map.publish_browser
  COMMAND ${map_py} ${map_browser}/check_map_in_browser.py ${map_out}/publish.html
          --expect "{\"clusters\": 2, \"walkways\": 5, \"buildings\": 6}" --at-least "{\"cells\": 1}"
          --screenshot ${map_out}/publish_screenshot.png)
set_tests_properties(cli.map.publish_browser PROPERTIES FIXTURES_REQUIRED map_publish SKIP_RETURN_CODE 77)
# The note says what was left out, in Swedish by default.
trygg_cli_test(map.publish_note_sv EXIT 0 STDERR_CONTAINS "färre än 5 anmälningar"
  ARGS map hotspots ${map_hot} --publish --min-count 5 -o ${map_out}/publish_sv.html --overwrite)
trygg_cli_test(map.publish_min_count_one EXIT 2 STDERR_CONTAINS "--min-count must be a number >= 2"
  NO_FILE ${map_out}/bad.html
  ARGS map hotspots ${map_hot} --publish --min-count 1 -o ${map_out}/bad.html)

# Usage errors: nothing written.
trygg_cli_test(map.unknown_format EXIT 2 STDERR_CONTAINS "is written as .html, .png, .svg or .pdf"
  ARGS map hotspots ${map_hot} -o ${map_out}/map.jpg)
trygg_cli_test(map.no_input EXIT 2 STDERR_CONTAINS "give --clusters and/or --heatmap"
  ARGS map hotspots -o ${map_out}/none.html)
trygg_cli_test(map.bad_tiles EXIT 2 STDERR_CONTAINS "is not a tile URL"
  NO_FILE ${map_out}/tiles.html
  ARGS map hotspots ${map_hot} --tiles "ftp://x/{z}" -o ${map_out}/tiles.html)
trygg_cli_test(map.bad_size EXIT 2 STDERR_CONTAINS "--size"
  NO_FILE ${map_out}/size.png
  ARGS map hotspots ${map_hot} --size 20x20 -o ${map_out}/size.png)
trygg_cli_test(map.bad_lang EXIT 2 STDERR_CONTAINS "--lang"
  ARGS map hotspots ${map_hot} --lang de -o ${map_out}/lang.html)
trygg_cli_test(map.not_hotspots_output EXIT 1 STDERR_CONTAINS "no layer 'clusters'"
  NO_FILE ${map_out}/wrong.html
  ARGS map hotspots --clusters evaluate_hotspots.gpkg -o ${map_out}/wrong.html)
trygg_cli_test(map.output_is_input EXIT 2 STDERR_CONTAINS "is also an input"
  ARGS map hotspots --clusters map_hotspots.gpkg -o map_walkways.geojson.html --walkways map_walkways.geojson.html)

# The other presets on fixtures with the layers trygg coverage/place, nearby and route write
# (tests/data/map_coverage.gpkg: walkway_pieces 5, lit_area 2, gaps 2; map_sites.geojson 2
# sites; map_cameras.geojson 3 cameras; map_lights.geojson 11 lights; map_nearby.gpkg: stops 2,
# links 4, areas 2; map_activities.geojson 4; map_route.gpkg: routes, one shortest and one safe).
set(map_plain ${map_town} --overwrite --quiet --json)
trygg_cli_test(map.coverage EXIT 0 STDOUT_CONTAINS "\"camera_views\": 3"
  ARGS map coverage --coverage map_coverage.gpkg --sites map_sites.geojson --cameras map_cameras.geojson
       --lights map_lights.geojson -o ${map_out}/coverage.html -o ${map_out}/coverage.png ${map_plain})
set_tests_properties(cli.map.coverage PROPERTIES FIXTURES_SETUP map_coverage)
add_test(NAME cli.map.coverage_browser
  COMMAND ${map_py} ${map_browser}/check_map_in_browser.py ${map_out}/coverage.html
          --expect "{\"walkway_lighting\": 5, \"gaps\": 2, \"cameras\": 3, \"camera_views\": 3, \"sites\": 2, \"lights\": 11}"
          --screenshot ${map_out}/coverage_screenshot.png)
set_tests_properties(cli.map.coverage_browser PROPERTIES FIXTURES_REQUIRED map_coverage SKIP_RETURN_CODE 77)
trygg_cli_test(map.stops EXIT 0 STDOUT_CONTAINS "\"walking_areas\": 2"
  ARGS map stops --nearby map_nearby.gpkg --activities map_activities.geojson -o ${map_out}/stops.html
       -o ${map_out}/stops.png --size 640x480 ${map_plain})
set_tests_properties(cli.map.stops PROPERTIES FIXTURES_SETUP map_stops)
add_test(NAME cli.map.stops_png
  COMMAND ${map_py} ${map_browser}/check_png.py ${map_out}/stops.png --size 640x480 --min-colours 8 --min-drawn 0.2)
set_tests_properties(cli.map.stops_png PROPERTIES FIXTURES_REQUIRED map_stops)
# The stop's popup lists its activities nearest first, with metres and minutes (from links).
add_test(NAME cli.map.stops_popup
  COMMAND ${CMAKE_COMMAND} -DFILE=${map_out}/stops.html
          "-DEXPECT=[\"Lindparken (park)\",\"180 m, 2 min\"],[\"Biblioteket (library)\",\"260 m, 3 min\"],[\"Fritidsgården (youth centre)\",\"610 m, 8 min\"]"
          -P ${map_browser}/file_contains.cmake)
set_tests_properties(cli.map.stops_popup PROPERTIES FIXTURES_REQUIRED map_stops)
trygg_cli_test(map.route EXIT 0 STDOUT_CONTAINS "\"route_safe\": 1"
  ARGS map route --route map_route.gpkg --lights map_lights.geojson -o ${map_out}/route.svg -o ${map_out}/route.html
       --lang en ${map_plain})
set_tests_properties(cli.map.route PROPERTIES FIXTURES_SETUP map_route)
# The route's figures are in its popup, in English.
add_test(NAME cli.map.route_figures
  COMMAND ${CMAKE_COMMAND} -DFILE=${map_out}/route.html
          "-DEXPECT=[\"Detour (%)\",\"11.8\"]|[\"Lit\",\"92 %\"]|[\"Hotspot exposure\",\"0.4\"]"
          -P ${map_browser}/file_contains.cmake)
set_tests_properties(cli.map.route_figures PROPERTIES FIXTURES_REQUIRED map_route)
trygg_cli_test(map.stops_not_nearby EXIT 1 STDERR_CONTAINS "no layer 'stops'"
  ARGS map stops --nearby map_route.gpkg -o ${map_out}/nostops.html)
