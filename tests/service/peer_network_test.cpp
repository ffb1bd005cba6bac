// Two service runtimes exchanging engine messages over loopback TCP, with the shared-secret
// handshake, reconnection and per-stream connections.
#include "service/runtime/peer_network.h"

#include <gtest/gtest.h>

#include <memory>
#include <mutex>
#include <vector>

#include "service/runtime/peer_handshake.h"
#include "service/runtime/rocksdb_blob_store.h"
#include "service/runtime/service_runtime.h"
#include "tests/service/eventually.h"
#include "tests/service/scratch_dir.h"

namespace estate::service {
namespace {

using testing::Eventually;

struct Received {
  SiteId from;
  Message msg;
};

// One site's runtime and network, without an engine: the test installs the handler.
class PeerSite {
 public:
  PeerSite(SiteId self, const std::string& secret, const std::string& db_dir)
      : log_(self, LogLevel::kError) {
    store_ = RocksDbBlobStore::Open(db_dir).value();
    PeerNetworkOptions o;
    o.self = self;
    o.secret = secret;
    o.link.backoff_min = 5 * kMillisecond;
    o.link.backoff_max = 50 * kMillisecond;
    net_ = std::make_unique<PeerNetwork>(
        o, [this](SiteId from, Message m, const std::string&) { rt_->Deliver(from, std::move(m)); },
        nullptr, nullptr);
    rt_ = std::make_unique<ServiceRuntime>(
        self, loop_, *store_,
        [this](SiteId to, Message m, std::string key) { net_->Send(to, std::move(m), key); }, log_);
    rt_->SetMessageHandler([this](NodeId from, Message m) {
      std::lock_guard<std::mutex> lock(mu_);
      received_.push_back({from, std::move(m)});
    });
    loop_.Start();
    EXPECT_TRUE(net_->Start().ok());
  }
  ~PeerSite() {
    net_->Stop();
    loop_.Stop();
  }

  // Sends from the loop thread, as the engine does.
  void Send(SiteId to, Message m) {
    loop_.Post([this, to, m = std::move(m)]() mutable { rt_->Send(to, std::move(m)); });
  }
  std::vector<Received> received() {
    std::lock_guard<std::mutex> lock(mu_);
    return received_;
  }
  size_t count() { return received().size(); }
  PeerNetwork& net() { return *net_; }
  PeerAddress address() const { return {"127.0.0.1", net_->port()}; }

