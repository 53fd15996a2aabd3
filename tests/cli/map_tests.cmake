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
# map_browser_test(NAME PAGE FIXTURE EXPECT_JSON [AT_LEAST_JSON]): PAGE opened in headless
# Chromium: one Leaflet map, exactly EXPECT features drawn per layer (at least AT_LEAST), no
# console error, no network request, a screenshot next to it. Skipped without Chromium.
function(map_browser_test name page fixture expect)
  set(at_least "{}")
  if(ARGC GREATER 4)
    set(at_least "${ARGV4}")
  endif()
  string(REPLACE ".html" "_screenshot.png" shot "${page}")
  add_test(NAME cli.map.${name}
    COMMAND ${map_py} ${map_browser}/check_map_in_browser.py ${page} --expect "${expect}" --at-least "${at_least}"
            --screenshot ${shot})
  set_tests_properties(cli.map.${name} PROPERTIES FIXTURES_REQUIRED ${fixture} SKIP_RETURN_CODE 77)
endfunction()

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
map_browser_test(hotspots_browser ${map_out}/hotspots.html map_hotspots
  "{\"clusters\": 3, \"walkways\": 5, \"buildings\": 6, \"reports\": 0}" "{\"density\": 10}")
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
map_browser_test(publish_browser ${map_out}/publish.html map_publish
  "{\"clusters\": 2, \"walkways\": 5, \"buildings\": 6}" "{\"cells\": 1}")
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
map_browser_test(coverage_browser ${map_out}/coverage.html map_coverage
  "{\"walkway_lighting\": 5, \"gaps\": 2, \"cameras\": 3, \"camera_views\": 3, \"sites\": 2, \"lights\": 11}")
trygg_cli_test(map.stops EXIT 0 STDOUT_CONTAINS "\"walking_areas\": 2"
  ARGS map stops --nearby map_nearby.gpkg --activities map_activities.geojson -o ${map_out}/stops.html
       -o ${map_out}/stops.png --size 640x480 ${map_plain})
set_tests_properties(cli.map.stops PROPERTIES FIXTURES_SETUP map_stops)
add_test(NAME cli.map.stops_png
  COMMAND ${map_py} ${map_browser}/check_png.py ${map_out}/stops.png --size 640x480 --min-colours 8 --min-drawn 0.2)
set_tests_properties(cli.map.stops_png PROPERTIES FIXTURES_REQUIRED map_stops)
# The stop's popup lists its activities nearest first, with metres and minutes (from links),
# and the categories in Swedish (the default --lang): park, bibliotek, fritidsgård.
add_test(NAME cli.map.stops_popup
  COMMAND ${CMAKE_COMMAND} -DFILE=${map_out}/stops.html
          "-DEXPECT=[\"Lindparken (park)\",\"180 m, 2 min\"],[\"Biblioteket (bibliotek)\",\"260 m, 3 min\"],[\"Fritidsgården (fritidsgård)\",\"610 m, 8 min\"]"
          -P ${map_browser}/file_contains.cmake)
set_tests_properties(cli.map.stops_popup PROPERTIES FIXTURES_REQUIRED map_stops)
# No English category is left in the Swedish page (the fixture's: library, youth centre,
# sports; "sports" is not a known category and stays as written, so it is not checked).
add_test(NAME cli.map.stops_swedish_categories
  COMMAND ${CMAKE_COMMAND} -DFILE=${map_out}/stops.html "-DABSENT=(library)|(youth centre)|\"library\"|\"youth centre\""
          -P ${map_browser}/file_contains.cmake)
set_tests_properties(cli.map.stops_swedish_categories PROPERTIES FIXTURES_REQUIRED map_stops)
# In the browser: every layer with all its features (2 stops, 2 walking areas, 4 activities).
map_browser_test(stops_browser ${map_out}/stops.html map_stops
  "{\"stops\": 2, \"walking_areas\": 2, \"activities\": 4, \"walkways\": 5, \"buildings\": 6}")

# A stop trygg nearby cannot snap (30 km away) is drawn apart: its own layer, a note, and the
# map does not zoom out to it. The stops are written here; nearby runs on the fixture town.
file(WRITE ${map_out}/stops_far.geojson
  "{\"type\": \"FeatureCollection\", \"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::3006\"}},\n"
  " \"features\": [\n"
  "  {\"type\": \"Feature\", \"properties\": {\"stop_id\": \"a\", \"name\": \"Torget\"}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [569510, 6608890]}},\n"
  "  {\"type\": \"Feature\", \"properties\": {\"stop_id\": \"b\", \"name\": \"Kyrkan\"}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [570110, 6609190]}},\n"
  "  {\"type\": \"Feature\", \"properties\": {\"stop_id\": \"far\", \"name\": \"Flygplatsen\"}, \"geometry\": {\"type\": \"Point\", \"coordinates\": [600000, 6630000]}}]}\n")
