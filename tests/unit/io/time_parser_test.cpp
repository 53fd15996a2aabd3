#include "trygg/io/time_parser.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "trygg/error.hpp"

using namespace trygg::io;
using trygg::model::TimePoint;

namespace {

// Expected values come from the standard library's calendar (C++20 <chrono>), not from the
// date library the parser uses, so the two are independent.
TimePoint at(int y, unsigned m, unsigned d, int hh = 0, int mm = 0, int ss = 0) {
    using namespace std::chrono;
    return sys_days{year{y} / month{m} / day{d}} + hours{hh} + minutes{mm} + seconds{ss};
}

TimePoint expect_time(std::string_view text, const TimeFormat& format = {}) {
    const TimeParseResult result = parse_time(text, format);
    EXPECT_TRUE(result.ok()) << "'" << text << "': " << result.reason;
    return result.time.value_or(TimePoint{});
}

std::string expect_failure(std::string_view text, const TimeFormat& format = {}) {
    const TimeParseResult result = parse_time(text, format);
    EXPECT_TRUE(result.failed()) << "'" << text << "' parsed";
    EXPECT_FALSE(result.time.has_value());
    EXPECT_FALSE(result.reason.empty());
    return result.reason;
}

TimeFormat with_order(DateOrder order) {
    TimeFormat format;
    format.order = order;
    return format;
}

}  // namespace

TEST(TimeParser, ReferenceHelperAgreesWithKnownEpochValues) {
    EXPECT_EQ(at(1970, 1, 1).time_since_epoch().count(), 0);
    EXPECT_EQ(at(2015, 1, 1).time_since_epoch().count(), 1420070400);
    EXPECT_EQ(at(2015, 1, 1, 10, 37, 47).time_since_epoch().count(), 1420108667);
}

TEST(TimeParser, IsoDatesAndDateTimes) {
    EXPECT_EQ(expect_time("2015-01-01").time_since_epoch().count(), 1420070400);
    EXPECT_EQ(expect_time("2015-01-01T10:37:47").time_since_epoch().count(), 1420108667);
    EXPECT_EQ(expect_time("2015-01-01 10:37:47"), at(2015, 1, 1, 10, 37, 47));
    EXPECT_EQ(expect_time("2015-01-01t10:37:47"), at(2015, 1, 1, 10, 37, 47));
    EXPECT_EQ(expect_time("2015-01-01T10:37"), at(2015, 1, 1, 10, 37));
    EXPECT_EQ(expect_time("2015-06-30 23:59:59"), at(2015, 6, 30, 23, 59, 59));
    EXPECT_EQ(expect_time("2015/01/02"), at(2015, 1, 2));
    EXPECT_EQ(expect_time("2015/01/02 08:05"), at(2015, 1, 2, 8, 5));
}

TEST(TimeParser, ZonesAreConvertedToUtc) {
    const TimePoint utc = at(2015, 1, 1, 10, 37, 47);
    using std::chrono::hours;
    using std::chrono::minutes;
    EXPECT_EQ(expect_time("2015-01-01T10:37:47Z"), utc);
    EXPECT_EQ(expect_time("2015-01-01T10:37:47z"), utc);
    EXPECT_EQ(expect_time("2015-01-01T10:37:47+00:00"), utc);
    EXPECT_EQ(expect_time("2015-01-01T10:37:47+02:00"), utc - hours{2});
    EXPECT_EQ(expect_time("2015-01-01T10:37:47+0200"), utc - hours{2});
    EXPECT_EQ(expect_time("2015-01-01T10:37:47+02"), utc - hours{2});
    EXPECT_EQ(expect_time("2015-01-01T10:37:47-05:00"), utc + hours{5});
    EXPECT_EQ(expect_time("2015-01-01T10:37:47+05:30"), utc - hours{5} - minutes{30});
    EXPECT_EQ(expect_time("2015-01-01 10:37:47 +0100"), utc - hours{1});
    // The zone can move the time to another UTC day.
    EXPECT_EQ(expect_time("2015-01-01T00:30:00+01:00"), at(2014, 12, 31, 23, 30));
    EXPECT_EQ(expect_time("2015-01-01T10:37Z"), at(2015, 1, 1, 10, 37));
    // OGR's text for DateTime fields (OGRFeature::GetFieldAsString), as readers receive it.
    EXPECT_EQ(expect_time("2015/01/01 10:37:47+00"), utc);
    EXPECT_EQ(expect_time("2015/01/01 10:37:47.500+0530"), utc - hours{5} - minutes{30});
}