 private:
  JsonLog log_;
  EventLoop loop_;
  std::unique_ptr<RocksDbBlobStore> store_;
  std::unique_ptr<PeerNetwork> net_;
  std::unique_ptr<ServiceRuntime> rt_;
  std::mutex mu_;
  std::vector<Received> received_;
};

Message Msg(uint32_t type, std::string payload, uint16_t stream = 0) {
  Message m;
  m.type = type;
  m.payload = std::move(payload);
  m.stream = stream;
  return m;
}

constexpr char kSecret[] = "a-shared-secret-of-some-length";

TEST(PeerNetwork, TwoRuntimesExchangeMessagesInOrderOverLoopback) {
  testing::ScratchDir dir;
  PeerSite a(1, kSecret, dir.sub("a"));
  PeerSite b(2, kSecret, dir.sub("b"));
  a.net().SetPeer(2, b.address());
  b.net().SetPeer(1, a.address());
  for (int i = 0; i < 50; ++i)
    a.Send(2, Msg(210, "m" + std::to_string(i)));
  b.Send(1, Msg(211, std::string("\0binary\xff", 8)));
  ASSERT_TRUE(Eventually([&] { return b.count() == 50 && a.count() == 1; }));
  std::vector<Received> at_b = b.received();
  for (int i = 0; i < 50; ++i) {
    EXPECT_EQ(at_b[i].from, 1);
    EXPECT_EQ(at_b[i].msg.type, 210u);
    EXPECT_EQ(at_b[i].msg.payload, "m" + std::to_string(i));
  }
  EXPECT_EQ(a.received()[0].from, 2);
  EXPECT_EQ(a.received()[0].msg.payload, std::string("\0binary\xff", 8));
  EXPECT_EQ(a.net().stats().frames_sent, 50u);
  EXPECT_EQ(b.net().stats().frames_received, 50u);
  EXPECT_EQ(a.net().stats().connects, 1u);
}

TEST(PeerNetwork, EachStreamKeepsItsNumberAndItsOwnConnection) {
  testing::ScratchDir dir;
  PeerSite a(0, kSecret, dir.sub("a"));
  PeerSite b(3, kSecret, dir.sub("b"));
  a.net().SetPeer(3, b.address());
  a.Send(3, Msg(230, "bulk", 4));
  a.Send(3, Msg(100, "control", 0));
  ASSERT_TRUE(Eventually([&] { return b.count() == 2; }));
  for (const Received& r : b.received()) {
    EXPECT_EQ(r.msg.stream, r.msg.payload == "bulk" ? 4 : 0);
  }
  EXPECT_EQ(a.net().stats().connects, 2u);
}

TEST(PeerNetwork, MessagesWaitForAnUnknownPeerAndGoOnceItsAddressIsSet) {
  testing::ScratchDir dir;
  PeerSite a(1, kSecret, dir.sub("a"));
  PeerSite b(2, kSecret, dir.sub("b"));
  a.Send(2, Msg(210, "early"));
  ASSERT_TRUE(Eventually([&] { return a.net().stats().queued == 1; }));
  a.net().SetPeer(2, b.address());
  ASSERT_TRUE(Eventually([&] { return b.count() == 1; }));
  EXPECT_EQ(b.received()[0].msg.payload, "early");
}

TEST(PeerNetwork, ALinkReconnectsWhenThePeerComesBackOnAnotherPort) {
  testing::ScratchDir dir;
  PeerSite a(1, kSecret, dir.sub("a"));
  auto b = std::make_unique<PeerSite>(2, kSecret, dir.sub("b"));
  a.net().SetPeer(2, b->address());
  a.Send(2, Msg(210, "first life"));
  ASSERT_TRUE(Eventually([&] { return b->count() == 1; }));
  b.reset();  // the peer goes away; its connections close
  PeerSite b2(2, kSecret, dir.sub("b2"));
  a.net().SetPeer(2, b2.address());
  // A message written into the dead connection may be lost (best effort); keep sending until
  // the link has reconnected and one arrives.
  ASSERT_TRUE(Eventually([&] {
    a.Send(2, Msg(210, "second life"));
    return b2.count() > 0;
  }));
  EXPECT_EQ(b2.received()[0].msg.payload, "second life");
  EXPECT_GE(a.net().stats().connects, 2u);
}

TEST(PeerNetwork, AWrongSecretIsRefusedAndNothingIsDelivered) {
  testing::ScratchDir dir;
  PeerSite good(1, kSecret, dir.sub("good"));
  PeerSite impostor(2, "not-the-shared-secret-at-all!!", dir.sub("bad"));
  impostor.net().SetPeer(1, good.address());
  good.net().SetPeer(2, impostor.address());
  impostor.Send(1, Msg(210, "forged"));
  good.Send(2, Msg(210, "secret data"));
  ASSERT_TRUE(Eventually([&] {
    return good.net().stats().peers_refused >= 1 && impostor.net().stats().handshakes_failed >= 1 &&
           impostor.net().stats().peers_refused >= 1 && good.net().stats().handshakes_failed >= 1;
  }));
  EXPECT_EQ(good.count(), 0u);
  EXPECT_EQ(impostor.count(), 0u);
  EXPECT_EQ(good.net().stats().connects, 0u);
  EXPECT_EQ(impostor.net().stats().connects, 0u);
}

TEST(PeerHandshake, MacsDependOnEveryFieldAndCompareInConstantTime) {
  const std::string base = HandshakeMac("k", "dial", "n1", "n2", 1, 2, 0);
  EXPECT_EQ(base.size(), 32u);
  EXPECT_EQ(base, HandshakeMac("k", "dial", "n1", "n2", 1, 2, 0));
  EXPECT_NE(base, HandshakeMac("K", "dial", "n1", "n2", 1, 2, 0));
  EXPECT_NE(base, HandshakeMac("k", "accept", "n1", "n2", 1, 2, 0));
  EXPECT_NE(base, HandshakeMac("k", "dial", "n2", "n1", 1, 2, 0));
  EXPECT_NE(base, HandshakeMac("k", "dial", "n1", "n2", 2, 1, 0));
  EXPECT_NE(base, HandshakeMac("k", "dial", "n1", "n2", 1, 2, 1));
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abcd"));
}

}  // namespace
}  // namespace estate::service
