// GCC 12 at -O2 warns that date.h's fractional-seconds reader "may use S uninitialised" (in
// <chrono>'s duration_cast, inlined into date::from_stream): a false positive, as S is only
// used after it was read. The warning is located in the library headers, so it is silenced
// for their lines only; this file's own code is still checked.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include "trygg/io/time_parser.hpp"

#include <date/date.h>
#pragma GCC diagnostic pop

#include <algorithm>
#include <chrono>
#include <locale>
#include <sstream>

#include "trygg/error.hpp"

namespace trygg::io {

namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::nanoseconds;

constexpr std::string_view kWhitespace = " \t\r\n\v\f";

// Years outside this range are almost always a two-digit year read as %Y ("1/1/15" as the
// year 15) or a typing error; rejecting them is kinder than placing a report in antiquity.
constexpr int kMinYear = 1000;
constexpr int kMaxYear = 9999;

constexpr std::string_view kReasonUnrecognised = "not a recognised date/time";
constexpr std::string_view kReasonNotIso = "not an ISO 8601 date/time";
constexpr std::string_view kReasonCalendar = "invalid calendar date";
constexpr std::string_view kReasonYear = "year out of range 1000-9999";
constexpr std::string_view kReasonAmbiguous = "ambiguous date order; use --time-format us|eu";
constexpr std::string_view kReasonTimeOfDay = "invalid time of day";
constexpr std::string_view kReasonHour12 = "hour out of range for AM/PM";
constexpr std::string_view kReasonMeridiemOnly = "AM/PM without a time of day";

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(kWhitespace);
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(kWhitespace);
    return text.substr(first, last - first + 1);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char ascii_upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

std::string to_ascii_upper(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), ascii_upper);
    return out;
}

enum class Meridiem { none, am, pm };

// Finds a stand-alone "AM"/"PM" (any case) in `text`, removes it and says which it was. In
// automatic mode it must end the text ("10:37:47 AM", "10:37PM"); an explicit pattern may put
// %p anywhere. How date::parse reads %p depends on how the date library was configured (with
// libstdc++'s time_get, GCC 12 ignores it and every PM time comes out as AM), so trygg reads
// the hour with %H and applies AM/PM itself in parse_with.
Meridiem take_meridiem(std::string& text, bool anywhere) {
    if (text.size() < 2) return Meridiem::none;
    const std::size_t last = text.size() - 2;
    for (std::size_t pos = anywhere ? 0 : last; pos <= last; ++pos) {
        const char first = ascii_upper(text[pos]);
        if (ascii_upper(text[pos + 1]) != 'M' || (first != 'A' && first != 'P')) continue;
        if (pos > 0 && is_ascii_letter(text[pos - 1])) continue;
        if (pos + 2 < text.size() && is_ascii_letter(text[pos + 2])) continue;
        text.erase(pos, 2);
        text = std::string(trim(text));
        return first == 'P' ? Meridiem::pm : Meridiem::am;
    }
    return Meridiem::none;
}

// One attempt of one pattern on one text.
struct Attempt {
    enum class Outcome { no_match, invalid, ok };
    Outcome outcome = Outcome::no_match;
    model::TimePoint time{};
    std::string_view reason;  // for invalid: one of the kReason constants

    bool ok() const { return outcome == Outcome::ok; }
    bool matched() const { return outcome != Outcome::no_match; }
};

Attempt invalid(std::string_view reason) { return {Attempt::Outcome::invalid, {}, reason}; }

