#!/usr/bin/env bash
# latchkeyctl keys test against a server whose clock is wrong: the real latchkey-server runs under
# Debian's faketime (libfaketime through LD_PRELOAD, monotonic clocks left alone), 5 minutes ahead
# and then 5 minutes behind; Hawk refuses the first request as a stale timestamp with the
# server's time (tsm), latchkeyctl corrects its clock from it, the retry succeeds, and the user
# reads how far off the server is. Within Hawk's ±60 s nothing is corrected.
# usage: latchkeyctl-clock-skew.sh LATCHKEY_SERVER LATCHKEYCTL
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=common.sh
source "$here/common.sh"
begin "$@"
if ! command -v faketime >/dev/null; then
    echo "FAIL: faketime is not installed: run tools/install-deps" >&2
    exit 1
fi
unset LATCHKEY_API_SECRET
export XDG_DATA_HOME=$work/xdg-data
# The sanitizer runtime must come first among the libraries, and libfaketime is preloaded
# before it: tell ASan that is fine (a no-op in builds without it).
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
export FAKETIME_DONT_FAKE_MONOTONIC=1
libfaketime=$(dpkg -L libfaketime 2>/dev/null | grep -m1 '/libfaketime\.so\.1$' || true)
if [[ ! -f "$libfaketime" ]]; then
    echo "FAIL: libfaketime.so.1 not found: run tools/install-deps" >&2
    exit 1
fi

# skewed OFFSET: a server whose clock is OFFSET seconds (faketime's "+300", "-300") off, and a new key
# on it. Sets $key and $key_secret.
skewed() {
    if [[ -n $pid ]]; then
        kill "$pid"
        wait "$pid" 2>/dev/null || true
    fi
    # libfaketime preloaded through env, which execs the server: $pid is the server itself
    # (the faketime wrapper forks, and killing it would leave the server running).
    start_server "$work/data$1" env LD_PRELOAD="$libfaketime" FAKETIME="$1"
    export LATCHKEY_URL=$url LATCHKEY_CLIENT_ID=$client_id LATCHKEY_CLIENT_SECRET=$client_secret
    run keys create --name "Skew $1" --group Maintenance --json
    check "keys create on a server $1 exit" 0 "$rc"
    key=$(jq -r .id <<<"$out")
    key_secret=$(jq -r .secret <<<"$out")
}
near() { # description, expected, actual: within a second (the clocks tick on)
    local diff
    if [[ $3 =~ ^-?[0-9]+$ ]]; then diff=$(($3 - $2)); else diff=99; fi
    if ((diff >= -1 && diff <= 1)); then pass; else fail "$1: expected about [$2], got [$3]"; fi
}

skewed +300
LATCHKEY_API_SECRET=$key_secret run keys test "$key"
check "server ahead: keys test exit" 0 "$rc"
contains "server ahead: the key works" "API key $key works." "$out"
if [[ $out =~ Clock:\ +server\ clock\ is\ (299|300|301)\ s\ ahead ]]; then pass; else
    fail "server ahead: the clock line says [$(grep Clock: <<<"$out")]"
fi
LATCHKEY_API_SECRET=$key_secret run keys test "$key" --json
check "server ahead: --json exit" 0 "$rc"
near "server ahead: clock_offset_seconds" 300 "$(jq -r .clock_offset_seconds <<<"$out")"
check "server ahead: the principal" "$key" "$(jq -r .principal.id <<<"$out")"

skewed -300
LATCHKEY_API_SECRET=$key_secret run keys test "$key"
check "server behind: keys test exit" 0 "$rc"
if [[ $out =~ Clock:\ +server\ clock\ is\ (299|300|301)\ s\ behind ]]; then pass; else
    fail "server behind: the clock line says [$(grep Clock: <<<"$out")]"
fi
LATCHKEY_API_SECRET=$key_secret run keys test "$key" --json
near "server behind: clock_offset_seconds" -300 "$(jq -r .clock_offset_seconds <<<"$out")"

# Within Hawk's window the first request is accepted: nothing to correct.
skewed +20
LATCHKEY_API_SECRET=$key_secret run keys test "$key"
check "within the window: keys test exit" 0 "$rc"
contains "within the window: in step" "in step with the server" "$out"

finish
