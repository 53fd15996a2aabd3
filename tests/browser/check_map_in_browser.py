#!/usr/bin/env python3
"""Opens a trygg map (HTML) in headless Chromium and checks that it works as a published page:
the Leaflet map is there, every layer drew the expected number of features, nothing was
logged as an error, no network request left the page, and the screenshot shows a map.

Talks to Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe: JSON
messages ending in NUL on file descriptors 3 and 4), standard library only.

usage: check_map_in_browser.py PAGE.html --expect '{"clusters": 12, "walkways": 300}'
                               --screenshot OUT.png [--hidden reports,density]
Exit 0 when every check passes, 1 otherwise, 77 when no Chromium is installed.
"""

import argparse
import base64
import fcntl
import json
import os
import pathlib
import select
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from png_check import colour_stats, read_png  # noqa: E402


class Browser:
    def __init__(self, executable, profile):
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()

        def wire_fds():
            # Via descriptors >= 10 first, so neither end is overwritten before it is moved.
            high_r = fcntl.fcntl(to_browser_r, fcntl.F_DUPFD, 10)
            high_w = fcntl.fcntl(from_browser_w, fcntl.F_DUPFD, 10)
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        args = [executable, "--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-default-apps",
                "--disable-extensions", "--mute-audio", "--hide-scrollbars", "--window-size=1280,900",
                f"--user-data-dir={profile}", "about:blank"]
        self.proc = subprocess.Popen(args, pass_fds=(3, 4), preexec_fn=wire_fds,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no answer from Chromium")
            ready, _, _ = select.select([self.from_browser], [], [], left)
            if ready:
                chunk = os.read(self.from_browser, 1 << 20)
                if not chunk:
                    raise RuntimeError("Chromium closed the pipe")
                self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=None, timeout=30):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for_event(self, method, timeout=30):
        deadline = time.monotonic() + timeout
        for e in self.events:
            if e.get("method") == method:
                return e
        while True:
            e = self._read_message(deadline)
            self.events.append(e)
            if e.get("method") == method:
                return e

    def close(self):
        try:
            self.send("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("page")
    parser.add_argument("--expect", default="{}", help="JSON: layer id -> features drawn")
    parser.add_argument("--at-least", default="{}", help="JSON: layer id -> at least this many drawn")
    parser.add_argument("--screenshot", required=True)
    args = parser.parse_args()

    chromium = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
    if not chromium:
        print("SKIP: no chromium installed (scripts/install-deps.sh installs it)")
        return 77
    page = pathlib.Path(args.page).resolve()
    url = page.as_uri()
    failures = []
    with tempfile.TemporaryDirectory(prefix="trygg-browser-") as profile:
        browser = Browser(chromium, profile)
        try:
            target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            for domain in ("Page", "Network", "Runtime", "Log"):
                browser.send(f"{domain}.enable", session=session)
            browser.send("Emulation.setDeviceMetricsOverride",
                         {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}, session=session)
            browser.events.clear()
            browser.send("Page.navigate", {"url": url}, session=session)
            browser.wait_for_event("Page.loadEventFired", timeout=60)
            ready = None
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                ready = browser.send("Runtime.evaluate", {"expression": "document.body && document.body.getAttribute('data-ready')",
                                                          "returnByValue": True}, session=session)["result"].get("value")
                if ready == "true":
                    break
                time.sleep(0.2)
            if ready != "true":
                failures.append("the map script did not finish (data-ready never set)")
            time.sleep(0.5)  # let the canvas renderer paint before the screenshot

            def evaluate(expression):
                return browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True},
                                    session=session)["result"].get("value")

            rendered = json.loads(evaluate("document.body.getAttribute('data-rendered') || '{}'"))
            containers = evaluate("document.querySelectorAll('.leaflet-container').length")
            canvases = evaluate("document.querySelectorAll('.leaflet-overlay-pane canvas').length")
            legend_rows = evaluate("document.querySelectorAll('.trygg-legend-row').length")
            title = evaluate("(document.querySelector('.trygg-title h1') || {}).textContent || ''")
            shot = browser.send("Page.captureScreenshot", {"format": "png"}, session=session)
            pathlib.Path(args.screenshot).write_bytes(base64.b64decode(shot["data"]))
        finally:
            browser.close()

    if containers != 1:
        failures.append(f"expected one Leaflet map, found {containers}")
    if not canvases:
        failures.append("no canvas in the overlay pane: nothing was drawn")
    if not legend_rows:
        failures.append("the legend is empty")
    if not title:
        failures.append("no title")
    for layer, count in json.loads(args.expect).items():
        if rendered.get(layer) != count:
            failures.append(f"layer {layer}: {rendered.get(layer)} features drawn, expected {count}")
    for layer, count in json.loads(args.at_least).items():
        if (rendered.get(layer) or 0) < count:
            failures.append(f"layer {layer}: {rendered.get(layer)} features drawn, expected at least {count}")

    # Console errors, exceptions, and every request other than the page itself and data: URIs.
    for e in browser.events:
        method, params = e.get("method"), e.get("params", {})
        if method == "Runtime.exceptionThrown":
            failures.append("exception: " + json.dumps(params.get("exceptionDetails", {}))[:300])
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert", "warning"):
            failures.append("console " + params["type"] + ": " + json.dumps(params.get("args", []))[:300])
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") in ("error", "warning"):
            failures.append("log: " + params["entry"].get("text", "")[:300])
        elif method == "Network.requestWillBeSent":
            requested = params.get("request", {}).get("url", "")
            if requested != url and not requested.startswith("data:"):
                failures.append("network request: " + requested[:200])

    width, height, rows = read_png(args.screenshot)
    colours, drawn = colour_stats(rows)
    if (width, height) != (1280, 900):
        failures.append(f"screenshot is {width}x{height}, expected 1280x900")
    if colours < 8 or drawn < 0.05:
        failures.append(f"the screenshot looks empty ({colours} colours, {drawn:.1%} not background)")

    print(json.dumps({"rendered": rendered, "title": title, "legend_rows": legend_rows,
                      "screenshot": args.screenshot, "colours": colours, "drawn_share": round(drawn, 3)}))
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
