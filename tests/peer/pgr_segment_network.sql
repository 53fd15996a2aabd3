-- The walkways table (loaded by ogr2ogr) as a pgRouting network of its segments: edges(id,
-- source, target, cost, reverse_cost, geom), noded by pgr_extractVertices at shared end points,
-- costs = segment lengths in both directions, plus a vertices table. Shared by the peer tests
-- that compare trygg's walking graph with pgRouting (run with psql -f).
CREATE TABLE edges AS
  SELECT row_number() OVER (ORDER BY w.fid, l.path, s.path) AS id, s.geom AS geom
  FROM walkways w, ST_Dump(w.geom) l, ST_DumpSegments(l.geom) s
  WHERE ST_Length(s.geom) > 0;
ALTER TABLE edges ADD source bigint, ADD target bigint, ADD cost float8, ADD reverse_cost float8;
UPDATE edges SET cost = ST_Length(geom), reverse_cost = ST_Length(geom);
CREATE TABLE vertices AS SELECT * FROM pgr_extractVertices('SELECT id, geom FROM edges ORDER BY id');
UPDATE edges SET source = v.id FROM (SELECT id, unnest(out_edges) AS e FROM vertices) v WHERE edges.id = v.e;
UPDATE edges SET target = v.id FROM (SELECT id, unnest(in_edges) AS e FROM vertices) v WHERE edges.id = v.e;
CREATE INDEX ON edges USING gist (geom);
