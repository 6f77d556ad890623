#!/usr/bin/env bash
# Builds the catalog and starts it with demo data: http://localhost:8080/v1/... (or PORT=...).
# The log prints ready-to-paste curl lines with demo tokens. Data goes to ./data (BACKUP_DATA_DIR).
# Extra arguments go to Payara Micro. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")"

mvn -B -q -ntp -DskipTests package
# The documented production start (docs/operations.md, "Start: launch time and memory"): a prepared
# Payara Micro root directory with a class data sharing archive (made at the first run after each
# build that changed the jar, which then takes about two starts longer), -Xms256m -Xmx256m with the
# parallel collector (JAVA_OPTS replaces them, e.g. JAVA_OPTS="-Xms1g -Xmx1g"), a 10 s shutdown grace.
exec env BACKUP_DEMO_DATA=true PORT="${PORT:-8080}" deploy/payara-micro/run.sh \
  backup-web/target/backup-catalog.jar "$@"
