#include "trygg/model/time.hpp"

#include <date/date.h>

namespace trygg::model {

std::string format_iso8601(TimePoint t, bool date_only) {
    const auto day = std::chrono::floor<date::days>(t);
    if (date_only && day == t) return date::format("%F", date::sys_days{day.time_since_epoch()});
    return date::format("%FT%TZ", t);
}

}  // namespace trygg::model