TEST(TimeParser, FractionalSecondsAreTruncated) {
    EXPECT_EQ(expect_time("2015-01-01T10:37:47.999Z"), at(2015, 1, 1, 10, 37, 47));
    EXPECT_EQ(expect_time("2015-01-01T10:37:47.5"), at(2015, 1, 1, 10, 37, 47));
    EXPECT_EQ(expect_time("2015-01-01 10:37:47.123456789+01:00"), at(2015, 1, 1, 9, 37, 47));
}

TEST(TimeParser, UsFormsWithTwelveHourClock) {
    EXPECT_EQ(expect_time("01/01/2015 10:37:47 AM"), at(2015, 1, 1, 10, 37, 47));
    EXPECT_EQ(expect_time("01/01/2015 10:37:47 PM"), at(2015, 1, 1, 22, 37, 47));
    EXPECT_EQ(expect_time("01/01/2015 12:05:00 AM"), at(2015, 1, 1, 0, 5));
    EXPECT_EQ(expect_time("01/01/2015 12:05:00 PM"), at(2015, 1, 1, 12, 5));
    EXPECT_EQ(expect_time("1/1/2015 10:37"), at(2015, 1, 1, 10, 37));
    EXPECT_EQ(expect_time("1/1/2015 10:37pm"), at(2015, 1, 1, 22, 37));
    EXPECT_EQ(expect_time("12/31/2015 11:59:59 PM"), at(2015, 12, 31, 23, 59, 59));
    EXPECT_EQ(expect_time("12-31-2015"), at(2015, 12, 31));
}

TEST(TimeParser, EuropeanForms) {
    EXPECT_EQ(expect_time("31/12/2015"), at(2015, 12, 31));
    EXPECT_EQ(expect_time("31.12.2015 22:10"), at(2015, 12, 31, 22, 10));
    EXPECT_EQ(expect_time("31.12.2015 22:10:05"), at(2015, 12, 31, 22, 10, 5));
    // Dot dates are always day-first, even when both numbers are <= 12.
    EXPECT_EQ(expect_time("1.2.2015"), at(2015, 2, 1));
    EXPECT_EQ(expect_time("13/04/2015 07:00"), at(2015, 4, 13, 7));
}

TEST(TimeParser, WhitespaceAroundIsIgnoredAndEmptyIsNotAnError) {
    EXPECT_EQ(expect_time("  2015-01-01 \t\r\n"), at(2015, 1, 1));
    for (std::string_view blank : {"", "   ", "\t\n"}) {
        const TimeParseResult result = parse_time(blank);
        EXPECT_EQ(result.status, TimeParseStatus::empty);
        EXPECT_TRUE(result.empty());
        EXPECT_FALSE(result.failed());
        EXPECT_FALSE(result.time.has_value());
        EXPECT_TRUE(result.detail().empty());
    }
}

TEST(TimeParser, InvalidCalendarDatesFail) {
    EXPECT_EQ(expect_failure("2015-02-30"), "invalid calendar date");
    EXPECT_EQ(expect_failure("2015-02-29"), "invalid calendar date");
    EXPECT_EQ(expect_time("2016-02-29"), at(2016, 2, 29));  // leap year
    EXPECT_EQ(expect_failure("2015-13-01"), "invalid calendar date");
    EXPECT_EQ(expect_failure("2015-04-31 10:00"), "invalid calendar date");
    // Neither order makes a date of 31/02.
    EXPECT_EQ(expect_failure("31/02/2015"), "invalid calendar date");
    EXPECT_EQ(expect_failure("30.02.2015"), "invalid calendar date");
}

TEST(TimeParser, UnparseableTextFailsWithAReasonNamingTheText) {
    EXPECT_EQ(expect_failure("yesterday"), "not a recognised date/time");
    EXPECT_EQ(expect_failure("2015-01-01 garbage"), "not a recognised date/time");
    EXPECT_EQ(expect_failure("2015-01-01T25:00:00"), "invalid time of day");
    EXPECT_EQ(expect_failure("2015-01-01T10:61"), "invalid time of day");
    EXPECT_EQ(expect_failure("2015-01-01 10:30:60"), "invalid time of day");
    EXPECT_EQ(expect_failure("31.12.2015 24:00"), "invalid time of day");
    EXPECT_EQ(expect_failure("2015-01-01T10:37:47+25:00"), "not a recognised date/time");
    EXPECT_EQ(expect_failure("2015-01-01T10:37:47+2x"), "not a recognised date/time");
    EXPECT_EQ(expect_failure("2015-01-01T10:37:47 ZZ"), "not a recognised date/time");
    EXPECT_EQ(expect_failure("20150101"), "not a recognised date/time");
    EXPECT_EQ(expect_failure("01/01/2015 13:00 PM"), "hour out of range for AM/PM");
    EXPECT_EQ(expect_failure("01/01/2015 PM"), "AM/PM without a time of day");
    // A two-digit year read as a four-digit one would be the year 15.
    EXPECT_EQ(expect_failure("1/13/15"), "year out of range 1000-9999");

    const TimeParseResult result = parse_time(" 2015-02-30 ");
    EXPECT_EQ(result.status, TimeParseStatus::invalid);
    EXPECT_EQ(result.text, "2015-02-30");
    EXPECT_EQ(result.detail(), "time '2015-02-30': invalid calendar date");
}

