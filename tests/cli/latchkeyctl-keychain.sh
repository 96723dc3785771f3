#!/usr/bin/env bash
# latchkeyctl keeps the secrets of the keys and consumers it makes in the profile's keychain (the
# real Secret Service of tools/with-test-session), exports them from there, imports them into it,
# and takes them out when the item is deleted. With the LATCHKEY_* environment or --no-keychain
# it touches no keychain. Each refusal: its exit code, its message, and that nothing changed.
# usage: latchkeyctl-keychain.sh LATCHKEY_SERVER LATCHKEYCTL
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=common.sh
source "$here/common.sh"
begin "$@"
need_session
export XDG_DATA_HOME=$work/xdg-data
unset LATCHKEY_URL LATCHKEY_CLIENT_ID LATCHKEY_CLIENT_SECRET LATCHKEY_API_SECRET LATCHKEY_PASSPHRASE
# The keychain entries of this test's profiles: the test keychain is shared with the tests that
# run beside this one (ctest -j2), so entries of theirs must not count.
entries() {
    local ids
    ids=$(setsid -w "$ctl" profile list --json </dev/null | jq -r '.items[].id' | paste -sd'|')
    if [[ -z "$ids" ]]; then
        echo 0
        return
    fi
    # secret-tool prints the attributes on stderr.
    secret-tool search --all server Latchkey 2>&1 | grep -cE "^attribute\.user = ($ids)/" || true
}

start_server "$work/data"
run profile add local --url "$url" --env sandbox
export AUTOMATION_SECRET=$client_secret
run login --profile local --client-id "$client_id" --client-secret-env AUTOMATION_SECRET
check "login exit" 0 "$rc"
unset AUTOMATION_SECRET
local_id=$(profile_id local)

# keys create / consumers create keep the new secret under the desktop app's names.
run keys create --name "ERP Sync" --group Maintenance --json
check "keys create exit" 0 "$rc"
key=$(jq -r .id <<<"$out")
key_secret=$(jq -r .secret <<<"$out")
check "keys create says stored" stored "$(jq -r .keychain <<<"$out")"
check "API secret in the keychain" "$key_secret" "$(keychain_value "$local_id/api-secret/$key")"
run consumers create --name "Partner Portal" --group "Read only" --grant client_credentials
check "consumers create exit" 0 "$rc"
contains "consumers create says where the secret is" "kept in the keychain of profile local" "$out"
consumer=$(sed -n 's/^Id: *//p' <<<"$out")
consumer_client=$(sed -n 's/^Key (client_id): *//p' <<<"$out")
consumer_secret=$(sed -n 's/^Secret: *\([^ ]*\) .*/\1/p' <<<"$out")
check "client secret shown" 43 "${#consumer_secret}"
check "client secret in the keychain" "$consumer_secret" \
    "$(keychain_value "$local_id/client-secret/$consumer_client")"
run consumers create --name "Mobile" --group "Read only" --grant authorization_code \
    --redirect-uri https://mobile.example/cb --public --json
check "public consumer exit" 0 "$rc"
check "a public client has nothing to keep" null "$(jq -r .keychain <<<"$out")"
public_client=$(jq -r .client_id <<<"$out")
check "nothing kept for the public client" "" "$(keychain_value "$local_id/client-secret/$public_client")"

# keys test finds the secret in the keychain when the environment has none.
run keys test "$key"
check "keys test from the keychain exit" 0 "$rc"
contains "keys test from the keychain" "API key $key works." "$out"

# export reads the keychain: every secret present, the automation consumer's too.
run export --format json -o "$work/all.json"
check "export exit" 0 "$rc"
lacks "export misses nothing" "Secrets not in it" "$out"
check "exported API secret" "$key_secret" "$(jq -r --arg id "$key" '.api_keys[] | select(.id == $id) | .secret' "$work/all.json")"
check "exported client secret" "$consumer_secret" "$(jq -r --arg id "$consumer_client" '.consumers[] | select(.client_id == $id) | .client_secret' "$work/all.json")"
check "exported automation secret" "$client_secret" "$(jq -r --arg id "$client_id" '.consumers[] | select(.client_id == $id) | .client_secret' "$work/all.json")"
run export --format env --keys "$key" --consumers "$consumer"
contains "dotenv has the API secret" "ERP_SYNC_HAWK_KEY='$key_secret'" "$out"
contains "dotenv has the client secret" "PARTNER_PORTAL_CLIENT_SECRET='$consumer_secret'" "$out"

