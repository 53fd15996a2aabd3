#pragma once
// A trygg subcommand, on the model of osmium-tool: setup() only declares options, run() does the
// work and may throw trygg::Error (mapped to exit codes by main).

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace trygg::cli {

class Command {
public:
    virtual ~Command() = default;
    virtual std::string_view name() const = 0;
    virtual std::string_view summary() const = 0;  // one line for `trygg help`
    virtual std::string examples() const = 0;      // shown at the end of --help
    virtual void setup(CLI::App& app) = 0;
    virtual int run() = 0;  // returns the exit code (0 ok)
};

std::vector<std::unique_ptr<Command>> all_commands();

// Exit codes (docs/cli/README.md).
inline constexpr int exit_ok = 0;
inline constexpr int exit_data_error = 1;
inline constexpr int exit_usage_error = 2;

}  // namespace trygg::cli