// Parses `text` with the date::parse pattern `pattern`, which must consume all of it. Reading
// into date::fields (rather than sys_time) keeps a text that has the right shape but names an
// impossible day (2015-02-30) apart from a text of the wrong shape, so the user gets the
// better reason.
Attempt parse_with(const std::string& text, const std::string& pattern, Meridiem meridiem) {
    std::istringstream in(text);
    in.imbue(std::locale::classic());
    date::fields<nanoseconds> fields{};
    minutes offset{0};
    date::from_stream(in, pattern.c_str(), fields, static_cast<std::string*>(nullptr), &offset);
    if (in.fail()) return {};
    if (in.peek() != std::istringstream::traits_type::eof()) return {};  // trailing text

    if (!fields.ymd.ok()) return invalid(kReasonCalendar);
    const int year = static_cast<int>(fields.ymd.year());
    if (year < kMinYear || year > kMaxYear) return invalid(kReasonYear);

    // date::parse reads %H and %M as plain numbers (10:61 would become 11:01): check the range.
    if (fields.has_tod && !fields.tod.in_conventional_range()) return invalid(kReasonTimeOfDay);
    auto time_of_day = fields.has_tod ? fields.tod.to_duration() : nanoseconds{0};
    if (meridiem != Meridiem::none) {
        if (!fields.has_tod) return invalid(kReasonMeridiemOnly);
        const auto hour = std::chrono::floor<hours>(time_of_day);
        if (hour < hours{1} || hour > hours{12}) return invalid(kReasonHour12);
        // 12 AM is midnight, 12 PM is noon, 1-11 PM are 13-23.
        if (meridiem == Meridiem::am && hour == hours{12}) time_of_day -= hours{12};
        if (meridiem == Meridiem::pm && hour != hours{12}) time_of_day += hours{12};
    }
    const auto time = date::sys_days{fields.ymd} + std::chrono::floor<std::chrono::seconds>(time_of_day) - offset;
    return {Attempt::Outcome::ok, std::chrono::time_point_cast<std::chrono::seconds>(time), {}};
}

// The time-of-day parts that may follow a date, longest first so that "%H:%M" never wins on
// text that has seconds. A space in a date::parse pattern matches any amount of whitespace,
// including none. Zones are taken off the text before (take_zone).
const std::vector<std::string>& time_suffixes() {
    static const std::vector<std::string> suffixes = {"", "T%H:%M:%S", "T%H:%M", " %H:%M:%S", " %H:%M"};
    return suffixes;
}

// The largest UTC offset in use is +14:00; anything beyond 18 hours is not a zone.
constexpr minutes kMaxOffset = hours{18};

enum class ZoneOutcome { none, ok, bad };

// Takes a trailing zone off an upper-cased automatic-mode text: "Z", or a sign followed by
// hh, hhmm or hh:mm that comes after the time (after a ':'), so the '-' of a date is never
// mistaken for one. date::parse's %z would also read an unsigned number ("10:6" + "1"), which
// is why the zone is found here and only its value is parsed with %Ez / %z.
ZoneOutcome take_zone(std::string& text, minutes& offset) {
    if (text.size() >= 2 && text.back() == 'Z' && is_digit(text[text.size() - 2])) {
        text.pop_back();
        offset = minutes{0};
        return ZoneOutcome::ok;
    }
    const auto sign = text.find_last_of("+-");
    const auto colon = text.find(':');
    if (sign == std::string::npos || colon == std::string::npos || colon > sign) return ZoneOutcome::none;
    const std::string zone = text.substr(sign);
    for (const char* pattern : {"%Ez", "%z"}) {
        std::istringstream in(zone);
        in.imbue(std::locale::classic());
        date::fields<std::chrono::seconds> unused{};
        minutes value{0};
        date::from_stream(in, pattern, unused, static_cast<std::string*>(nullptr), &value);
        if (in.fail() || in.peek() != std::istringstream::traits_type::eof()) continue;
        if (value > kMaxOffset || value < -kMaxOffset) return ZoneOutcome::bad;
        offset = value;
        text = std::string(trim(std::string_view(text).substr(0, sign)));
        return ZoneOutcome::ok;
    }
    return ZoneOutcome::bad;
}

// Tries `date_pattern` followed by each time suffix; the first that consumes the text decides
// (the suffixes are mutually exclusive in what they accept, so later ones cannot do better).
Attempt parse_date_time(const std::string& text, std::string_view date_pattern, Meridiem meridiem) {
    for (const auto& suffix : time_suffixes()) {
        Attempt attempt = parse_with(text, std::string(date_pattern) + suffix, meridiem);
        if (attempt.matched()) return attempt;
    }
    return {};
}

// The shape of the date at the start of a text, from its separator and the number of digits
// before it: this picks the patterns to try without reading any number.
enum class DateShape { unknown, iso, year_first_slash, two_way, day_first_dot };

struct ShapedDate {
    DateShape shape = DateShape::unknown;
    char separator = 0;
};

