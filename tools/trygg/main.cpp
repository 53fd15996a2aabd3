// trygg: one executable, one subcommand per job. Exit codes: 0 ok, 1 data error, 2 usage error;
// every error is one line on stderr naming the file, layer, feature and field where known.

#include <iostream>
#include <string>

#include "command.hpp"
#include "trygg/error.hpp"
#include "trygg/io/gdal_setup.hpp"
#include "trygg/version.hpp"

namespace {

using namespace trygg::cli;

void print_overview(std::ostream& out, const std::vector<std::unique_ptr<Command>>& commands) {
    out << "trygg " << trygg::version() << " - geospatial analysis for safer towns\n\n"
        << "Usage: trygg <command> [options]\n"
        << "       trygg <command> --help     options, defaults and examples of a command\n"
        << "       trygg --version\n\n"
        << "Commands:\n";
    for (const auto& c : commands) {
        std::string name(c->name());
        name.resize(12, ' ');
        out << "  " << name << c->summary() << "\n";
    }
    out << "\nExit codes: 0 ok, 1 data error, 2 usage error. Documentation: docs/cli/<command>.md\n";
}

int run_command(Command& command, int argc, char** argv) {
    CLI::App app{std::string(command.summary()), "trygg " + std::string(command.name())};
    app.option_defaults()->always_capture_default();
    app.get_formatter()->column_width(34);
    app.footer("\nExamples:\n" + command.examples());
    command.setup(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        std::cout << app.help();
        return exit_ok;
    } catch (const CLI::ParseError& e) {
        std::cerr << "trygg " << command.name() << ": " << e.what() << "\n"
                  << "Run 'trygg " << command.name() << " --help' for the options.\n";
        return exit_usage_error;
    }
    try {
        return command.run();
    } catch (const trygg::Error& e) {
        std::cerr << "trygg " << command.name() << ": " << e.what() << "\n";
        return e.kind() == trygg::ErrorKind::usage ? exit_usage_error : exit_data_error;
    } catch (const std::bad_alloc&) {
        std::cerr << "trygg " << command.name() << ": out of memory\n";
        return exit_data_error;
    } catch (const std::exception& e) {
        // Not expected: library code throws trygg::Error. Still one line, never a crash.
        std::cerr << "trygg " << command.name() << ": internal error: " << e.what() << "\n";
        return exit_data_error;
    }
}

}  // namespace

int main(int argc, char** argv) {
    trygg::io::ensure_gdal();
    auto commands = all_commands();
    if (argc < 2) {
        print_overview(std::cerr, commands);
        return exit_usage_error;
    }
    const std::string first = argv[1];
    if (first == "--version" || first == "-V" || first == "version") {
        std::cout << trygg::version_banner() << "\n";
        return exit_ok;
    }
    if (first == "help" || first == "--help" || first == "-h") {
        if (argc >= 3)
            for (auto& c : commands)
                if (c->name() == argv[2]) {
                    char help_flag[] = "--help";
                    char* help_argv[] = {argv[2], help_flag};
                    return run_command(*c, 2, help_argv);
                }
        if (argc >= 3) {
            std::cerr << "trygg: unknown command '" << argv[2] << "'\n";
            return exit_usage_error;
        }
        print_overview(std::cout, commands);
        return exit_ok;
    }
    for (auto& c : commands)
        if (c->name() == first) return run_command(*c, argc - 1, argv + 1);
    std::cerr << "trygg: unknown command '" << first << "'; 'trygg help' lists the commands\n";
    return exit_usage_error;
}
