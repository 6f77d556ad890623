#!/usr/bin/env bash
# The three servers measured in one run, one after the other, on one PostgreSQL: launch to the first
# 200, the server JVM's RSS after 1,000 requests, and SIGTERM to exit. Needs Debian's postgresql
# (initdb, pg_ctl; `apt-get install -y postgresql`) and a built WAR and jar (mvn -B -DskipTests package).
#   bench/servers.sh            -> one line per server, then a table (SERVERS="wildfly" limits it)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

# The WAR and the jar as built from these sources: an older WAR measures an older catalog (one built
# before jboss-web.xml named the security domain ran on WildFly under the default domain, which
# refused every token's caller with a 500).
for built in backup-web/target/backup.war backup-web/target/backup-catalog.jar; do
  [[ -f $built ]] || { echo "no $built: build it first (mvn -B -DskipTests package)" >&2; exit 2; }
  newer=$(find pom.xml ./*/pom.xml ./*/src/main -type f -newer "$built" -print -quit)
  [[ -z $newer ]] || { echo "$built is older than $newer: rebuild (mvn -B -DskipTests package)" >&2; exit 2; }
done
pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
work=$(mktemp -d /tmp/bench-servers.XXXXXX)
pgport=55499
port=18777
secret=bench-servers-hs256-secret-0123456789abcdef

# PostgreSQL refuses to run as root: as root, its commands run as the package's postgres user.
as_pg=()
if [[ $(id -u) -eq 0 ]]; then
  as_pg=(runuser -u postgres --)
  chmod 755 "$work"
  mkdir -p "$work/pg" && chown postgres "$work/pg"
fi
"${as_pg[@]}" "$pgbin/initdb" -D "$work/pg" -U postgres -A trust >/dev/null
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/pg" -o "-p $pgport -k /tmp -c listen_addresses=127.0.0.1" \
  -l "$work/pg/server.log" -w start >/dev/null
trap '"${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1 || true' EXIT

b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
payload=$(printf '{"sub":"bench","project_id":"bench","roles":[],"exp":%d}' $(($(date +%s) + 7200)) | b64url)
token="$header.$payload.$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -hmac "$secret" -binary | b64url)"

results=()
for server in ${SERVERS:-payara-micro payara-server wildfly}; do
  # A server left on the port would answer instead of the one measured.
  if [[ -n $(ss -Hltn "sport = :$port") ]]; then
    echo "port $port is taken (a server left running?): $(ss -Hltnp "sport = :$port")" >&2
    exit 1
  fi
  db=bench_${server//-/_}
  psql -q -h 127.0.0.1 -p $pgport -U postgres -c "CREATE DATABASE $db" >/dev/null
  export BACKUP_DB_CLASS=org.postgresql.ds.PGSimpleDataSource BACKUP_DB_HOST=127.0.0.1 BACKUP_DB_PORT=$pgport \
    BACKUP_DB_NAME=$db BACKUP_DB_USER=postgres BACKUP_DB_PASSWORD=x BACKUP_AUTH_HS256_SECRET=$secret \
    PORT=$port ADMIN_PORT=$((port + 11)) SERVER_DIR=$work/$server BACKUP_DATA_DIR=$work/$server-data
  started=$(date +%s.%N)
  if [[ $server == payara-micro ]]; then
    setsid java -Xms512m -Xmx512m -jar backup-web/target/backup-catalog.jar --port $port --nohazelcast \
      --rootdir "$work/$server-root" >"$work/$server.log" 2>&1 &
  else
    setsid bash "deploy/$server/run.sh" >"$work/$server.log" 2>&1 &
  fi
  launcher=$!
  url=http://127.0.0.1:$port/v1/bench/checkpoint_items
  # Until the first 200; an error status that persists (a server that started but refuses the token)
  # ends the run after 5 minutes rather than never.
  until status=$(curl -s -o /dev/null -w '%{http_code}' -H "X-Auth-Token: $token" "$url/count" || true)
    [[ $status == 200 ]]; do
    kill -0 $launcher 2>/dev/null || { echo "$server exited; see $work/$server.log" >&2; exit 1; }
    if awk "BEGIN {exit !($(date +%s.%N) - $started > 300)}"; then
      echo "$server: no 200 within 300 s (last answer $status); see $work/$server.log" >&2
      kill -TERM $launcher
      wait $launcher || true
      exit 1
    fi
    sleep 0.2
  done
  first=$(awk "BEGIN {print $(date +%s.%N) - $started}")
  for i in $(seq 1 1000); do echo "url = \"$url?limit=10\""; echo "output = /dev/null"; done >"$work/urls"
  # Every one of the 1,000 must be a 200: figures of a server answering errors would mean nothing.
  answers=$(curl -s -w '%{http_code}\n' -H "X-Auth-Token: $token" -K "$work/urls" | sort | uniq -c | xargs)
  note=
  [[ $answers == "1000 200" ]] || note="   NOT ALL 200 (count status): $answers"
  jvm=$(ss -ltnp "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
  rss=$(awk '/VmRSS/ {print $2}' /proc/$jvm/status)
  stop_started=$(date +%s.%N)
  kill -TERM $launcher
  while kill -0 $launcher 2>/dev/null || kill -0 $jvm 2>/dev/null; do sleep 0.1; done
  stopped=$(awk "BEGIN {print $(date +%s.%N) - $stop_started}")
  line=$(printf '%-14s first 200 %6.1f s   RSS after 1,000 requests %4d MB   SIGTERM to exit %5.1f s' \
    "$server" "$first" $((rss / 1024)) "$stopped")$note
  echo "$line"
  results+=("$line")
done
echo
printf '%s\n' "${results[@]}"
