#include "service/http/bearer_auth.h"

#include <gtest/gtest.h>

#include "service/ops/metrics.h"

namespace estate::service {
namespace {

TEST(BearerAuth, MissingIs401WrongIs403RightIsOk) {
  BearerAuth auth({"alpha-token", "beta"});
  EXPECT_TRUE(auth.enabled());
  EXPECT_EQ(auth.Check("").code(), StatusCode::kUnauthorized);
  EXPECT_EQ(auth.Check("Basic dXNlcjpwdw==").code(), StatusCode::kUnauthorized);
  EXPECT_EQ(auth.Check("Bearer ").code(), StatusCode::kUnauthorized);
  EXPECT_EQ(auth.Check("Bearer alpha").code(), StatusCode::kForbidden);
  EXPECT_EQ(auth.Check("Bearer alpha-token-and-more").code(), StatusCode::kForbidden);
  EXPECT_TRUE(auth.Check("Bearer alpha-token").ok());
  EXPECT_TRUE(auth.Check("bearer beta").ok());
}

TEST(BearerAuth, NoTokensMeansOff) {
  BearerAuth auth({});
  EXPECT_FALSE(auth.enabled());
  EXPECT_TRUE(auth.Check("").ok());
}

TEST(Metrics, PrometheusTextWithCumulativeBuckets) {
  Metrics m;
  m.RecordRequest("objects.get", 200, 0.003);
  m.RecordRequest("objects.get", 200, 0.2);
  m.RecordRequest("objects.get", 404, 0.0001);
  EngineSnapshot e;
  e.peers.push_back({});
  e.peers[0].site = 2;
  e.peers[0].stream_lag_seconds = 1.5;
  e.peers[0].data_queued = 3;
  e.cache_used_bytes = 4096;
  const std::string text = m.Render(e, PeerStats{}, 7);
  for (
      const char* line : {
          "estate_http_requests_total{operation=\"objects.get\",code=\"200\"} 2\n",
          "estate_http_requests_total{operation=\"objects.get\",code=\"404\"} 1\n",
          "estate_http_request_duration_seconds_bucket{operation=\"objects.get\",le=\"0.001\"} 1\n",
          "estate_http_request_duration_seconds_bucket{operation=\"objects.get\",le=\"0.005\"} 2\n",
          "estate_http_request_duration_seconds_bucket{operation=\"objects.get\",le=\"0.25\"} 3\n",
          "estate_http_request_duration_seconds_bucket{operation=\"objects.get\",le=\"+Inf\"} 3\n",
          "estate_http_request_duration_seconds_count{operation=\"objects.get\"} 3\n",
          "estate_replication_lag_seconds{peer=\"2\"} 1.5\n",
          "estate_data_queue_depth{peer=\"2\"} 3\n",
          "estate_cache_bytes 4096\n",
          "estate_event_loop_queue_depth 7\n",
          "# TYPE estate_http_request_duration_seconds histogram\n",
      }) {
    EXPECT_NE(text.find(line), std::string::npos) << line;
  }
}

}  // namespace
}  // namespace estate::service
