#!/usr/bin/env bash
# latchkeyctl's profiles and automation login end to end: a real latchkey-server, the secret in the
# real Secret Service (run inside tools/with-test-session), then admin commands with no
# credentials in the environment.
# usage: latchkeyctl-profiles.sh LATCHKEY_SERVER LATCHKEYCTL
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=common.sh
source "$here/common.sh"
begin "$@"
need_session
export XDG_DATA_HOME=$work/xdg-data
unset LATCHKEY_URL LATCHKEY_CLIENT_ID LATCHKEY_CLIENT_SECRET


start_server "$work/data"

run keys list
check "no profile exit" 3 "$rc"
contains "no profile message" "latchkeyctl profile add NAME --url URL" "$err"
run profile add local --url "$url" --env sandbox --json
check "profile add exit" 0 "$rc"
check "first profile is current" true "$(jq -r .current <<<"$out")"
check "profile environment" sandbox "$(jq -r .environment <<<"$out")"
run profile add other --url https://latchkey.example --env staging
check "second profile exit" 0 "$rc"
run profile add LOCAL --url "$url"
check "duplicate name exit" 1 "$rc"
contains "duplicate name message" "name" "$err"
run profile add bad --url ftp://nowhere
check "bad url exit" 1 "$rc"
run profile add nameless
check "profile add without --url exit" 2 "$rc"
contains "profile add without --url message" "profile add needs a NAME and --url URL" "$err"
run profile add x --url "$url" --env moon
check "unknown env exit" 1 "$rc"
run profile list --json
check "two profiles" 2 "$(jq '.items | length' <<<"$out")"
check "current is local" local "$(jq -r '.items[] | select(.current) | .name' <<<"$out")"
run keys list --profile local
check "not logged in exit" 3 "$rc"
contains "not logged in message" "latchkeyctl login --profile local" "$err"

export AUTOMATION_SECRET=wrong
run login --profile local --client-id "$client_id" --client-secret-env AUTOMATION_SECRET
check "login with a wrong secret exit" 3 "$rc"
run keys list --profile local
check "nothing stored after a refused login" 3 "$rc"
export AUTOMATION_SECRET=$client_secret
run login --profile local --client-id "$client_id"
check "login without secret variable exit" 2 "$rc"
run login --profile local --client-id "$client_id" --client-secret-env AUTOMATION_SECRET
check "login exit" 0 "$rc"
contains "login says" "the secret is in the keychain" "$out"
lacks "login never prints the secret" "$client_secret" "$out$err"
unset AUTOMATION_SECRET
found=$(secret-tool search --all server Latchkey 2>&1 || true)
contains "secret in the Secret Service" "automation-secret" "$found"

run keys create --name "Via profile" --group "Read only" --profile local --json
check "keys create with the profile" 0 "$rc"
key=$(jq -r .id <<<"$out")
run keys list --profile local --json
check "keys list with the profile" "$key" "$(jq -r '.items[0].id' <<<"$out")"
run keys list --json
check "keys list with the current profile" "$key" "$(jq -r '.items[0].id' <<<"$out")"
run keys list --profile nobody
check "unknown profile exit" 2 "$rc"
contains "unknown profile message" "There is no profile named nobody" "$err"
LATCHKEY_URL=$url LATCHKEY_CLIENT_ID=$client_id LATCHKEY_CLIENT_SECRET=wrong run keys list
check "environment wins over the profile" 3 "$rc"
LATCHKEY_URL=$url LATCHKEY_CLIENT_ID=$client_id LATCHKEY_CLIENT_SECRET=$client_secret run login --client-id x --client-secret-env Y
check "login with environment credentials exit" 2 "$rc"

run profile use other
check "profile use exit" 0 "$rc"
run profile list --json
check "current is other" other "$(jq -r '.items[] | select(.current) | .name' <<<"$out")"
local_id=$(jq -r '.items[] | select(.name == "local") | .id' <<<"$out")
contains "the profile's secret is in the Secret Service before" "$local_id/automation-secret" \
    "$(secret-tool search --all server Latchkey 2>&1 || true)"
run profile use nobody
check "use unknown exit" 2 "$rc"
run profile remove local
check "profile remove exit" 0 "$rc"
# Only this profile's entries: other tests running at the same time share the test session's
# keychain and keep automation secrets of their own there.
found=$(secret-tool search --all server Latchkey 2>&1 || true)
lacks "secret gone from the Secret Service" "$local_id/automation-secret" "$found"
run keys list --profile local
check "removed profile exit" 2 "$rc"
run profile list --json
check "one profile left" 1 "$(jq '.items | length' <<<"$out")"
run login --help
contains "login --help example" "Example:" "$out"

finish
