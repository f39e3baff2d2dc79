#!/usr/bin/env python3
"""Play realistic softphone call sequences at a running TrayPop and check every reply.

Each scenario is what a softphone really reports for one kind of call (ring, answer, end with
one call id). The script sends it over the channel you choose, prints each event with TrayPop's
reply, and exits non-zero when a reply is not what TrayPop's default rules promise:

    inbound      ring -> resolved (looked up, nothing opened), answer -> opened, again -> duplicate
    queue call   ring -> resolved, end -> ended (answered by a colleague: nothing opens here)
    outbound     answer -> opened
    predictive   answer -> opened
    internal     every event -> ignored
    withheld     answer -> withheld with action "nothing" (no number, nothing to open)
    burst        the same answer four times at once -> exactly one opened, the rest duplicate

Run it against `traypop demo` (its built-in sample contacts are the ones used here):

    dotnet run --project src/TrayPop -- demo
    samples/softphones/simulate_calls.py --channel http-get
    samples/softphones/simulate_calls.py --channel command --traypop "dotnet run --project src/TrayPop --"

With a token set (TrayPop:Listener:Token or :TokenFile), give it the token file with --token-file; by
default it reads the per-user file when it exists (%LOCALAPPDATA%\\TrayPop\\token on Windows,
~/.config/traypop/token elsewhere), as the other samples do.

Only the Python standard library is used, so it runs wherever python3 does.
Exit codes: 0 every reply as promised, 1 some reply was not, 2 TrayPop could not be reached.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shlex
import socket
import subprocess
import sys
import threading
import urllib.parse
import uuid
from dataclasses import dataclass
from typing import Callable, Optional, Union

CHANNELS = ["http-get", "http-post-json", "http-post-form", "line", "command", "pop-url"]


# --- What a softphone sends, and what TrayPop should answer ------------------------------------


@dataclass(frozen=True)
class Event:
    """One call event as a softphone reports it, with the reply the default rules promise."""

    number: str
    type: str
    phase: Optional[str]  # None: "act now" (no phase field at all)
    call_id: Optional[str]
    expect: str  # the reply's "status"
    expect_action: Optional[str] = None  # the reply's "action", where it matters

    def fields(self) -> dict:
        """The event as the intake's field names; absent fields are left out, not sent empty."""
        values = {"number": self.number, "type": self.type, "phase": self.phase, "callId": self.call_id}
        return {key: value for key, value in values.items() if value is not None}


@dataclass(frozen=True)
class Burst:
    """The same event several times at once, as a softphone that fires a hook twice or a PBX that retries."""

    event: Event
    copies: int = 4


Step = Union[Event, Burst]


@dataclass(frozen=True)
class Scenario:
    name: str
    story: str
    steps: list


@dataclass
class Reply:
    """What came back: the JSON reply's status and action, or the redirect /pop answered with."""

    status: Optional[str] = None
    action: Optional[str] = None
    redirect: Optional[str] = None
    raw: str = ""
    error: Optional[str] = None


def scenarios(run_id: str) -> list:
    """The calls of an agent's morning. Call ids carry the run id, so a second run is a new set of calls."""

    def call_id(name: str) -> str:
        return f"{run_id}-{name}"

    jane, robert, oliver = "+14255550101", "+14255550106", "+442079460958"
    lukas, camille = "+493023125456", "+33199001234"
    return [
        Scenario("answered-inbound", "Jane Doe calls and the agent answers; the phone repeats the answer", [
            # Softphones often report the caller as a SIP URI on ring and a bare number later.
            Event(f"sip:{jane}@pbx.example.com;user=phone", "inbound", "ring", call_id("in"), "resolved"),
            Event(jane, "inbound", "answer", call_id("in"), "opened", "open-record"),
            Event(jane, "inbound", "answer", call_id("in"), "duplicate"),
            Event(jane, "inbound", "end", call_id("in"), "ended"),
        ]),
        Scenario("queue-call", "a queue call rings this agent but a colleague answers it", [
            Event(robert, "inbound", "ring", call_id("queue"), "resolved"),
            Event(robert, "inbound", "end", call_id("queue"), "ended"),
        ]),
        Scenario("outbound", "the agent calls Oliver Bennett back", [
            Event(oliver, "outbound", "answer", call_id("out"), "opened", "open-record"),
            Event(oliver, "outbound", "end", call_id("out"), "ended"),
        ]),
        Scenario("internal", "a colleague on extension 2201 calls", [
            Event("2201", "internal", "ring", call_id("int"), "ignored"),
            Event("2201", "internal", "answer", call_id("int"), "ignored"),
            Event("2201", "internal", "end", call_id("int"), "ended"),
        ]),
        Scenario("predictive", "the dialler connects the agent to Lukas Weber", [
            Event(lukas, "predictive", "answer", call_id("dial"), "opened", "open-record"),
            Event(lukas, "predictive", "end", call_id("dial"), "ended"),
        ]),
        Scenario("withheld", "a caller withholds the number", [
            Event("anonymous", "inbound", "ring", call_id("anon"), "resolved"),
            Event("anonymous", "inbound", "answer", call_id("anon"), "withheld", "nothing"),
            Event("anonymous", "inbound", "end", call_id("anon"), "ended"),
        ]),
        Scenario("burst", "Camille Martin calls; the phone fires its answer hook four times at once", [
            Event(camille, "inbound", "ring", call_id("burst"), "resolved"),
            Burst(Event(camille, "inbound", "answer", call_id("burst"), "opened", "open-record")),
            Event(camille, "inbound", "end", call_id("burst"), "ended"),
        ]),
    ]


