// `estate serve` as a process: configuration errors, serving, and the SIGTERM drain that lets
// a request in progress finish before the process exits.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>

#include <atomic>
#include <fstream>
#include <future>
#include <nlohmann/json.hpp>
#include <thread>

#include "tests/service/eventually.h"
#include "tests/service/scratch_dir.h"
#include "tests/service/serve_process.h"
#include "tests/support/cli_runner.h"

namespace estate::service {
namespace {

using nlohmann::json;
using testing::FreePort;
using testing::ServeProcess;

// A one-site deployment (the GCP site alone) on free ports.
json Config(int http_port, int peer_port) {
  return {{"site", "gcp"},
          {"data_dir", "data"},
          {"listen", "127.0.0.1:" + std::to_string(http_port)},
          {"sites",
           {{{"id", "gcp"}, {"kind", "gcp"}, {"peer", "127.0.0.1:" + std::to_string(peer_port)}}}},
          {"secret", "serve-command-test-secret"},
          {"auth", {{"tokens", {"serve-command-test-token"}}}},
          {"mounts", {{{"path", "bkt/"}, {"home", "gcp"}, {"consistency", "strong"}}}},
          {"log_level", "warning"}};
}

TEST(ServeCommand, InvalidConfigurationsExitWith2NamingFileAndPointer) {
  testing::ScratchDir dir;
  json c = Config(1, 2);
  c["mounts"][0]["consistency"] = "psychic";
  std::ofstream(dir.sub("bad.json")) << c.dump();
  estate::testing::CliRun run =
      estate::testing::RunCli(ESTATE_CLI_PATH, {"serve", "--config", dir.sub("bad.json")});
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_NE(
      run.output.find(dir.sub("bad.json") + ": /mounts/0/consistency: expected one of strong"),
      std::string::npos)
      << run.output;
  std::ofstream(dir.sub("good.json")) << Config(1, 2).dump();
  run = estate::testing::RunCli(ESTATE_CLI_PATH,
                                {"serve", "--config", dir.sub("good.json"), "--check"});
  EXPECT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("site \"gcp\" (0 of 1), 1 mounts: OK"), std::string::npos)
      << run.output;
}

TEST(ServeCommand, SigtermDrainsTheRequestInProgressThenExits0AndDataSurvives) {
  testing::ScratchDir dir;
  const int http = FreePort();
  std::ofstream(dir.sub("gcp.json")) << Config(http, FreePort()).dump();
  auto server = std::make_unique<ServeProcess>(dir.sub("gcp.json"), dir.sub("serve.log"));
  httplib::Client c("127.0.0.1", http);
  c.set_bearer_token_auth("serve-command-test-token");
  ASSERT_TRUE(testing::Eventually([&] {
    auto r = c.Get("/healthz");
    return r && r->status == 200;
  })) << estate::testing::ReadFileOrEmpty(dir.sub("serve.log"));
  ASSERT_TRUE(testing::Eventually([&] {
    auto r = c.Post("/storage/v1/b", R"({"name":"bkt"})", "application/json");
    return r && r->status == 200;
  }));

  // A slow upload: its first half goes out, then SIGTERM, then the rest.
  std::atomic<bool> half_sent{false};
  std::atomic<bool> resume{false};
  auto upload = std::async(std::launch::async, [&] {
    httplib::Client slow("127.0.0.1", http);
    slow.set_bearer_token_auth("serve-command-test-token");
    int step = 0;
    return slow.Post(
        "/upload/storage/v1/b/bkt/o?uploadType=media&name=in-flight",
        [&](size_t, httplib::DataSink& sink) {
          if (step == 2) {
            sink.done();
            return true;
          }
          if (step == 1) {
            while (!resume)
              std::this_thread::sleep_for(std::chrono::milliseconds(5));
          }
          sink.write("half of it;", 11);
          if (++step == 1) half_sent = true;
          return true;
        },
        "text/plain");
  });
  ASSERT_TRUE(testing::Eventually([&] { return half_sent.load(); }));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  server->Signal(SIGTERM);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(server->Poll(), -1);  // still draining
  resume = true;
  httplib::Result done = upload.get();
  ASSERT_TRUE(done);
  EXPECT_EQ(done->status, 200) << done->body;
  ASSERT_TRUE(testing::Eventually([&] { return server->Poll() >= 0; }));
  EXPECT_EQ(server->Poll(), 0);

  // The acknowledged upload is there after a restart.
  server = std::make_unique<ServeProcess>(dir.sub("gcp.json"), dir.sub("serve2.log"));
  std::string body;
  ASSERT_TRUE(testing::Eventually([&] {
    auto got = c.Get("/storage/v1/b/bkt/o/in-flight?alt=media");
    if (!got || got->status != 200) return false;
    body = got->body;
    return true;
  })) << estate::testing::ReadFileOrEmpty(dir.sub("serve2.log"));
  EXPECT_EQ(body, "half of it;half of it;");
  server->Signal(SIGTERM);
  ASSERT_TRUE(testing::Eventually([&] { return server->Poll() >= 0; }));
  EXPECT_EQ(server->Poll(), 0);
}

}  // namespace
}  // namespace estate::service