trygg_cli_test(map.far_nearby EXIT 0
  ARGS nearby --walkways map_walkways.geojson --stops ${map_out}/stops_far.geojson --activities map_activities.geojson
       -o ${map_out}/nearby_far.gpkg --overwrite --quiet)
set_tests_properties(cli.map.far_nearby PROPERTIES FIXTURES_SETUP map_far_nearby)
trygg_cli_test(map.stops_off_network EXIT 0 STDOUT_CONTAINS "\"stops_off_network\": 1"
  ARGS map stops --nearby ${map_out}/nearby_far.gpkg -o ${map_out}/far.html -o ${map_out}/far.png --size 640x480
       --attribution "Källa: test" ${map_plain})
set_tests_properties(cli.map.stops_off_network PROPERTIES FIXTURES_REQUIRED map_far_nearby FIXTURES_SETUP map_far)
add_test(NAME cli.map.stops_off_network_says_so
  COMMAND ${CMAKE_COMMAND} -DFILE=${map_out}/far.html
          "-DEXPECT=\"Hållplatser utanför gångnätet\"|[\"Gångnätet\",\"utanför gångnätet: ingen gångväg nära nog, når inget\"]|Hållplatser utanför gångnätet (ihåliga, grå): 1"
          -P ${map_browser}/file_contains.cmake)
set_tests_properties(cli.map.stops_off_network_says_so PROPERTIES FIXTURES_REQUIRED map_far)
map_browser_test(stops_off_network_browser ${map_out}/far.html map_far
  "{\"stops\": 2, \"stops_off_network\": 1, \"walkways\": 5}")
# The print opens on the town: the walkways (what the map without --walkways lacks) are drawn
# grey across the picture, not as a dot in a 30 km frame.
trygg_cli_test(map.stops_off_network_no_walkways EXIT 0
  ARGS map stops --nearby ${map_out}/nearby_far.gpkg -o ${map_out}/far_no_walkways.png --size 640x480
       --attribution "Källa: test" --date 2026-01-15 --overwrite --quiet)
set_tests_properties(cli.map.stops_off_network_no_walkways PROPERTIES FIXTURES_REQUIRED map_far_nearby FIXTURES_SETUP map_far_bare)
add_test(NAME cli.map.stops_off_network_png
  COMMAND ${map_py} ${map_browser}/check_png.py ${map_out}/far.png --size 640x480 --min-colours 8 --min-drawn 0.2
          --colour 140,140,140 --without ${map_out}/far_no_walkways.png --min-share 0.003 --spread 0.5)
set_tests_properties(cli.map.stops_off_network_png PROPERTIES FIXTURES_REQUIRED "map_far;map_far_bare")
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
map_browser_test(route_browser ${map_out}/route.html map_route
  "{\"route_shortest\": 1, \"route_safe\": 1, \"lights\": 11, \"walkways\": 5, \"buildings\": 6}")
trygg_cli_test(map.stops_not_nearby EXIT 1 STDERR_CONTAINS "no layer 'stops'"
  ARGS map stops --nearby map_route.gpkg -o ${map_out}/nostops.html)
# A camera trygg coverage would refuse is refused here too (one sector definition), naming
# the feature; nothing is written.
file(WRITE ${map_out}/bad_camera.geojson
  "{\"type\": \"FeatureCollection\", \"crs\": {\"type\": \"name\", \"properties\": {\"name\": \"urn:ogc:def:crs:EPSG::3006\"}},\n"
  " \"features\": [{\"type\": \"Feature\", \"properties\": {\"heading\": 90, \"fov\": 400, \"range\": 20},\n"
  "  \"geometry\": {\"type\": \"Point\", \"coordinates\": [569510, 6608890]}}]}\n")
trygg_cli_test(map.bad_camera EXIT 1 STDERR_CONTAINS "feature 0: camera: the field of view must be more than 0"
  NO_FILE ${map_out}/bad_camera.html
  ARGS map coverage --cameras ${map_out}/bad_camera.geojson -o ${map_out}/bad_camera.html)
