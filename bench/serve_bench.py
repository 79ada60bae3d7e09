#!/usr/bin/env python3
"""Drives `govsite serve` for bench/serve.sh (stdlib only).

latency SITE LABEL [--file PATH]: starts the server on a copy of SITE, opens the live-reload
  event stream, then 20 times edits governance/people.yaml or PATH (alternating between two texts) and measures
  the time from the completed write to the arrival of `event: reload`; prints p50 and p95.
memory SITE: 500 consecutive edits, each waiting for its reload; prints VmRSS of the server
  at the start, after 100 edits and at the end.
stalled SITE LABEL: page latency (p50/p95 of sequential GETs) while a live-reload client that
  never reads is connected: first with nothing happening, then after an edit whose problem
  report is megabytes long (20 unknown role members with 60,000-character ids) was sent to
  every page and ten more pages opened their live-reload streams; then whether fixing the
  edit still reaches a reading page as `reload`, and how fast.
"""

import argparse
import math
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time

PATIENCE = 30.0  # seconds; a reload that takes longer than this is a failure


class Server:
    """A `govsite serve --port 0` child process and its stderr, drained on a thread."""

    def __init__(self, binary, site):
        self.proc = subprocess.Popen(
            [binary, "serve", site, "--port", "0"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=dict(os.environ, NO_COLOR="1"),
        )
        self.lines = []
        self.url_ready = threading.Event()
        self.url = None
        threading.Thread(target=self._drain, daemon=True).start()
        if not self.url_ready.wait(120):
            self.stop()
            sys.exit("govsite serve printed no URL:\n" + "\n".join(self.lines))
        m = re.match(r"http://([^/:]+):(\d+)(/.*)$", self.url)
        self.host, self.port, self.base = m.group(1), int(m.group(2)), m.group(3)

    def _drain(self):
        for raw in self.proc.stderr:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            self.lines.append(line)
            m = re.match(r"Serving .* at (http://\S+)", line)
            if m and not self.url_ready.is_set():
                self.url = m.group(1)
                self.url_ready.set()

    def rebuild_times_ms(self):
        return [int(m.group(1)) for m in (re.search(r"^Rebuilt \d+ files in (\d+) ms", l) for l in self.lines) if m]

    def rss_kib(self):
        with open(f"/proc/{self.proc.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


class Events:
    """The live-reload event stream, read incrementally over a raw socket."""

    def __init__(self, server):
        self.sock = socket.create_connection((server.host, server.port), timeout=PATIENCE)
        path = server.base + "__govsite/events"
        self.sock.sendall(f"GET {path} HTTP/1.1\r\nHost: {server.host}\r\nAccept: text/event-stream\r\n\r\n".encode())
        self.buf = b""
        while b"\r\n\r\n" not in self.buf:
            self._fill(time.monotonic() + PATIENCE)
        head, self.buf = self.buf.split(b"\r\n\r\n", 1)
        if not head.startswith(b"HTTP/1.1 200"):
            sys.exit(f"event stream answered {head!r}")

    def _fill(self, deadline):
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        self.sock.settimeout(left)
        chunk = self.sock.recv(65536)
        if not chunk:
            raise ConnectionError("event stream closed")
        self.buf += chunk

    def next_event(self, deadline):
        """The name of the next event (blocks until `deadline`)."""
        while True:
            while b"\n\n" in self.buf:
                block, self.buf = self.buf.split(b"\n\n", 1)
                for line in block.decode("utf-8", "replace").splitlines():
                    if line.startswith("event:"):
                        return line[6:].strip()
            self._fill(deadline)

    def drain(self, quiet):
        """Reads events until none arrives for `quiet` seconds; returns how many."""
        count = 0
        while True:
            try:
                self.next_event(time.monotonic() + quiet)
                count += 1
            except TimeoutError:
                return count


def write(path, text):
    """A plain editor save: the write is complete (closed) when this returns."""
    with open(path, "w") as f:
        f.write(text)


def two_texts(path):
    original = open(path).read()
    edited, n = re.subn(r"(name:\s*)([^,}\n]+)", r"\1\2 (edited)", original, count=1)
    if n == 0:
        edited = original + "\n# edited\n"
    return original, edited


def save_and_wait(events, path, text):
    """Writes `text`, waits for `reload`; returns the seconds in between."""
    write(path, text)
    saved = time.monotonic()
    deadline = saved + PATIENCE
    while True:
        name = events.next_event(deadline)
        if name == "reload":
            return time.monotonic() - saved
        if name == "problem":
            sys.exit(f"the edit of {path} broke the site")


def percentile(values, p):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def copy_site(site):
    tmp = tempfile.mkdtemp(prefix="govsite-serve-bench-")
    target = os.path.join(tmp, "site")
    shutil.copytree(site, target, ignore=shutil.ignore_patterns("public"))
    return tmp, target


def latency(binary, site, label, runs, edited="governance/people.yaml"):
    tmp, site = copy_site(site)
    server = Server(binary, site)
    try:
        events = Events(server)
        path = os.path.join(site, edited)
        texts = two_texts(path)
        samples, extra = [], 0
        for i in range(runs):
            samples.append(save_and_wait(events, path, texts[(i + 1) % 2]))
            # A save that reached the watcher as two bursts would send a second reload;
            # let it pass so it cannot be taken for the next edit's.
            extra += events.drain(0.15)
        ms = [s * 1000 for s in samples]
        rebuilds = server.rebuild_times_ms()[1:]  # the first is the initial build
        print(
            f"{label:<28} save→reload over {runs} edits: p50 {percentile(ms, 50):7.1f} ms   "
            f"p95 {percentile(ms, 95):7.1f} ms   (min {min(ms):.1f}, max {max(ms):.1f}; "
            f"rebuild p50 {percentile(rebuilds, 50) if rebuilds else 0} ms; extra reloads {extra})"
        )
    finally:
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def memory(binary, site, edits):
    tmp, site = copy_site(site)
    server = Server(binary, site)
    try:
        events = Events(server)
        path = os.path.join(site, "governance", "people.yaml")
        texts = two_texts(path)
        marks = {0: server.rss_kib()}
        started = time.monotonic()
        for i in range(1, edits + 1):
            save_and_wait(events, path, texts[i % 2])
            if i in (100, edits):
                events.drain(0.15)
                marks[i] = server.rss_kib()
        took = time.monotonic() - started
        mib = {k: v / 1024 for k, v in marks.items()}
        print(
            f"memory over {edits} edits of example-site: VmRSS start {mib[0]:.1f} MiB, "
            f"after 100 {mib[100]:.1f} MiB, after {edits} {mib[edits]:.1f} MiB "
            f"({took:.1f} s, {edits / took:.1f} edits/s)"
        )
    finally:
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def page_latencies(server, path, count, timeout=5.0, give_up=3):
    """`count` sequential GETs of `path`; returns the latencies (ms) of those answered 200 and
    how many failed. Stops after `give_up` failures in a row (a stuck server would otherwise
    take count x timeout)."""
    answered, failed, in_a_row = [], 0, 0
    for _ in range(count):
        started = time.monotonic()
        try:
            with socket.create_connection((server.host, server.port), timeout=timeout) as sock:
                sock.sendall(f"GET {path} HTTP/1.1\r\nHost: {server.host}\r\nConnection: close\r\n\r\n".encode())
                data = b""
                while True:
                    chunk = sock.recv(65536)
                    if not chunk:
                        break
                    data += chunk
            ok = data.startswith(b"HTTP/1.1 200")
        except OSError:
            ok = False
        if ok:
            answered.append((time.monotonic() - started) * 1000)
            in_a_row = 0
        else:
            failed += 1
            in_a_row += 1
            if in_a_row >= give_up:
                break
    return answered, failed


def describe(answered, failed, count):
    if not answered:
        return f"no page answered ({failed} failed in a row of {count} asked)"
    text = f"p50 {percentile(answered, 50):6.1f} ms  p95 {percentile(answered, 95):6.1f} ms  ({len(answered)} answered"
    return text + (f", {failed} failed or timed out)" if failed else ")")


def open_without_reading(server):
    """A live-reload client that sends its request and never reads a byte."""
    sock = socket.create_connection((server.host, server.port), timeout=PATIENCE)
    path = server.base + "__govsite/events"
    sock.sendall(f"GET {path} HTTP/1.1\r\nHost: {server.host}\r\nAccept: text/event-stream\r\n\r\n".encode())
    return sock


def wait_for_line(server, pattern, after, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(re.search(pattern, line) for line in server.lines[after:]):
            return True
        time.sleep(0.05)
    return False


def stalled(binary, site, label, requests):
    tmp, site = copy_site(site)
    server = Server(binary, site)
    try:
        page = server.base + "people/"
        stalled_client = open_without_reading(server)
        reading = Events(server)
        quiet = page_latencies(server, page, requests)

        roles = os.path.join(site, "governance", "roles.yaml")
        original = open(roles).read()
        strangers = "".join(f"      - stranger{i}-{'x' * 60000}\n" for i in range(20))
        broken = re.sub(r"(\n    members:\n)", lambda m: m.group(1) + strangers, original, count=1)
        mark = len(server.lines)
        write(roles, broken)
        if not wait_for_line(server, r"^error: the site has", mark, 120):
            sys.exit("the broken edit was not reported")
        time.sleep(1.0)  # let the problem go out to the pages
        opened = [open_without_reading(server) for _ in range(10)]
        after = page_latencies(server, page, requests)

        write(roles, original)
        fixed = time.monotonic()
        deadline = fixed + PATIENCE
        reload_ms = None
        try:
            while reload_ms is None:
                if reading.next_event(deadline) == "reload":
                    reload_ms = (time.monotonic() - fixed) * 1000
        except (TimeoutError, ConnectionError, OSError):
            pass
        print(f"{label}: page latency with a stalled live-reload client connected")
        print(f"  quiet:                                  {describe(*quiet, requests)}")
        print(f"  after a large problem and 10 new pages: {describe(*after, requests)}")
        print(
            "  fix -> reload at a reading page:        "
            + (f"{reload_ms:.0f} ms" if reload_ms is not None else f"none within {PATIENCE:.0f} s")
        )
        for sock in opened + [stalled_client]:
            sock.close()
    finally:
        server.stop()
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bin", default="target/release/govsite")
    sub = parser.add_subparsers(dest="mode", required=True)
    lat = sub.add_parser("latency")
    lat.add_argument("site")
    lat.add_argument("label")
    lat.add_argument("--runs", type=int, default=20)
    lat.add_argument("--file", default="governance/people.yaml", help="the file to edit, in the site")
    mem = sub.add_parser("memory")
    mem.add_argument("site")
    mem.add_argument("--edits", type=int, default=500)
    stall = sub.add_parser("stalled")
    stall.add_argument("site")
    stall.add_argument("label")
    stall.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    if args.mode == "latency":
        latency(args.bin, args.site, args.label, args.runs, args.file)
    elif args.mode == "stalled":
        stalled(args.bin, args.site, args.label, args.requests)
    else:
        memory(args.bin, args.site, args.edits)


if __name__ == "__main__":
    main()