# --no-keychain: printed once, kept nowhere, and the export says it is missing and why.
before=$(entries)
run keys create --name "Unkept" --group Maintenance --no-keychain --json
check "keys create --no-keychain exit" 0 "$rc"
unkept=$(jq -r .id <<<"$out")
check "keys create --no-keychain says off" off "$(jq -r .keychain <<<"$out")"
check "--no-keychain adds no entry" "$before" "$(entries)"
run export --format env --keys "$unkept"
check "export of an unkept key exit" 0 "$rc"
contains "unkept key is missing with the reason" "# UNKEPT_HAWK_KEY is missing: not in this machine's keychain for profile local; rotate" "$out"
lacks "never an empty secret" "UNKEPT_HAWK_KEY=''" "$out"
contains "export warns" "secret(s) not in this export (Unkept)" "$err"
run keys test "$unkept"
check "keys test of an unkept key exit" 2 "$rc"
contains "keys test of an unkept key message" "The API secret of $unkept is neither in LATCHKEY_API_SECRET nor in the keychain of profile local" "$err"

# rotate keeps the new secret; the export has it.
run export --format json --keys "$key" --consumers "$consumer" -o "$work/before-rotation.json"
run keys rotate "$key" --json
check "keys rotate exit" 0 "$rc"
rotated=$(jq -r .secret <<<"$out")
check "keys rotate says stored" stored "$(jq -r .keychain <<<"$out")"
check "rotated API secret in the keychain" "$rotated" "$(keychain_value "$local_id/api-secret/$key")"
run consumers rotate-secret "$consumer" --json
check "rotate-secret exit" 0 "$rc"
rotated_client=$(jq -r .client_secret <<<"$out")
check "rotated client secret in the keychain" "$rotated_client" "$(keychain_value "$local_id/client-secret/$consumer_client")"
run export --format env --keys "$key"
contains "export has the rotated secret" "ERP_SYNC_HAWK_KEY='$rotated'" "$out"
run keys rotate "$key" --no-keychain --json
check "rotate --no-keychain exit" 0 "$rc"
check "rotate --no-keychain leaves the keychain" "$rotated" "$(keychain_value "$local_id/api-secret/$key")"
run keys rotate "$key" --json
rotated=$(jq -r .secret <<<"$out")

# The environment touches no keychain: nothing written, nothing read.
before=$(entries)
LATCHKEY_URL=$url LATCHKEY_CLIENT_ID=$client_id LATCHKEY_CLIENT_SECRET=$client_secret run keys create --name "From CI" --group Maintenance --json
check "environment keys create exit" 0 "$rc"
check "environment keys create says off" off "$(jq -r .keychain <<<"$out")"
check "environment adds no entry" "$before" "$(entries)"
LATCHKEY_URL=$url LATCHKEY_CLIENT_ID=$client_id LATCHKEY_CLIENT_SECRET=$client_secret run export --format env --keys "$key"
contains "environment export reads no keychain" "# ERP_SYNC_HAWK_KEY is missing: not read: with LATCHKEY_URL" "$out"

# import: into another profile of the same server; again (nothing to do); refusals.
run profile add copy --url "$url/" --env sandbox
copy_id=$(profile_id copy)
before=$(entries)
run import "$work/all.json" --profile copy
check "import exit" 0 "$rc"
contains "import says what it stored" "Stored 3 secret(s) in the keychain of profile copy (0 already there)" "$out"
check "imported API secret" "$key_secret" "$(keychain_value "$copy_id/api-secret/$key")"
check "imported client secret" "$consumer_secret" "$(keychain_value "$copy_id/client-secret/$consumer_client")"
check "three entries more" "$((before + 3))" "$(entries)"
run import "$work/all.json" --profile copy --json
check "import again exit" 0 "$rc"
check "import again changes nothing" unchanged "$(jq -r --arg id "$key" '.keys[] | select(.id == $id) | .keychain' <<<"$out")"
check "import again names the profile" copy "$(jq -r .keychain_profile <<<"$out")"

# An older export must not bring back a rotated secret.
run import "$work/before-rotation.json" --profile local
check "import of an older export exit" 2 "$rc"
contains "import of an older export message" "The keychain of profile local already holds other secrets for ERP Sync, Partner Portal: none of the export's secrets were stored." "$err"
contains "import of an older export says what to do" "--replace" "$err"
check "older export left the API secret" "$rotated" "$(keychain_value "$local_id/api-secret/$key")"
check "older export left the client secret" "$rotated_client" "$(keychain_value "$local_id/client-secret/$consumer_client")"
run import "$work/before-rotation.json" --replace # the current profile: local
check "import --replace exit" 0 "$rc"
contains "import --replace stored" "Stored 2 secret(s) in the keychain of profile local (0 already there)" "$out"
check "--replace put the file's secret back" "$key_secret" "$(keychain_value "$local_id/api-secret/$key")"

