#!/usr/bin/env bash
# Makes sure Debian's Chromium and its matching ChromeDriver are installed, for the review console's browser
# test (Selenium, headless). Installs both packages when one is missing and this is a Debian machine run as root:
# the test points Selenium at these two files, so that nothing is downloaded at test time.
set -euo pipefail

readonly BROWSER=/usr/bin/chromium
readonly DRIVER=/usr/bin/chromedriver

installed() {
  [ -x "$BROWSER" ] && [ -x "$DRIVER" ]
}

if installed; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get > /dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  # A fresh machine's package index may be missing or stale: update once, only when the install fails.
  apt-get install -y --no-install-recommends chromium chromium-driver > /dev/null \
    || { apt-get update > /dev/null && apt-get install -y --no-install-recommends chromium chromium-driver > /dev/null; }
  installed && exit 0
fi
echo "Chromium and ChromeDriver are needed for the review console's browser test, at $BROWSER and $DRIVER:" \
  "install them (Debian: apt-get install chromium chromium-driver, as root)." >&2
exit 1