ShapedDate classify(std::string_view text) {
    std::size_t digits = 0;
    while (digits < text.size() && is_digit(text[digits])) ++digits;
    if (digits == 0 || digits == text.size()) return {};
    const char separator = text[digits];
    if (digits == 4 && separator == '-') return {DateShape::iso, separator};
    if (digits == 4 && separator == '/') return {DateShape::year_first_slash, separator};
    if (digits <= 2 && (separator == '/' || separator == '-')) return {DateShape::two_way, separator};
    if (digits <= 2 && separator == '.') return {DateShape::day_first_dot, separator};
    return {};
}

std::string month_first_pattern(char separator) {
    return std::string("%m") + separator + "%d" + separator + "%Y";
}
std::string day_first_pattern(char separator) {
    return std::string("%d") + separator + "%m" + separator + "%Y";
}

Attempt resolve_two_way(const std::string& text, char separator, DateOrder order, Meridiem meridiem) {
    if (order == DateOrder::month_first) return parse_date_time(text, month_first_pattern(separator), meridiem);
    if (order == DateOrder::day_first) return parse_date_time(text, day_first_pattern(separator), meridiem);
    const Attempt month_first = parse_date_time(text, month_first_pattern(separator), meridiem);
    const Attempt day_first = parse_date_time(text, day_first_pattern(separator), meridiem);
    if (month_first.ok() && day_first.ok()) {
        // 05/05/2015 is the same day either way; only a real difference is ambiguous.
        if (month_first.time == day_first.time) return month_first;
        return invalid(kReasonAmbiguous);
    }
    if (month_first.ok()) return month_first;
    if (day_first.ok()) return day_first;
    return month_first.matched() ? month_first : day_first;
}

TimeParseResult finish(std::string text, const Attempt& attempt, std::string_view no_match_reason) {
    TimeParseResult result;
    result.text = std::move(text);
    if (attempt.ok()) {
        result.status = TimeParseStatus::ok;
        result.time = attempt.time;
        return result;
    }
    const std::string_view reason = attempt.matched() ? attempt.reason : no_match_reason;
    result.status = reason == kReasonAmbiguous ? TimeParseStatus::ambiguous : TimeParseStatus::invalid;
    result.reason = std::string(reason);
    return result;
}

// An explicit --time-format pattern, rewritten for trygg's own AM/PM handling: %p is taken out
// of the pattern and the AM/PM word out of the text, and %I becomes %H (checked afterwards).
TimeParseResult parse_explicit(std::string text, const std::string& pattern) {
    const std::string mismatch = "does not match --time-format '" + pattern + "'";
    std::string effective = pattern;
    std::string input = text;
    Meridiem meridiem = Meridiem::none;
    if (const auto p = effective.find("%p"); p != std::string::npos) {
        effective.erase(p, 2);
        for (auto i = effective.find("%I"); i != std::string::npos; i = effective.find("%I", i)) effective[i + 1] = 'H';
        meridiem = take_meridiem(input, true);
        if (meridiem == Meridiem::none) return finish(std::move(text), {}, mismatch);
    }
    return finish(std::move(text), parse_with(input, effective, meridiem), mismatch);
}

// The date part of a two-way text for detect_date_order: up to the first space or 'T'.
std::string leading_date(const std::string& upper_text) {
    const auto end = upper_text.find_first_of(" \tT");
    return upper_text.substr(0, end);
}

// Every conversion character date::parse understands; %r %c %x %X depend on the locale (and
// on %p, which libstdc++ does not parse) and %Z reads a zone abbreviation without applying
// any offset, so those are refused with a hint instead.
constexpr std::string_view kKnownDirectives = "aAbBCdDeFgGhHIjmMnpRStTuUVwWyYz%";
constexpr std::string_view kRefusedDirectives = "cxXrZ";
constexpr std::string_view kYearDirectives = "YyFDG";

