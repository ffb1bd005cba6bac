// Placeholder translation unit so estate_sim exists before the SimGrid runtime lands.
namespace estate {}
