#!/usr/bin/env bash
# Runs backup.war on Payara Server 6 in a fresh domain of its own, in the foreground.
#
#   deploy/payara-server/run.sh [path/to/backup.war]      (default: backup-web/target/backup.war)
#
# 1. Unpacks the Payara Server distribution from the local Maven repository (fetching it through
#    Maven when it is not there yet) into deploy/payara-server/target/payara6, once.
# 2. Copies the distribution's pristine domain1 into $SERVER_DIR and binds it to 127.0.0.1 only:
#    HTTP on $PORT, the admin listener on $ADMIN_PORT; HTTPS, IIOP, JMX and Hazelcast are off, and
#    the HTTP answers carry no Server or X-Powered-By header.
# 3. Starts the domain, then applies backup-catalog.asadmin (the same file an administrator applies
#    by hand: driver, pool, jdbc/backup, the WAR at "/").
# 4. Stays in the foreground with the server log on stdout until SIGTERM or SIGINT, then stops the
#    domain and exits 143 (130 for SIGINT). If the server dies by itself it exits 1; if the start or
#    the deployment fails it prints why, stops the server and exits 1. It exits 2 without starting
#    anything for a bad setting or when Maven cannot fetch the distribution or the driver.
#
# Environment: PORT (8080), ADMIN_PORT (PORT+1), SERVER_DIR (deploy/payara-server/target/run-$PORT),
# BACKUP_DB_HOST (localhost), BACKUP_DB_PORT (5432), BACKUP_DB_NAME (catalog), BACKUP_DB_USER
# (backup), BACKUP_DB_PASSWORD (backup), BACKUP_DB_SSLMODE (prefer), BACKUP_DB_PREPARE_THRESHOLD (5),
# BACKUP_DB_CLASS (only org.postgresql.ds.PGSimpleDataSource), and every other BACKUP_* setting of
# README's table, which the server JVM inherits from this script's environment (MicroProfile Config
# reads it there). docs/payara-server.md has the details.
set -euo pipefail

readonly PAYARA_VERSION=6.2025.10
readonly PGJDBC_VERSION=42.7.8
readonly DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1
readonly DOMAIN=backup

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
target=$here/target

fail() {
  echo "run.sh: $*" >&2
  exit 2
}

war=${1:-$repo/backup-web/target/backup.war}
[[ -f $war ]] || fail "no WAR at $war (build it first: mvn -B -DskipTests package)"
war=$(cd "$(dirname "$war")" && pwd)/$(basename "$war")

PORT=${PORT:-8080}
[[ $PORT =~ ^[0-9]+$ ]] && ((PORT >= 1 && PORT <= 65534)) || fail "PORT must be a port number, not '$PORT'"
ADMIN_PORT=${ADMIN_PORT:-$((PORT + 1))}
[[ $ADMIN_PORT =~ ^[0-9]+$ ]] && ((ADMIN_PORT >= 1 && ADMIN_PORT <= 65535 && ADMIN_PORT != PORT)) ||
  fail "ADMIN_PORT must be a port number other than PORT, not '$ADMIN_PORT'"
SERVER_DIR=${SERVER_DIR:-$target/run-$PORT}

if [[ -n ${BACKUP_DB_CLASS:-} && $BACKUP_DB_CLASS != org.postgresql.ds.PGSimpleDataSource ]]; then
  fail "BACKUP_DB_CLASS=$BACKUP_DB_CLASS: on Payara Server the catalog runs on PostgreSQL only, through the server's pool of org.postgresql.ds.PGSimpleDataSource (unset BACKUP_DB_CLASS or set it to that class)"
fi
# The pool's properties are ${MPCONFIG=backup.db.*} references that the server resolves from its
# environment (backup-catalog.asadmin): give each one the executable jar's default.
export BACKUP_DB_HOST=${BACKUP_DB_HOST:-localhost}
export BACKUP_DB_PORT=${BACKUP_DB_PORT:-5432}
export BACKUP_DB_NAME=${BACKUP_DB_NAME:-catalog}
export BACKUP_DB_USER=${BACKUP_DB_USER:-backup}
export BACKUP_DB_PASSWORD=${BACKUP_DB_PASSWORD:-backup}
export BACKUP_DB_SSLMODE=${BACKUP_DB_SSLMODE:-prefer}
export BACKUP_DB_PREPARE_THRESHOLD=${BACKUP_DB_PREPARE_THRESHOLD:-5}
[[ $BACKUP_DB_PORT =~ ^[0-9]+$ ]] || fail "BACKUP_DB_PORT must be a port number, not '$BACKUP_DB_PORT'"
[[ $BACKUP_DB_PREPARE_THRESHOLD =~ ^-?[0-9]+$ ]] ||
  fail "BACKUP_DB_PREPARE_THRESHOLD must be an integer, not '$BACKUP_DB_PREPARE_THRESHOLD'"

