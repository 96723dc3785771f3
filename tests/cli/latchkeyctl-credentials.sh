#!/usr/bin/env bash
# latchkeyctl's token, keys test, export and import commands end to end: a real latchkey-server on
# 127.0.0.1 port 0, Debian's age on the other side of every encrypted file, and the exit code and
# message of each rejection.
# usage: latchkeyctl-credentials.sh LATCHKEY_SERVER LATCHKEYCTL
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=common.sh
source "$here/common.sh"
begin "$@"
python=$(command -v /usr/bin/python3 || command -v python3)

# On a terminal that answers passphrase prompts with $1 (age reads passphrases from one only).
on_pty() {
    local passphrase=$1
    shift
    set +e
    "$python" "$here/with-pty.py" "$passphrase" "$work/transcript" "$@"
    rc=$?
    set -e
    transcript=$(tr -d '\r' <"$work/transcript")
}

start_server "$work/data"
export LATCHKEY_URL=$url LATCHKEY_CLIENT_ID=$client_id LATCHKEY_CLIENT_SECRET=$client_secret
unset LATCHKEY_PASSPHRASE LATCHKEY_API_SECRET

# token client-credentials, introspect, revoke: the secret comes from the named variable.
export MY_SECRET=$client_secret
run token client-credentials --issuer "$url" --client-id "$client_id" --client-secret-env MY_SECRET --scope assets:read --json
check "client-credentials exit" 0 "$rc"
token=$(jq -r .access_token <<<"$out")
# "<selector>.<secret>": 15 characters of base32hex, a dot, 256 bits in base64url.
check "token shape" yes "$([[ "$token" =~ ^[0-9a-v]{15}\.[A-Za-z0-9_-]{43}$ ]] && echo yes || echo "no: $token")"
check "token scope" assets:read "$(jq -r .scope <<<"$out")"
run token client-credentials --issuer "$url" --client-id "$client_id" --auth post
check "client-credentials post exit" 0 "$rc"
contains "human output" "Token type:" "$out"
run token introspect --issuer "$url" --client-id "$client_id" "$token" --json
check "introspect exit" 0 "$rc"
check "introspect active" true "$(jq -r .active <<<"$out")"
check "introspect client" "$client_id" "$(jq -r .client_id <<<"$out")"
run token revoke --issuer "$url" --client-id "$client_id" "$token"
check "revoke exit" 0 "$rc"
contains "revoke says" "Revoked." "$out"
run token introspect --issuer "$url" --client-id "$client_id" "$token" --json
check "revoked token inactive" false "$(jq -r .active <<<"$out")"
status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$url/api/v2/whoami")
check "revoked token refused by the server" 401 "$status"

run token client-credentials --client-id "$client_id"
check "missing --issuer exit" 2 "$rc"
contains "missing --issuer message" "needs --issuer URL and --client-id ID" "$err"
run token client-credentials --issuer "$url" --client-id "$client_id" --client-secret-env NOT_SET_ANYWHERE
check "unset secret variable exit" 2 "$rc"
contains "unset secret variable message" "set NOT_SET_ANYWHERE to it" "$err"
MY_SECRET=wrong run token client-credentials --issuer "$url" --client-id "$client_id" --client-secret-env MY_SECRET
check "wrong client secret exit" 3 "$rc"
contains "wrong client secret message" "invalid_client" "$err"
run token client-credentials --issuer "$url" --client-id "$client_id" --auth digest
check "unknown --auth exit" 2 "$rc"
contains "unknown --auth message" "--auth must be basic or post" "$err"
run token introspect --issuer "$url" --client-id "$client_id"
check "introspect without token exit" 2 "$rc"
contains "introspect without token message" "Give the one token to introspect" "$err"

# keys test: a Hawk-signed whoami with the secret from the environment.
run keys create --name "ERP Sync" --group Maintenance --json
key=$(jq -r .id <<<"$out")
key_secret=$(jq -r .secret <<<"$out")
LATCHKEY_API_SECRET=$key_secret run keys test "$key"
check "keys test exit" 0 "$rc"
contains "keys test says" "API key $key works." "$out"
contains "keys test group" "Maintenance" "$out"
LATCHKEY_API_SECRET=$key_secret run keys test "$key" --json
check "keys test principal" "$key" "$(jq -r .principal.id <<<"$out")"
check "keys test auth" hawk "$(jq -r .auth <<<"$out")"
check "keys test clock" 0 "$(jq -r .clock_offset_seconds <<<"$out")"
export OTHER_VAR=$key_secret
run keys test "$key" --secret-env OTHER_VAR
check "keys test --secret-env exit" 0 "$rc"
LATCHKEY_API_SECRET=wrong-secret run keys test "$key"
check "keys test wrong secret exit" 3 "$rc"
contains "keys test wrong secret message" "The server refused API key $key" "$err"
contains "keys test wrong secret says why" "Bad mac" "$err"
lacks "keys test never prints the secret" "wrong-secret" "$err$out"
LATCHKEY_API_SECRET=$key_secret run keys test lk_unknown
check "keys test unknown key exit" 3 "$rc"
contains "keys test unknown key message" "Unknown credentials" "$err"
run keys test "$key"
check "keys test without secret exit" 2 "$rc"
contains "keys test without secret message" "set LATCHKEY_API_SECRET to it" "$err"

