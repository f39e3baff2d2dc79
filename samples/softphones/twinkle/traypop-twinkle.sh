#!/bin/sh
# Twinkle -> TrayPop: one script for all of Twinkle's call-script triggers (see twinkle.cfg beside it).
#
# Where it goes: /usr/local/lib/traypop/softphones/twinkle/traypop-twinkle.sh (under the one install path of the
# Linux samples, see ../README.md), mode 755; twinkle.cfg names it there for all eight triggers.
# Needs curl (7.76 or later, for --fail-with-body); logger (util-linux) for syslog.
#
# Settings, from the environment Twinkle was started with (Twinkle passes its own environment on):
#   TRAYPOP_PORT        TrayPop:Listener:Port, default 47470
#   TRAYPOP_TOKEN_FILE  the per-user token file, default ${XDG_CONFIG_HOME:-~/.config}/traypop/token:
#                       the file TrayPop:Listener:TokenFile names. When it exists, its first line is sent
#                       as X-TrayPop-Token (in a header fed to curl on stdin, never on a command line
#                       that other users of the machine could read with ps).
#
# What Twinkle passes (verified in Twinkle's source, src/call_script.h and call_script.cpp, and by
# running Twinkle 1.10.2 with SIPp calls, tests/TrayPop.SystemTests/Softphones):
#   - it runs the script with execve(): no shell, no PATH search, so the profile must hold the
#     absolute path and the file needs its #! line and the execute bit;
#   - TWINKLE_TRIGGER is in_call, in_call_answered, in_call_failed, out_call, out_call_answered,
#     out_call_failed, local_release or remote_release;
#   - SIP_FROM_USER / SIP_TO_USER are the user parts of the From / To URIs, SIP_FROM_HOST /
#     SIP_TO_HOST their host parts, and every header is also passed as SIP_<NAME> in capitals with
#     "-" turned into "_" (SIP_FROM, SIP_TO, SIP_CALL_ID);
#   - for a tel: URI (From: <tel:+14255550101>, as trunks and SBCs send) the user part is EMPTY and
#     the number is in SIP_FROM_HOST: the script sends it as tel:+14255550101;
#   - P-Asserted-Identity is NOT passed: a caller id that only a PBX's P-Asserted-Identity carries
#     cannot reach TrayPop from Twinkle;
#   - for in_call Twinkle reads the script's stdout (action=..., end) before it goes on ringing, so
#     the script answers "end" first, then tells TrayPop; the other triggers are fire-and-forget.
#
# Which party is "the other one": on incoming calls the caller is in From; on outgoing calls we are
# in From and the customer in To; in a BYE (local_release / remote_release) From is whoever hung up.
#
# When TrayPop refuses an event (401 wrong or missing token, 400 malformed, 429) or is not running,
# the script says so on stderr (Twinkle's terminal), in syslog (tag traypop-twinkle:
# `journalctl -t traypop-twinkle` or /var/log/syslog) and exits 1. The phone rings on regardless.

TRAYPOP_PORT="${TRAYPOP_PORT:-47470}"
TRAYPOP_TOKEN_FILE="${TRAYPOP_TOKEN_FILE:-${XDG_CONFIG_HOME:-$HOME/.config}/traypop/token}"

# The other party of a URI: its user part; a tel: URI's number (in the host part); or "anonymous"
# when a sip: URI has no user part (no number was given: a withheld caller to TrayPop).
party() { # USER HOST HEADER
    if [ -n "$1" ]; then
        printf '%s' "$1"
    else
        case "$3" in
            *'<tel:'* | tel:*) printf 'tel:%s' "$2" ;;
            *) printf 'anonymous' ;;
        esac
    fi
}
caller() { party "$SIP_FROM_USER" "$SIP_FROM_HOST" "$SIP_FROM"; }
callee() { party "$SIP_TO_USER" "$SIP_TO_HOST" "$SIP_TO"; }

case "$TWINKLE_TRIGGER" in
    in_call)
        # Let Twinkle ring at once, and never write to its pipe again (it closes it after "end").
        echo end
        exec >/dev/null
        type=inbound phase=ring number=$(caller) ;;
    in_call_answered)  type=inbound  phase=answer number=$(caller) ;;
    in_call_failed)    type=inbound  phase=end    number=$(caller) ;;
    out_call)          type=outbound phase=ring   number=$(callee) ;;
    out_call_answered) type=outbound phase=answer number=$(callee) ;;
    out_call_failed)   type=outbound phase=end    number=$(callee) ;;
    # The call id is what matters for an end; the number only has to be non-empty.
    local_release)     type=inbound  phase=end    number=$(callee) ;;
    remote_release)    type=inbound  phase=end    number=$(caller) ;;
    *) exit 0 ;;
esac

# The token: the file's first line, without surrounding blanks or a Windows line end.
token=
if [ -r "$TRAYPOP_TOKEN_FILE" ]; then
    token=$(sed -n '1{s/[[:space:]]*$//;s/^[[:space:]]*//;p;}' "$TRAYPOP_TOKEN_FILE")
fi

# -G --data-urlencode escapes the values ("+" must reach TrayPop as %2B, not as a space).
# --fail-with-body: a refusal is a non-zero exit with TrayPop's reason in the output.
reply=$(
    if [ -n "$token" ]; then printf 'header = "X-TrayPop-Token: %s"\n' "$token"; fi |
    curl --config - --silent --show-error --fail-with-body --max-time 5 \
        -w ' (HTTP %{http_code})' -G "http://127.0.0.1:$TRAYPOP_PORT/call" \
        --data-urlencode "number=$number" \
        --data-urlencode "type=$type" \
        --data-urlencode "phase=$phase" \
        --data-urlencode "callId=$SIP_CALL_ID" 2>&1
)
status=$?
if [ "$status" -ne 0 ]; then
    message="TrayPop did not take the $type $phase event of call $SIP_CALL_ID (curl exit $status): $reply"
    printf 'traypop-twinkle: %s\n' "$message" >&2
    logger -t traypop-twinkle -p user.warning -- "$message" 2>/dev/null || true
    exit 1
fi
exit 0
