#!/bin/sh
# The issue's table for Derby and PostgreSQL in one run: builds the jars, then fills each database
# with the loader, starts the service's jar on it and measures (CatalogBenchmark; docs/benchmark.md).
# Options go to the benchmark, e.g.: bench/run.sh --derby-items 100000 --postgres-items 1000000
set -eu
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests package
mvn -B -q -pl backup-loader -am test-compile exec:java \
  -Dexec.mainClass=org.backupcatalog.loader.bench.CatalogBenchmark \
  -Dexec.classpathScope=test -Dexec.skip=true \
  -Dexec.args="$*"
