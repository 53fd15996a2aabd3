# trygg evaluate: PAI and NNI on hand-made fixtures whose answers are known by hand.
#
# evaluate_hotspots.gpkg: layer 'a_points' (points, skipped) then 'hotspot_areas': two 100 x 100 m
# squares overlapping by half, union 150 x 100 = 15000 m². evaluate_study.geojson: three
# overlapping rectangles whose union is a 1000 x 1000 m square (1e6 m²; their sum would be 1.2e6).
# evaluate_reports.csv: 10 reports: 4 in the hotspots (one in the overlap, one on the east
# boundary, one dated 2024), 5 elsewhere in the study area, 1 outside it.
# With --from 2025-01-01 and the study area: 3 hits of 8, area share 0.015, PAI 0.375 / 0.015 = 25.
trygg_cli_test(evaluate.pai EXIT 0 GOLDEN evaluate_pai.json
  STDERR_CONTAINS "kept 8 of 10 reports (left out: before 1, outside 1)"
  ARGS evaluate --areas evaluate_hotspots.gpkg --reports evaluate_reports.csv --src-crs EPSG:3006
       --study-area evaluate_study.geojson --from 2025-01-01 --json)
trygg_cli_test(evaluate.pai_text EXIT 0 GOLDEN evaluate_pai.txt
  ARGS evaluate --areas evaluate_hotspots.gpkg --reports evaluate_reports.csv --src-crs EPSG:3006
       --study-area evaluate_study.geojson --from 2025-01-01 --quiet)
# A number for A, no filter: 4 hits of 10, PAI 0.4 / 0.015 = 26.6667.
trygg_cli_test(evaluate.pai_m2 EXIT 0 GOLDEN evaluate_pai_m2.json STDERR_EMPTY
  ARGS evaluate --areas evaluate_hotspot.geojson --reports evaluate_reports.csv --src-crs EPSG:3006
       --study-area-m2 1000000 --json)
trygg_cli_test(evaluate.areas_layer EXIT 0 STDOUT_CONTAINS "\"pai\": 26.6667" STDERR_EMPTY
  ARGS evaluate --areas evaluate_hotspots.gpkg --areas-layer hotspot_areas --reports evaluate_reports.csv
       --src-crs EPSG:3006 --study-area-m2 1000000 --json)

# NNI: a 4 x 4 lattice of spacing 10 m. In its own 40 x 40 m square (A = 1600 m²) the expected
# mean is 0.5 / sqrt(16 / 1600) = 5 m, so NNI = 10 / 5 = 2 and z = 5 / (0.26136 / sqrt(256 / 1600))
# = 7.652280. With the default study area, the points' 30 x 30 m bounding box: expected 3.75 m,
# NNI = 2.666667, z = 6.25 / (0.26136 / sqrt(256 / 900)) = 12.753800.
trygg_cli_test(evaluate.nni EXIT 0 GOLDEN evaluate_nni.json STDERR_EMPTY
  ARGS evaluate --nni --reports evaluate_lattice.csv --src-crs EPSG:3006 --study-area-m2 1600 --json)
trygg_cli_test(evaluate.nni_bbox EXIT 0 GOLDEN evaluate_nni_bbox.json STDERR_EMPTY
  ARGS evaluate --nni --reports evaluate_lattice.csv --src-crs EPSG:3006 --json)
trygg_cli_test(evaluate.nni_text EXIT 0 GOLDEN evaluate_nni.txt STDERR_EMPTY
  ARGS evaluate --nni --reports evaluate_lattice.csv --src-crs EPSG:3006 --study-area-m2 1600)

# Usage errors: exit 2.
trygg_cli_test(evaluate.no_mode EXIT 2 STDERR_CONTAINS "give --areas HOTSPOTS"
  ARGS evaluate --reports evaluate_reports.csv --src-crs EPSG:3006 --study-area-m2 1000000)
trygg_cli_test(evaluate.two_modes EXIT 2 STDERR_CONTAINS "give one"
  ARGS evaluate --nni --areas evaluate_hotspot.geojson --reports evaluate_reports.csv --src-crs EPSG:3006)
trygg_cli_test(evaluate.no_study_area EXIT 2 STDERR_CONTAINS "PAI needs the study area"
  ARGS evaluate --areas evaluate_hotspot.geojson --reports evaluate_reports.csv --src-crs EPSG:3006)
trygg_cli_test(evaluate.bad_study_area EXIT 2 STDERR_CONTAINS "--study-area-m2 must be a positive number"
  ARGS evaluate --areas evaluate_hotspot.geojson --reports evaluate_reports.csv --src-crs EPSG:3006 --study-area-m2 -5)
trygg_cli_test(evaluate.unknown_areas_layer EXIT 2 STDERR_CONTAINS "no layer 'nope'"
  ARGS evaluate --areas evaluate_hotspots.gpkg --areas-layer nope --reports evaluate_reports.csv --src-crs EPSG:3006
       --study-area-m2 1000000)
trygg_cli_test(evaluate.no_reports_option EXIT 2 STDERR_CONTAINS "--reports is required"
  ARGS evaluate --nni)
# Data errors: exit 1.
trygg_cli_test(evaluate.missing_reports EXIT 1 STDERR_CONTAINS "nothing_here.csv"
  ARGS evaluate --nni --reports nothing_here.csv)
trygg_cli_test(evaluate.no_polygons EXIT 1 STDERR_CONTAINS "no layer with polygons"
  ARGS evaluate --areas reports_sv.geojson --reports evaluate_reports.csv --src-crs EPSG:3006 --study-area-m2 100 --quiet)
