#include "trygg/model/attribute_values.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

using namespace trygg::model;

TEST(NumericValue, IntegersAndReals) {
    EXPECT_EQ(numeric_value(Value{std::int64_t{42}}), 42.0);
    EXPECT_EQ(numeric_value(Value{-2.5}), -2.5);
    EXPECT_FALSE(numeric_value(Value{std::numeric_limits<double>::quiet_NaN()}));
    EXPECT_FALSE(numeric_value(Value{std::numeric_limits<double>::infinity()}));
    EXPECT_FALSE(numeric_value(Value{}));
}

TEST(NumericValue, Text) {
    EXPECT_EQ(numeric_value(Value{std::string("3.2")}), 3.2);
    EXPECT_EQ(numeric_value(Value{std::string("  7 ")}), 7.0);
    EXPECT_EQ(numeric_value(Value{std::string("-1e3")}), -1000.0);
    EXPECT_EQ(numeric_value(Value{std::string("+4")}), 4.0);
    EXPECT_FALSE(numeric_value(Value{std::string("")}));
    EXPECT_FALSE(numeric_value(Value{std::string("   ")}));
    EXPECT_FALSE(numeric_value(Value{std::string("3,2")}));  // decimal comma
    EXPECT_FALSE(numeric_value(Value{std::string("12 m")}));
    EXPECT_FALSE(numeric_value(Value{std::string("abc")}));
    EXPECT_FALSE(numeric_value(Value{std::string("nan")}));
    EXPECT_FALSE(numeric_value(Value{std::string("inf")}));
    EXPECT_FALSE(numeric_value(Value{std::string("++4")}));
    EXPECT_FALSE(numeric_value(Value{std::string("1e999")}));  // out of range
}

TEST(FindField, ExactThenCaseInsensitive) {
    Layer layer;
    layer.fields = {{"Value", FieldType::real}, {"count", FieldType::integer}, {"COUNT", FieldType::integer}};
    EXPECT_EQ(find_field(layer, "Value"), 0u);
    EXPECT_EQ(find_field(layer, "value"), 0u);
    EXPECT_EQ(find_field(layer, "count"), 1u);   // exact match wins
    EXPECT_EQ(find_field(layer, "COUNT"), 2u);
    EXPECT_FALSE(find_field(layer, "Count"));    // two case-insensitive matches: ambiguous
    EXPECT_FALSE(find_field(layer, "missing"));
}