void validate_pattern(std::string_view pattern) {
    bool has_year = false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != '%') continue;
        std::size_t j = i + 1;
        while (j < pattern.size() && is_digit(pattern[j])) ++j;
        if (j < pattern.size() && (pattern[j] == 'E' || pattern[j] == 'O')) ++j;
        if (j >= pattern.size()) {
            throw UsageError("--time-format '" + std::string(pattern) + "' ends with an incomplete % directive");
        }
        const char directive = pattern[j];
        if (kRefusedDirectives.find(directive) != std::string_view::npos) {
            throw UsageError("--time-format: %" + std::string(1, directive) +
                             " is not supported; spell it out (e.g. %d/%m/%Y %I:%M:%S %p) and use %z for zones");
        }
        if (kKnownDirectives.find(directive) == std::string_view::npos) {
            throw UsageError("--time-format: unknown directive %" + std::string(1, directive) + " in '" +
                             std::string(pattern) + "'");
        }
        if (kYearDirectives.find(directive) != std::string_view::npos) has_year = true;
        i = j;
    }
    if (!has_year) {
        throw UsageError("--time-format '" + std::string(pattern) + "' has no year (%Y, %y, %F, %D or %G)");
    }
}

}  // namespace

std::string TimeParseResult::detail() const {
    if (!failed()) return {};
    return "time '" + text + "': " + reason;
}

TimeFormat parse_time_format_option(std::string_view option) {
    const std::string_view trimmed = trim(option);
    if (trimmed.find('%') != std::string_view::npos) {
        validate_pattern(trimmed);
        return TimeFormat{std::string(trimmed), DateOrder::auto_detect, false};
    }
    const std::string upper = to_ascii_upper(trimmed);
    if (upper == "AUTO") return TimeFormat{};
    if (upper == "ISO") return TimeFormat{{}, DateOrder::auto_detect, true};
    if (upper == "US") return TimeFormat{{}, DateOrder::month_first, false};
    if (upper == "EU") return TimeFormat{{}, DateOrder::day_first, false};
    throw UsageError("unknown --time-format '" + std::string(option) +
                     "': use iso, us (MM/DD/YYYY), eu (DD/MM/YYYY) or a pattern such as '%d/%m/%Y %H:%M'");
}

TimeParseResult parse_time(std::string_view raw, const TimeFormat& format) {
    std::string text(trim(raw));
    if (text.empty()) return {};
    if (!format.strptime_format.empty()) return parse_explicit(std::move(text), format.strptime_format);

    // Automatic mode works on an upper-case copy so 't', 'z' and 'am' are read like T, Z, AM.
    std::string work = to_ascii_upper(text);
    minutes offset{0};
    if (take_zone(work, offset) == ZoneOutcome::bad) return finish(std::move(text), {}, kReasonUnrecognised);
    const Meridiem meridiem = take_meridiem(work, false);
    const ShapedDate date = classify(work);
    // OGR writes DateTime fields as YYYY/MM/DD hh:mm:ss[+zz], so year-first slashes count as ISO.
    const bool year_first = date.shape == DateShape::iso || date.shape == DateShape::year_first_slash;
    if (format.iso_only && !year_first) return finish(std::move(text), {}, kReasonNotIso);

    Attempt attempt;
    switch (date.shape) {
        case DateShape::iso: attempt = parse_date_time(work, "%Y-%m-%d", meridiem); break;
        case DateShape::year_first_slash: attempt = parse_date_time(work, "%Y/%m/%d", meridiem); break;
        case DateShape::day_first_dot: attempt = parse_date_time(work, "%d.%m.%Y", meridiem); break;
        case DateShape::two_way: attempt = resolve_two_way(work, date.separator, format.order, meridiem); break;
        case DateShape::unknown: break;
    }
    if (attempt.ok()) attempt.time -= offset;
    return finish(std::move(text), attempt, format.iso_only ? kReasonNotIso : kReasonUnrecognised);
}

DateOrder detect_date_order(const std::vector<std::string_view>& samples) {
    std::size_t month_first_votes = 0;
    std::size_t day_first_votes = 0;
    for (const std::string_view sample : samples) {
        std::string work = to_ascii_upper(trim(sample));
        const ShapedDate date = classify(work);
        if (date.shape != DateShape::two_way) continue;
        const std::string day_text = leading_date(work);
        const bool month_first = parse_with(day_text, month_first_pattern(date.separator), Meridiem::none).ok();
        const bool day_first = parse_with(day_text, day_first_pattern(date.separator), Meridiem::none).ok();
        if (month_first && !day_first) ++month_first_votes;
        if (day_first && !month_first) ++day_first_votes;
    }
    if (month_first_votes > 0 && day_first_votes == 0) return DateOrder::month_first;
    if (day_first_votes > 0 && month_first_votes == 0) return DateOrder::day_first;
    return DateOrder::auto_detect;
}

}  // namespace trygg::io
