#!/usr/bin/env bash
# Screenshots of latchkey-server's sign-in, consent and error pages, as a phone and a desktop show
# them, in English and Brazilian Portuguese, for docs/. Needs Debian's chromium (headless).
# The sandbox admin signs in: it has no authorization yet, so the consent page shows.
# usage: tools/screenshots/server-pages.sh [LATCHKEY_SERVER] [OUTPUT_DIR]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
server=${1:-build/release/app/latchkey-server/latchkey-server}
out=${2:-docs/screenshots}
command -v chromium >/dev/null || { echo "needs chromium: apt-get install chromium" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

"$server" serve --sandbox --data-dir "$work/data" --listen 127.0.0.1:0 --ready-json >"$work/ready" 2>/dev/null &
pid=$!
for _ in $(seq 100); do [[ $(wc -l <"$work/ready") -ge 2 ]] && break; sleep 0.1; done
url=$(sed -n 2p "$work/ready" | jq -r .url)
bootstrap=$(sed -n 1p "$work/ready")
email=$(jq -r .bootstrap.admin.email <<<"$bootstrap")
password=$(jq -r .bootstrap.admin.password <<<"$bootstrap")
automation_id=$(jq -r .bootstrap.automation.client_id <<<"$bootstrap")
automation_secret=$(jq -r .bootstrap.automation.client_secret <<<"$bootstrap")
token=$(curl -s -u "$automation_id:$automation_secret" -d grant_type=client_credentials "$url/oauth/token" | jq -r .access_token)
client_id=$(curl -s -H "Authorization: Bearer $token" "$url/api/admin/v1/consumers?q=Partner" | jq -r '.items[0].client_id')

shoot() { # html-file name
    for size in phone:390,844 desktop:1280,800; do
        chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
            --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$work/chrome" \
            --window-size="${size#*:}" --screenshot="$out/$2-${size%%:*}.png" "file://$1" 2>/dev/null
    done
}
page() { # html (stdin) → file with a <base> so the stylesheet loads
    sed "s|<head>|<head><base href=\"$url/\">|" >"$work/$1.html"
    echo "$work/$1.html"
}

for lang in en pt-BR; do
    jar="$work/jar-$lang"
    verifier=$(python3 -c 'import secrets;print(secrets.token_urlsafe(32))')
    challenge=$(python3 -c 'import sys,hashlib,base64;print(base64.urlsafe_b64encode(hashlib.sha256(sys.argv[1].encode()).digest()).decode().rstrip("="))' "$verifier")
    authorize="$url/oauth/authorize?response_type=code&client_id=$client_id&redirect_uri=https%3A%2F%2Fpartners.example.com%2Foauth%2Fcallback&state=s&scope=assets%3Aread+work_orders%3Aread&code_challenge=$challenge&code_challenge_method=S256"
    signin=$(curl -s -c "$jar" -b "$jar" -H "Accept-Language: $lang" "$authorize")
    shoot "$(page "signin-$lang" <<<"$signin")" "server-signin-$lang"
    request=$(grep -o 'name="request" value="[^"]*"' <<<"$signin" | sed 's/.*value="//;s/"$//')
    csrf=$(grep -o 'name="csrf" value="[^"]*"' <<<"$signin" | sed 's/.*value="//;s/"$//')
    failed=$(curl -s -c "$jar" -b "$jar" -H "Accept-Language: $lang" --data-urlencode "request=$request" \
        --data-urlencode "csrf=$csrf" --data-urlencode "username=$email" --data-urlencode "password=wrong" \
        "$url/oauth/authorize")
    shoot "$(page "failed-$lang" <<<"$failed")" "server-signin-failed-$lang"
    consent=$(curl -s -c "$jar" -b "$jar" -H "Accept-Language: $lang" --data-urlencode "request=$request" \
        --data-urlencode "csrf=$csrf" --data-urlencode "username=$email" --data-urlencode "password=$password" \
        "$url/oauth/authorize")
    shoot "$(page "consent-$lang" <<<"$consent")" "server-consent-$lang"
    bad=$(curl -s -H "Accept-Language: $lang" "$url/oauth/authorize?response_type=code&client_id=$client_id&redirect_uri=https%3A%2F%2Fevil.example%2F")
    shoot "$(page "error-$lang" <<<"$bad")" "server-error-$lang"
done
ls "$out"/server-*.png
