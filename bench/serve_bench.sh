#!/usr/bin/env bash
# Load benchmark of one `estate serve` site on loopback, with nginx serving the same objects as
# static files as the reference, in the same run (docs/BENCHMARKS.md records the figures).
# wrk drives GETs (objects.get alt=media) and PUTs (media uploads, each fsynced before its 200)
# of a 4 KiB and a 1 MiB object; nginx takes GETs of the files and WebDAV PUTs (not fsynced).
#
#   bash bench/serve_bench.sh [ESTATE_BINARY] [SECONDS] [CONNECTIONS]
#
# Defaults: build/default/cli/estate, 10 s per measurement, 16 connections on 2 wrk threads.
# Needs wrk, nginx (Debian's nginx-light has the WebDAV module), curl and python3.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
estate="${1:-$root/build/default/cli/estate}"
seconds="${2:-10}"
connections="${3:-16}"
threads=2
token="serve-bench-token-0123456789"
for tool in wrk nginx curl python3; do
  command -v "$tool" >/dev/null || { echo "serve_bench: $tool is missing (bash scripts/setup)" >&2; exit 2; }
done
[ -x "$estate" ] || { echo "serve_bench: no estate binary at $estate" >&2; exit 2; }

work="$(mktemp -d /tmp/estate-serve-bench-XXXXXX)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
estate_port=$(free_port)
peer_port=$(free_port)
nginx_port=$(free_port)

# One site (the GCP region alone); per-request logs off, as in production at this load.
cat > "$work/site.json" <<EOF
{"site": "gcp", "data_dir": "data", "listen": "127.0.0.1:$estate_port",
 "sites": [{"id": "gcp", "kind": "gcp", "peer": "127.0.0.1:$peer_port"}],
 "secret": "serve-bench-peer-secret", "auth": {"tokens": ["$token"]},
 "mounts": [{"path": "bench/", "home": "gcp", "consistency": "eventual"}],
 "http_threads": 16, "log_level": "warning"}
EOF
"$estate" serve --config "$work/site.json" 2>"$work/estate.log" &
pids+=($!)

mkdir -p "$work/www/bench" "$work/nginx"
head -c 4096 /dev/urandom > "$work/www/bench/obj-4k"
head -c 1048576 /dev/urandom > "$work/www/bench/obj-1m"
cat > "$work/nginx/nginx.conf" <<EOF
daemon off;
user root;
worker_processes $threads;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  client_body_temp_path $work/nginx/body;
  client_max_body_size 2m;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
    location /bench/ { dav_methods PUT; create_full_put_path on; }
  }
}
EOF
nginx -c "$work/nginx/nginx.conf" -p "$work/nginx" &
pids+=($!)

auth="Authorization: Bearer $token"
base="http://127.0.0.1:$estate_port"
for _ in $(seq 200); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.05; done
for _ in $(seq 200); do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "$auth" -H 'Content-Type: application/json' \
    -d '{"name":"bench"}' "$base/storage/v1/b")
  [ "$code" = 200 ] && break
  sleep 0.05
done
for obj in obj-4k obj-1m; do
  curl -sf -H "$auth" --data-binary "@$work/www/bench/$obj" \
    "$base/upload/storage/v1/b/bench/o?uploadType=media&name=$obj" >/dev/null
done

# PUT bodies for wrk: each thread uploads under its own names, cycling through 64 of them, so
# the object count stays bounded (identical bytes share one content-addressed file).
put_script() {  # $1 body file, $2 path prefix, $3 method
  cat > "$work/put-$(basename "$1")-$3.lua" <<EOF
local f = io.open("$1", "rb")
wrk.body = f:read("*a")
f:close()
wrk.method = "$3"
wrk.headers["Content-Type"] = "application/octet-stream"
wrk.headers["Authorization"] = "Bearer $token"
local counter = 0
-- setup runs in the main state; thread:set gives each thread's state its own global "id".
local made = 0
setup = function(thread) made = made + 1; thread:set("id", made) end
request = function()
  counter = counter + 1
  return wrk.format(nil, "$2" .. id .. "-" .. (counter % 64))
end
EOF
  echo "$work/put-$(basename "$1")-$3.lua"
}

# Prints "ops_per_s p99_ms errors" of one wrk run.
measure() {  # wrk arguments...
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "$@" > "$work/wrk.out" 2>&1
  python3 - "$work/wrk.out" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
m = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)
p99 = float(m.group(1)) * {"us": 1e-3, "ms": 1.0, "s": 1e3}[m.group(2)]
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
err = re.search(r"Socket errors: (.*)", text)
print(f"{rps:10.0f} {p99:9.2f} {int(bad.group(1)) if bad else 0:7d}{'  ' + err.group(1) if err else ''}")
PY
}

echo "estate serve vs nginx on loopback: ${seconds}s per row, $connections connections, $threads wrk threads, $(nproc) cores"
printf '%-6s %-5s %-7s %10s %9s %7s\n' op size server ops_per_s p99_ms non2xx
for size in 4k 1m; do
  printf '%-6s %-5s %-7s ' GET "$size" estate
  measure -H "$auth" "$base/storage/v1/b/bench/o/obj-$size?alt=media"
  printf '%-6s %-5s %-7s ' GET "$size" nginx
  measure "http://127.0.0.1:$nginx_port/bench/obj-$size"
done
for size in 4k 1m; do
  printf '%-6s %-5s %-7s ' PUT "$size" estate
  measure -s "$(put_script "$work/www/bench/obj-$size" "/upload/storage/v1/b/bench/o?uploadType=media&name=put-$size-" POST)" "$base"
  printf '%-6s %-5s %-7s ' PUT "$size" nginx
  measure -s "$(put_script "$work/www/bench/obj-$size" "/bench/put-$size-" PUT)" "http://127.0.0.1:$nginx_port"
done
