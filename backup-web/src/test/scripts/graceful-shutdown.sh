#!/usr/bin/env bash
# What SIGTERM does to requests in flight: starts the jar (Derby, demo data; run heap-sizing.sh
# first so that demo-project-a holds 1000 items), keeps 32 clients asking for 1000-item pages, sends
# SIGTERM after a few seconds and counts how the requests ended (200 = finished, 000 = connection
# refused or cut), and how long the JVM took to exit.
#
#   backup-web/src/test/scripts/graceful-shutdown.sh -Xmx512m
set -euo pipefail
cd "$(dirname "$0")/../../.."
JAR=target/backup-catalog.jar
PORT=${PORT:-18951}
DATA=${DATA:-/tmp/heap-sizing-data}
RUN=$(mktemp -d /tmp/graceful-shutdown.XXXXXX)

BACKUP_DEMO_DATA=true BACKUP_DATA_DIR="$DATA" java "$@" -jar "$JAR" --port "$PORT" --nohazelcast \
  --rootdir "$RUN/root" > "$RUN/log.txt" 2>&1 &
PID=$!
trap 'kill -9 $PID 2>/dev/null || true; rm -rf "$RUN"' EXIT
for _ in $(seq 1 240); do
  curl -s -o /dev/null -w '%{http_code}' "localhost:$PORT/health/ready" | grep -q 200 && break
  sleep 1
done
MEMBER=$(grep -o 'X-Auth-Token: [A-Za-z0-9._-]*' "$RUN/log.txt" | head -1 | cut -d' ' -f2)
LIST="localhost:$PORT/v1/demo-project-a/checkpoint_items?limit=1000"
seq 1 400 | xargs -P 32 -I{} curl -s -o /dev/null -w '%{http_code} %{time_total}\n' \
  -H "X-Auth-Token: $MEMBER" "$LIST" > "$RUN/results.txt" &
LOAD=$!
sleep 5
STOP=$(date +%s.%N)
kill -TERM $PID
wait $PID || true
EXIT=$(date +%s.%N)
wait $LOAD || true
awk -v s="$STOP" -v e="$EXIT" 'BEGIN { printf "JVM exited %.1f s after SIGTERM\n", e - s }'
echo "requests by status:"; cut -d' ' -f1 "$RUN/results.txt" | sort | uniq -c
grep -E "Shutdown|shutdown|Stopped|stopping" "$RUN/log.txt" | sed 's/.*\] //' | head -10