# export, every format; the automation consumer's secret is at hand (the environment's), the
# key's is not.
run consumers list --json
automation=$(jq -r '.items[] | select(.client_id == "'"$client_id"'") | .id' <<<"$out")
contains "automation consumer listed" "con_" "$automation"
for format in env json postman curl; do
    touch "$work/out.$format"
    chmod 0644 "$work/out.$format"
    run export --format "$format" --keys "$key" --consumers "$automation" -o "$work/out.$format"
    check "export $format exit" 0 "$rc"
    contains "export $format says" "Wrote $work/out.$format: 1 API key(s), 1 consumer(s)" "$out"
    contains "export $format names the missing" "ERP Sync" "$out"
    check "export $format mode" 600 "$(stat -c %a "$work/out.$format")"
done
env_file=$(cat "$work/out.env")
contains "dotenv missing secret" "# ERP_SYNC_HAWK_KEY is missing: not read: with LATCHKEY_URL, LATCHKEY_CLIENT_ID and LATCHKEY_CLIENT_SECRET, latchkeyctl reads no keychain; rotate" "$env_file"
contains "dotenv hawk id" "ERP_SYNC_HAWK_ID='$key'" "$env_file"
lacks "dotenv no empty secret" "ERP_SYNC_HAWK_KEY=''" "$env_file"
status=$(sh -c '. "$1"; curl -s -o "$2" -w "%{http_code}" -u "$AUTOMATION_CLIENT_ID:$AUTOMATION_CLIENT_SECRET" -d grant_type=client_credentials "$LATCHKEY_TOKEN_URL"' sh "$work/out.env" "$work/token.json")
check "dotenv credentials get a token" 200 "$status"
check "dotenv token type" Bearer "$(jq -r .token_type "$work/token.json")"
check "json format" latchkey-export "$(jq -r .format "$work/out.json")"
check "json missing reason" "not read: with LATCHKEY_URL, LATCHKEY_CLIENT_ID and LATCHKEY_CLIENT_SECRET, latchkeyctl reads no keychain" "$(jq -r '.api_keys[0].secret_missing' "$work/out.json")"
check "json secret null" null "$(jq -r '.api_keys[0].secret' "$work/out.json")"
check "json group scopes" "assets:read" "$(jq -r '.api_keys[0].permission_group.scopes[0]' "$work/out.json")"
check "json consumer secret" "$client_secret" "$(jq -r '.consumers[0].client_secret' "$work/out.json")"
check "postman secret type" secret "$(jq -r '.values[] | select(.key == "AUTOMATION_CLIENT_SECRET") | .type' "$work/out.postman")"
contains "postman missing value" "MISSING: not read: with LATCHKEY_URL" "$(jq -r '.values[] | select(.key == "ERP_SYNC_HAWK_KEY") | .value' "$work/out.postman")"
set +e
curl_run=$(sh "$work/out.curl" 2>&1)
curl_rc=$?
set -e
check "curl script runs" 0 "$curl_rc"
contains "curl script whoami" '"name":"Automation"' "$curl_run"
run export --format env --consumers "$automation"
check "export to stdout exit" 0 "$rc"
contains "export to stdout" "AUTOMATION_CLIENT_SECRET='$client_secret'" "$out"
run export --format env
check "export of everything exit" 0 "$rc"
contains "export of everything has the public client" "LATCHKEY_DESKTOP_CLIENT_ID='latchkey-desktop'" "$out"
contains "export of everything warns" "secret(s) not in this export (ERP Sync)" "$err"

