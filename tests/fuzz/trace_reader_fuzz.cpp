// libFuzzer target: the trace readers must never crash, hang or leak on any input, in any
// format, and must always explain a rejection. The input goes through a real file so that
// ReadTrace's file handling is exercised too.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "models/workload/trace_reader.h"

namespace {

// One file per process, so that parallel fuzzing jobs do not overwrite each other's input;
// removed when the process exits.
struct InputFile {
  std::string path =
      (std::filesystem::temp_directory_path() / ("trace_reader_fuzz." + std::to_string(getpid())))
          .string();
  ~InputFile() {
    std::error_code ec;
    std::filesystem::remove(path, ec);
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const InputFile file;
  const std::string& path = file.path;
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    if (!out) std::abort();
  }
  for (const char* format : {"csv", "jsonl", "ibm-cos"}) {
    const estate::Result<estate::Trace> trace = estate::ReadTrace(path, format, "fuzz-bucket");
    if (!trace.ok() && trace.status().message().empty()) std::abort();
  }
  return 0;
}
