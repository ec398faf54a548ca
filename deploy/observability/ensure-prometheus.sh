#!/usr/bin/env bash
# Makes sure Prometheus and its promtool are on PATH, for the tests that prove every dashboard panel and
# alert against a real Prometheus. Installs Debian's package when it is missing and this is a Debian machine run as root.
set -euo pipefail

if command -v prometheus > /dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get > /dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y --no-install-recommends prometheus > /dev/null \
    || { apt-get update > /dev/null && apt-get install -y --no-install-recommends prometheus > /dev/null; }
  command -v prometheus > /dev/null 2>&1 && exit 0
fi
echo "Prometheus is needed for the dashboard test: install it (Debian: apt-get install prometheus)," \
  "or put a prometheus binary (2.x) on PATH." >&2
exit 1
