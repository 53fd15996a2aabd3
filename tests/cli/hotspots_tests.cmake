# trygg hotspots on tests/data/hotspots_reports.geojson: 15 hand-placed reports in EPSG:3006.
#   group A: a 3 x 2 grid 5 m apart (ids 1-6) and id 7, 14 m east of the grid: with --eps 15
#            --min-points 4 the grid reports are core (6 neighbours each), id 7 has only 2
#            neighbours within 15 m and itself (3 < 4): border. Cluster 1, 7 reports.
#   group B: a plus of 4 m arms (ids 8-12), every report within 8 m of the others: cluster 2,
#            5 core reports.
#   ids 13-15: over 100 m from anything: noise.
set(hs_base hotspots hotspots_reports.geojson --eps 15 --min-points 4)

trygg_cli_test(hotspots.json EXIT 0 GOLDEN hotspots_fixture.json STDERR_EMPTY
  CLEAN ${TRYGG_CLI_TMP}/hotspots_fixture.gpkg
  ARGS ${hs_base} -o ${TRYGG_CLI_TMP}/hotspots_fixture.gpkg --json --quiet)
# Graffiti only (klotter and graffiti are one category): ids 1-4 core, 7 border, 13 noise.
trygg_cli_test(hotspots.category EXIT 0 GOLDEN hotspots_category.json
  STDERR_CONTAINS "kept 6 of 15 reports (left out: category 9)"
  CLEAN ${TRYGG_CLI_TMP}/hotspots_category.gpkg
  ARGS ${hs_base} -o ${TRYGG_CLI_TMP}/hotspots_category.gpkg --category klotter --json)
# Inside the square around group B only.
trygg_cli_test(hotspots.within EXIT 0 STDOUT_CONTAINS "\"filtered\": {\n    \"outside\": 10\n  }"
  CLEAN ${TRYGG_CLI_TMP}/hotspots_within.gpkg
  ARGS ${hs_base} -o ${TRYGG_CLI_TMP}/hotspots_within.gpkg --within hotspots_area.geojson --json --quiet)
# Dates: --from 2025-04-01 keeps ids 7-13 and 15 (8 reports): group B is the one cluster.
trygg_cli_test(hotspots.from EXIT 0 STDOUT_CONTAINS "\"before\": 7"
  CLEAN ${TRYGG_CLI_TMP}/hotspots_from.gpkg
  ARGS ${hs_base} -o ${TRYGG_CLI_TMP}/hotspots_from.gpkg --from 2025-04-01 --json --quiet)
# ST-DBSCAN, 7 days: in group A only id 5 (03-15) has 4 reports within 15 m and 7 days (3, 4, 5,
# 6); 3, 4 and 6 are its border reports; ids 1, 2 and 7 are noise. Group B spans 8 days but
# every report has at least 4 within 7 days: 5 core. So cluster 1 = B, cluster 2 = {3, 4, 5, 6}.
trygg_cli_test(hotspots.time_window EXIT 0 GOLDEN hotspots_time_window.json STDERR_EMPTY
  CLEAN ${TRYGG_CLI_TMP}/hotspots_tw.gpkg
  ARGS ${hs_base} -o ${TRYGG_CLI_TMP}/hotspots_tw.gpkg --time-window 7 --json --quiet)
# Weighted by 'vikt' (auto-detected): id 7 (weight 1) has 1 + 1 (id 3) + 1 (id 6) = 3 < 4, still
# border; ids 13-15 weigh 1-2 alone: noise. Same clusters, weights summed.
trygg_cli_test(hotspots.weighted EXIT 0 STDOUT_CONTAINS "\"total_weight\": 11.0"
  CLEAN ${TRYGG_CLI_TMP}/hotspots_weighted.gpkg
  ARGS ${hs_base} -o ${TRYGG_CLI_TMP}/hotspots_weighted.gpkg --weighted --json --quiet)
trygg_cli_test(hotspots.summary_line EXIT 0
  STDERR_CONTAINS "2 clusters, 12 of 15 reports in clusters, 3 noise"
  CLEAN ${TRYGG_CLI_TMP}/hotspots_summary.gpkg
  ARGS ${hs_base} -o ${TRYGG_CLI_TMP}/hotspots_summary.gpkg --hull concave --margin 0)

# The layers written: GeoPackage (both layers in one file) and GeoJSON (clusters in the file,
# reports in <stem>_reports.geojson), read back with ogr2ogr.
find_program(TRYGG_OGR2OGR ogr2ogr)
if(TRYGG_OGR2OGR)
  set(hs_cluster_fields "cluster_id,reports,core,border,categories,n_graffiti,n_lighting,n_unsafe,n_vandalism,total_weight,first_time,last_time,centroid_x,centroid_y")
  foreach(ext gpkg geojson)
    set(out ${TRYGG_CLI_TMP}/hotspots_layers.${ext})
    if(ext STREQUAL "gpkg")
      set(reports_path ${out})
    else()
      set(reports_path ${TRYGG_CLI_TMP}/hotspots_layers_reports.${ext})
    endif()
    string(REPLACE ";" "|" hs_args "${hs_base};-o;${out};--quiet")
    add_test(NAME cli.hotspots.layers_${ext}
      COMMAND ${CMAKE_COMMAND} -DTRYGG=$<TARGET_FILE:trygg> -DOGR2OGR=${TRYGG_OGR2OGR} "-DARGS=${hs_args}"
        -DWORKDIR=${TRYGG_CLI_DATA} -DGOLDEN_DIR=${TRYGG_CLI_GOLDEN} "-DCLEAN=${out}|${reports_path}"
        "-DCHECKS=${out}@clusters@${hs_cluster_fields}@hotspots_layer_clusters.csv|${reports_path}@reports@id,kategori,cluster_id,role@hotspots_layer_reports.csv"
        -P ${CMAKE_CURRENT_SOURCE_DIR}/hotspots_output_check.cmake)
  endforeach()