# Another server's export stores nothing.
run profile add elsewhere --url https://latchkey.example --env staging
elsewhere_id=$(profile_id elsewhere)
before=$(entries)
run import "$work/all.json" --profile elsewhere
check "import into another server's profile exit" 2 "$rc"
contains "import into another server's profile message" "This export is of $url, but profile elsewhere is https://latchkey.example: none of its secrets were stored." "$err"
check "nothing stored for another server" "$before" "$(entries)"
check "no API secret for another server" "" "$(keychain_value "$elsewhere_id/api-secret/$key")"
run import "$work/all.json" --profile elsewhere --no-keychain
check "import --no-keychain exit" 0 "$rc"
contains "import --no-keychain says so" "Its secrets were not stored in a keychain: --no-keychain." "$out"
check "--no-keychain stores nothing" "$before" "$(entries)"
LATCHKEY_URL=$url LATCHKEY_CLIENT_ID=$client_id LATCHKEY_CLIENT_SECRET=$client_secret run import "$work/all.json"
check "environment import exit" 0 "$rc"
contains "environment import stores nothing" "Its secrets were not stored in a keychain: LATCHKEY_URL" "$out"
check "environment import adds no entry" "$before" "$(entries)"
XDG_DATA_HOME=$work/no-profiles run import "$work/all.json"
check "import without a profile exit" 3 "$rc"
contains "import without a profile says what to do" "To only read the file, add --no-keychain." "$err"
check "import without a profile adds no entry" "$before" "$(entries)"

# No keychain at all (no Secret Service on the bus): said plainly, nothing done, no file instead.
nobus=unix:path=$work/no-bus
LATCHKEY_URL=$url LATCHKEY_CLIENT_ID=$client_id LATCHKEY_CLIENT_SECRET=$client_secret run keys list --json
keys_before=$(jq '.items | length' <<<"$out")
files_before=$(find "$XDG_DATA_HOME" -type f | sort | xargs md5sum)
DBUS_SESSION_BUS_ADDRESS=$nobus run keys create --name "No keychain" --group Maintenance --profile local
check "no keychain: keys create exit" 1 "$rc"
contains "no keychain: keys create message" "No keychain is available" "$err"
LATCHKEY_URL=$url LATCHKEY_CLIENT_ID=$client_id LATCHKEY_CLIENT_SECRET=$client_secret run keys list --json
check "no keychain: no key created" "$keys_before" "$(jq '.items | length' <<<"$out")"
DBUS_SESSION_BUS_ADDRESS=$nobus run export --format env --profile local -o "$work/nobus.env"
check "no keychain: export exit" 1 "$rc"
contains "no keychain: export message" "No keychain is available" "$err"
[[ ! -e "$work/nobus.env" ]] && pass || fail "no keychain: no export file is written"
before=$(entries)
DBUS_SESSION_BUS_ADDRESS=$nobus run import "$work/all.json" --profile copy --replace
check "no keychain: import exit" 1 "$rc"
contains "no keychain: import message" "No keychain is available" "$err"
check "no keychain: nothing imported" "$before" "$(entries)"
check "no keychain: no file instead" "$files_before" "$(find "$XDG_DATA_HOME" -type f | sort | xargs md5sum)"

# Deleting takes the secret out.
run keys delete "$key"
check "keys delete exit" 0 "$rc"
check "API secret gone with the key" "" "$(keychain_value "$local_id/api-secret/$key")"
run consumers delete "$consumer"
check "consumers delete exit" 0 "$rc"
check "client secret gone with the consumer" "" "$(keychain_value "$local_id/client-secret/$consumer_client")"
run consumers delete con_unknown
check "delete of an unknown consumer exit" 1 "$rc"

# Removing a profile takes out the secrets of the account's keys and consumers too.
held_by() { secret-tool search --all server Latchkey 2>&1 | grep -c "^attribute.user = $1/" || true; }
run keys create --name "Kept till the end" --group Maintenance --profile local --json
last=$(jq -r .id <<<"$out")
check "a secret kept before the profile goes" stored "$(jq -r .keychain <<<"$out")"
run profile remove local
check "profile remove exit" 0 "$rc"
check "profile remove lists the account" "" "$err"
check "the key's secret went with the profile" "" "$(keychain_value "$local_id/api-secret/$last")"
check "nothing of the profile left in the keychain" 0 "$(held_by "$local_id")"
# A profile that never signed in cannot list the account: it says what stays.
copy_held=$(held_by "$copy_id")
run profile remove copy
check "profile remove, not signed in, exit" 0 "$rc"
contains "profile remove, not signed in, says what stays" "The API keys and consumers of copy could not be listed (it is not signed in): secrets kept for them, if any, stay in the keychain under profile id $copy_id." "$err"
check "its imported secrets stay, as it says" "$copy_held" "$(held_by "$copy_id")"

run import --help
contains "import --help names --replace" "--replace" "$out"
contains "import --help names --no-keychain" "--no-keychain" "$out"
run keys create --help
contains "keys create --help names --no-keychain" "--no-keychain" "$out"

finish