TEST(TimeParser, AmbiguousSlashDatesNeedAnOrder) {
    const TimeParseResult result = parse_time("03/04/2015 10:00");
    EXPECT_EQ(result.status, TimeParseStatus::ambiguous);
    EXPECT_TRUE(result.failed());
    EXPECT_EQ(result.reason, "ambiguous date order; use --time-format us|eu");
    EXPECT_EQ(result.detail(), "time '03/04/2015 10:00': ambiguous date order; use --time-format us|eu");

    // The same day either way is not ambiguous.
    EXPECT_EQ(expect_time("05/05/2015"), at(2015, 5, 5));
    // One number above 12 decides by itself.
    EXPECT_EQ(expect_time("04/13/2015"), at(2015, 4, 13));
    EXPECT_EQ(expect_time("13/04/2015"), at(2015, 4, 13));

    EXPECT_EQ(expect_time("03/04/2015 10:00", with_order(DateOrder::month_first)), at(2015, 3, 4, 10));
    EXPECT_EQ(expect_time("03/04/2015 10:00", with_order(DateOrder::day_first)), at(2015, 4, 3, 10));
    // A fixed order is applied strictly: 13 is not a month.
    EXPECT_EQ(expect_failure("13/04/2015", with_order(DateOrder::month_first)), "invalid calendar date");
    EXPECT_EQ(expect_failure("04/13/2015", with_order(DateOrder::day_first)), "invalid calendar date");
}

TEST(TimeParser, ColumnLevelDetectionOfDateOrder) {
    using V = std::vector<std::string_view>;
    EXPECT_EQ(detect_date_order(V{"03/04/2015", "", "13/04/2015 10:00", "2015-01-01"}), DateOrder::day_first);
    EXPECT_EQ(detect_date_order(V{"03/04/2015", "04/13/2015 10:37:47 AM"}), DateOrder::month_first);
    EXPECT_EQ(detect_date_order(V{"03-04-2015", "04-13-2015"}), DateOrder::month_first);
    // Nothing decides, or the column contradicts itself: leave it to each value.
    EXPECT_EQ(detect_date_order(V{"03/04/2015", "05/06/2015"}), DateOrder::auto_detect);
    EXPECT_EQ(detect_date_order(V{"13/04/2015", "04/13/2015"}), DateOrder::auto_detect);
    EXPECT_EQ(detect_date_order(V{"2015-01-13", "31.12.2015", "", "junk"}), DateOrder::auto_detect);
    EXPECT_EQ(detect_date_order(V{}), DateOrder::auto_detect);

    // The reader's use: decide once, then parse every value with that order.
    const V column{"03/04/2015", "13/04/2015"};
    TimeFormat format;
    format.order = detect_date_order(column);
    EXPECT_EQ(expect_time(column[0], format), at(2015, 4, 3));
    EXPECT_EQ(expect_time(column[1], format), at(2015, 4, 13));
}

TEST(TimeParser, TimeFormatOptionKeywords) {
    EXPECT_EQ(parse_time_format_option("us").order, DateOrder::month_first);
    EXPECT_EQ(parse_time_format_option("US").order, DateOrder::month_first);
    EXPECT_EQ(parse_time_format_option("eu").order, DateOrder::day_first);
    EXPECT_TRUE(parse_time_format_option("auto").strptime_format.empty());
    EXPECT_EQ(parse_time_format_option("auto").order, DateOrder::auto_detect);

    const TimeFormat iso = parse_time_format_option("iso");
    EXPECT_TRUE(iso.iso_only);
    EXPECT_EQ(expect_time("2015-01-01T10:37:47+01:00", iso), at(2015, 1, 1, 9, 37, 47));
    EXPECT_EQ(expect_failure("01/01/2015", iso), "not an ISO 8601 date/time");
    EXPECT_EQ(expect_failure("31.12.2015", iso), "not an ISO 8601 date/time");
    EXPECT_EQ(expect_time("2015/01/01 10:37:47+00", iso), at(2015, 1, 1, 10, 37, 47));

    const TimeFormat eu = parse_time_format_option("eu");
    EXPECT_EQ(expect_time("03/04/2015", eu), at(2015, 4, 3));
    EXPECT_EQ(expect_time("03.04.2015", eu), at(2015, 4, 3));
    EXPECT_EQ(expect_time("2015-04-03", eu), at(2015, 4, 3));
}

