# Sourced by the latchkeyctl test scripts: checks that count, latchkeyctl run as in CI, a real
# latchkey-server on 127.0.0.1 port 0, and curl playing the super admin's browser. A script
# starts with `begin "$@"` (its arguments: LATCHKEY_SERVER LATCHKEYCTL) and ends with `finish`.

# Sets $server, $ctl and $work (a temporary directory, the current one, removed at exit with the
# server started in it).
begin() {
    server=$(realpath "$1")
    ctl=$(realpath "$2")
    work=$(mktemp -d)
    pid=
    trap 'if [[ -n $pid ]]; then kill "$pid" 2>/dev/null || true; fi; rm -rf "$work"' EXIT
    cd "$work"
}

# The keychain tests need the Secret Service of tools/with-test-session.
need_session() {
    if [[ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]]; then
        echo "SKIP: no session bus; run inside tools/with-test-session" >&2
        exit 0
    fi
}

failures=0
passes=0
pass() { passes=$((passes + 1)); }
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
check() { if [[ "$2" == "$3" ]]; then pass; else fail "$1: expected [$2], got [$3]"; fi; }
contains() { if [[ "$3" == *"$2"* ]]; then pass; else fail "$1: [$2] not in [$3]"; fi; }
lacks() { if [[ "$3" != *"$2"* ]]; then pass; else fail "$1: [$2] should not be in [$3]"; fi; }
finish() {
    echo "$passes passed, $failures failed"
    [[ $failures == 0 ]]
}

# Runs latchkeyctl without a controlling terminal, as in CI. Sets $out, $err, $rc.
run() {
    set +e
    out=$(setsid -w "$ctl" "$@" 2>"$work/err" </dev/null)
    rc=$?
    set -e
    err=$(cat "$work/err")
}

# start_server DATA_DIR [LAUNCHER...]: bootstraps DATA_DIR (bootstrap.json beside it) and serves
# it, through LAUNCHER when given (e.g. faketime). Sets $pid, $url, $client_id, $client_secret,
# $admin_email, $admin_password.
start_server() {
    local data=$1
    shift
    "$server" bootstrap --data-dir "$data" >"$data.bootstrap.json"
    "$@" "$server" serve --data-dir "$data" --listen 127.0.0.1:0 --ready-json >"$data.ready" \
        2>"$data.log" &
    pid=$!
    for _ in $(seq 150); do [[ -s "$data.ready" ]] && break; sleep 0.1; done
    url=$(jq -r .url "$data.ready")
    client_id=$(jq -r .automation.client_id "$data.bootstrap.json")
    client_secret=$(jq -r .automation.client_secret "$data.bootstrap.json")
    admin_email=$(jq -r .admin.email "$data.bootstrap.json")
    admin_password=$(jq -r .admin.password "$data.bootstrap.json")
}

# The value of a hidden form field on stdin.
form_field() { grep -o "name=\"$1\" value=\"[^\"]*\"" | sed 's/.*value="//;s/"$//'; }

# browse LINK: the super admin's browser at an authorization link: the sign-in form with
# $admin_email and $admin_password, consent approved, the redirect followed to the client's
# loopback listener, whose page it prints.
browse() {
    local jar=$work/jar.$RANDOM page request csrf location
    page=$(curl -s -c "$jar" -b "$jar" "$1")
    request=$(form_field request <<<"$page")
    csrf=$(form_field csrf <<<"$page")
    page=$(curl -s -c "$jar" -b "$jar" --data-urlencode "request=$request" --data-urlencode "csrf=$csrf" \
        --data-urlencode "username=$admin_email" --data-urlencode "password=$admin_password" "$url/oauth/authorize")
    location=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" \
        --data-urlencode "request=$request" --data-urlencode "csrf=$csrf" \
        --data-urlencode "decision=approve" "$url/oauth/authorize")
    curl -s "$location"
}

# browser_login PROFILE: latchkeyctl login with the browser, this shell being the browser.
# Sets $rc.
browser_login() {
    local link login_pid
    LATCHKEY_NO_BROWSER=1 setsid -w "$ctl" login --profile "$1" >"$work/login.out" \
        2>"$work/login.err" </dev/null &
    login_pid=$!
    for _ in $(seq 100); do grep -q "oauth/authorize" "$work/login.err" 2>/dev/null && break; sleep 0.1; done
    link=$(grep -o 'http://[^ ]*oauth/authorize[^ ]*' "$work/login.err")
    browse "$link" >/dev/null
    set +e
    wait "$login_pid"
    rc=$?
    set -e
}

# The secret the real Secret Service holds for a Latchkey keychain entry ("" when none).
keychain_value() { secret-tool lookup server Latchkey user "$1" 2>/dev/null || true; }

# A profile's id, by name.
profile_id() {
    setsid -w "$ctl" profile list --json </dev/null | jq -r ".items[] | select(.name == \"$1\") | .id"
}
