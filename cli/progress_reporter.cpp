#include "cli/progress_reporter.h"

#include <cstdio>

namespace estate {
namespace {

std::string Clock(double seconds) {
  const long s = static_cast<long>(seconds);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
  return buf;
}

}  // namespace

ProgressReporter::ProgressReporter(ProgressStyle style)
    : style_(style), start_(std::chrono::steady_clock::now()) {}

double ProgressReporter::WallSeconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void ProgressReporter::Update(TimeNs now, TimeNs duration) {
  if (style_ == ProgressStyle::kNone) return;
  const double fraction =
      duration <= 0 ? 1.0 : static_cast<double>(now) / static_cast<double>(duration);
  const double wall = WallSeconds();
  const double eta = fraction > 0 ? wall * (1 - fraction) / fraction : 0;
  if (style_ == ProgressStyle::kJson) {
    std::printf(
        "{\"event\":\"progress\",\"sim_time_s\":%.3f,\"duration_s\":%.3f,\"fraction\":%.6f,"
        "\"wall_s\":%.3f,\"eta_s\":%.3f}\n",
        static_cast<double>(now) / 1e9, static_cast<double>(duration) / 1e9, fraction, wall, eta);
    std::fflush(stdout);
    return;
  }
  // A terminal redraw at most ten times a second.
  if (fraction < 1 && wall - last_draw_ < 0.1) return;
  last_draw_ = wall;
  constexpr int kWidth = 30;
  const int filled = static_cast<int>(fraction * kWidth);
  std::string bar(static_cast<size_t>(filled), '#');
  bar.resize(kWidth, '.');
  std::fprintf(stderr, "\r[%s] %5.1f%%  sim %s / %s  ETA %s ", bar.c_str(), fraction * 100,
               Clock(static_cast<double>(now) / 1e9).c_str(),
               Clock(static_cast<double>(duration) / 1e9).c_str(), Clock(eta).c_str());
  std::fflush(stderr);
}

void ProgressReporter::Finish(const std::string& summary_json) {
  if (style_ == ProgressStyle::kJson) {
    std::printf("{\"event\":\"done\",%s}\n", summary_json.c_str());
    std::fflush(stdout);
  } else if (style_ == ProgressStyle::kBar) {
    std::fprintf(stderr, "\n");
  }
}

}  // namespace estate