# --- Channels: one way each of handing TrayPop an event -----------------------------------------


class Unreachable(Exception):
    """TrayPop is not listening where we were told it is."""


def parse_json_reply(text: str) -> Reply:
    try:
        body = json.loads(text)
    except json.JSONDecodeError:
        return Reply(raw=text, error="the reply is not JSON")
    if "error" in body:
        return Reply(raw=text, error=body["error"])
    return Reply(status=body.get("status"), action=body.get("action"), raw=text)


def default_token_file() -> str:
    """The per-user token file the samples read: %LOCALAPPDATA%\\TrayPop\\token, or ~/.config/traypop/token."""
    if os.environ.get("TRAYPOP_TOKEN_FILE"):
        return os.environ["TRAYPOP_TOKEN_FILE"]
    if os.name == "nt" and os.environ.get("LOCALAPPDATA"):
        return os.path.join(os.environ["LOCALAPPDATA"], "TrayPop", "token")
    config = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return os.path.join(config, "traypop", "token")


def read_token(path: Optional[str]) -> Optional[str]:
    """The first line of the token file, trimmed, as TrayPop reads it; None when there is no such file."""
    if not path or not os.path.isfile(path):
        return None
    with open(path, encoding="utf-8-sig") as file:
        return file.readline().strip() or None


class HttpChannel:
    """GET /call with a query string, or POST /call with a JSON or form body."""

    def __init__(self, host: str, port: int, style: str, token: Optional[str] = None):
        self.host, self.port, self.style, self.token = host, port, style, token

    def send(self, event: Event) -> Reply:
        fields = event.fields()
        if self.style == "get":
            status, _, text = self._request("GET", "/call?" + urllib.parse.urlencode(fields))
        elif self.style == "json":
            status, _, text = self._request("POST", "/call", json.dumps(fields), "application/json")
        else:
            status, _, text = self._request("POST", "/call", urllib.parse.urlencode(fields), "application/x-www-form-urlencoded")
        reply = parse_json_reply(text)
        if status != 202 and reply.error is None:
            reply.error = f"HTTP {status}"
        return reply

    def _request(self, method: str, path: str, body: Optional[str] = None, content_type: Optional[str] = None):
        # http.client, not urllib.request: it never follows redirects and sends Host: 127.0.0.1:PORT,
        # which TrayPop insists on (it refuses other host names to stop DNS rebinding).
        connection = http.client.HTTPConnection(self.host, self.port, timeout=15)
        try:
            headers = {"Content-Type": content_type} if content_type else {}
            if self.token:
                headers["X-TrayPop-Token"] = self.token
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            return response.status, response.getheader("Location"), response.read().decode("utf-8", "replace")
        except ConnectionRefusedError as ex:
            raise Unreachable(f"nothing listens on http://{self.host}:{self.port}") from ex
        finally:
            connection.close()

    def close(self) -> None:
        pass


class PopUrlChannel(HttpChannel):
    """GET /pop, as a softphone that can only open a URL in the browser: TrayPop answers with a redirect."""

    def __init__(self, host: str, port: int, token: Optional[str] = None):
        super().__init__(host, port, "pop", token)

    def send(self, event: Event) -> Reply:
        query = urllib.parse.urlencode({k: v for k, v in event.fields().items() if k != "phase"})
        status, location, text = self._request("GET", "/pop?" + query)
        if status == 302:
            return Reply(redirect=location, raw=f"302 -> {location}")
        if status == 200:
            return Reply(raw="200 page: " + text.replace("\n", " ")[:120])
        return Reply(raw=text, error=f"HTTP {status}: {text[:200]}")


