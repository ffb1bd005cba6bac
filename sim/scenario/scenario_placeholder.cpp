// Placeholder translation unit so estate_scenario exists before the scenario code lands.
namespace estate {}