# Encrypted: Debian's age decrypts ours; we import what `age -p` made.
setsid -w "$ctl" export --format env --keys "$key" --consumers "$automation" >"$work/plain.env" 2>/dev/null </dev/null
LATCHKEY_PASSPHRASE='correct horse' run export --format env --keys "$key" --consumers "$automation" --encrypt -o "$work/out.env.age"
check "encrypted export exit" 0 "$rc"
contains "encrypted export says" ", encrypted." "$out"
check "encrypted export mode" 600 "$(stat -c %a "$work/out.env.age")"
check "encrypted export is age" "age-encryption.org/v1" "$(head -c 21 "$work/out.env.age")"
on_pty 'correct horse' age -d -o "$work/decrypted.env" "$work/out.env.age"
check "age -d exit" 0 "$rc"
check "age -d gives the export" "$(cat "$work/plain.env")" "$(cat "$work/decrypted.env")"
on_pty 'wrong horse' age -d -o "$work/nothing.env" "$work/out.env.age"
[[ $rc != 0 ]] && pass || fail "age -d with the wrong passphrase should fail"
LATCHKEY_PASSPHRASE='correct horse' run export --format json --consumers "$automation" --encrypt --armor
check "armored export exit" 0 "$rc"
contains "armored export" "-----BEGIN AGE ENCRYPTED FILE-----" "$out"
printf '%s\n' "$out" >"$work/armored.age"
on_pty 'correct horse' age -d -o "$work/armored.json" "$work/armored.age"
check "age -d of armor exit" 0 "$rc"
check "age -d of armor gives JSON" latchkey-export "$(jq -r .format "$work/armored.json")"
on_pty 'typed on a tty' "$ctl" export --format env --consumers "$automation" --encrypt -o "$work/typed.age"
check "export with a typed passphrase exit" 0 "$rc"
contains "asked twice" "Passphrase again:" "$transcript"
lacks "typed passphrase not echoed" "typed on a tty" "$transcript"
on_pty 'typed on a tty' age -d -o "$work/typed.env" "$work/typed.age"
check "age -d of typed passphrase" 0 "$rc"

on_pty 'open sesame' age -p -o "$work/by-age.age" "$work/plain.env"
check "age -p exit" 0 "$rc"
LATCHKEY_PASSPHRASE='open sesame' run import "$work/by-age.age" --json
check "import of age -p exit" 0 "$rc"
check "import finds the key" "$key" "$(jq -r '.keys[0].id' <<<"$out")"
check "import key secret missing" missing "$(jq -r '.keys[0].secret' <<<"$out")"
check "import consumer secret present" present "$(jq -r '.consumers[0].secret' <<<"$out")"
lacks "import never prints a secret" "$client_secret" "$out"
LATCHKEY_PASSPHRASE='open sesame' run import "$work/by-age.age"
contains "import table" "Automation" "$out"
contains "import says missing" "missing: not read: with LATCHKEY_URL" "$out"
on_pty 'open sesame' "$ctl" import "$work/by-age.age"
check "import with a typed passphrase" 0 "$rc"
lacks "import passphrase not echoed" "open sesame" "$transcript"
run import "$work/out.json" --json
check "import of plain JSON" "$client_id" "$(jq -r '.consumers[0].client_id' <<<"$out")"

# Rejections.
LATCHKEY_PASSPHRASE='not it' run import "$work/by-age.age"
check "wrong passphrase exit" 3 "$rc"
contains "wrong passphrase message" "passphrase" "$err"
run import "$work/by-age.age"
check "no passphrase, no terminal exit" 2 "$rc"
contains "no passphrase, no terminal message" "Set LATCHKEY_PASSPHRASE, or run the command on a terminal" "$err"
run export --format env --encrypt -o "$work/never.age"
check "export without passphrase exit" 2 "$rc"
contains "export without passphrase message" "no terminal to ask on" "$err"
[[ ! -e "$work/never.age" ]] && pass || fail "no file is written without a passphrase"
run export --keys "$key"
check "missing --format exit" 2 "$rc"
contains "missing --format message" "export needs --format env, json, postman or curl" "$err"
run export --format yaml
check "unknown format exit" 2 "$rc"
contains "unknown format message" "Unknown format yaml: use env, json, postman or curl" "$err"
echo "keep me" >"$work/kept.env"
run export --format env --keys lk_unknown -o "$work/kept.env"
check "unknown key id exit" 1 "$rc"
contains "unknown key id message" "There is no API key with id lk_unknown" "$err"
check "failed export leaves the file" "keep me" "$(cat "$work/kept.env")"
run export --format env --consumers con_unknown
check "unknown consumer id exit" 1 "$rc"
LATCHKEY_PASSPHRASE=x run export --format env --encrypt
check "binary to stdout exit" 2 "$rc"
contains "binary to stdout message" "give -o FILE, or add --armor" "$err"
run export --format env --armor
check "armor without encrypt exit" 2 "$rc"
run import "$work/no-such-file"
check "import of a missing file exit" 2 "$rc"
contains "import of a missing file message" "Cannot read $work/no-such-file" "$err"
echo '{"values": []}' >"$work/other.json"
run import "$work/other.json"
check "import of another kind of file exit" 2 "$rc"
run export --help
check "export --help exit" 0 "$rc"
contains "export --help example" "Example:" "$out"
run import --help
contains "import --help example" "latchkeyctl import" "$out"

kill "$pid"; wait "$pid" 2>/dev/null || true
run token client-credentials --issuer "$url" --client-id "$client_id"
check "token, server down exit" 4 "$rc"
LATCHKEY_API_SECRET=$key_secret run keys test "$key"
check "keys test, server down exit" 4 "$rc"
contains "keys test, server down message" "Cannot reach" "$err"
run export --format env
check "export, server down exit" 4 "$rc"
contains "export, server down message" "Cannot reach" "$err"

finish