endif()

# Usage errors: exit 2, and nothing written.
trygg_cli_test(hotspots.no_eps EXIT 2 STDERR_CONTAINS "--eps is required"
  NO_FILE ${TRYGG_CLI_TMP}/hotspots_none.gpkg ARGS hotspots hotspots_reports.geojson -o ${TRYGG_CLI_TMP}/hotspots_none.gpkg)
trygg_cli_test(hotspots.eps_zero EXIT 2 STDERR_CONTAINS "--eps must be a number > 0"
  NO_FILE ${TRYGG_CLI_TMP}/hotspots_none.gpkg
  ARGS hotspots hotspots_reports.geojson -o ${TRYGG_CLI_TMP}/hotspots_none.gpkg --eps 0)
trygg_cli_test(hotspots.eps_negative EXIT 2 STDERR_CONTAINS "--eps must be a number > 0"
  NO_FILE ${TRYGG_CLI_TMP}/hotspots_none.gpkg
  ARGS hotspots hotspots_reports.geojson -o ${TRYGG_CLI_TMP}/hotspots_none.gpkg --eps=-5)
trygg_cli_test(hotspots.unknown_hull EXIT 2 STDERR_CONTAINS "round"
  ARGS hotspots hotspots_reports.geojson -o ${TRYGG_CLI_TMP}/hotspots_none.gpkg --eps 15 --hull round)
trygg_cli_test(hotspots.bad_ratio EXIT 2 STDERR_CONTAINS "--concave-ratio"
  ARGS hotspots hotspots_reports.geojson -o ${TRYGG_CLI_TMP}/hotspots_none.gpkg --eps 15 --hull concave --concave-ratio 2)
trygg_cli_test(hotspots.negative_margin EXIT 2 STDERR_CONTAINS "--margin"
  ARGS hotspots hotspots_reports.geojson -o ${TRYGG_CLI_TMP}/hotspots_none.gpkg --eps 15 --margin=-1)
trygg_cli_test(hotspots.bad_from EXIT 2 STDERR_CONTAINS "--from: '03/04/2025'"
  ARGS hotspots hotspots_reports.geojson -o ${TRYGG_CLI_TMP}/hotspots_none.gpkg --eps 15 --from 03/04/2025)
trygg_cli_test(hotspots.weighted_without_weights EXIT 2 STDERR_CONTAINS "--weight-field"
  ARGS hotspots walkways.geojson -o ${TRYGG_CLI_TMP}/hotspots_none.gpkg --eps 15 --weighted)
trygg_cli_test(hotspots.output_exists EXIT 2 STDERR_CONTAINS "districts.geojson"
  ARGS ${hs_base} -o districts.geojson)
trygg_cli_test(hotspots.output_is_input EXIT 2 STDERR_CONTAINS "hotspots_reports.geojson"
  ARGS ${hs_base} -o hotspots_reports.geojson --overwrite)
trygg_cli_test(hotspots.unsupported_output EXIT 2 STDERR_CONTAINS ".txt"
  ARGS ${hs_base} -o ${TRYGG_CLI_TMP}/hotspots.txt)

# Data errors: exit 1, one line.
trygg_cli_test(hotspots.missing_input EXIT 1 STDERR_CONTAINS "nothing_here.geojson: no such file"
  NO_FILE ${TRYGG_CLI_TMP}/hotspots_none.gpkg
  ARGS hotspots nothing_here.geojson -o ${TRYGG_CLI_TMP}/hotspots_none.gpkg --eps 15)

# Deterministic output: the same run twice gives byte-identical GeoPackages.
add_test(NAME cli.hotspots.byte_identical
  COMMAND ${CMAKE_COMMAND} -DTRYGG=$<TARGET_FILE:trygg> -DDATA=${TRYGG_CLI_DATA} -DOUT=${TRYGG_CLI_TMP}/identical
          -P ${CMAKE_CURRENT_SOURCE_DIR}/check_byte_identical.cmake)

# An output clash is found before reading: exit 2 and no --rejects file left behind.
trygg_cli_test(hotspots.clash_leaves_no_rejects EXIT 2 STDERR_CONTAINS "exists"
  CLEAN ${TRYGG_CLI_TMP}/early_rejects.gpkg NO_FILE ${TRYGG_CLI_TMP}/early_rejects.gpkg
  ARGS hotspots reports_bad.geojson -o districts.geojson --eps 10 --rejects ${TRYGG_CLI_TMP}/early_rejects.gpkg)
