#!/bin/bash
# TrayPop's TCP line protocol from a shell: one JSON object per line in, one JSON reply line out.
#
# Where it goes: a PBX agent script, a softphone hook that runs a shell, or a terminal for testing.
# Usage: ./examples.sh [LINEPORT]      (LINEPORT is TrayPop:Listener:LinePort, default 47471)
# The connection may stay open for any number of events (a softphone plugin would keep one open);
# a malformed line gets {"error":...} and the connection stays usable.
set -eu
port="${1:-47471}"
call="line-$$"

# 1. nc (netcat-openbsd): -q 1 closes a second after stdin ends, by then the replies are back.
#    -N (shut down the write side at EOF) also works with the OpenBSD nc.
printf '%s\n' \
    "{\"number\":\"+14255550101\",\"type\":\"inbound\",\"phase\":\"ring\",\"callId\":\"$call\"}" \
    "{\"number\":\"+14255550101\",\"type\":\"inbound\",\"phase\":\"answer\",\"callId\":\"$call\"}" \
    | nc -q 1 127.0.0.1 "$port"

# 2. bash alone, through /dev/tcp (no nc needed): open fd 3 both ways, write a line, read a line.
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf '%s\n' "{\"number\":\"+14255550101\",\"type\":\"inbound\",\"phase\":\"end\",\"callId\":\"$call\"}" >&3
IFS= read -r reply <&3
echo "$reply"
printf '%s\n' '{"number":"+14255550101","phase":"sideways"}' >&3   # malformed: an error line back
IFS= read -r reply <&3
echo "$reply"
exec 3>&-