class LineChannel:
    """The TCP line protocol: one JSON object per line, one reply line each, on one kept-open connection."""

    def __init__(self, host: str, port: int, token: Optional[str] = None):
        self.token = token
        try:
            self.socket = socket.create_connection((host, port), timeout=15)
        except ConnectionRefusedError as ex:
            raise Unreachable(f"nothing listens on tcp://{host}:{port}") from ex
        self.reader = self.socket.makefile("r", encoding="utf-8", newline="\n")

    def send(self, event: Event) -> Reply:
        fields = event.fields()
        if self.token:
            fields["token"] = self.token
        self.socket.sendall((json.dumps(fields) + "\n").encode("utf-8"))
        line = self.reader.readline()
        if not line:
            return Reply(error="TrayPop closed the connection")
        return parse_json_reply(line.strip())

    def close(self) -> None:
        self.reader.close()
        self.socket.close()


class CommandChannel:
    """`traypop pop …`, as MicroSIP, Jitsi or a script runs it: the number comes last."""

    def __init__(self, traypop: str, line_port: int, token_file: Optional[str] = None):
        self.command, self.line_port, self.token_file = shlex.split(traypop), line_port, token_file

    def send(self, event: Event) -> Reply:
        args = [*self.command, "pop", "--type", event.type]
        if event.phase:
            args += ["--phase", event.phase]
        if event.call_id:
            args += ["--call-id", event.call_id]
        args.append(f"--TrayPop:Listener:LinePort={self.line_port}")
        if self.token_file:
            # traypop pop reads the token itself, from the file its own configuration names.
            args.append(f"--TrayPop:Listener:TokenFile={self.token_file}")
        args.append(event.number)
        try:
            done = subprocess.run(args, capture_output=True, text=True, timeout=60, check=False)
        except FileNotFoundError as ex:
            raise Unreachable(f"cannot run {self.command[0]!r}; pass --traypop with the right command") from ex
        if done.returncode == 3:
            raise Unreachable(done.stderr.strip())
        if done.returncode != 0:
            return Reply(raw=done.stderr.strip(), error=f"exit {done.returncode}: {done.stderr.strip()}")
        lines = done.stdout.strip().splitlines()
        return parse_json_reply(lines[-1] if lines else "")

    def close(self) -> None:
        pass


def channel_factory(options: argparse.Namespace) -> Callable[[], object]:
    """A way to open a channel; bursts open one per copy so the copies really arrive together."""
    host, port = options.host, options.port
    token_file = options.token_file or default_token_file()
    token = read_token(token_file)
    used_file = token_file if token else None
    return {
        "http-get": lambda: HttpChannel(host, port, "get", token),
        "http-post-json": lambda: HttpChannel(host, port, "json", token),
        "http-post-form": lambda: HttpChannel(host, port, "form", token),
        "pop-url": lambda: PopUrlChannel(host, port, token),
        "line": lambda: LineChannel(host, options.line_port, token),
        "command": lambda: CommandChannel(options.traypop, options.line_port, used_file),
    }[options.channel]


# --- Checking replies against the promise ------------------------------------------------------


def check(event: Event, reply: Reply, channel: str) -> Optional[str]:
    """Why the reply breaks the promise, or None when it keeps it."""
    if reply.error:
        return reply.error
    if channel == "pop-url":
        # /pop acts at once and never opens anything itself: the softphone's browser follows the redirect.
        opens = event.expect == "opened" and event.expect_action not in (None, "nothing")
        if opens and not reply.redirect:
            return "expected a redirect to the CRM page"
        if opens and event.expect_action == "open-record" and "pagetype=entityrecord" not in reply.redirect:
            return "expected a redirect to a record page"
        if not opens and reply.redirect:
            return "expected a page, not a redirect"
        return None
    if reply.status != event.expect:
        hint = " (more than 5 pops in 10 s: wait, or raise TrayPop:Pop:RateLimit)" if reply.status == "rate-limited" else ""
        return f"expected status {event.expect}, got {reply.status}{hint}"
    if event.expect_action and reply.action != event.expect_action:
        return f"expected action {event.expect_action}, got {reply.action}"
    return None


def check_burst(burst: Burst, replies: list, channel: str) -> list:
    """Exactly one copy pops (whichever wins the race); every other copy is a duplicate."""
    if any(reply.error for reply in replies):
        return [reply.error for reply in replies if reply.error]
    if channel == "pop-url":
        opened = sum(1 for reply in replies if reply.redirect)
        return [] if opened == 1 else [f"expected exactly one redirect, got {opened}"]
    statuses = sorted(reply.status or "none" for reply in replies)
    wanted = sorted(["opened"] + ["duplicate"] * (burst.copies - 1))
    return [] if statuses == wanted else [f"expected one opened and {burst.copies - 1} duplicate, got {statuses}"]


# --- Playing the scenarios ---------------------------------------------------------------------


