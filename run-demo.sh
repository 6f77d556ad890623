#!/usr/bin/env bash
# Builds the catalog and starts it with demo data: http://localhost:8080/v1/... (or PORT=...).
# The log prints ready-to-paste curl lines with demo tokens. Data goes to ./data (BACKUP_DATA_DIR).
# Extra arguments go to Payara Micro. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")"

mvn -B -q -ntp -DskipTests package
# A fixed heap instead of the JVM's default quarter of the machine (docs/operations.md, "JVM
# sizing"); JAVA_OPTS replaces it, e.g. JAVA_OPTS="-Xms1g -Xmx1g".
# shellcheck disable=SC2086
exec env BACKUP_DEMO_DATA=true java ${JAVA_OPTS:--Xms512m -Xmx512m -XX:+ExitOnOutOfMemoryError} \
  -jar backup-web/target/backup-catalog.jar --port "${PORT:-8080}" --nocluster "$@"
