#!/usr/bin/env bash
# After a full latchkeyctl session — profiles, browser and automation login, keys and consumers
# created and rotated, a key tested, tokens got, introspected and revoked, exports written and
# imported, an authorization revoked — no secret the session saw is in the cache database or in
# any other file under the data dir, HOME or the XDG dirs: client secrets, API secrets, refresh
# and access tokens, the admin's password, the export passphrase, and every secret the keychain
# holds. Run inside tools/with-test-session (a real Secret Service).
# usage: latchkeyctl-no-secret-on-disk.sh LATCHKEY_SERVER LATCHKEYCTL
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=common.sh
source "$here/common.sh"
begin "$@"
need_session
unset LATCHKEY_URL LATCHKEY_CLIENT_ID LATCHKEY_CLIENT_SECRET LATCHKEY_API_SECRET LATCHKEY_PASSPHRASE
# Where the session writes: the test session's HOME and XDG dirs, and a data dir of its own.
# The exports go outside all of them, on purpose: they are the one place a secret belongs.
searched=("$HOME" "${XDG_CONFIG_HOME:-$HOME/.config}" "${XDG_CACHE_HOME:-$HOME/.cache}"
    "${XDG_DATA_HOME:-$HOME/.local/share}")
export XDG_DATA_HOME=$work/xdg-data
searched+=("$XDG_DATA_HOME")
mkdir "$work/exports"
seen=$work/seen-secrets
: >"$seen"
saw() { [[ -n "$1" && "$1" != null ]] && printf '%s\n' "$1" >>"$seen"; }

start_server "$work/data"
saw "$client_secret"
saw "$admin_password"

run profile add admin --url "$url" --env sandbox
check "profile add exit" 0 "$rc"
browser_login admin
check "browser login exit" 0 "$rc"
run profile add robot --url "$url" --env staging
export ROBOT_SECRET=$client_secret
run login --profile robot --client-id "$client_id" --client-secret-env ROBOT_SECRET
check "automation login exit" 0 "$rc"

run keys create --name "ERP Sync" --group Maintenance --profile admin --json
check "keys create exit" 0 "$rc"
key=$(jq -r .id <<<"$out")
saw "$(jq -r .secret <<<"$out")"
run keys rotate "$key" --grace 60 --profile admin --json
check "keys rotate exit" 0 "$rc"
saw "$(jq -r .secret <<<"$out")"
run keys test "$key" --profile admin
check "keys test exit" 0 "$rc"
run consumers create --name "Partner Portal" --group "Read only" --grant client_credentials --profile robot --json
check "consumers create exit" 0 "$rc"
consumer=$(jq -r .id <<<"$out")
partner_client=$(jq -r .client_id <<<"$out")
saw "$(jq -r .client_secret <<<"$out")"
run consumers rotate-secret "$consumer" --profile robot --json
check "rotate-secret exit" 0 "$rc"
partner_secret=$(jq -r .client_secret <<<"$out")
saw "$partner_secret"
run keys list --profile robot
run consumers list --profile admin
run audit list --profile robot

export PARTNER_SECRET=$partner_secret
run token client-credentials --issuer "$url" --client-id "$partner_client" --client-secret-env PARTNER_SECRET --json
check "client credentials exit" 0 "$rc"
access=$(jq -r .access_token <<<"$out")
saw "$access"
run token introspect --issuer "$url" --client-id "$partner_client" --client-secret-env PARTNER_SECRET "$access"
check "introspect exit" 0 "$rc"
run token revoke --issuer "$url" --client-id "$partner_client" --client-secret-env PARTNER_SECRET "$access"
check "token revoke exit" 0 "$rc"

passphrase="a long export passphrase $RANDOM$RANDOM"
saw "$passphrase"
run export --format json --profile robot -o "$work/exports/all.json"
check "export exit" 0 "$rc"
run export --format curl --profile admin -o "$work/exports/all.sh"
check "export of the admin's exit" 0 "$rc"
LATCHKEY_PASSPHRASE=$passphrase run export --format env --profile robot --encrypt -o "$work/exports/all.env.age"
check "encrypted export exit" 0 "$rc"
run export --format postman --profile robot -o "$work/exports/all.postman.json"
run profile add spare --url "$url" --env sandbox
LATCHKEY_PASSPHRASE=$passphrase run import "$work/exports/all.env.age" --profile spare
check "import exit" 0 "$rc"
contains "import stored secrets" "in the keychain of profile spare" "$out"
run users list --profile robot --json
admin_id=$(jq -r '.items[] | select(.role == "super_admin") | .id' <<<"$out" | head -1)
run authorizations revoke --user "$admin_id" --profile robot --json
check "authorizations revoke exit" 0 "$rc"
run profile remove spare
check "profile remove exit" 0 "$rc"

# Every secret the keychain holds now, the refresh tokens among them.
secret-tool search --all server Latchkey 2>/dev/null | sed -n 's/^secret = //p' >>"$work/held"
contains "the keychain holds a refresh token" "refresh-token" "$(secret-tool search --all server Latchkey 2>&1)"
cat "$work/held" >>"$seen"
sort -u -o "$seen" "$seen"
count=$(wc -l <"$seen")
[[ $count -ge 9 ]] && pass || fail "too few secrets seen ($count): the session did not run"
short=$(awk 'length($0) < 20' "$seen" | wc -l)
check "every secret is long enough to search for" 0 "$short"

# The search works: the cache database is there and holds what is not secret.
cache=$XDG_DATA_HOME/Latchkey/cache.sqlite
[[ -s $cache ]] && pass || fail "no cache database at $cache"
check "the cache holds the profiles" "$cache" "$(grep -rlF -- "$url" "$XDG_DATA_HOME" | grep -F "$cache" | head -1)"
# ... and finds nothing secret, in the database or anywhere else.
found=$(grep -rlF --devices=skip -f "$seen" -- "${searched[@]}" 2>/dev/null || true)
check "no secret in any file under the data dir, HOME or XDG dirs" "" "$found"
if [[ -n $found ]]; then
    while IFS= read -r file; do
        echo "  $file holds: $(grep -oF -f "$seen" "$file" | head -3 | cut -c1-6)…" >&2
    done <<<"$found"
fi
check "the exports hold the secrets (they are meant to)" "$partner_secret" \
    "$(jq -r --arg id "$partner_client" '.consumers[] | select(.client_id == $id) | .client_secret' "$work/exports/all.json")"

finish