TEST(TimeParser, TimeFormatOptionWithExplicitPattern) {
    const TimeFormat dmy = parse_time_format_option("%d/%m/%Y %H:%M");
    EXPECT_EQ(dmy.strptime_format, "%d/%m/%Y %H:%M");
    EXPECT_EQ(expect_time("03/04/2015 10:37", dmy), at(2015, 4, 3, 10, 37));
    EXPECT_EQ(expect_failure("2015-04-03", dmy), "does not match --time-format '%d/%m/%Y %H:%M'");
    EXPECT_EQ(expect_failure("31/02/2015 10:37", dmy), "invalid calendar date");

    const TimeFormat twelve = parse_time_format_option("%d %m %Y %I:%M %p");
    EXPECT_EQ(expect_time("03 04 2015 10:37 PM", twelve), at(2015, 4, 3, 22, 37));
    EXPECT_EQ(expect_time("03 04 2015 12:37 am", twelve), at(2015, 4, 3, 0, 37));
    EXPECT_TRUE(parse_time("03 04 2015 10:37", twelve).failed());

    EXPECT_EQ(expect_time("20150403", parse_time_format_option("%Y%m%d")), at(2015, 4, 3));
    EXPECT_EQ(expect_time("2015-04-03T10:00:00+0100", parse_time_format_option("%Y-%m-%dT%H:%M:%S%z")),
              at(2015, 4, 3, 9));
    EXPECT_EQ(expect_time("03/04/15", parse_time_format_option("%d/%m/%y")), at(2015, 4, 3));
}

TEST(TimeParser, BadTimeFormatOptionIsAUsageError) {
    for (std::string_view bad : {"xyz", "", "usa", "%H:%M", "%d/%m/%Q", "%d/%m/%Y %Z", "%c", "%Y-%"}) {
        try {
            parse_time_format_option(bad);
            ADD_FAILURE() << "'" << bad << "' accepted";
        } catch (const trygg::UsageError& error) {
            EXPECT_EQ(error.kind(), trygg::ErrorKind::usage);
            EXPECT_NE(error.message().find("--time-format"), std::string::npos) << error.message();
        }
    }
}

// Every OPEN_DT of the real Boston 311 file (US dates with AM/PM) must parse, in 2015, once the
// column's date order is detected as month-first.
TEST(TimeParser, BostonOpenDatesAllParse) {
    const std::filesystem::path path = std::filesystem::path(TRYGG_SHARED_DATA) / "boston/graffiti-removal-2015.csv";
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "shared data not found: " << path;
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);  // header: ,CASE_ENQUIRY_ID,OPEN_DT,...
    std::vector<std::string> values;
    while (std::getline(in, line)) {
        // OPEN_DT is the third column; the two before it never contain commas or quotes.
        const auto first = line.find(',');
        const auto second = line.find(',', first + 1);
        const auto third = line.find(',', second + 1);
        ASSERT_NE(third, std::string::npos);
        values.push_back(line.substr(second + 1, third - second - 1));
    }
    ASSERT_GT(values.size(), 4000u);
    const std::vector<std::string_view> views(values.begin(), values.end());
    TimeFormat format;
    format.order = detect_date_order(views);
    EXPECT_EQ(format.order, DateOrder::month_first);
    std::size_t parsed = 0;
    for (const auto& value : values) {
        const TimeParseResult result = parse_time(value, format);
        ASSERT_TRUE(result.ok()) << result.detail();
        EXPECT_GE(*result.time, at(2015, 1, 1));
        EXPECT_LT(*result.time, at(2016, 1, 1));
        ++parsed;
    }
    EXPECT_EQ(parsed, values.size());
    EXPECT_EQ(values.front(), "01/01/2015 10:37:47 AM");
    EXPECT_EQ(*parse_time(values.front(), format).time, at(2015, 1, 1, 10, 37, 47));
}