def describe(event: Event) -> str:
    call = f" callId={event.call_id}" if event.call_id else ""
    return f"{event.phase or 'now':6} {event.type:10} {event.number}{call}"


def report(event: Event, reply: Reply, problem: Optional[str]) -> None:
    print(f"  -> {describe(event)}")
    print(f"     <- {reply.raw}")
    if problem:
        print(f"     FAIL: {problem}")


def play_burst(burst: Burst, open_channel: Callable[[], object]) -> list:
    """Send every copy from its own thread and connection, released together by a barrier."""
    replies: list = [None] * burst.copies
    start = threading.Barrier(burst.copies)

    def send(index: int) -> None:
        channel = open_channel()
        try:
            start.wait()
            replies[index] = channel.send(burst.event)
        except Unreachable as ex:
            replies[index] = Reply(error=str(ex))
        finally:
            channel.close()

    threads = [threading.Thread(target=send, args=(i,)) for i in range(burst.copies)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return replies


def skipped_on_pop_url(step: Step) -> bool:
    # A softphone that can only open a URL opens it once, when the agent answers: it has no ring or end hook.
    event = step.event if isinstance(step, Burst) else step
    return event.phase in ("ring", "end")


def play(scenario: Scenario, options: argparse.Namespace, channel: object, open_channel: Callable[[], object]) -> int:
    """Plays one scenario; returns how many replies broke the promise."""
    print(f"== {scenario.name}: {scenario.story}")
    failures = 0
    for step in scenario.steps:
        if options.channel == "pop-url" and skipped_on_pop_url(step):
            continue
        if isinstance(step, Burst):
            replies = play_burst(step, open_channel)
            problems = check_burst(step, replies, options.channel)
            for reply in replies:
                report(step.event, reply, None)
            for problem in problems:
                print(f"     FAIL: {problem}")
            failures += len(problems)
        else:
            reply = channel.send(step)
            problem = check(step, reply, options.channel)
            report(step, reply, problem)
            failures += problem is not None
    return failures


def parse_options(argv: list) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Play realistic call sequences at a running TrayPop over one intake channel and check its replies.",
        epilog="Exit codes: 0 every reply as the default rules promise, 1 some reply was not, 2 TrayPop not reachable.")
    parser.add_argument("--channel", choices=CHANNELS, default="http-get",
                        help="how events reach TrayPop (default: http-get)")
    parser.add_argument("--host", default="127.0.0.1", help="TrayPop listens on loopback only (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=47470, help="TrayPop:Listener:Port, the HTTP intake (default: 47470)")
    parser.add_argument("--line-port", type=int, default=47471,
                        help="TrayPop:Listener:LinePort, the TCP line protocol (default: 47471)")
    parser.add_argument("--traypop", default="traypop",
                        help='command that runs traypop, for --channel command (default: traypop; '
                             'e.g. "dotnet run --project src/TrayPop --")')
    parser.add_argument("--token-file", metavar="FILE",
                        help="file whose first line is TrayPop's token (TrayPop:Listener:TokenFile); default: "
                             "the per-user file (~/.config/traypop/token, %%LOCALAPPDATA%%\\TrayPop\\token) when it exists")
    parser.add_argument("--scenario", action="append", metavar="NAME",
                        help="play only this scenario (repeatable); --list shows them")
    parser.add_argument("--run-id", default=uuid.uuid4().hex[:8],
                        help="prefix of every call id (default: random, so reruns are new calls)")
    parser.add_argument("--list", action="store_true", help="list the scenarios and exit")
    return parser.parse_args(argv)


def main(argv: list) -> int:
    options = parse_options(argv)
    chosen = scenarios(options.run_id)
    if options.list:
        for scenario in chosen:
            print(f"{scenario.name:18} {scenario.story}")
        return 0
    if options.scenario:
        unknown = set(options.scenario) - {s.name for s in chosen}
        if unknown:
            print(f"unknown scenario(s): {', '.join(sorted(unknown))}; --list shows them", file=sys.stderr)
            return 2
        chosen = [s for s in chosen if s.name in options.scenario]

    open_channel = channel_factory(options)
    print(f"Playing {len(chosen)} scenario(s) over {options.channel} (call ids {options.run_id}-…)")
    try:
        channel = open_channel()
        try:
            failures = sum(play(scenario, options, channel, open_channel) for scenario in chosen)
        finally:
            channel.close()
    except Unreachable as ex:
        print(f"TrayPop is not reachable: {ex}. Start it with 'traypop run' or 'traypop demo'.", file=sys.stderr)
        return 2

    print("All replies as promised." if failures == 0 else f"{failures} repl{'y' if failures == 1 else 'ies'} broke the promise.")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
