#!/bin/bash
# TrayPop's TCP line protocol from a shell: one JSON object per line in, one JSON reply line out.
#
# Where it goes: a PBX agent script, a softphone hook that runs a shell, or a terminal for testing
# (installed with the other samples under /usr/local/lib/traypop/softphones, see ../README.md).
# Usage: ./examples.sh [LINEPORT]      (LINEPORT is TrayPop:Listener:LinePort, default 47471)
# The connection may stay open for any number of events (a softphone plugin would keep one open);
# a malformed line gets {"error":...} and the connection stays usable.
#
# The token: when TrayPop:Listener:TokenFile (or :Token) is set, every line must carry it as a
# "token" field. This reads the same per-user file,
# ${TRAYPOP_TOKEN_FILE:-${XDG_CONFIG_HOME:-~/.config}/traypop/token} (keep the token to letters,
# digits, "-" and "_", e.g. `openssl rand -hex 32`, so it needs no JSON escaping). A wrong or
# missing token gets {"error":"the TrayPop token is missing or wrong ..."}: example 2 shows how a
# hook surfaces a refusal (stderr, syslog, exit 1).
set -eu
port="${1:-47471}"
call="line-$$"
token_file="${TRAYPOP_TOKEN_FILE:-${XDG_CONFIG_HOME:-$HOME/.config}/traypop/token}"
auth=""
if [[ -r "$token_file" ]]; then
    token=$(sed -n '1{s/[[:space:]]*$//;s/^[[:space:]]*//;p;}' "$token_file")
    [[ -n "$token" ]] && auth=",\"token\":\"$token\""
fi

# 1. nc (netcat-openbsd): -q 1 closes a second after stdin ends, by then the replies are back.
#    -N (shut down the write side at EOF) also works with the OpenBSD nc.
printf '%s\n' \
    "{\"number\":\"+14255550101\",\"type\":\"inbound\",\"phase\":\"ring\",\"callId\":\"$call\"$auth}" \
    "{\"number\":\"+14255550101\",\"type\":\"inbound\",\"phase\":\"answer\",\"callId\":\"$call\"$auth}" \
    | nc -q 1 127.0.0.1 "$port"

# 2. bash alone, through /dev/tcp (no nc needed): open fd 3 both ways, write a line, read a line.
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf '%s\n' "{\"number\":\"+14255550101\",\"type\":\"inbound\",\"phase\":\"end\",\"callId\":\"$call\"$auth}" >&3
IFS= read -r reply <&3
echo "$reply"
# What a hook does with an error line: say it where an engineer looks (stderr, syslog), and fail.
refused() {
    echo "TrayPop refused the event: $1" >&2
    logger -t traypop-line -p user.warning -- "TrayPop refused a call event: $1" 2>/dev/null || true
}
if [[ "$reply" == '{"error"'* ]]; then refused "$reply"; exit 1; fi
printf '%s\n' "{\"number\":\"+14255550101\",\"phase\":\"sideways\"$auth}" >&3   # malformed: an error line back
IFS= read -r reply <&3
echo "$reply (refused, as this example means it to be)"
exec 3>&-
