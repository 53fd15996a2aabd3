#include "command.hpp"

namespace trygg::cli {

// One factory per command, defined in cmd_<name>.cpp.
std::unique_ptr<Command> make_info_command();

std::vector<std::unique_ptr<Command>> all_commands() {
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(make_info_command());
    return commands;
}

}  // namespace trygg::cli
