#include "command.hpp"

namespace trygg::cli {

// One factory per command, defined in cmd_<name>.cpp.
std::unique_ptr<Command> make_info_command();
std::unique_ptr<Command> make_hotspots_command();
std::unique_ptr<Command> make_heatmap_command();
std::unique_ptr<Command> make_gistar_command();
std::unique_ptr<Command> make_evaluate_command();
std::unique_ptr<Command> make_coverage_command();
std::unique_ptr<Command> make_place_command();
std::unique_ptr<Command> make_nearby_command();
std::unique_ptr<Command> make_route_command();
std::unique_ptr<Command> make_map_command();

// In the order `trygg help` lists them: look at the data, hotspots, lighting and cameras,
// walking, then the maps that show it all.
std::vector<std::unique_ptr<Command>> all_commands() {
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(make_info_command());
    commands.push_back(make_hotspots_command());
    commands.push_back(make_heatmap_command());
    commands.push_back(make_gistar_command());
    commands.push_back(make_evaluate_command());
    commands.push_back(make_coverage_command());
    commands.push_back(make_place_command());
    commands.push_back(make_nearby_command());
    commands.push_back(make_route_command());
    commands.push_back(make_map_command());
    return commands;
}

}  // namespace trygg::cli
