#!/usr/bin/env bash
# tools/pg-test-cluster as CI uses it: start prints a URL that accepts its password and refuses
# another, the server does not run as root, stop leaves no process and no directory behind, and
# run passes the command's exit code through.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
tool=$root/tools/pg-test-cluster
state=$(mktemp -d "${TMPDIR:-/tmp}/pg-test-cluster-test.XXXXXX")
trap '"$tool" stop "$state"; rm -rf "$state"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

url=$("$tool" start "$state")
[[ "$url" =~ ^postgres://latchkey:[A-Za-z0-9_-]+@127\.0\.0\.1:[0-9]+/postgres$ ]] || fail "URL: $url"
[[ "$(cat "$state/url")" == "$url" ]] || fail "state/url differs from the printed URL"
data=$(<"$state/datadir")
pid=$(head -n 1 "$data/pgdata/postmaster.pid")
owner=$(ps -o user= -p "$pid")
[[ -n "$owner" && "$owner" != root ]] || fail "PostgreSQL runs as '$owner'"
[[ "$(psql "$url" -XAtc 'SELECT 40 + 2')" == 42 ]] || fail "cannot query with the URL"
wrong=${url/latchkey:*@/latchkey:not-the-password@}
if psql "$wrong" -XAtc 'SELECT 1' 2>/dev/null; then fail "a wrong password was accepted"; fi

"$tool" stop "$state"
! kill -0 "$pid" 2>/dev/null || fail "PostgreSQL (pid $pid) still runs after stop"
[[ ! -e "$data" ]] || fail "$data is left behind"
"$tool" stop "$state" || fail "a second stop is an error"

rc=0
"$tool" run bash -c 'printf "%s" "$LATCHKEY_TEST_DATABASE" >"$1" && exit 7' run "$state/run-url" ||
    rc=$?
((rc == 7)) || fail "run returned $rc, not the command's 7"
run_url=$(<"$state/run-url")
[[ "$run_url" == postgres://* ]] || fail "run gave the command no URL"
if psql "$run_url" -XAtc 'SELECT 1' 2>/dev/null; then fail "run left its cluster running"; fi
echo "pg-test-cluster: start, stop and run work"
