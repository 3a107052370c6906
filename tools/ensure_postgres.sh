#!/usr/bin/env bash
# The PostgreSQL tests start a throw-away server from the distribution's postgresql package.
# Install it when it is missing and this machine allows it (root with apt, as on CI); otherwise
# say so: the PostgreSQL tests are then skipped with a loud message, the rest still run.
set -u
if command -v pg_ctl >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing PostgreSQL (Debian's postgresql package) for the PostgreSQL hub tests" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
    && exit 0
fi
echo "PostgreSQL is not installed and cannot be installed here: the PostgreSQL tests will be skipped" >&2
exit 0
