#pragma once
// Report times: seconds since 1970-01-01T00:00:00 UTC. Times given without a zone are taken
// as they are written (as if UTC), which keeps dates and weekdays as the source meant them.

#include <chrono>
#include <string>

namespace trygg::model {

using TimePoint = std::chrono::sys_seconds;

// ISO 8601: "2015-01-01T10:37:47Z", or "2015-01-01" when the time of day is midnight and
// date_only is true.
std::string format_iso8601(TimePoint t, bool date_only = false);

}  // namespace trygg::model
