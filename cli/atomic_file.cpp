#include "cli/atomic_file.h"

#include <fstream>
#include <iostream>

namespace estate {

bool WriteFileAtomically(const std::filesystem::path& path, const std::string& content) {
  const std::filesystem::path tmp = path.string() + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
    f << content;
    if (!f.good()) {
      std::cerr << path.string() << ": cannot write\n";
      std::filesystem::remove(tmp);
      return false;
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::cerr << path.string() << ": cannot write: " << ec.message() << '\n';
    return false;
  }
  return true;
}

}  // namespace estate
