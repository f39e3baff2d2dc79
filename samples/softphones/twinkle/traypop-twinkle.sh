#!/bin/sh
# Twinkle -> TrayPop: one script for all of Twinkle's call-script triggers (see twinkle.cfg beside it).
#
# Where it goes: copy it to e.g. ~/.twinkle/traypop-twinkle.sh, `chmod +x` it, and name it (full path)
# in the SCRIPTS section of your Twinkle profile (~/.twinkle/<profile>.cfg, or Edit > User profile >
# Scripts). Needs curl.
#
# What Twinkle passes (verified in Twinkle's source, src/call_script.h and call_script.cpp):
#   - it runs the script with execve(): no shell, no PATH search, so the profile must hold the
#     absolute path and the file needs its #! line and the execute bit;
#   - TWINKLE_TRIGGER is in_call, in_call_answered, in_call_failed, out_call, out_call_answered,
#     out_call_failed, local_release or remote_release;
#   - SIP_FROM_USER / SIP_TO_USER are the user parts of the SIP message's From / To headers, and
#     every header is also passed as SIP_<NAME> in capitals with "-" turned into "_"; the Call-ID
#     header therefore arrives as SIP_CALL_ID (derived from that rule in t_header::encode_env);
#   - for in_call Twinkle reads the script's stdout (action=..., end) before it goes on ringing, so
#     the script answers "end" first, then tells TrayPop; the other triggers are fire-and-forget.
#
# Which party is "the other one": on incoming calls the caller is in From; on outgoing calls we are
# in From and the customer in To; in a BYE (local_release / remote_release) From is whoever hung up.

TRAYPOP_PORT="${TRAYPOP_PORT:-47470}"

case "$TWINKLE_TRIGGER" in
    in_call)
        # Let Twinkle ring at once, and never write to its pipe again (it closes it after "end").
        echo end
        exec >/dev/null
        type=inbound phase=ring number="$SIP_FROM_USER" ;;
    in_call_answered)  type=inbound  phase=answer number="$SIP_FROM_USER" ;;
    in_call_failed)    type=inbound  phase=end    number="$SIP_FROM_USER" ;;
    out_call)          type=outbound phase=ring   number="$SIP_TO_USER" ;;
    out_call_answered) type=outbound phase=answer number="$SIP_TO_USER" ;;
    out_call_failed)   type=outbound phase=end    number="$SIP_TO_USER" ;;
    # The call id is what matters for an end; the number only has to be non-empty.
    local_release)     type=inbound  phase=end    number="$SIP_TO_USER" ;;
    remote_release)    type=inbound  phase=end    number="$SIP_FROM_USER" ;;
    *) exit 0 ;;
esac

# An empty user part (a caller with no user in the URI) is a withheld number to TrayPop.
# -G --data-urlencode escapes the values ("+" must reach TrayPop as %2B, not as a space).
curl --silent --show-error --max-time 5 --output /dev/null -G "http://127.0.0.1:$TRAYPOP_PORT/call" \
    --data-urlencode "number=${number:-anonymous}" \
    --data-urlencode "type=$type" \
    --data-urlencode "phase=$phase" \
    --data-urlencode "callId=$SIP_CALL_ID"
exit 0
