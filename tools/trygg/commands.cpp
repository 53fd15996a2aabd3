#include "command.hpp"

namespace trygg::cli {

// One factory per command, defined in cmd_<name>.cpp.
std::unique_ptr<Command> make_info_command();
std::unique_ptr<Command> make_hotspots_command();
std::unique_ptr<Command> make_heatmap_command();

std::unique_ptr<Command> make_gistar_command();
std::unique_ptr<Command> make_evaluate_command();

std::vector<std::unique_ptr<Command>> all_commands() {
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(make_info_command());
    commands.push_back(make_hotspots_command());
    commands.push_back(make_heatmap_command());
    commands.push_back(make_gistar_command());
    commands.push_back(make_evaluate_command());
    return commands;
}

}  // namespace trygg::cli
