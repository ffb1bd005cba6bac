// estate: the headless command line. Subcommands land with their issues.
#include <CLI/CLI.hpp>

int main(int argc, char** argv) {
  CLI::App app{"Estate: hybrid cloud storage simulation and capacity planning"};
  app.require_subcommand(0, 1);
  CLI11_PARSE(app, argc, argv);
  return 0;
}
