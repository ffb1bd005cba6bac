#include "app/editor/section_fields.h"

namespace estate::studio {
namespace {

FieldSpec Text(std::string key, QString label, QString placeholder = {}) {
  return {std::move(key), std::move(label), FieldKind::kText, {}, std::move(placeholder)};
}
FieldSpec Quantity(std::string key, QString label, QString placeholder) {
  return {std::move(key), std::move(label), FieldKind::kQuantity, {}, std::move(placeholder)};
}
FieldSpec Number(std::string key, QString label, QString placeholder = {}) {
  return {std::move(key), std::move(label), FieldKind::kNumber, {}, std::move(placeholder)};
}
FieldSpec Integer(std::string key, QString label, QString placeholder = {}) {
  return {std::move(key), std::move(label), FieldKind::kInteger, {}, std::move(placeholder)};
}
FieldSpec Choice(std::string key, QString label, QStringList choices) {
  return {std::move(key), std::move(label), FieldKind::kChoice, std::move(choices), {}};
}
FieldSpec Bool(std::string key, QString label) {
  return {std::move(key), std::move(label), FieldKind::kBool, {}, {}};
}
FieldSpec List(std::string key, QString label, QString placeholder) {
  return {std::move(key), std::move(label), FieldKind::kList, {}, std::move(placeholder)};
}
FieldSpec AnyJson(std::string key, QString label, QString placeholder) {
  return {std::move(key), std::move(label), FieldKind::kJson, {}, std::move(placeholder)};
}

}  // namespace

std::vector<FieldSpec> GeneralFields() {
  return {Text("name", "Name"),
          Text("description", "Description"),
          Integer("seed", "Seed", "1"),
          Quantity("duration", "Duration", "24h"),
          Number("sampling_rate", "Sampling rate", "1"),
          Text("prices", "Price table", "prices.json"),
          Choice("simulation/network_model", "Network model", {"LV08", "CM02"}),
          Number("simulation/latency_factor", "Latency factor", "1"),
          Number("simulation/bandwidth_factor", "Bandwidth factor", "0.97"),
          Quantity("simulation/tcp_gamma", "TCP window", "16MiB"),
          Number("sizing/target_hit_ratio", "Target hit ratio", "0.9"),
          Number("sizing/wan_headroom", "WAN headroom", "0.25"),
          Integer("sizing/error_seeds", "Error seeds", "3")};
}

std::vector<FieldSpec> SiteFields() {
  return {Text("id", "Id", "site-a"),
          Choice("kind", "Kind", {"gcp", "onprem"}),
          Integer("nodes", "Nodes", "1"),
          Quantity("node_nic", "Node NIC", "25Gbps"),
          Number("node_throughput_ops", "Node ops/s", "20000"),
          Quantity("disk/read_bw", "Disk read", "128Gbps"),
          Quantity("disk/write_bw", "Disk write", "64Gbps"),
          Quantity("disk/capacity", "Disk capacity", "20PB"),
          Quantity("cache/capacity", "Cache capacity", "4PB"),
          Choice("cache/eviction", "Cache eviction", {"lru", "s3-fifo"}),
          Quantity("mtbf", "MTBF", "4380h"),
          Quantity("mttr", "MTTR", "4h")};
}

std::vector<FieldSpec> LinkFields() {
  return {Text("id", "Id", "gcp-site-a"),
          Text("from", "From site"),
          Text("to", "To site"),
          Quantity("bandwidth", "Bandwidth", "100Gbps"),
          Quantity("latency", "Latency (one way)", "10ms"),
          Integer("streams", "Streams", "8"),
          Quantity("cap", "Replication cap", "40Gbps"),
          Quantity("mtbf", "MTBF", "2190h"),
          Quantity("mttr", "MTTR", "2h")};
}

std::vector<FieldSpec> MountFields() {
  return {Text("path", "Path", "bucket/prefix/"),
          Text("home", "Home site"),
          List("replicas", "Replicas", "site-a, site-b"),
          Choice("consistency", "Consistency",
                 {"strong", "sync-sites", "bounded-staleness", "session", "eventual"}),
          Integer("staleness/max_versions", "Max versions behind", "1000"),
          Quantity("staleness/max_lag", "Max lag", "5s"),
          Choice("placement", "Placement", {"replicate-on-write", "read-through"}),
          Bool("write_back", "Write back"),
          Integer("priority", "Priority", "0"),
          List("cache/pinned_prefixes", "Pinned prefixes", "today/")};
}

std::vector<FieldSpec> WorkloadFields(const std::vector<std::string>& site_ids) {
  std::vector<FieldSpec> fields = {
      Number("objects", "Objects", "1000000"),
      Quantity("object_size/fixed", "Fixed size", "64MiB"),
      Quantity("object_size/lognormal/median", "Lognormal median", "32MiB"),
      Number("object_size/lognormal/sigma", "Lognormal sigma", "1.0"),
      AnyJson("object_size/empirical_cdf", "Empirical CDF", "[[\"1MiB\", 0.5], [\"1GiB\", 1]]"),
      Number("popularity/zipf/alpha", "Zipf alpha", "0.9"),
      Number("mix/read", "Read share", "0.8"),
      Number("mix/write", "Write share", "0.15"),
      Number("mix/list", "List share", "0.04"),
      Number("mix/delete", "Delete share", "0.01"),
      Number("diurnal/amplitude", "Diurnal amplitude", "0.5"),
      Number("diurnal/peak_hour", "Diurnal peak hour", "14"),
      Text("trace/path", "Trace file", "traces/small-trace.csv"),
      Choice("trace/format", "Trace format", {"csv", "jsonl", "ibm-cos"})};
  for (const std::string& id : site_ids)
    fields.push_back(
        Number("rate/" + id, QString::fromStdString("Rate at " + id + " (ops/s)"), "20"));
  return fields;
}

std::vector<FieldSpec> BurstFields() {
  return {Quantity("at", "At", "9h"), Quantity("duration", "Duration", "30min"),
          Number("multiplier", "Multiplier", "3")};
}

std::vector<FieldSpec> FailureFields() {
  return {
      Quantity("at", "At", "12h"),
      Choice("kind", "Kind",
             {"site-down", "site-up", "link-down", "link-up", "link-degrade", "partition", "heal"}),
      Text("target", "Target (site or link id)"),
      Quantity("bandwidth", "Degraded bandwidth", "10Gbps"),
      Quantity("duration", "Duration", "1h"),
      AnyJson("groups", "Partition groups", "[[\"gcp\", \"site-a\"], [\"site-b\"]]")};
}

std::vector<FieldSpec> ExpectationFields() {
  return {Text("", "Expectation", "replication_lag.p99 < 15min")};
}

}  // namespace estate::studio
