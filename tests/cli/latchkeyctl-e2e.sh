#!/usr/bin/env bash
# latchkeyctl end to end, through the CLI alone: a real latchkey-server on 127.0.0.1 port 0,
# every exit code and the error messages a user reads for bad input.
# usage: latchkeyctl-e2e.sh LATCHKEY_SERVER LATCHKEYCTL
set -euo pipefail
server=$1
ctl=$2
work=$(mktemp -d)
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

failures=0
passes=0
check() { # description, expected, actual
    if [[ "$2" == "$3" ]]; then
        passes=$((passes + 1))
    else
        echo "FAIL: $1: expected [$2], got [$3]" >&2
        failures=$((failures + 1))
    fi
}
contains() { # description, needle, haystack
    if [[ "$3" == *"$2"* ]]; then
        passes=$((passes + 1))
    else
        echo "FAIL: $1: [$2] not in [$3]" >&2
        failures=$((failures + 1))
    fi
}
run() { # runs latchkeyctl, sets $out, $err, $rc
    set +e
    out=$("$ctl" "$@" 2>"$work/err")
    rc=$?
    set -e
    err=$(cat "$work/err")
}

"$server" bootstrap --data-dir "$work/data" >"$work/bootstrap.json"
"$server" serve --data-dir "$work/data" --listen 127.0.0.1:0 --ready-json >"$work/ready" 2>"$work/server.log" &
pid=$!
for _ in $(seq 100); do [[ -s "$work/ready" ]] && break; sleep 0.1; done
export LATCHKEY_URL=$(jq -r .url "$work/ready")
export LATCHKEY_CLIENT_ID=$(jq -r .automation.client_id "$work/bootstrap.json")
export LATCHKEY_CLIENT_SECRET=$(jq -r .automation.client_secret "$work/bootstrap.json")

# Create, show, rotate, disable, enable, delete a key.
run keys create --name "ERP Sync" --group Maintenance --json
check "keys create exit" 0 "$rc"
key=$(jq -r .id <<<"$out")
secret=$(jq -r .secret <<<"$out")
contains "new key id" "lk_" "$key"
check "secret length" 43 "${#secret}"
run keys show "$key" --json
check "keys show exit" 0 "$rc"
check "show has no secret" null "$(jq -r .secret <<<"$out")"
run keys rotate "$key" --grace 60 --json
check "keys rotate exit" 0 "$rc"
rotated=$(jq -r .secret <<<"$out")
[[ "$rotated" != "$secret" && ${#rotated} == 43 ]] && passes=$((passes + 1)) || { echo "FAIL: rotated secret" >&2; failures=$((failures + 1)); }
run keys disable "$key" --json
check "keys disable" disabled "$(jq -r .status <<<"$out")"
run keys enable "$key" --json
check "keys enable" active "$(jq -r .status <<<"$out")"
run keys list --query erp --json
check "keys list finds it" "$key" "$(jq -r '.items[0].id' <<<"$out")"
run keys delete "$key"
check "keys delete exit" 0 "$rc"
contains "keys delete says" "Deleted $key" "$out"

# Consumers.
run consumers create --name "Partner Portal" --group "Read only" --grant authorization_code \
    --redirect-uri https://partner.example/cb --json
check "consumers create exit" 0 "$rc"
consumer=$(jq -r .id <<<"$out")
check "client secret shown" 43 "$(jq -r .client_secret <<<"$out" | tr -d "\n" | wc -c)"
run consumers rotate-secret "$consumer" --json
check "rotate-secret exit" 0 "$rc"
run consumers disable "$consumer" --json
check "consumers disable" disabled "$(jq -r .status <<<"$out")"
run authorizations revoke --consumer "$consumer" --json
check "bulk revoke of none" 0 "$(jq -r .revoked <<<"$out")"
run consumers delete "$consumer"
check "consumers delete exit" 0 "$rc"
run groups list --json
check "three groups" 3 "$(jq '.items | length' <<<"$out")"
run audit list --action key.rotate --json
check "rotation audited" key.rotate "$(jq -r '.items[0].action' <<<"$out")"

# Bad input: the exit code and the message a user reads.
run keys show lk_unknown
check "unknown id exit" 1 "$rc"
contains "unknown id message" "There is no API key with id lk_unknown" "$err"
run keys create --name x
check "missing flag exit" 2 "$rc"
contains "missing flag message" "needs --name and --group" "$err"
run keys create --name x --group Nobody
check "unknown group exit" 1 "$rc"
contains "unknown group message" "No permission group Nobody" "$err"
run consumers create --name y --group "Read only" --grant password
check "unknown grant exit" 1 "$rc"
contains "unknown grant message" "Unknown grant type password" "$err"
run keys list --limit 5000
check "bad limit exit" 2 "$rc"
run keys frobnicate
check "unknown command exit" 2 "$rc"
run authorizations revoke
check "revoke nothing exit" 2 "$rc"
contains "revoke nothing message" "Nothing is revoked by omission" "$err"
LATCHKEY_CLIENT_SECRET=wrong run keys list
check "wrong credentials exit" 3 "$rc"
contains "wrong credentials message" "LATCHKEY_CLIENT_SECRET" "$err"
kill "$pid"; wait "$pid" 2>/dev/null || true
run keys list
check "server down exit" 4 "$rc"
contains "server down message" "Cannot reach" "$err"

echo "$passes passed, $failures failed"
[[ $failures == 0 ]]
