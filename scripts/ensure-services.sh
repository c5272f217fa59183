#!/usr/bin/env bash
# Redis and PostgreSQL from Debian's packages for the queue-mode test and benchmark (test/queue,
# scripts/bench-queue.ts), installed once. Only the binaries are used: the tests start their own
# servers on free loopback ports and stop them after, so the packages' own services are not needed.
set -euo pipefail
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
if command -v redis-server >/dev/null && [ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ]; then
	echo "$(pg_bin)"
	exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >&2
$SUDO apt-get install -y -qq --no-install-recommends redis-server postgresql >&2
# The packages start their default services where an init system runs; the tests do not use them.
echo "Redis and PostgreSQL installed: $(redis-server --version | cut -d' ' -f3)" >&2
echo "$(pg_bin)"
