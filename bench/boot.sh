#!/usr/bin/env bash
# Launch time, idle memory and heap-bound throughput of the executable jar (docs/operations.md,
# "Start: launch time and memory"). Fills an embedded Derby catalog once with the loader (100,000
# items in bench-big and 10,000 over 20 other projects; kept in target/bench-boot/derby for the next
# run), then, in rounds that take each way of starting once in turn:
#
#   jar       java $JAR_OPTS -jar backup-catalog.jar --port P --nohazelcast --rootdir <fresh>
#             (how the jar was started so far: unpacks its runtime and deploys the WAR every time)
#   launcher  deploy/payara-micro/run.sh (prepared root directory, class data sharing archive,
#             its default JAVA_OPTS: -Xmx256m, ParallelGC); preparing it is timed once,
#             before the rounds
#
# and prints for each: launch to the first 200 of a list call on bench-big, the JVM's CPU time at that
# moment (user + system: less sensitive than wall time to other load on the machine), and the
# resident set (VmRSS) after 5 idle seconds. Then 32 clients ask for 1000-item pages of bench-big for
# LOAD_SECONDS on the launcher with its default JAVA_OPTS and with -Xms2g -Xmx2g (twice each, in
# turn): pages per second.
#
#   bench/boot.sh                      RUNS=3 LOAD_SECONDS=30 by default; SKIP_BUILD=1 skips mvn
#   BACKUP_JAVA_HOME=/path/to/jdk-25 bench/boot.sh   the launcher on that JDK (Java 25+: AOT cache)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
LOAD_SECONDS=${LOAD_SECONDS:-30}
CLIENTS=${CLIENTS:-32}
PORT=${PORT:-18931}
[[ -n ${SKIP_BUILD:-} ]] || mvn -B -q -ntp -DskipTests package
JAR=$PWD/backup-web/target/backup-catalog.jar
WORK=$PWD/target/bench-boot
DERBY=$WORK/derby
SECRET=bench-boot-only-hs256-secret-0123456789
mkdir -p "$WORK"

if [[ ! -f $DERBY/.loaded ]]; then
  rm -rf "$DERBY"
  java -jar backup-loader/target/backup-loader.jar --items 100000 --project-ids bench-big \
    --id-prefix big- --jdbc-url "jdbc:derby:$DERBY/catalog;create=true"
  java -jar backup-loader/target/backup-loader.jar --items 10000 --projects 20 \
    --id-prefix oth- --jdbc-url "jdbc:derby:$DERBY/catalog;create=true"
  touch "$DERBY/.loaded"
fi

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
token() {
  local h c s
  h=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
  c=$(printf '{"sub":"bench","project_id":"bench-big","roles":[],"exp":%d}' $(($(date +%s) + 7200)) | b64url)
  s=$(printf '%s.%s' "$h" "$c" | openssl dgst -sha256 -hmac "$SECRET" -binary | b64url)
  printf '%s.%s.%s' "$h" "$c" "$s"
}
TOKEN=$(token)
LIST="http://127.0.0.1:$PORT/v1/bench-big/checkpoint_items"
export BACKUP_AUTH_HS256_SECRET=$SECRET BACKUP_DATA_DIR=$DERBY BACKUP_DB_NAME=$DERBY/catalog
ROOT=$WORK/micro-root

start() { # start <jar|launcher> [java options...]: starts in the background, sets PID
  local how=$1
  shift
  if [[ $how == jar ]]; then
    rm -rf "$WORK/fresh-root"
    java "$@" -jar "$JAR" --port "$PORT" --nohazelcast --rootdir "$WORK/fresh-root" > "$WORK/$how.log" 2>&1 &
  else
    JAVA_OPTS="$*" ROOT_DIR=$ROOT PORT=$PORT SHUTDOWN_GRACE_MS=0 \
      deploy/payara-micro/run.sh "$JAR" > "$WORK/$how.log" 2>&1 &
  fi
  PID=$!
}
PID=
stop() {
  [[ -n $PID ]] || return 0
  kill -TERM "$PID" 2>/dev/null || true
  wait "$PID" 2>/dev/null || true
}
trap stop EXIT

