#!/usr/bin/env bash
# Seconds from `dotnet run --project samples/AppHost` to the first 200 from http://localhost:5090, then a clean stop.
# Run it in a fresh clone for the cold figure (restore and build included), again for the warm one.
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
start=$(date +%s.%N)
dotnet run --project samples/AppHost > "$log" 2>&1 &
for _ in $(seq 1 1200); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' http://localhost:5090/)" = 200 ] && break
  sleep 0.2
done
end=$(date +%s.%N)
pkill -TERM -f "$PWD/samples/AppHost/bin/" || true
wait || true
# DCP stops the replicas, the emulator and redis-server after the app host; wait until the address is free again.
while curl -s -o /dev/null http://localhost:5090/; do sleep 0.5; done
echo "first answer on http://localhost:5090 after $(echo "$end - $start" | bc) s"
