// Output files are written whole or not at all, so a pipeline never reads half a result.
#pragma once

#include <filesystem>
#include <string>

namespace estate {

// Writes content to path through a temporary file and a rename. On failure says why on
// stderr, removes the temporary file and returns false.
bool WriteFileAtomically(const std::filesystem::path& path, const std::string& content);

}  // namespace estate
