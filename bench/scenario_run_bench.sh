#!/usr/bin/env bash
# Wall time, peak RSS and simulated-event rate of `estate run` on a scenario, for a simulated
# hour and a simulated day (docs/BENCHMARKS.md records the figures). Usage:
#   bash bench/scenario_run_bench.sh [SCENARIO] [ESTATE_BINARY]
set -euo pipefail
scenario="${1:-scenarios/retail-gcp-two-site.json}"
estate="${2:-build/default/cli/estate}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
printf '%-9s %10s %12s %14s %16s %12s\n' duration wall_s peak_rss_mib sim_messages messages_per_s ops
for duration in 1h 24h; do
  /usr/bin/time -f '%e %M' -o "$out/time" "$estate" run "$scenario" --duration "$duration" \
    --out "$out/$duration" --progress none >/dev/null 2>&1 || true  # exit 1: an expectation
  read -r wall rss_kb < "$out/time"
  python3 - "$out/$duration/result.json" "$duration" "$wall" "$rss_kb" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
wall, rss = float(sys.argv[3]), int(sys.argv[4]) / 1024
msgs = r["run"]["messages_delivered"]
print(f'{sys.argv[2]:<9} {wall:10.1f} {rss:12.0f} {msgs:14d} {msgs / max(wall, 1e-9):16.0f} '
      f'{r["operations"]["total"]:12d}')
PY
done
