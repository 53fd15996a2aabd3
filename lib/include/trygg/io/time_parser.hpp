#pragma once
// Parsing the time of a report as people and systems write it: ISO 8601, US (MM/DD/YYYY with
// AM/PM) and European (DD/MM/YYYY, DD.MM.YYYY) forms, or an explicit strptime-style pattern
// from --time-format. Times with a zone are converted to UTC; times without one are taken as
// written (see model/time.hpp). The accepted forms are listed in docs/data-model.md.
//
// Slash dates such as 03/04/2015 are ambiguous. With DateOrder::auto_detect each value decides
// for itself when it can (13/04/2015 is day-first, 04/13/2015 month-first, 04/04/2015 is the
// same either way) and fails with the reason "ambiguous date order; use --time-format us|eu"
// when it cannot. A reader first calls detect_date_order() on the whole column so that one
// unambiguous value settles the order for all of them.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "trygg/model/time.hpp"

namespace trygg::io {

enum class DateOrder { auto_detect, month_first, day_first };

struct TimeFormat {
    // An explicit pattern with % directives as in date::parse / strftime (e.g. "%d/%m/%Y %H:%M");
    // empty means automatic recognition of the forms in the header comment.
    std::string strptime_format;
    // How slash dates (NN/NN/YYYY) are read in automatic mode. Dot dates (31.12.2015) are
    // always day-first; ISO dates are never ambiguous.
    DateOrder order = DateOrder::auto_detect;
    // --time-format iso: accept only year-first forms, ISO 8601 (YYYY-MM-DD[Thh:mm[:ss[.fff]]][zone])
    // and YYYY/MM/DD (as OGR writes DateTime fields); no day-month guessing at all.
    bool iso_only = false;
};

// The value of --time-format: "iso", "us" (MM/DD/YYYY), "eu" (DD/MM/YYYY or DD.MM.YYYY),
// "auto" (the default), or a pattern containing % directives (e.g. "%d/%m/%Y %H:%M").
// Matching of the keywords is case-insensitive. Throws trygg::UsageError for anything else,
// for an unknown directive and for a pattern without a year (%Y, %y, %F, %D or %G).
TimeFormat parse_time_format_option(std::string_view option);

enum class TimeParseStatus {
    ok,         // `time` holds the parsed time
    empty,      // blank text: the feature has no time; not an error
    invalid,    // the text is not a date/time we accept (see `reason`)
    ambiguous,  // a slash date that reads both ways and no order was decided
};

// The outcome of parse_time: an expected-like value that tells "no time" (empty text) apart
// from text that does not parse, and says why in words a user understands.
struct TimeParseResult {
    TimeParseStatus status = TimeParseStatus::empty;
    std::optional<model::TimePoint> time;  // engaged exactly when status == ok
    // Short reason when status is invalid or ambiguous, e.g. "invalid calendar date" or
    // "ambiguous date order; use --time-format us|eu"; empty otherwise.
    std::string reason;
    std::string text;  // the input without surrounding whitespace

    bool ok() const noexcept { return status == TimeParseStatus::ok; }
    bool empty() const noexcept { return status == TimeParseStatus::empty; }
    bool failed() const noexcept { return !ok() && !empty(); }
    // For a rejects layer: "time '31/02/2015': invalid calendar date" (empty when not failed).
    std::string detail() const;
};

// Parses one value. Whitespace around the text is ignored. Fractional seconds are accepted and
// truncated to whole seconds. Years must lie in 1000..9999 (this catches two-digit years read
// as %Y). 12-hour times need an hour from 1 to 12 followed by AM or PM (any case).
TimeParseResult parse_time(std::string_view text, const TimeFormat& format = {});

// Decides the order of slash dates (NN/NN/YYYY) for a whole column. Rule: each sample whose
// date reads as a valid date only month-first (e.g. 04/13/2015) votes month-first, only
// day-first (13/04/2015) votes day-first; values that read both ways, other forms and blanks
// do not vote. If votes exist and all agree, that order is returned; with no votes, or with
// votes both ways (an inconsistent column), auto_detect is returned, so each value then
// decides for itself and ambiguous ones are rejected with a reason.
DateOrder detect_date_order(const std::vector<std::string_view>& samples);

}  // namespace trygg::io
