#!/usr/bin/env bash
# Runs the executable jar (backup-catalog.jar, Payara Micro 6) the fast way, in the foreground:
# from a prepared Payara Micro root directory with a class data sharing archive, with a fixed heap
# and a shutdown grace. docs/operations.md ("Start: launch time and memory") explains each step
# and the figures.
#
#   deploy/payara-micro/run.sh [path/to/backup-catalog.jar] [more Payara Micro options]
#       (default jar: backup-web/target/backup-catalog.jar)
#
# Environment:
#   PORT             HTTP port (default 8080).
#   ROOT_DIR         the prepared Payara Micro root directory (default: micro-root beside the jar).
#   BACKUP_JAVA_HOME the JDK to run on (default: JAVA_HOME, else the java on PATH). On Java 25 or later
#                    the start uses an AOT cache (JEP 483/514/515) instead of the class data sharing
#                    archive: a fifth to a third less CPU to the first request (docs/operations.md).
#   JAVA_OPTS        the JVM's options (default: -Xms256m -Xmx256m -XX:+UseParallelGC
#                    -XX:+ExitOnOutOfMemoryError, and -XX:TrimNativeHeapInterval=2000 where the
#                    JVM has it; docs/operations.md, "JVM sizing").
#   REQUEST_THREADS  the most requests served at once (default: 8 per processor, nproc); more
#                    wait, connected, in the listener's queue (docs/operations.md, "Request threads").
#   SHUTDOWN_GRACE_MS how long in-flight requests may take to finish after SIGTERM (default 10000;
#                    0: no grace, Payara stops at once).
#   BACKUP_*         the catalog's settings (docs/configuration.md), read at every start.
#   PREPARE_ONLY     if set, prepare ROOT_DIR (when needed) and exit without starting.
#
# Preparing (once per jar and JDK; about two starts' time): the jar unpacks its runtime into ROOT_DIR
# and writes ROOT_DIR/launch-micro.jar (--outputlauncher), deploys the WAR into ROOT_DIR and exits
# (--warmup), then one more start from ROOT_DIR serves a few requests (a list page, a count, a
# 404, a 401, the probes) and is stopped; it records the classes it loaded into
# ROOT_DIR/catalog.jsa (-XX:ArchiveClassesAtExit); on Java 25+ it records an AOT cache instead,
# ROOT_DIR/catalog.aot (-XX:AOTCacheOutput): the classes loaded and linked, and the methods'
# profiles. The warm-ups run without the caller's BACKUP_* settings, on a throwaway embedded
# database and a free port of their own (not PORT), so they touch no real data. Signing the
# warm-up's token for the list page takes openssl; without it only the unsigned requests train.
# Later starts map that archive (-XX:SharedArchiveFile, or -XX:AOTCache) and load the already deployed WAR: no unpacking, no second deployment, and most
# classes come parsed and verified from the archive. A changed jar or JDK prepares again; so does
# deleting ROOT_DIR. A JAVA_OPTS that the cache does not fit (e.g. another object header layout)
# makes the JVM start without it (silently: its logging is off), slower.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
jar=$repo/backup-web/target/backup-catalog.jar
if [[ $# -gt 0 && $1 != --* ]]; then
  jar=$1
  shift
fi
[[ -f $jar ]] || { echo "run.sh: $jar is missing: build it first (mvn -B -DskipTests package)" >&2; exit 2; }
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
# Absolute, so that one directory named two ways is one fingerprint (below), not a second preparation.
root=$(realpath -m "${ROOT_DIR:-$(dirname "$jar")/micro-root}")
java_home=${BACKUP_JAVA_HOME:-${JAVA_HOME:-}}
java=${java_home:+$java_home/bin/}java
# What the root directory was last checked against, cheaply: the jar's and the JDK's files by
# device, inode, size and modification time (stat, no unzip, no JVM). When they are those of the
# last start, the jar's fingerprint (below) and the JDK's version are taken as checked then: 0.4 to
# 0.5 s less before the JVM starts. A rebuilt jar or another JDK changes them, and the full check
# runs.
java_bin=$(realpath "$(command -v "$java")") || { echo "run.sh: no $java" >&2; exit 2; }
quick_key=$(stat -L -c '%d %i %s %.9Y' "$jar" "$java_bin" "$(dirname "$java_bin")/../lib/modules" 2> /dev/null | tr '\n' ' ') || quick_key=
feature=
# Trimming the C heap every 2 s gives back what the start's class loading and JIT compilation
# freed but glibc kept: 35 to 40 MB of the idle resident set (docs/operations.md, "JVM sizing").
# JDK 17.0.9+ and 21.0.1+ have the option, 18 to 20 and older 17s refuse to start with it: asked
# once per JDK, with the version, and kept as "trim" or "no-trim".
trim=-XX:TrimNativeHeapInterval=2000
trimming=
if [[ -n $quick_key && -f $root/.prepared-for && -f $root/.checked-stat && $(sed -n 1p "$root/.checked-stat") == "$quick_key" ]]; then
  feature=$(sed -n 2p "$root/.checked-stat")
  trimming=$(sed -n 3p "$root/.checked-stat")
fi
[[ -n $trimming ]] || feature=
quick=${feature:+yes}
if [[ -z $quick ]]; then
  # One JVM start answers both where the option exists; a second only where it does not.
  trimming=trim
  settings=$("$java" "$trim" -XshowSettings:properties -version 2>&1) ||
    { trimming=no-trim; settings=$("$java" -XshowSettings:properties -version 2>&1); }
  feature=$(sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p' <<< "$settings")
fi
trimmed=
[[ $trimming != trim ]] || trimmed=$trim
# Java 25 and later: an AOT cache (classes loaded and linked ahead of time, method profiles);
# before: a dynamic class data sharing archive. Either fits one JDK build only.
if [[ ${feature:-0} -ge 25 ]]; then
  cache=$root/catalog.aot
  record_cache=(-XX:AOTCacheOutput="$cache" -Xlog:aot=off -Xlog:cds=off)
  use_cache=(-XX:AOTCache="$cache" -Xlog:aot=off -Xlog:cds=off)
else
  cache=$root/catalog.jsa
  record_cache=(-XX:ArchiveClassesAtExit="$cache" -Xlog:cds=off -Xlog:cds+dynamic=off)
  use_cache=(-XX:SharedArchiveFile="$cache" -Xlog:cds=off -Xlog:cds+dynamic=off)
fi
# Payara Micro's own options: no Hazelcast, no call home. Not --nocluster: Payara Micro reads
# --nohazelcast only when --nocluster is absent, and with both it started Hazelcast as a cluster
# of one (the jar's baked-in options are the same).
micro_options=(--nohazelcast --disablephonehome)

# What the root directory was prepared from: every entry of the jar by its CRC (not its time
# stamp, which changes at every build) and the JDK's exact version (an archive fits one JDK only).
fingerprint() {
  {
    unzip -v "$jar" | awk '$NF ~ /^(MICRO-INF|fish)\// && $NF !~ /(payaramicro\.properties|ROOT\.war)$/ {print $7, $8}'
    unzip -p "$jar" MICRO-INF/deploy/ROOT.war > "$root.war.tmp"
    unzip -v "$root.war.tmp" | awk '$NF ~ /\// {print $7, $8}'
    rm -f "$root.war.tmp"
    unzip -p "$jar" MICRO-INF/deploy/payaramicro.properties | grep -v '^#'
    "$java" -version 2>&1
  } | sha256sum | cut -d' ' -f1
}

# The warm-ups' environment: none of the caller's BACKUP_* settings, a throwaway database, a
# random token key, and a port of their own where nothing listens (not PORT: a caller polling it
# for the real start must not reach a warm-up).
warmup_secret="warm-up-only-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
free_port() {
  local candidate _
  for _ in $(seq 1 50); do
    candidate=$((20000 + $(od -An -N2 -tu2 /dev/urandom) % 40000))
    if [[ $candidate != "${PORT:-8080}" ]] && ! (exec 3<> "/dev/tcp/127.0.0.1/$candidate") 2> /dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}
warmup() {
  local scratch=$1
  shift
  # exec: started in the background, its process id is the JVM's, which the training stops.
  exec env $(env | sed -n 's/^\(BACKUP_[A-Za-z0-9_]*\)=.*/-u \1/p') \
    BACKUP_DATA_DIR="$scratch" BACKUP_AUTH_HS256_SECRET="$warmup_secret" "$@"
}

# One HTTP/1.1 request to the warm-up's port without curl (bash's /dev/tcp): prints the status code.
http_status() { # http_status <path> [header]
  local status
  exec 3<> "/dev/tcp/127.0.0.1/$port" || return 1
  printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n%s\r\n' "$1" "${2:+$2$'\r\n'}" >&3
  read -r _ status _ <&3 || status=
  cat <&3 > /dev/null
  exec 3<&-
  echo "${status:-0}"
}

# The requests of the recording start: the first 401 once the catalog is deployed (up to 10
# minutes on a loaded machine; a failed deployment, which leaves Payara running, ends it at once),
# then what a client asks first, with a token signed by the warm-up's key when openssl is there:
# a list page, an item that is not there, the count; and the probes.
train() { # train <pid> <its log>
  local deadline=$((SECONDS + 600)) path=/v1/warm-up/checkpoint_items
  until [[ $(http_status "$path" 2> /dev/null) == 401 ]]; do
    kill -0 "$1" 2> /dev/null || return 1
    ! grep -q 'Exception while \(preparing\|loading\) the app' "$2" || return 1
    ((SECONDS < deadline)) || return 1
    sleep 0.5
  done
  local token=
  if command -v openssl > /dev/null; then
    b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
    local h c
    h=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
    c=$(printf '{"sub":"warm-up","project_id":"warm-up","roles":[],"exp":%d}' $(($(date +%s) + 600)) | b64url)
    token="$h.$c.$(printf '%s.%s' "$h" "$c" | openssl dgst -sha256 -hmac "$warmup_secret" -binary | b64url)"
  fi
  local round
  for round in 1 2 3; do
    http_status "$path" > /dev/null
    http_status /health/ready > /dev/null
    http_status /health/live > /dev/null
    if [[ -n $token ]]; then
      http_status "$path?limit=10" "X-Auth-Token: $token" > /dev/null
      http_status "$path/count" "X-Auth-Token: $token" > /dev/null
      http_status "$path/missing" "X-Auth-Token: $token" > /dev/null
    fi
  done
}

# Payara reads its key and trust stores at every start, and loading them was a tenth of the main
# thread's work: Payara's defaults (the same self-signed keys and public CA certificates in every
# Payara Micro, under its public default password) are PKCS12 files whose integrity check, certificate
# bag and two keys are each guarded by 10,000 rounds of PBKDF2. Rewritten here without the check and
# with certificates in the clear (as the JDK's own cacerts), and keys wrapped with one round: what
# that protection would guard is public anyway. 1.6 s to 0.4 s for the two files in a cold JVM on the
# loaded test machine (docs/operations.md). Stores replaced by the operator are not touched: this runs
# only on the files the jar has just unpacked; without keytool they stay as they are.
light_stores() { # light_stores <config dir>
  local keytool=${java_bin%/java}/keytool store
  [[ -x $keytool ]] || return 0
  for store in "$1/cacerts.p12" "$1/keystore.p12"; do
    [[ -f $store ]] || continue
    rm -f "$store.light"
    if "$keytool" -importkeystore -noprompt -srckeystore "$store" -srcstoretype PKCS12 \
      -srcstorepass changeit -destkeystore "$store.light" -deststoretype PKCS12 \
      -deststorepass changeit -J-Dkeystore.pkcs12.certProtectionAlgorithm=NONE \
      -J-Dkeystore.pkcs12.macAlgorithm=NONE -J-Dkeystore.pkcs12.keyPbeIterationCount=1 \
      > /dev/null 2>&1; then
      mv -f "$store.light" "$store"
    else
      rm -f "$store.light"
    fi
  done
}

prepare() {
  echo "run.sh: preparing $root for $(basename "$jar") (once per jar and JDK)" >&2
  rm -rf "$root"
  port=$(free_port) || { echo "run.sh: no free port for the warm-ups" >&2; exit 1; }
  local scratch
  scratch=$(mktemp -d)
  "$java" -jar "$jar" --rootdir "$root" --outputlauncher > "$scratch/outputlauncher.log" 2>&1
  light_stores "$root/config"
  (warmup "$scratch/data" "$java" -Xshare:auto -jar "$jar" --rootdir "$root" --port "$port" \
    "${micro_options[@]}" --warmup) > "$scratch/deploy.log" 2>&1 || { cat "$scratch/deploy.log" >&2; exit 1; }
  # The recording start serves the requests a first caller makes before it stops, so that the
  # archive also holds the classes (and, Java 25, the method profiles) of the first requests, which
  # --warmup, stopping after the deployment, never loaded: the first request then costs less too.
  warmup "$scratch/data" "$java" "${record_cache[@]}" \
    -jar "$root/launch-micro.jar" --port "$port" "${micro_options[@]}" > "$scratch/archive.log" 2>&1 &
  local server=$!
  train "$server" "$scratch/archive.log" || { kill -TERM "$server" 2>/dev/null; wait "$server" 2>/dev/null; cat "$scratch/archive.log" >&2; exit 1; }
  kill -TERM "$server"
  wait "$server" || true # SIGTERM's exit status; the archive is written at the exit
  [[ -s $cache ]] || { echo "run.sh: recording $cache failed" >&2; cat "$scratch/archive.log" >&2; exit 1; }
  if grep -q 'Exception while \(preparing\|loading\) the app' "$scratch/deploy.log" "$scratch/archive.log"; then
    cat "$scratch/deploy.log" "$scratch/archive.log" >&2
    exit 1
  fi
  rm -rf "$scratch"
  echo "$want" > "$root/.prepared-for"
}

if [[ -z $quick || ! -f $cache ]]; then
  want=$(fingerprint)
  if [[ ! -f $cache || $(cat "$root/.prepared-for" 2>/dev/null) != "$want" ]]; then
    prepare
  fi
  printf '%s\n%s\n%s\n' "$quick_key" "$feature" "$trimming" > "$root/.checked-stat"
fi
[[ -z ${PREPARE_ONLY:-} ]] || exit 0

grace=${SHUTDOWN_GRACE_MS:-10000}
[[ $grace == 0 ]] || micro_options+=(--shutdowngrace "$grace")
# Request threads: 8 per processor (16 on 2 cores; Undertow's own default, 8 workers per I/O
# thread and one I/O thread per processor) rather than Payara's 200. A list page is CPU work: more
# pages in progress than the cores can run only keep more half-read pages alive at each young
# collection. 32 clients of 1000-item pages under the 256 MB heap got 16 % more pages/s with 16
# threads than with 200: 1.06 of a 2 GB heap's instead of 0.92 (docs/operations.md, "Request
# threads").
threads=${REQUEST_THREADS:-$((8 * $(nproc)))}
[[ $threads =~ ^[1-9][0-9]{0,4}$ ]] || { echo "run.sh: REQUEST_THREADS must be a whole number from 1, not '$threads'" >&2; exit 2; }
micro_options+=(--maxhttpthreads "$threads")
# shellcheck disable=SC2086
exec "$java" ${JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseParallelGC -XX:+ExitOnOutOfMemoryError $trimmed} \
  "${use_cache[@]}" \
  -jar "$root/launch-micro.jar" --port "${PORT:-8080}" "${micro_options[@]}" "$@"
