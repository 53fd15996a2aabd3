# trygg info: golden output on the fixtures in tests/data, and exit codes for bad usage and data.
trygg_cli_test(info.swedish_fields EXIT 0 GOLDEN info_reports_sv.txt STDERR_EMPTY ARGS info reports_sv.geojson)
trygg_cli_test(info.swedish_fields_json EXIT 0 GOLDEN info_reports_sv.json STDERR_EMPTY
  ARGS info reports_sv.geojson --json)
trygg_cli_test(info.rejections EXIT 0 GOLDEN info_reports_bad.txt STDERR_EMPTY ARGS info reports_bad.geojson)
trygg_cli_test(info.us_csv_json EXIT 0 GOLDEN info_reports_us.json STDERR_EMPTY ARGS info reports_us.csv --json)
trygg_cli_test(info.several_files EXIT 0 GOLDEN info_several.txt STDERR_EMPTY
  ARGS info walkways.geojson districts.geojson reports_sv.geojson)
trygg_cli_test(info.src_crs EXIT 0 STDOUT_CONTAINS "\"working_crs\": \"EPSG:3006\"" STDERR_EMPTY
  ARGS info reports_xy_nocrs.csv --src-crs EPSG:3006 --json)
trygg_cli_test(info.time_format_eu EXIT 0 STDOUT_CONTAINS "\"2025-04-03T00:00:00Z\"" STDERR_EMPTY
  ARGS info reports_ambiguous.csv --time-format eu --json)
trygg_cli_test(info.rejects_file EXIT 0 STDERR_EMPTY CLEAN ${TRYGG_CLI_TMP}/rejects.gpkg
  ARGS info reports_bad.geojson --quiet --rejects ${TRYGG_CLI_TMP}/rejects.gpkg)

# Data errors: exit 1, one line naming the file (and feature where there is one).
trygg_cli_test(info.strict EXIT 1 STDERR_CONTAINS "reports_bad.geojson: layer 'reports_bad': feature 2"
  ARGS info reports_bad.geojson --strict)
trygg_cli_test(info.missing_file EXIT 1 STDERR_CONTAINS "nothing_here.gpkg: no such file" ARGS info nothing_here.gpkg)
trygg_cli_test(info.no_crs EXIT 1 STDERR_CONTAINS "--src-crs" ARGS info reports_xy_nocrs.csv)
trygg_cli_test(info.not_geodata EXIT 1 STDERR_CONTAINS "run_cli_test.cmake" ARGS info ${CMAKE_CURRENT_SOURCE_DIR}/run_cli_test.cmake)

# Usage errors: exit 2.
trygg_cli_test(info.no_files EXIT 2 STDERR_CONTAINS "files is required" ARGS info)
trygg_cli_test(info.unknown_option EXIT 2 STDERR_CONTAINS "--frobnicate" ARGS info reports_sv.geojson --frobnicate)
trygg_cli_test(info.unknown_kind EXIT 2 STDERR_CONTAINS "lamps" ARGS info reports_sv.geojson --kind lamps)
trygg_cli_test(info.missing_field EXIT 2 STDERR_CONTAINS "nope" ARGS info reports_sv.geojson --category-field nope)
trygg_cli_test(info.bad_time_format EXIT 2 STDERR_CONTAINS "nonsense" ARGS info reports_sv.geojson --time-format nonsense)
trygg_cli_test(info.unknown_crs EXIT 2 STDERR_CONTAINS "EPSG:99999" ARGS info reports_sv.geojson --crs EPSG:99999)
trygg_cli_test(info.geographic_crs EXIT 2 STDERR_CONTAINS "metric" ARGS info reports_sv.geojson --crs EPSG:4326)
trygg_cli_test(info.rejects_over_input EXIT 2 STDERR_CONTAINS "reports_bad.geojson"
  ARGS info reports_bad.geojson --rejects reports_bad.geojson --overwrite)
trygg_cli_test(info.unknown_layer EXIT 2 STDERR_CONTAINS "no layer 'nope'" ARGS info reports_sv.geojson --layer nope)