# --- 1. The distribution and the driver, once, under a lock (parallel runs share them) ---
payara=$target/payara6
asadmin=$payara/bin/asadmin
driver=$target/lib/postgresql-$PGJDBC_VERSION.jar
maven_copy() { # artifact, output folder: from ~/.m2, downloaded by Maven when missing
  local output
  output=$(cd "$target" && mvn -B -q "$DEPENDENCY_PLUGIN:copy" -Dartifact="$1" -DoutputDirectory="$2" 2>&1) ||
    fail "Maven could not copy $1:"$'\n'"$output"
}
mkdir -p "$target"
(
  flock 9
  if [[ ! -x $asadmin ]]; then
    echo "run.sh: unpacking Payara Server $PAYARA_VERSION into $payara"
    rm -rf "$target/download" "$target/unpacking"
    maven_copy "fish.payara.distributions:payara:$PAYARA_VERSION:zip" "$target/download"
    unzip -q -d "$target/unpacking" "$target/download/payara-$PAYARA_VERSION.zip"
    mv "$target/unpacking/payara6" "$payara"
    rm -rf "$target/download" "$target/unpacking"
  fi
  if [[ ! -f $driver ]]; then
    maven_copy "org.postgresql:postgresql:$PGJDBC_VERSION:jar" "$target/lib"
  fi
) 9>"$target/.unpack.lock"

# --- 2. A fresh domain in SERVER_DIR ---
domain_dir=$SERVER_DIR/$DOMAIN
if [[ -e $SERVER_DIR ]]; then
  [[ -f $SERVER_DIR/.run-sh ]] || [[ -z $(ls -A "$SERVER_DIR") ]] ||
    fail "SERVER_DIR=$SERVER_DIR exists and was not made by run.sh: not removing it"
  if [[ -f $domain_dir/config/pid ]] && kill -0 "$(cat "$domain_dir/config/pid")" 2>/dev/null; then
    fail "a server of SERVER_DIR=$SERVER_DIR is still running (pid $(cat "$domain_dir/config/pid"))"
  fi
  rm -rf "$SERVER_DIR"
fi
mkdir -p "$SERVER_DIR"
touch "$SERVER_DIR/.run-sh"
SERVER_DIR=$(cd "$SERVER_DIR" && pwd)
domain_dir=$SERVER_DIR/$DOMAIN
cp -R "$payara/glassfish/domains/domain1" "$domain_dir"
cp "$war" "$SERVER_DIR/backup.war"
cp "$driver" "$SERVER_DIR/"

# Two settings go into domain.xml before the server runs. asadmin start-domain reads the admin
# port (it waits there for the server) before the server starts. And the
# server-config has no jms-service element, so the server would open the default embedded JMS
# broker's port 7676 on every interface (the element cannot be made by "set"): add it, disabled.
# The distribution's domain.xml names each anchor once in server-config (first) and once in
# default-config: change the first.
domain_xml=$domain_dir/config/domain.xml
sed -i \
  -e "0,/port=\"4848\" protocol=\"admin-listener\"/s//port=\"$ADMIN_PORT\" protocol=\"admin-listener\"/" \
  -e '0,/<system-property name="JMS_PROVIDER_PORT" [^>]*>/s//&\n            <jms-service type="DISABLED" default-jms-host="default_JMS_host"><jms-host name="default_JMS_host" host="127.0.0.1" port="${JMS_PROVIDER_PORT}" lazy-init="true" \/><\/jms-service>/' \
  "$domain_xml"
grep -q "port=\"$ADMIN_PORT\" protocol=\"admin-listener\"" "$domain_xml" &&
  grep -q '<jms-service type="DISABLED"' "$domain_xml" ||
  fail "$domain_xml is not the domain.xml of Payara Server $PAYARA_VERSION that this script edits"

# Everything else is set by asadmin commands that the server runs before its services start.
cat >"$SERVER_DIR/run-domain.asadmin" <<EOF
# Written by run.sh: run before the services start (start-domain --prebootcommandfile).
set configs.config.server-config.network-config.network-listeners.network-listener.http-listener-1.port=$PORT
set configs.config.server-config.network-config.network-listeners.network-listener.http-listener-1.address=127.0.0.1
set configs.config.server-config.network-config.network-listeners.network-listener.admin-listener.address=127.0.0.1
set configs.config.server-config.network-config.network-listeners.network-listener.http-listener-2.enabled=false
set configs.config.server-config.iiop-service.iiop-listener.orb-listener-1.enabled=false
set configs.config.server-config.iiop-service.iiop-listener.SSL.enabled=false
set configs.config.server-config.iiop-service.iiop-listener.SSL_MUTUALAUTH.enabled=false
set configs.config.server-config.admin-service.jmx-connector.system.enabled=false
set configs.config.server-config.hazelcast-config-specific-configuration.enabled=false
set configs.config.server-config.network-config.protocols.protocol.http-listener-1.http.server-header=false
set configs.config.server-config.network-config.protocols.protocol.http-listener-1.http.xpowered-by=false
set-microprofile-healthcheck-configuration --enabled=false
set-openapi-configuration --enabled=false
# The edge (docs/edge.md): TRACE and a body on DELETE reach the application, which answers them
# with the contract's JSON; slow clients are cut (30 s silent, 60 s per request, 20 s per body read).
set configs.config.server-config.network-config.protocols.protocol.http-listener-1.http.trace-enabled=true
set configs.config.server-config.network-config.protocols.protocol.http-listener-1.http.allow-payload-for-undefined-http-methods=true
set configs.config.server-config.network-config.protocols.protocol.http-listener-1.http.timeout-seconds=30
set configs.config.server-config.network-config.protocols.protocol.http-listener-1.http.request-timeout-seconds=60
set configs.config.server-config.network-config.transports.transport.tcp.read-timeout-millis=20000
EOF

