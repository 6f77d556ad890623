#!/usr/bin/env bash
# Heap sizing of the executable jar: starts it with the given JVM options on Derby with demo data,
# makes sure demo-project-a holds at least 1000 items (PUT by the demo backup engine, once per data
# folder), then sends ROUNDS x 32 concurrent requests for 1000-item pages and prints the wall time,
# pages per second, the peak resident set (VmHWM) and the resident set afterwards.
#
#   backup-web/src/test/scripts/heap-sizing.sh -Xmx512m
#   backup-web/src/test/scripts/heap-sizing.sh            # the JVM's default heap
#
# DATA (default /tmp/heap-sizing-data) is kept between runs so that every run reads the same items.
set -euo pipefail
cd "$(dirname "$0")/../../.."
JAR=target/backup-catalog.jar
PORT=${PORT:-18950}
DATA=${DATA:-/tmp/heap-sizing-data}
ROUNDS=${ROUNDS:-10}
RUN=$(mktemp -d /tmp/heap-sizing-run.XXXXXX)
mkdir -p "$DATA"

BACKUP_DEMO_DATA=true BACKUP_DATA_DIR="$DATA" java "$@" -jar "$JAR" --port "$PORT" --nohazelcast \
  --rootdir "$RUN/root" > "$RUN/log.txt" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$RUN"' EXIT
for _ in $(seq 1 240); do
  curl -s -o /dev/null -w '%{http_code}' "localhost:$PORT/health/ready" | grep -q 200 && break
  sleep 1
done
TOKENS=$(grep -o 'X-Auth-Token: [A-Za-z0-9._-]*' "$RUN/log.txt" | cut -d' ' -f2)
MEMBER=$(sed -n 1p <<< "$TOKENS")
ENGINE=$(sed -n 5p <<< "$TOKENS")
LIST="localhost:$PORT/v1/demo-project-a/checkpoint_items"
COUNT=$(curl -s -H "X-Auth-Token: $MEMBER" "$LIST/count" | tr -dc 0-9)
for i in $(seq "$COUNT" 1000); do
  curl -s -o /dev/null -X PUT -H "X-Auth-Token: $ENGINE" -H 'Content-Type: application/json' \
    "$LIST/heap-sizing-$i" -d "{\"checkpoint_item\": {\"name\": \"heap_sizing_$i\", \"status\": \"available\",
      \"resource_id\": \"vm-$((i % 50))\", \"resource_type\": \"OS::Nova::Server\",
      \"created_at\": \"2024-05-01T10:00:00Z\", \"extend_info\": {\"resource_name\": \"vm-$i\",
      \"volume_backups\": [{\"id\": \"v-$i\", \"size\": 40, \"bootable\": true}]}}}"
done
# Warm-up, then the measured rounds.
seq 1 64 | xargs -P 32 -I{} curl -s -o /dev/null -H "X-Auth-Token: $MEMBER" "$LIST?limit=1000"
START=$(date +%s.%N)
seq 1 $((ROUNDS * 32)) | xargs -P 32 -I{} curl -s -o /dev/null -w '%{http_code}\n' \
  -H "X-Auth-Token: $MEMBER" "$LIST?limit=1000" | sort | uniq -c > "$RUN/statuses.txt"
END=$(date +%s.%N)
ITEMS=$(curl -s -H "X-Auth-Token: $MEMBER" "$LIST?limit=1000" | grep -o '"checkpoint_id":"' | wc -l)
printf 'options: %s\n' "${*:-(default)}"
printf 'statuses: %s\n' "$(tr -s ' \n' ' ' < "$RUN/statuses.txt")"
printf 'items per page: %s\n' "$ITEMS"
awk -v s="$START" -v e="$END" -v n=$((ROUNDS * 32)) \
  'BEGIN { printf "pages: %d in %.1f s, %.1f pages/s\n", n, e - s, n / (e - s) }'
grep -E 'VmHWM|VmRSS' /proc/$PID/status
