#!/bin/sh
# Makes sure the browser of AdminPageIT is there: Debian's chromium and chromium-driver.
# Both present: nothing to do. Missing and running as root with apt-get: installs them. Otherwise: fails and says
# what to install (or how to skip the sample).
set -eu
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "AdminPageIT needs /usr/bin/chromium and /usr/bin/chromedriver: installing chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends chromium chromium-driver
    [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && exit 0
    echo "apt-get installed chromium and chromium-driver, but /usr/bin/chromium or /usr/bin/chromedriver is still missing" >&2
    exit 1
fi
echo "AdminPageIT drives a real browser: install Debian's chromium and chromium-driver as root" >&2
echo "(apt-get install chromium chromium-driver), so that /usr/bin/chromium and /usr/bin/chromedriver exist;" >&2
echo "or leave out only the browser test with -Dskip.browser (the WildFly tests still run), or the whole ear-sample with -Dinvoker.skip." >&2
exit 1
