#!/usr/bin/env bash
# The whole test suite, as CI runs it (.ci/run calls this script):
#   1. what the browser tests need and no Maven artifact brings: Debian's chromium and chromium-driver;
#   2. mvn -B verify: unit, property and system tests (the executable jar on Derby and PostgreSQL,
#      the console in headless Chromium, Arquillian on Payara Micro);
#   3. the longer suites, each a Maven profile, without running the unit tests again:
#      servers (the WAR on Payara Server and WildFly) and keycloak (tokens from a real Keycloak).
# Server distributions, Keycloak and PostgreSQL come from Maven Central. PROFILES=servers limits step 3.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  echo "== installing chromium and chromium-driver (browser tests)"
  sudo_if_needed=""
  [ "$(id -u)" -eq 0 ] || sudo_if_needed="sudo"
  $sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_if_needed apt-get install -y -qq chromium chromium-driver >/dev/null
fi

echo "== mvn -B verify"
mvn -B verify

for profile in ${PROFILES:-servers keycloak}; do
  echo "== mvn -B verify -P$profile"
  mvn -B verify -P"$profile" -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
done
