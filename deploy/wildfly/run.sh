#!/usr/bin/env bash
# Runs backup.war on WildFly 39 (standalone-microprofile.xml, Java 17) against PostgreSQL, in the
# foreground, with the server log on stdout. docs/wildfly.md explains each step.
#
#   deploy/wildfly/run.sh [path/to/backup.war]      (default: backup-web/target/backup.war)
#
# Environment:
#   PORT           HTTP port on 127.0.0.1 (default 8080). WildFly's other sockets (management HTTP and
#                  HTTPS, the HTTPS listener) take ephemeral ports on 127.0.0.1, so two runs with
#                  different PORTs never collide.
#   SERVER_DIR     this run's server folder, a fresh copy of standalone/ (jboss.server.base.dir):
#                  configuration, deployments' content, log/server.log, data, tmp
#                  (default deploy/wildfly/target/run-$PORT; replaced at each run).
#   BACKUP_DB_HOST, BACKUP_DB_PORT, BACKUP_DB_NAME, BACKUP_DB_USER, BACKUP_DB_PASSWORD,
#   BACKUP_DB_SSLMODE, BACKUP_DB_PREPARE_THRESHOLD
#                  the PostgreSQL database (defaults localhost, 5432, catalog, backup, backup, prefer, 5),
#                  read by the datasource when the server starts (backup-catalog.cli).
#   BACKUP_DB_CLASS if set, must be org.postgresql.ds.PGSimpleDataSource: this server runs on PostgreSQL.
#   BACKUP_AUTH_*, BACKUP_PUBLIC_URL, BACKUP_QUERY_MAX_LIMIT, BACKUP_DEMO_DATA, ...
#                  passed on to the server, where MicroProfile Config reads them as on the executable jar.
#
# The first run fetches WildFly, the PostgreSQL driver and EclipseLink through Maven (artifacts.xml; from
# the local repository when they are there), unpacks WildFly into deploy/wildfly/target/wildfly-<version>
# and installs EclipseLink into it (install-eclipselink.sh); later runs reuse it. Each run then copies
# standalone/ into SERVER_DIR, applies backup-catalog.cli to that copy offline (embed-server), and starts
# the server. SIGTERM or SIGINT stops WildFly cleanly; the script exits when its JVM has exited. If the
# deployment fails, the server is stopped and the script exits 1.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
wildfly_version=39.0.1.Final
dist=$here/target/wildfly-$wildfly_version
downloads=$here/target/downloads
server_config=standalone-microprofile.xml

fail() {
  echo "run.sh: $*" >&2
  exit 2
}

war=${1:-$repo/backup-web/target/backup.war}
[[ -f $war ]] || fail "no WAR at $war: build it first (mvn -B -DskipTests package) or pass its path"
war=$(cd "$(dirname "$war")" && pwd)/$(basename "$war")

PORT=${PORT:-8080}
[[ $PORT =~ ^[0-9]+$ ]] && ((PORT >= 1 && PORT <= 65535)) || fail "PORT must be a port number, not '$PORT'"

if [[ -n ${BACKUP_DB_CLASS:-} && $BACKUP_DB_CLASS != org.postgresql.ds.PGSimpleDataSource ]]; then
  fail "BACKUP_DB_CLASS=$BACKUP_DB_CLASS: on WildFly the catalog runs on PostgreSQL only" \
    "(org.postgresql.ds.PGSimpleDataSource, or leave it unset)"
fi

SERVER_DIR=${SERVER_DIR:-$here/target/run-$PORT}
mkdir -p "$SERVER_DIR"
SERVER_DIR=$(cd "$SERVER_DIR" && pwd)
marker=$SERVER_DIR/.backup-catalog-run
if [[ -n $(ls -A "$SERVER_DIR") && ! -f $marker ]]; then
  fail "SERVER_DIR=$SERVER_DIR is not empty and was not made by this script: refusing to replace it"
fi

# The child running in the foreground (the setup CLI, then the server): a signal stops it, and the
# script exits once it has.
child=
stopping=
on_signal() {
  stopping=143
  [[ -n $child ]] && kill -TERM "$child" 2>/dev/null || true
}
trap on_signal TERM INT

wait_child() {
  local status=0
  wait "$child" || status=$?
  while kill -0 "$child" 2>/dev/null; do
    status=0
    wait "$child" || status=$?
  done
  child=
  return "$status"
}