# --- 3. Start, apply backup-catalog.asadmin; 4. stay in the foreground ---
server_pid=
step_pid=
tail_pid=
read_server_pid() {
  [[ -n $server_pid ]] || server_pid=$(cat "$domain_dir/config/pid" 2>/dev/null) || server_pid=
}
stop_server() {
  [[ -n $step_pid ]] && kill -- "-$step_pid" 2>/dev/null || true
  read_server_pid
  if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
    "$asadmin" stop-domain --domaindir "$SERVER_DIR" "$DOMAIN" </dev/null || true
    # stop-domain returns once the server has gone; a server that would not stop is killed.
    for _ in $(seq 1 30); do kill -0 "$server_pid" 2>/dev/null || break; sleep 1; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  if [[ -n $tail_pid ]]; then
    sleep 0.5 # the log's last lines
    kill "$tail_pid" 2>/dev/null || true
  fi
}
on_signal() {
  trap - TERM INT
  echo "run.sh: $1: stopping Payara Server"
  stop_server
  exit "$2"
}
trap 'on_signal SIGTERM 143' TERM
trap 'on_signal SIGINT 130' INT
# Prints the TCP sockets that process $1 listens on and the UDP sockets it has bound, other than on
# 127.0.0.1, ::ffff:127.0.0.1 or ::1.
sockets_off_loopback() {
  local inodes
  inodes=$(find "/proc/$1/fd" -lname 'socket:*' -printf '%l\n' 2>/dev/null | tr -dc '0-9\n')
  awk -v inodes="$inodes" '
    BEGIN { n = split(inodes, list, "\n"); for (i = 1; i <= n; i++) mine[list[i]] = 1 }
    FNR == 1 { udp = FILENAME ~ /udp/ }
    ($10 in mine) && (udp || $4 == "0A") {
      split($2, address, ":")
      if (address[1] != "0100007F" && address[1] != "0000000000000000FFFF00000100007F" &&
        address[1] != "00000000000000000000000001000000") print (udp ? "udp:" : "tcp:") $2
    }' /proc/net/tcp /proc/net/tcp6 /proc/net/udp /proc/net/udp6
}
# Runs one asadmin step in the background (bash handles a signal only between foreground
# commands), in a process group of its own that stop_server can end whole.
step() {
  setsid "$@" </dev/null &
  step_pid=$!
  local status=0
  wait "$step_pid" || status=$?
  step_pid=
  return "$status"
}

mkdir -p "$domain_dir/logs"
touch "$domain_dir/logs/server.log"
tail -n +1 -F "$domain_dir/logs/server.log" 2>/dev/null &
tail_pid=$!

if ! step "$asadmin" start-domain --domaindir "$SERVER_DIR" \
  --prebootcommandfile "$SERVER_DIR/run-domain.asadmin" "$DOMAIN"; then
  echo "run.sh: Payara Server did not start (its log is above)" >&2
  stop_server
  exit 1
fi
read_server_pid

# From SERVER_DIR, where the file's relative names backup.war and postgresql-*.jar are. multimode
# runs every command even after one failed and then exits 0: its output says "Command ... failed."
multimode() {
  cd "$SERVER_DIR" && "$asadmin" --port "$ADMIN_PORT" multimode --file "$here/backup-catalog.asadmin" 2>&1 |
    tee "$SERVER_DIR/backup-catalog.out"
  return "${PIPESTATUS[0]}"
}
export -f multimode
export SERVER_DIR asadmin ADMIN_PORT here
if ! step bash -c multimode || grep -Eq '^Command [^ ]+ failed' "$SERVER_DIR/backup-catalog.out"; then
  echo "run.sh: backup-catalog.asadmin failed (see above): stopping Payara Server" >&2
  stop_server
  exit 1
fi
# The promise of this script: the server listens on loopback addresses only.
exposed=$(sockets_off_loopback "$server_pid")
if [[ -n $exposed ]]; then
  echo "run.sh: Payara Server listens beyond 127.0.0.1 (local address:port in hex, as /proc/net shows it):" $exposed >&2
  stop_server
  exit 1
fi
echo "run.sh: the catalog is deployed at http://127.0.0.1:$PORT/ (admin listener 127.0.0.1:$ADMIN_PORT)"

while kill -0 "$server_pid" 2>/dev/null; do
  sleep 1 &
  wait $! || true
done
echo "run.sh: Payara Server (pid $server_pid) ended by itself" >&2
stop_server
exit 1