launch() { # launch <jar|launcher> [java options...]: prints "seconds cpu_seconds rss_mb"
  local t0 t1 cpu rss
  t0=$(date +%s.%N)
  start "$@"
  until [[ $(curl -s -o /dev/null -w '%{http_code}' -H "X-Auth-Token: $TOKEN" "$LIST?limit=1") == 200 ]]; do
    kill -0 "$PID" 2>/dev/null || { echo "the catalog ended; see $WORK/$1.log" >&2; exit 1; }
    sleep 0.1
  done
  t1=$(date +%s.%N)
  cpu=$(awk '{print ($14 + $15) / 100}' "/proc/$PID/stat")
  sleep 5
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$PID/status")
  stop
  awk -v a="$t0" -v b="$t1" -v c="$cpu" -v r="$rss" 'BEGIN {printf "%.1f %.1f %d\n", b - a, c, r}'
}

pages() { # pages [java options...]: 1000-item pages per second from CLIENTS clients on the launcher
  start launcher "$@"
  until [[ $(curl -s -o /dev/null -w '%{http_code}' -H "X-Auth-Token: $TOKEN" "$LIST?limit=1") == 200 ]]; do sleep 0.2; done
  for _ in 1 2 3; do curl -s -o /dev/null -H "X-Auth-Token: $TOKEN" "$LIST?limit=1000"; done
  local end=$(($(date +%s) + LOAD_SECONDS)) count
  count=$(seq 1 "$CLIENTS" | xargs -P "$CLIENTS" -I{} bash -c '
      n=0; while [[ $(date +%s) -lt '"$end"' ]]; do
        [[ $(curl -s -o /dev/null -w "%{http_code}" -H "X-Auth-Token: '"$TOKEN"'" "'"$LIST"'?limit=1000") == 200 ]] && n=$((n + 1))
      done; echo $n' | awk '{s += $1} END {print s}')
  stop
  awk -v n="$count" -v s="$LOAD_SECONDS" 'BEGIN {printf "%.2f\n", n / s}'
}

echo "== preparing the launcher's root directory (kept when it fits this jar and JDK)"
t0=$(date +%s.%N)
PREPARE_ONLY=1 ROOT_DIR=$ROOT deploy/payara-micro/run.sh "$JAR"
t1=$(date +%s.%N)
[[ -f $ROOT/catalog.jsa || -f $ROOT/catalog.aot ]] || { echo "preparing failed" >&2; exit 1; }
awk -v a="$t0" -v b="$t1" 'BEGIN {printf "ready in %.0f s (preparing, when needed, takes about two starts)\n", b - a}'

JAR_OPTS=${JAR_OPTS:--Xms512m -Xmx512m}
declare -A results
for round in $(seq 1 "$RUNS"); do
  for how in jar launcher; do
    if [[ $how == jar ]]; then r=$(launch jar $JAR_OPTS); else r=$(launch launcher); fi
    echo "round $round $how: first 200 / CPU s / RSS MB = $r"
    results[$how]+="$r"$'\n'
  done
done

echo
echo "| start | first 200 (median, s) | CPU at first 200 (median, s) | RSS idle (median, MB) |"
echo "|---|---|---|---|"
for how in jar launcher; do
  printf '%s' "${results[$how]}" | sort -n -k1 | awk -v how="$how" '{a[NR]=$1} END {m=a[int((NR+1)/2)]; printf "| %s | %s |", how, m}'
  printf '%s' "${results[$how]}" | sort -n -k2 | awk '{a[NR]=$2} END {printf " %s |", a[int((NR+1)/2)]}'
  printf '%s' "${results[$how]}" | sort -n -k3 | awk '{a[NR]=$3} END {printf " %s |\n", a[int((NR+1)/2)]}'
done

echo
echo "== $CLIENTS clients, 1000-item pages, $LOAD_SECONDS s each"
small=0 large=0
for round in 1 2; do
  s=$(pages) # the launcher's default JAVA_OPTS (deploy/payara-micro/run.sh)
  l=$(pages -Xms2g -Xmx2g -XX:+UseParallelGC -XX:+ExitOnOutOfMemoryError)
  echo "round $round: launcher default (-Xmx256m) $s pages/s, -Xmx2g $l pages/s"
  small=$(awk -v a="$small" -v b="$s" 'BEGIN {print a + b}')
  large=$(awk -v a="$large" -v b="$l" 'BEGIN {print a + b}')
done
awk -v s="$small" -v l="$large" 'BEGIN {printf "launcher default (-Xmx256m) / -Xmx2g = %.2f\n", s / l}'
