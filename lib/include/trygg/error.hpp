#pragma once
// One exception type for everything trygg reports to a user. It carries where the problem is
// (source, layer, feature, field) so the CLI can print one clear line and map the kind to an
// exit code: data errors exit 1, usage errors exit 2.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

namespace trygg {

enum class ErrorKind { data, usage };

struct ErrorLocation {
    std::string source;                 // file name or connection string
    std::string layer;                  // layer name inside the source
    std::optional<std::int64_t> feature;  // feature id (FID) in the source
    std::string field;                  // attribute field name
};

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string& message, ErrorLocation location = {});

    ErrorKind kind() const noexcept { return kind_; }
    const ErrorLocation& location() const noexcept { return location_; }
    // The bare message, without the location prefix.
    const std::string& message() const noexcept { return message_; }

private:
    ErrorKind kind_;
    ErrorLocation location_;
    std::string message_;
};

// Bad input data: unreadable file, invalid geometry under --strict, missing CRS...
class DataError : public Error {
public:
    explicit DataError(const std::string& message, ErrorLocation location = {})
        : Error(ErrorKind::data, message, std::move(location)) {}
};

// Bad use of the tool or API: unknown option value, a field option naming a missing field...
class UsageError : public Error {
public:
    explicit UsageError(const std::string& message, ErrorLocation location = {})
        : Error(ErrorKind::usage, message, std::move(location)) {}
};

// "source: layer 'x': feature 12: field 'OPEN_DT': message" with the parts that are known.
std::string describe(const ErrorLocation& location, const std::string& message);

}  // namespace trygg
