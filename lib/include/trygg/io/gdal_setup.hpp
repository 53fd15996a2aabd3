#pragma once
// GDAL is set up once per process: drivers registered, and its own messages kept off stderr
// (trygg reports problems itself, as one clear line; GDAL's text is read with
// CPLGetLastErrorMsg and included where it helps).

namespace trygg::io {

void ensure_gdal();

}  // namespace trygg::io
