#!/usr/bin/env bash
# latchkeyctl login with the browser (RFC 8252), end to end: the CLI prints the authorization link
# (LATCHKEY_NO_BROWSER=1), this script plays the super admin's browser with curl — the real
# sign-in and consent forms, then the redirect to the CLI's loopback listener — and the session
# lands in the real Secret Service (run inside tools/with-test-session).
# usage: latchkeyctl-browser-login.sh LATCHKEY_SERVER LATCHKEYCTL
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=common.sh
source "$here/common.sh"
begin "$@"
login_pid=
trap 'kill $pid $login_pid 2>/dev/null || true; rm -rf "$work"' EXIT
need_session
export XDG_DATA_HOME=$work/xdg-data LATCHKEY_NO_BROWSER=1
unset LATCHKEY_URL LATCHKEY_CLIENT_ID LATCHKEY_CLIENT_SECRET

start_server "$work/data"
email=$admin_email
password=$admin_password

run profile add local --url "$url" --env sandbox
check "profile add exit" 0 "$rc"

setsid -w "$ctl" login --profile local >"$work/login.out" 2>"$work/login.err" </dev/null &
login_pid=$!
for _ in $(seq 100); do grep -q "oauth/authorize" "$work/login.err" 2>/dev/null && break; sleep 0.1; done
link=$(grep -o 'http://[^ ]*oauth/authorize[^ ]*' "$work/login.err")
contains "login prints the link" "code_challenge_method=S256" "$link"
contains "link names the desktop client" "client_id=latchkey-desktop" "$link"
landing=$(browse "$link")
contains "the browser is told to go back" "close this tab" "$landing"
set +e; wait "$login_pid"; rc=$?; set -e
login_pid=
check "login exit" 0 "$rc"
contains "login says where the session is" "kept in the keychain" "$(cat "$work/login.out")"

found=$(secret-tool search --all server Latchkey 2>&1 || true)
contains "refresh token in the Secret Service" "refresh-token" "$found"
key=$(sed -n 's/^attribute.user = \(.*refresh-token.*\)$/\1/p' <<<"$found" | head -1)
token=$(secret-tool lookup server Latchkey user "$key" 2>/dev/null || true)
check "refresh token readable" yes "$([[ "$token" =~ ^[0-9a-v]{15}\.[A-Za-z0-9_-]{43}$ ]] && echo yes || echo "no: $token")"
if [[ -n $token ]]; then
    check "refresh token in no file of the data dir" "" "$(grep -rlF "$token" "$XDG_DATA_HOME" || true)"
fi

# Admin commands now work with the session alone, and the rotating refresh token is saved each
# time (a second run would fail with a stale one).
run keys create --name "From the browser session" --group Maintenance --json
check "keys create with the session" 0 "$rc"
run keys list --json
check "keys list with the rotated session" 0 "$rc"
check "the key is there" "From the browser session" "$(jq -r '.items[0].name' <<<"$out")"
run audit list --action key.create --json
contains "acted as the super admin" "user:$email" "$(jq -r '.items[0].actor' <<<"$out")"

# Signing in again skips consent (the authorization covers admin) and replaces the session.
setsid -w "$ctl" login --profile local >"$work/login2.out" 2>"$work/login2.err" </dev/null &
login_pid=$!
for _ in $(seq 100); do grep -q "oauth/authorize" "$work/login2.err" 2>/dev/null && break; sleep 0.1; done
link=$(grep -o 'http://[^ ]*oauth/authorize[^ ]*' "$work/login2.err")
jar=$work/jar2
page=$(curl -s -c "$jar" -b "$jar" "$link")
request=$(form_field request <<<"$page"); csrf=$(form_field csrf <<<"$page")
location=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "request=$request" \
    --data-urlencode "csrf=$csrf" --data-urlencode "username=$email" --data-urlencode "password=$password" \
    "$url/oauth/authorize")
contains "no consent the second time" "code=" "$location"
curl -s "$location" >/dev/null
set +e; wait "$login_pid"; rc=$?; set -e
login_pid=
check "second login exit" 0 "$rc"

# After the admin's authorization is revoked, consent is asked again; denying it fails the login
# with the reason, and the revoked session no longer works.
run users list --json
admin_id=$(jq -r '.items[0].id' <<<"$out")
run authorizations revoke --user "$admin_id" --json
check "revoke own authorization" 1 "$(jq -r .revoked <<<"$out")"
run keys list
check "revoked session exit" 3 "$rc"
contains "revoked session says sign in again" "login" "$err"
setsid -w "$ctl" login --profile local >"$work/login3.out" 2>"$work/login3.err" </dev/null &
login_pid=$!
for _ in $(seq 100); do grep -q "oauth/authorize" "$work/login3.err" 2>/dev/null && break; sleep 0.1; done
link=$(grep -o 'http://[^ ]*oauth/authorize[^ ]*' "$work/login3.err")
page=$(curl -s -c "$jar" -b "$jar" "$link")
request=$(form_field request <<<"$page"); csrf=$(form_field csrf <<<"$page")
contains "consent is asked again" 'value="approve"' "$page"
location=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" --data-urlencode "request=$request" \
    --data-urlencode "csrf=$csrf" --data-urlencode "decision=deny" "$url/oauth/authorize")
landing=$(curl -s "$location" || true)
contains "the browser hears the sign-in did not complete" "did not complete" "$landing"
set +e; wait "$login_pid"; rc=$?; set -e
login_pid=
check "denied login exit" 3 "$rc"
contains "denied login message" "denied" "$(cat "$work/login3.err")"

finish
