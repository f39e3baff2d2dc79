#!/bin/sh
# TrayPop with curl: every way of handing it a call over HTTP, runnable against `traypop demo`
# (whose sample contact Jane Doe is found from +14255550101).
#
# Where it goes: anywhere; copy the line you need into a softphone hook, PBX script or shell
# (installed with the other samples under /usr/local/lib/traypop/softphones, see ../README.md).
# Usage: ./examples.sh [PORT]          (PORT is TrayPop:Listener:Port, default 47470)
# Each line prints TrayPop's reply: 202 {"status":...}, or 400/401 {"error":...} and curl's exit 22.
#
# The token: when TrayPop:Listener:TokenFile (or :Token) is set, every request must carry it. This
# reads the same per-user file, ${TRAYPOP_TOKEN_FILE:-${XDG_CONFIG_HOME:-~/.config}/traypop/token},
# and hands the header to curl on stdin (--config -): never put the token on a command line, where
# any user of the machine can read it with ps.
# --fail-with-body (curl 7.76+): a refusal exits non-zero (22) and still prints TrayPop's reason.
set -eu
port="${1:-47470}"
base="http://127.0.0.1:$port"
call="demo-$$"   # a call id of our own, so repeated runs are new calls
token_file="${TRAYPOP_TOKEN_FILE:-${XDG_CONFIG_HOME:-$HOME/.config}/traypop/token}"
token=
if [ -r "$token_file" ]; then
    token=$(sed -n '1{s/[[:space:]]*$//;s/^[[:space:]]*//;p;}' "$token_file")
fi

# curl with the token header (when there is a token) and refusals as failures.
tp() {
    if [ -n "$token" ]; then printf 'header = "X-TrayPop-Token: %s"\n' "$token"; fi |
        curl --config - -sS --fail-with-body "$@"
}

# GET with a query string. -G --data-urlencode escapes values: "+" must arrive as %2B, not a space.
tp -G "$base/call" --data-urlencode "number=+14255550101" -d type=inbound -d phase=ring -d "callId=$call"
echo
tp -G "$base/call" --data-urlencode "number=+14255550101" -d type=inbound -d phase=answer -d "callId=$call"
echo

# POST with a JSON body: same fields, no escaping beyond JSON's own.
tp "$base/call" -H 'Content-Type: application/json' \
    -d "{\"number\":\"+14255550101\",\"type\":\"inbound\",\"phase\":\"end\",\"callId\":\"$call\"}"
echo

# POST with a form body (application/x-www-form-urlencoded, what -d sends by default).
tp "$base/call" --data-urlencode 'number="Jane Doe" <sip:4255550101@10.1.2.3>' -d type=outbound -d "callId=$call-out"
echo

# A malformed event gets 400 and the reason; with --fail-with-body curl exits 22, which a hook can
# test. This is how a hook surfaces a refusal: stderr, syslog (logger) and a non-zero exit.
if ! reply=$(tp -w ' (HTTP %{http_code})' -G "$base/call" -d type=sideways --data-urlencode "number=+14255550101" 2>&1); then
    echo "refused as expected: $reply" >&2
    logger -t traypop-curl -p user.notice -- "TrayPop refused a call event: $reply" 2>/dev/null || true
fi

# /pop answers with a redirect to the CRM page (what a browser-opening softphone follows).
tp -o /dev/null -w '%{http_code} -> %{redirect_url}\n' -G "$base/pop" --data-urlencode "number=+14255550101"

# Is it running, and can it reach the CRM? (/health wants the token too.)
tp "$base/health"
echo
