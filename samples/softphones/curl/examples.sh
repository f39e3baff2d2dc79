#!/bin/sh
# TrayPop with curl: every way of handing it a call over HTTP, runnable against `traypop demo`
# (whose sample contact Jane Doe is found from +14255550101).
#
# Where it goes: anywhere; copy the line you need into a softphone hook, PBX script or shell.
# Usage: ./examples.sh [PORT]          (PORT is TrayPop:Listener:Port, default 47470)
# Each line prints TrayPop's reply: 202 {"status":...} or 400 {"error":...}.
set -eu
port="${1:-47470}"
base="http://127.0.0.1:$port"
call="demo-$$"   # a call id of our own, so repeated runs are new calls

# GET with a query string. -G --data-urlencode escapes values: "+" must arrive as %2B, not a space.
curl -sS -G "$base/call" --data-urlencode "number=+14255550101" -d type=inbound -d phase=ring -d "callId=$call"
echo
curl -sS -G "$base/call" --data-urlencode "number=+14255550101" -d type=inbound -d phase=answer -d "callId=$call"
echo

# POST with a JSON body: same fields, no escaping beyond JSON's own.
curl -sS "$base/call" -H 'Content-Type: application/json' \
    -d "{\"number\":\"+14255550101\",\"type\":\"inbound\",\"phase\":\"end\",\"callId\":\"$call\"}"
echo

# POST with a form body (application/x-www-form-urlencoded, what -d sends by default).
curl -sS "$base/call" --data-urlencode 'number="Jane Doe" <sip:4255550101@10.1.2.3>' -d type=outbound -d "callId=$call-out"
echo

# A malformed event gets 400 and the reason.
curl -sS -w ' (HTTP %{http_code})' -G "$base/call" -d type=sideways --data-urlencode "number=+14255550101"
echo

# /pop answers with a redirect to the CRM page (what a browser-opening softphone follows).
curl -sS -o /dev/null -w '%{http_code} -> %{redirect_url}\n' -G "$base/pop" --data-urlencode "number=+14255550101"

# Is it running, and can it reach the CRM?
curl -sS "$base/health"
echo