# 1. The distribution, once: fetched through Maven, unpacked, EclipseLink installed. A lock keeps two
#    parallel first runs from unpacking at the same time.
mkdir -p "$here/target"
(
  flock 9
  if [[ ! -f $dist/.backup-catalog-ready ]]; then
    echo "run.sh: fetching WildFly $wildfly_version, the PostgreSQL driver and EclipseLink through Maven"
    mvn -B -q -f "$here/artifacts.xml" dependency:copy-dependencies -DoutputDirectory="$downloads"
    echo "run.sh: unpacking WildFly into $dist"
    rm -rf "$dist" "$dist.partial"
    mkdir -p "$dist.partial"
    unzip -q "$downloads/wildfly-dist-$wildfly_version.zip" -d "$dist.partial"
    mv "$dist.partial/wildfly-$wildfly_version" "$dist"
    rmdir "$dist.partial"
    "$here/install-eclipselink.sh" "$dist" "$downloads"/org.eclipse.persistence.*.jar
    touch "$dist/.backup-catalog-ready"
  fi
) 9>"$here/target/.unpack.lock"
# A signal during the unpacking took effect once it was over: stop before starting anything.
[[ -z $stopping ]] || exit "$stopping"

# 2. This run's server folder: a fresh copy of the distribution's standalone/.
find "$SERVER_DIR" -mindepth 1 -delete
cp -R "$dist/standalone/." "$SERVER_DIR/"
touch "$marker"

# 3. The administrator's commands, applied offline to this copy in one embedded-server JVM.
setup=$SERVER_DIR/setup.cli
{
  echo "embed-server --server-config=$server_config --std-out=discard"
  cat "$here/backup-catalog.cli"
  echo "stop-embedded-server"
} >"$setup"
echo "run.sh: configuring $SERVER_DIR with $here/backup-catalog.cli"
# A short-lived JVM: the quick compiler alone and the serial collector halve its CPU time.
JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" "$dist/bin/jboss-cli.sh" -Djboss.server.base.dir="$SERVER_DIR" \
  -Dbackup.postgresql.jar="$downloads/postgresql-42.7.8.jar" -Dbackup.war="$war" \
  --file="$setup" &
child=$!
wait_child || {
  [[ -n $stopping ]] && exit "$stopping"
  echo "run.sh: configuring WildFly failed (see above)" >&2
  exit 1
}
[[ -z $stopping ]] || exit "$stopping"
# The embedded server logged into the same log/server.log: keep that apart from the real start's.
log=$SERVER_DIR/log/server.log
[[ -f $log ]] && mv "$log" "$SERVER_DIR/log/configure.log"

# 4. The server, in the foreground. standalone.sh relays SIGTERM to the JVM when it runs it "in the
#    background" of its own shell (LAUNCH_JBOSS_IN_BACKGROUND), and waits for it.
LAUNCH_JBOSS_IN_BACKGROUND=1 JBOSS_PIDFILE=$SERVER_DIR/server.pid \
  "$dist/bin/standalone.sh" -c "$server_config" \
  -Djboss.server.base.dir="$SERVER_DIR" \
  -Djboss.bind.address=127.0.0.1 -Djboss.bind.address.management=127.0.0.1 \
  -Djboss.http.port="$PORT" -Djboss.https.port=0 \
  -Djboss.management.http.port=0 -Djboss.management.https.port=0 &
child=$!
server=$child

# A failed deployment still leaves WildFly running ("started (with errors)", WFLYSRV0026), answering 404
# at "/": stop it instead, so that the caller sees the failure.
failed=$SERVER_DIR/deployment-failed
(
  while kill -0 "$server" 2>/dev/null; do
    if grep -q 'WFLYSRV0026' "$log" 2>/dev/null; then
      echo "run.sh: WildFly started with errors (the deployment failed, see above): stopping it" >&2
      touch "$failed"
      kill -TERM "$server"
      exit 0
    fi
    grep -q 'WFLYSRV0025' "$log" 2>/dev/null && exit 0
    sleep 1
  done
) &
watcher=$!

status=0
wait_child || status=$?
kill "$watcher" 2>/dev/null || true
wait "$watcher" 2>/dev/null || true
[[ -f $failed ]] && exit 1
[[ -n $stopping ]] && exit "$stopping"
exit "$status"
